"""Reading a Vendor Central sales or inventory report into Amazon facts."""

from odoo import models

from ..formats.amazon_reports import read_report
from ..formats.cleaning import clean_report
from ..formats.errors import FormatError


class AcornPosImport(models.Model):
    """The Vendor Central side of an import: one line per ASIN and period."""

    _inherit = "acorn.pos.import"  # pylint: disable=consider-merging-classes-inherited

    def _read_report(self, payload):
        """Reads a report file with its report type's mapping into lines."""
        if not self.mapping_id:
            raise FormatError.at(
                self.name, self.env._("no column mapping for this report type")
            )
        period = None
        if self.period_start:
            period = (self.period_start, self.period_end or self.period_start)
        rows = read_report(payload, self.name, self.mapping_id._to_format(), period)
        products = self._resolve_asins({row.asin for row in rows})
        keys = {row.key for row in rows}
        seen = self._earlier_lines([("receipt", "in", list({key[0] for key in keys}))])
        verdicts = clean_report(
            rows,
            seen_keys={(line.receipt, line.line_ref) for line in seen},
            known_skus=set(products),
        )
        lines = self.env["acorn.pos.import.line"].create(
            [
                self._report_line_values(row, verdict, products.get(row.asin))
                for row, verdict in zip(rows, verdicts, strict=True)
            ]
        )
        self.env["acorn.pos.unmapped.product"]._queue(lines)
        lines._sync_facts()

    def _resolve_asins(self, asins):
        """Maps ASINs to product ids through the account's active ASIN identifiers."""
        identifiers = self.env["acorn.product.identifier"].search(
            [
                ("account_id", "=", self.account_id.id),
                ("qualifier", "=", "BP"),
                ("value", "in", list(asins)),
            ],
            order="id",  # the newest identifier of an ASIN wins
        )
        return {
            identifier.value: identifier.product_id.id for identifier in identifiers
        }

    def _report_line_values(self, row, verdict, product_id):
        period, asin = row.key
        return {
            **self._line_owner(),
            "row": row.row,
            "receipt": period,
            "line_ref": asin,
            "date": row.start,
            "date_end": row.end,
            "sku": asin,
            "product_id": product_id,
            "quantity": float(row.units),
            "amount": float(row.revenue),
            "on_hand": float(row.on_hand),
            "cleaning": verdict.rule,
            "duplicate_row": verdict.first_row,
            "source_ref": f"{self.kind}/{self.account_id.vendor_code}/{period}/{asin}",
        }
