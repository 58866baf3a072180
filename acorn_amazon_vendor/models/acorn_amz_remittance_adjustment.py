"""Deductions of an 820: ADX adjustments (on an RMR or the whole payment), RMR06
discounts, and RMR lines that are Amazon deduction references (FACTS §7, §14).

Each record is one amount Amazon kept; positive amounts reduce the payment.
"""

from datetime import timedelta

from odoo import api, fields, models

# Where a deduction was read: the X12 segment or element it came from.
SOURCES = [
    ("adx", "ADX adjustment"),
    ("discount", "RMR06 discount"),
    ("reference", "Deduction reference (RMR)"),
]
# What the vendor did about it.
RESOLUTIONS = [
    ("open", "Open"),
    ("accepted", "Accepted"),
    ("disputed", "Disputed"),
]


class AcornAmzRemittanceAdjustment(models.Model):
    """One deduction: amount, reason code, reference and deduction type."""

    _name = "acorn.amz.remittance.adjustment"
    _description = "Amazon Remittance Deduction"
    _order = "payment_date desc, id"
    _check_company_auto = True
    _rec_name = "reference"

    remittance_id = fields.Many2one(
        "acorn.amz.remittance", required=True, index=True, ondelete="cascade"
    )
    line_id = fields.Many2one(
        "acorn.amz.remittance.line",
        string="RMR Line",
        index="btree_not_null",
        ondelete="cascade",
        help="Empty for an adjustment of the whole payment (ADX under ENT).",
    )
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
        related="remittance_id.payment_date", store=True, precompute=True, index=True
    )
    remittance_state = fields.Selection(related="remittance_id.state")
    source = fields.Selection(SOURCES, required=True, default="adx")
    amount = fields.Monetary(
        help="Kept by Amazon (ADX01 with its sign turned, RMR06, or RMR04 of a "
        "deduction reference); negative when Amazon gives back.",
    )
    reason_code = fields.Char(help="ADX02.")
    reference_qualifier = fields.Char(help="ADX03.")
    reference = fields.Char(index="trigram", help="ADX04 or RMR02.")
    invoice_reference = fields.Char(related="line_id.reference", string="RMR Reference")
    deduction_type_id = fields.Many2one(
        "acorn.amz.deduction.type", check_company=True, index="btree_not_null"
    )
    identified = fields.Boolean(compute="_compute_identified", store=True)
    resolution = fields.Selection(
        RESOLUTIONS, default="open", required=True, index=True
    )
    dispute_deadline = fields.Date(compute="_compute_dispute_deadline", store=True)
    age_days = fields.Integer(string="Age (days)", compute="_compute_age")

    @api.depends("deduction_type_id")
    def _compute_identified(self):
        for adjustment in self:
            adjustment.identified = bool(adjustment.deduction_type_id)

    @api.depends("payment_date", "deduction_type_id.dispute_days")
    def _compute_dispute_deadline(self):
        for adjustment in self:
            days = adjustment.deduction_type_id.dispute_days
            adjustment.dispute_deadline = (
                adjustment.payment_date + timedelta(days=days)
                if adjustment.payment_date and adjustment.deduction_type_id
                else False
            )

    def _compute_age(self):
        today = fields.Date.context_today(self)
        for adjustment in self:
            date = adjustment.payment_date
            adjustment.age_days = (today - date).days if date else 0

    def action_accept(self):
        """Button: the deduction is right; it leaves the open list."""
        self.write({"resolution": "accepted"})
        return True

    def action_dispute(self):
        """Button: the deduction is disputed in Vendor Central."""
        self.write({"resolution": "disputed"})
        for remittance in self.remittance_id:
            refs = self.filtered(lambda a, r=remittance: a.remittance_id == r)
            remittance.message_post(
                body=self.env._(
                    "Disputed: %(refs)s.",
                    refs=", ".join(refs.mapped(lambda a: a.reference or "-")),
                )
            )
        return True
