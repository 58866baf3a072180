"""Deduction types of a vendor account: what Amazon takes off a payment, and where
each kind is booked (FACTS §7, §14)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The kinds of deduction Amazon makes on remittances (FACTS §7 [C-T], §14 [C-T]).
DEDUCTION_KINDS = [
    ("shortage_claim", "Shortage claim"),
    ("coop", "Co-op"),
    ("damage_allowance", "Damage allowance"),
    ("price_protection", "Price protection"),
    ("compliance_chargeback", "Compliance chargeback"),
    ("return", "Return"),
    ("freight", "Freight"),
    ("other", "Other"),
]
# Chargebacks can be disputed within 30 days (FACTS §7 [C-T]); the other windows
# are not published and default to the same.
DEFAULT_DISPUTE_DAYS = 30


class AcornAmzDeductionType(models.Model):
    """One kind of deduction on one vendor account, with its ledger account."""

    _name = "acorn.amz.deduction.type"
    _description = "Amazon Deduction Type"
    _order = "account_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    code = fields.Selection(DEDUCTION_KINDS, required=True, default="other")
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
    booking_account_id = fields.Many2one(
        "account.account",
        string="Ledger Account",
        required=True,
        check_company=True,
        help="Deductions of this type are booked here when a remittance is posted.",
    )
    dispute_days = fields.Integer(
        string="Dispute Window (days)",
        default=DEFAULT_DISPUTE_DAYS,
        help="Days after the payment date during which Amazon accepts a dispute.",
    )
    reason_codes = fields.Char(
        string="ADX Reason Codes",
        help="ADX02 reason codes of this type, separated by commas. Amazon does "
        "not publish its codes: fill them in as they appear on your remittances.",
    )

    _sql_constraints = [
        (
            "code_unique",
            "unique(account_id, code)",
            "Each deduction type appears once per vendor account.",
        )
    ]

    @api.constrains("dispute_days")
    def _check_dispute_days(self):
        for deduction_type in self:
            if deduction_type.dispute_days < 0:
                raise ValidationError(self.env._("A dispute window can't be negative."))

    def _amz_reason_codes(self):
        """{ADX02 code: type} of these types."""
        codes = {}
        for deduction_type in self:
            for code in (deduction_type.reason_codes or "").split(","):
                if code.strip():
                    codes.setdefault(code.strip().upper(), deduction_type)
        return codes
