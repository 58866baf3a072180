"""Reading a store's POS sales export: parse, clean, queue unknown SKUs, write facts."""

from odoo import models

from ..formats.cleaning import clean
from ..formats.errors import FormatError
from ..formats.sales import read_sales, read_sales_json

JSON_MIMETYPE = "application/json"


class AcornPosImport(models.Model):
    """The external POS side of an import: one line per sales row of the export."""

    _inherit = "acorn.pos.import"  # pylint: disable=consider-merging-classes-inherited

    def _read_sales(self, payload):
        """Reads a POS export (CSV, XLSX, or the endpoint's JSON) into lines."""
        if self.origin == "http":
            rows = read_sales_json(payload)
        else:
            if not self.mapping_id:
                raise FormatError.at(
                    self.name,
                    self.env._(
                        "the store %(store)s has no column mapping: choose one on "
                        "its form, then read the file again",
                        store=self.store_id.display_name,
                    ),
                )
            rows = read_sales(payload, self.name, self.mapping_id._to_format())
        products = self.store_id._resolve_skus({row.sku for row in rows})
        verdicts = clean(
            rows,
            seen_keys=self._seen_sales_keys(rows),
            known_sales=self._earlier_sales(rows),
            known_skus=set(products),
        )
        lines = self.env["acorn.pos.import.line"].create(
            [
                self._sales_line_values(row, verdict, products.get(row.sku))
                for row, verdict in zip(rows, verdicts, strict=True)
            ]
        )
        self.env["acorn.pos.unmapped.product"]._queue(lines)
        lines._sync_facts()

    def _sales_line_values(self, row, verdict, product_id):
        return {
            **self._line_owner(),
            "row": row.row,
            "json_path": row.location.get("path"),
            "receipt": row.receipt,
            "line_ref": row.line,
            "date": row.date,
            "sku": row.sku,
            "product_id": product_id,
            "quantity": float(row.quantity),
            "amount": float(row.amount),
            "cost": float(row.cost) if row.cost is not None else 0.0,
            "has_cost": row.cost is not None,
            "refund_of": row.refund_of,
            "cleaning": verdict.rule,
            "duplicate_row": verdict.first_row,
            "source_ref": self._sales_source_ref(row.receipt, row.line),
        }

    def _sales_source_ref(self, receipt, line):
        """Natural key of a store's receipt line, unique in its company."""
        return f"{self.store_id.store_code}/{receipt}/{line}"

    def _earlier_lines(self, domain):
        """Lines of the same store's (or account's) other imports that hold a key."""
        owner = (
            [("store_id", "=", self.store_id.id)]
            if self.store_id
            else [("account_id", "=", self.account_id.id), ("kind", "=", self.kind)]
        )
        return self.env["acorn.pos.import.line"].search(
            [
                *owner,
                ("import_id", "!=", self.id),
                ("import_id.state", "=", "done"),
                ("cleaning", "!=", "duplicate"),
                *domain,
            ]
        )

    def _seen_sales_keys(self, rows):
        lines = self._earlier_lines(
            [("receipt", "in", list({r.receipt for r in rows}))]
        )
        return {(line.receipt, line.line_ref) for line in lines}

    def _earlier_sales(self, rows):
        """``(receipt, sku)`` sales of earlier imports that refunds here return."""
        refunded = list({row.refund_of for row in rows if row.refund_of})
        if not refunded:
            return set()
        lines = self._earlier_lines(
            [
                ("receipt", "in", refunded),
                ("quantity", ">", 0),
                ("cleaning", "not in", ("test", "voided")),
            ]
        )
        return {(line.receipt, line.sku) for line in lines}

    def _write_facts(self, lines):
        """Writes the channel-sale facts of counted lines; links each to its fact.

        Args:
            lines: ``acorn.pos.import.line`` records of this import to count.
        """
        sale_model = self.env["acorn.channel.sale"]
        known = sale_model._fields
        vals_list = [
            {key: value for key, value in line._fact_values().items() if key in known}
            for line in lines
        ]
        facts = sale_model._chain_write_facts(vals_list)
        for line, fact in zip(lines, facts, strict=True):
            line.fact_id = fact
