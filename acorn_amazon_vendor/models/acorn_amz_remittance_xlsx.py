"""A remittance as an accountant's workbook: built by the pure
``tools.remittance_xlsx.build_workbook``, stored as an attachment, downloaded from a
button (works the same from a cron or a test: no HTTP request needed)."""

from odoo import models

from ..tools.remittance_xlsx import Sheet, build_workbook

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LINE_COLUMNS = (
    ("#", "int"),
    ("RMR01", "text"),
    ("Reference", "text"),
    ("PO", "text"),
    ("Date", "date"),
    ("Invoiced", "amount"),
    ("Discount", "amount"),
    ("Paid", "amount"),
    ("Status", "text"),
    ("How matched", "text"),
    ("Invoice", "text"),
    ("Invoice residual", "amount"),
    ("Deduction type", "text"),
)
DEDUCTION_COLUMNS = (
    ("RMR reference", "text"),
    ("Source", "text"),
    ("Reason code", "text"),
    ("Reference", "text"),
    ("Deduction type", "text"),
    ("Amount", "amount"),
    ("Dispute by", "date"),
    ("Resolution", "text"),
)


def _labels(records, name):
    return dict(records._fields[name]._description_selection(records.env))


class AcornAmzRemittance(models.Model):
    _inherit = "acorn.amz.remittance"  # pylint: disable=consider-merging-classes-inherited

    def _amz_xlsx_bytes(self):
        """The workbook of one remittance, as bytes."""
        self.ensure_one()
        states = _labels(self, "state")
        summary = [
            ("Vendor account", self.account_id.name, "text"),
            ("Trace number (TRN02)", self.trace_number, "text"),
            ("Payment date", self.payment_date, "date"),
            ("Method", self.payment_method, "text"),
            ("Currency", self.currency_id.name, "text"),
            ("Amount paid (BPR02)", self.amount, "amount"),
            ("Deductions", self.deduction_total, "amount"),
            ("Lines", self.line_count, "int"),
            ("Match rate (%)", self.match_rate, "percent"),
            ("Status", states.get(self.state), "text"),
            ("Payment", self.payment_id.name, "text"),
        ]
        sheets = (
            Sheet("Lines", LINE_COLUMNS, tuple(self._amz_xlsx_line_rows())),
            Sheet(
                "Deductions", DEDUCTION_COLUMNS, tuple(self._amz_xlsx_deduction_rows())
            ),
        )
        return build_workbook(f"Amazon remittance {self.trace_number}", summary, sheets)

    def _amz_xlsx_line_rows(self):
        lines = self.line_ids
        states, methods = _labels(lines, "state"), _labels(lines, "match_method")
        for line in lines:
            yield (
                line.sequence,
                line.qualifier,
                line.reference,
                line.po_number,
                line.document_date,
                line.amount_invoiced,
                line.discount,
                line.amount_paid,
                states.get(line.state),
                methods.get(line.match_method),
                line.move_id.name or line.related_move_id.name,
                line.move_id.amount_residual if line.move_id else None,
                line.deduction_type_id.name,
            )

    def _amz_xlsx_deduction_rows(self):
        adjustments = self.adjustment_ids
        sources = _labels(adjustments, "source")
        resolutions = _labels(adjustments, "resolution")
        for adjustment in adjustments:
            yield (
                adjustment.line_id.reference,
                sources.get(adjustment.source),
                adjustment.reason_code,
                adjustment.reference,
                adjustment.deduction_type_id.name or self.env._("To identify"),
                adjustment.amount,
                adjustment.dispute_deadline,
                resolutions.get(adjustment.resolution),
            )

    def _amz_store_xlsx(self):
        """Stores the workbook as an attachment of the remittance; returns it.

        Readers of the remittance may export it: the attachment is written as
        superuser, and read back through the remittance's own rights.
        """
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"amazon-remittance-{self.trace_number}.xlsx",
                    "raw": self._amz_xlsx_bytes(),
                    "mimetype": XLSX_MIME,
                    "res_model": self._name,
                    "res_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
        )

    def action_export_xlsx(self):
        """Button: build the workbook, keep it on the remittance, download it."""
        attachment = self._amz_store_xlsx()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
