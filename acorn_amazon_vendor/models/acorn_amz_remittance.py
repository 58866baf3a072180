"""An Amazon payment read from an 820 (BPR, TRN): its lines, deductions, matching
status and the payment that books it (FACTS §7, §14).

Matching lives in acorn_amz_remittance_match.py, booking in
acorn_amz_remittance_booking.py; all define the one model ``acorn.amz.remittance``.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

# Where a remittance stands; "error" keeps the reason in ``error_message``.
STATES = [
    ("to_match", "To match"),
    ("partial", "Partially matched"),
    ("matched", "Matched"),
    ("posted", "Posted"),
    ("error", "Error"),
]


class AcornAmzRemittance(models.Model):
    """One 820 transaction set: one payment from Amazon for many invoices."""

    _name = "acorn.amz.remittance"
    _description = "Amazon Remittance"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "payment_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    partner_id = fields.Many2one(related="account_id.partner_id")
    message_id = fields.Many2one(
        "acorn.edi.message", string="EDI Message", readonly=True, index=True
    )
    trace_number = fields.Char(
        required=True, readonly=True, index=True, help="TRN02: Amazon's payment number."
    )
    content_digest = fields.Char(readonly=True, index=True)
    amount = fields.Monetary(readonly=True, help="BPR02: the amount paid.")
    currency_id = fields.Many2one("res.currency", required=True, readonly=True)
    payment_method = fields.Char(readonly=True, help="BPR04 (ACH, CHK, FWT ...).")
    payment_date = fields.Date(readonly=True, index=True, help="BPR16.")
    payer_name = fields.Char(readonly=True, help="N1*PR.")
    payee_name = fields.Char(readonly=True, help="N1*PE.")
    payee_code = fields.Char(readonly=True, help="N1*PE N104.")
    state = fields.Selection(
        STATES,
        required=True,
        default="to_match",
        readonly=True,
        index=True,
        tracking=True,
    )
    error_message = fields.Text(readonly=True)
    line_ids = fields.One2many(
        "acorn.amz.remittance.line", "remittance_id", readonly=True
    )
    adjustment_ids = fields.One2many(
        "acorn.amz.remittance.adjustment", "remittance_id", readonly=True
    )
    payment_id = fields.Many2one(
        "account.payment", readonly=True, copy=False, check_company=True, index=True
    )
    statement_line_id = fields.Many2one(
        "account.bank.statement.line",
        string="Bank Statement Line",
        readonly=True,
        copy=False,
    )
    line_count = fields.Integer(compute="_compute_counts", store=True)
    matched_count = fields.Integer(compute="_compute_counts", store=True)
    open_count = fields.Integer(
        string="Open Items", compute="_compute_counts", store=True
    )
    match_rate = fields.Float(
        string="Match Rate (%)", compute="_compute_counts", store=True, aggregator="avg"
    )
    deduction_total = fields.Monetary(compute="_compute_deductions", store=True)
    deduction_summary = fields.Text(
        string="Deductions by Type", compute="_compute_deduction_summary"
    )

    _sql_constraints = [
        (
            "trace_unique",
            "unique(account_id, trace_number)",
            "A trace number is booked once per vendor account.",
        )
    ]

    @api.depends("trace_number", "payment_date")
    def _compute_name(self):
        for remittance in self:
            remittance.name = f"820 {remittance.trace_number or ''}".strip()

    @api.depends("line_ids.state")
    def _compute_counts(self):
        for remittance in self:
            lines = remittance.line_ids
            done = len(lines.filtered(lambda line: line.state != "open"))
            remittance.line_count = len(lines)
            remittance.matched_count = done
            remittance.open_count = len(lines) - done
            remittance.match_rate = 100.0 * done / len(lines) if lines else 0.0

    @api.depends("adjustment_ids.amount", "adjustment_ids.deduction_type_id")
    def _compute_deductions(self):
        for remittance in self:
            remittance.deduction_total = sum(remittance.adjustment_ids.mapped("amount"))

    def _compute_deduction_summary(self):
        unknown = self.env._("To identify")
        for remittance in self:
            totals = {}
            for adjustment in remittance.adjustment_ids:
                key = adjustment.deduction_type_id.name or unknown
                totals[key] = totals.get(key, 0.0) + adjustment.amount
            remittance.deduction_summary = "\n".join(
                f"{key}: {remittance.currency_id.format(value)}"
                for key, value in sorted(totals.items())
            )

    def _amz_update_state(self):
        """Writes the state the lines give, unless posted or failed."""
        for remittance in self.filtered(lambda r: r.state not in ("posted", "error")):
            lines = remittance.line_ids
            done = lines.filtered(lambda line: line.state != "open")
            if lines and done == lines:
                state = "matched"
            elif done:
                state = "partial"
            else:
                state = "to_match"
            if remittance.state != state:
                remittance.state = state

    def action_rematch(self):
        """Button: match the open lines again (an invoice or pattern was added)."""
        if self.filtered(lambda r: r.state == "posted"):
            raise UserError(self.env._("A posted remittance is not matched again."))
        self.line_ids.filtered(lambda line: line.state == "open")._amz_rematch()
        self.write({"error_message": False})
        self.filtered(lambda r: r.state == "error").state = "to_match"
        self._amz_update_state()
        self._amz_schedule_open_items()
        return True

    def action_open_payment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.payment",
            "res_id": self.payment_id.id,
            "view_mode": "form",
        }

    def action_open_message(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "acorn.edi.message",
            "res_id": self.message_id.id,
            "view_mode": "form",
        }

    def _amz_schedule_open_items(self):
        """One activity per remittance that holds lines nothing matched."""
        activity_type = self.env.ref(
            "acorn_amazon_vendor.mail_activity_amz_remittance_open",
            raise_if_not_found=False,
        )
        for remittance in self:
            opened = remittance.line_ids.filtered(lambda line: line.state == "open")
            existing = remittance.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            if not opened:
                existing.action_feedback(feedback=self.env._("Every line is matched."))
                continue
            if existing or not activity_type:
                continue
            remittance.activity_schedule(
                act_type_xmlid="acorn_amazon_vendor.mail_activity_amz_remittance_open",
                summary=self.env._("%(count)s open item(s)", count=len(opened)),
                note=self.env._(
                    "Nothing matched these references: %(refs)s. Find the invoice "
                    "(or add a reference pattern), then Match Again.",
                    refs=", ".join(opened[:20].mapped("reference")),
                ),
                user_id=remittance.account_id.user_id.id or self.env.uid,
            )
