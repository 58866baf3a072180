"""A period summary of Amazon remittances as a workbook: per remittance, and
deductions by type and month."""

from collections import defaultdict

from odoo import fields, models
from odoo.exceptions import UserError

from ..models.acorn_amz_remittance_xlsx import XLSX_MIME
from ..tools.remittance_xlsx import Sheet, build_workbook

REMITTANCE_COLUMNS = (
    ("Payment date", "date"),
    ("Trace number", "text"),
    ("Vendor account", "text"),
    ("Currency", "text"),
    ("Amount paid", "amount"),
    ("Deductions", "amount"),
    ("Lines", "int"),
    ("Open items", "int"),
    ("Match rate (%)", "percent"),
    ("Status", "text"),
    ("Payment", "text"),
)
BY_TYPE_COLUMNS = (("Month", "text"), ("Deduction type", "text"), ("Amount", "amount"))


class AcornAmzRemittanceSummary(models.TransientModel):
    """Asks for a period and an account, returns the summary workbook."""

    _name = "acorn.amz.remittance.summary"
    _description = "Amazon Remittance Summary"

    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        help="Empty: every account of the current companies.",
    )
    attachment_id = fields.Many2one("ir.attachment", readonly=True)

    def _amz_remittances(self):
        domain = [
            ("payment_date", ">=", self.date_from),
            ("payment_date", "<=", self.date_to),
        ]
        if self.account_id:
            domain.append(("account_id", "=", self.account_id.id))
        return self.env["acorn.amz.remittance"].search(domain, order="payment_date, id")

    def _amz_summary_bytes(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period ends before it starts."))
        remittances = self._amz_remittances()
        states = dict(remittances._fields["state"]._description_selection(self.env))
        rows = tuple(
            (r.payment_date, r.trace_number, r.account_id.name, r.currency_id.name,
             r.amount, r.deduction_total, r.line_count, r.open_count, r.match_rate,
             states.get(r.state), r.payment_id.name)
            for r in remittances
        )  # fmt: skip
        by_type = defaultdict(float)
        unknown = self.env._("To identify")
        for adjustment in remittances.adjustment_ids:
            month = adjustment.payment_date.strftime("%Y-%m")
            by_type[month, adjustment.deduction_type_id.name or unknown] += (
                adjustment.amount
            )
        summary = [
            ("From", self.date_from, "date"),
            ("To", self.date_to, "date"),
            ("Remittances", len(remittances), "int"),
            ("Amount paid", sum(remittances.mapped("amount")), "amount"),
            ("Deductions", sum(remittances.mapped("deduction_total")), "amount"),
        ]
        sheets = (
            Sheet("Remittances", REMITTANCE_COLUMNS, rows),
            Sheet(
                "Deductions by type",
                BY_TYPE_COLUMNS,
                tuple((m, t, a) for (m, t), a in sorted(by_type.items())),
            ),
        )
        return build_workbook("Amazon remittances", summary, sheets)

    def action_export(self):
        """Button: build the summary, store it, download it."""
        self.ensure_one()
        self.attachment_id = self.env["ir.attachment"].create(
            {
                "name": f"amazon-remittances-{self.date_from}-{self.date_to}.xlsx",
                "raw": self._amz_summary_bytes(),
                "mimetype": XLSX_MIME,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }
