"""Amazon reference patterns of a vendor account: a regular expression on an RMR or
ADX reference -> a deduction type (defaults: FACTS §14)."""

import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# FACTS §14 [C-T] references on Vendor Central remittances, most specific first:
# (name, expression, deduction kind). The group ``invoice`` names our invoice.
DEFAULT_PATTERNS = [
    ("Revised shortage claim", r"^(?P<invoice>.+)SCRSC$", "shortage_claim"),
    ("Shortage claim reversal", r"^(?P<invoice>.+)SCR$", "shortage_claim"),
    ("Shortage claim", r"^(?P<invoice>.+)SC$", "shortage_claim"),
    ("Chargeback debit note", r"^.+VCBSINV$", "compliance_chargeback"),
    ("Price protection claim", r"^IPAPUS", "price_protection"),
]


class AcornAmzReferencePattern(models.Model):
    """A reference Amazon writes for a deduction, recognised by an expression."""

    _name = "acorn.amz.reference.pattern"
    _description = "Amazon Reference Pattern"
    _order = "account_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    pattern = fields.Char(
        string="Regular Expression",
        required=True,
        help="Python regular expression searched in the reference, upper case. "
        "A group named 'invoice' gives the invoice the deduction is about.",
    )
    deduction_type_id = fields.Many2one(
        "acorn.amz.deduction.type",
        required=True,
        check_company=True,
        ondelete="cascade",
        domain="[('account_id', '=', account_id)]",
    )

    @api.constrains("pattern")
    def _check_pattern(self):
        for record in self:
            try:
                re.compile(record.pattern)
            except re.error as error:
                raise ValidationError(
                    self.env._(
                        "Pattern %(name)s is not a valid expression: %(error)s",
                        name=record.name,
                        error=error,
                    )
                ) from error

    def _amz_compiled(self):
        """[(compiled expression, deduction type)] in sequence order."""
        return [
            (re.compile(record.pattern), record.deduction_type_id)
            for record in self.sorted(lambda r: (r.sequence, r.id))
            if record.active
        ]
