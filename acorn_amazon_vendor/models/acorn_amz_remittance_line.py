"""One RMR of an 820: an invoice, credit note or Amazon deduction reference, what it
pays and how it was matched (FACTS §7, §14)."""

from datetime import timedelta
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import UserError

# How a line found what it is, in the order matching tries (issue contract).
MATCH_METHODS = [
    ("invoice_number", "Invoice number"),
    ("po_number", "PO number"),
    ("reference_pattern", "Amazon reference pattern"),
    ("manual", "By hand"),
    ("none", "Not matched"),
]
# matched: pays an invoice or credit note; typed: a deduction of a known type;
# open: nothing matched (an open item, never guessed).
# How far apart an invoice date and an RMR date may be for a suggestion (days).
SUGGESTION_DAYS = 45
LINE_STATES = [
    ("matched", "Matched"),
    ("typed", "Deduction"),
    ("open", "Open item"),
]


class AcornAmzRemittanceLine(models.Model):
    """An RMR line with its adjustments."""

    _name = "acorn.amz.remittance.line"
    _description = "Amazon Remittance Line"
    _order = "remittance_id, sequence, id"
    _check_company_auto = True
    _rec_name = "reference"

    remittance_id = fields.Many2one(
        "acorn.amz.remittance", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    company_id = fields.Many2one(
        related="remittance_id.company_id", store=True, index=True, precompute=True
    )
    account_id = fields.Many2one(
        related="remittance_id.account_id", store=True, precompute=True
    )
    currency_id = fields.Many2one(
        related="remittance_id.currency_id", store=True, precompute=True
    )
    payment_date = fields.Date(
        related="remittance_id.payment_date", store=True, precompute=True
    )
    trace_number = fields.Char(related="remittance_id.trace_number")
    qualifier = fields.Char(help="RMR01 (IV invoice, CR credit memo ...).")
    reference = fields.Char(required=True, index="trigram", help="RMR02.")
    po_number = fields.Char(string="PO Number", index="trigram", help="REF*PO.")
    document_date = fields.Date(help="DTM under the RMR (invoice date).")
    amount_paid = fields.Monetary(help="RMR04.")
    amount_invoiced = fields.Monetary(help="RMR05.")
    discount = fields.Monetary(help="RMR06.")
    segment_position = fields.Integer(help="Position of the RMR segment in the set.")
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        index="btree_not_null",
        check_company=True,
        help="The invoice or credit note this line pays.",
    )
    invoice_residual = fields.Monetary(
        related="move_id.amount_residual", string="Invoice Residual"
    )
    related_move_id = fields.Many2one(
        "account.move",
        string="Deduction On",
        check_company=True,
        help="For a deduction: the invoice its reference names.",
    )
    suggested_move_id = fields.Many2one(
        "account.move",
        string="Suggestion",
        check_company=True,
        help="An open invoice of the same amount near the same date: a suggestion "
        "only, never applied without you.",
    )
    match_method = fields.Selection(MATCH_METHODS, default="none", required=True)
    state = fields.Selection(LINE_STATES, default="open", required=True, index=True)
    deduction_type_id = fields.Many2one(
        "acorn.amz.deduction.type", check_company=True, index="btree_not_null"
    )
    adjustment_ids = fields.One2many("acorn.amz.remittance.adjustment", "line_id")

    @api.constrains("move_id")
    def _check_move_partner(self):
        for line in self.filtered("move_id"):
            amazon = line.account_id.partner_id.commercial_partner_id
            if line.move_id.commercial_partner_id != amazon:
                raise UserError(
                    self.env._(
                        "Invoice %(move)s is not billed to %(partner)s.",
                        move=line.move_id.name,
                        partner=amazon.display_name,
                    )
                )

    def _amz_settled(self):
        """What this line clears on its invoice: paid plus its line deductions."""
        self.ensure_one()
        return self.amount_paid + sum(self.adjustment_ids.mapped("amount"))

    def action_accept_suggestion(self):
        """Button: the user confirms the suggested invoice."""
        for line in self:
            if not line.suggested_move_id:
                raise UserError(self.env._("This line has no suggestion."))
            line._amz_check_editable()
            line.write(
                {
                    "move_id": line.suggested_move_id.id,
                    "match_method": "manual",
                    "state": "matched",
                    "suggested_move_id": False,
                }
            )
        self.remittance_id._amz_update_state()
        self.remittance_id._amz_schedule_open_items()
        return True

    def _amz_check_editable(self):
        if self.remittance_id.state == "posted":
            raise UserError(self.env._("The remittance is posted."))

    def _amz_reference_deduction(self):
        """The deduction a line is by itself: typed, or unknown and negative."""
        self.ensure_one()
        if self.state == "matched" or (self.state == "open" and self.amount_paid >= 0):
            return []
        return [
            {
                "remittance_id": self.remittance_id.id,
                "line_id": self.id,
                "source": "reference",
                "amount": -self.amount_paid,
                "reference": self.reference,
                "deduction_type_id": self.deduction_type_id.id,
            }
        ]

    def _amz_suggest(self, index):
        """Suggests the only open invoice of the same amount near the same date."""
        amazon = self.account_id.partner_id.commercial_partner_id.id
        by_amount = {}
        for row in index["rows"].values():
            if row["commercial_partner_id"] == amazon and row["amount_residual"]:
                by_amount.setdefault(_cents(row["amount_residual"]), []).append(row)
        for line in self.filtered(lambda line: line.amount_paid > 0):
            date = line.document_date or line.payment_date
            found = [
                row["id"]
                for row in by_amount.get(
                    _cents(line.amount_invoiced or line.amount_paid), []
                )
                if _near(row, date)
            ]
            if len(found) == 1:
                line.suggested_move_id = found[0]

    def _amz_rematch(self):
        """Matches open lines again; their reference deductions follow."""
        if not self:
            return
        remittance = self.remittance_id
        remittance.ensure_one()
        index = remittance._amz_invoice_index(remittance.account_id)
        matcher = remittance._amz_matcher(index)
        for line in self:
            item = _LineItem(line)
            line.write(remittance._amz_match_item(item, matcher))
            line.adjustment_ids.filtered(lambda a: a.source == "reference").unlink()
            self.env["acorn.amz.remittance.adjustment"].create(
                line._amz_reference_deduction()
            )
        self.filtered(lambda line: line.state == "open")._amz_suggest(index)


def _cents(value):
    return round(Decimal(str(value or 0)), 2)


def _near(row, date):
    invoice_date = row["invoice_date"]
    return not date or (
        invoice_date and abs(invoice_date - date) <= timedelta(days=SUGGESTION_DAYS)
    )


class _LineItem:
    """What matching reads of an RMR, taken from a stored line."""

    def __init__(self, line):
        self.reference = line.reference
        self.po_number = line.po_number or ""
        self.segment_position = line.segment_position
