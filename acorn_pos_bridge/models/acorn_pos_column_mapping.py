"""Saved column mappings: which column of an export holds each sales field."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..formats.amazon_reports import INVENTORY, SALES, ReportMapping
from ..formats.sales import SalesMapping

# What a mapping reads: a store's POS export or a Vendor Central report type.
KINDS = [
    ("pos_sales", "External POS sales export"),
    (SALES, "Vendor Central sales report"),
    (INVENTORY, "Vendor Central inventory report"),
]
DECIMALS = [
    ("auto", "Detect from the file"),
    (".", "Point (1,234.50)"),
    (",", "Comma (1.234,50)"),
]
# Mapping field -> neutral field of the format code, per kind.
POS_COLUMNS = {
    "col_receipt": "receipt",
    "col_line": "line",
    "col_date": "date",
    "col_sku": "sku",
    "col_quantity": "quantity",
    "col_amount": "amount",
    "col_cost": "cost",
    "col_voided": "voided",
    "col_test": "test",
    "col_refund_of": "refund_of",
}
REPORT_COLUMNS = {
    "col_sku": "asin",
    "col_period_start": "period_start",
    "col_period_end": "period_end",
    "col_quantity": "units",
    "col_amount": "revenue",
    "col_on_hand": "on_hand",
}
REQUIRED = {
    "pos_sales": ("col_receipt", "col_date", "col_sku", "col_quantity", "col_amount"),
    SALES: ("col_sku", "col_quantity", "col_amount"),
    INVENTORY: ("col_sku", "col_on_hand"),
}


class AcornPosColumnMapping(models.Model):
    """How to read one kind of export: a header name per field, and number/date style.

    A store's mapping reads its POS export; a Vendor Central account reads its
    sales and inventory reports with the mapping of that report type. Header
    names are matched exactly; the header row may sit below report settings lines.
    """

    _name = "acorn.pos.column.mapping"
    _description = "Sales Export Column Mapping"
    _order = "kind, name, id"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Leave empty to share the mapping."
    )
    kind = fields.Selection(KINDS, required=True, default="pos_sales")
    note = fields.Text(help="What the export is and where it comes from.")
    col_receipt = fields.Char("Receipt column", help="Receipt or ticket number.")
    col_line = fields.Char(
        "Line column",
        help="Line number on the receipt. When empty, a receipt's lines are "
        "numbered in file order.",
    )
    col_date = fields.Char("Date column", help="Sale date (a time part is ignored).")
    col_sku = fields.Char(
        "SKU / ASIN column", help="The store's product code, or the ASIN of a report."
    )
    col_quantity = fields.Char(
        "Quantity column",
        help="Units sold (negative for a refund), or units shipped by Amazon.",
    )
    col_amount = fields.Char(
        "Net amount column",
        help="Net revenue of the line, or Amazon's shipped revenue.",
    )
    col_cost = fields.Char("Cost column", help="Cost of the goods sold, if exported.")
    col_voided = fields.Char("Void flag column", help="Yes when the line was voided.")
    col_test = fields.Char(
        "Test flag column", help="Yes for a test or training transaction."
    )
    col_refund_of = fields.Char(
        "Refunded receipt column", help="The original receipt a refund returns."
    )
    col_period_start = fields.Char("Period start column")
    col_period_end = fields.Char("Period end column")
    col_on_hand = fields.Char(
        "On-hand column", help="Sellable on-hand units of the inventory report."
    )
    decimal_separator = fields.Selection(DECIMALS, required=True, default="auto")
    date_formats = fields.Char(
        help="strptime formats tried after ISO 8601 dates, separated by commas, "
        "e.g. %d.%m.%Y or %m/%d/%y.",
    )
    true_words = fields.Char(
        "Extra 'yes' words",
        help="Words meaning yes in the flag columns besides 1, yes, true, x, "
        "separated by commas (e.g. VOID, T).",
    )
    sheet = fields.Char(help="XLSX sheet to read; the first sheet when empty.")

    @api.constrains("kind", *POS_COLUMNS, *REPORT_COLUMNS)
    def _check_required_columns(self):
        for mapping in self:
            missing = [
                mapping._fields[name].string
                for name in REQUIRED[mapping.kind]
                if not (mapping[name] or "").strip()
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "The mapping %(name)s needs these columns: %(columns)s",
                        name=mapping.name,
                        columns=", ".join(missing),
                    )
                )

    @staticmethod
    def _split(text):
        return tuple(part.strip() for part in (text or "").split(",") if part.strip())

    def _columns(self, names):
        return {
            neutral: (self[name] or "").strip()
            for name, neutral in names.items()
            if (self[name] or "").strip()
        }

    def _to_format(self):
        """Returns the pure mapping the format readers take."""
        self.ensure_one()
        options = {
            "decimal": self.decimal_separator,
            "date_formats": self._split(self.date_formats),
            "sheet": self.sheet or "",
        }
        if self.kind == "pos_sales":
            return SalesMapping(
                columns=self._columns(POS_COLUMNS),
                true_words=self._split(self.true_words),
                **options,
            )
        if not options["date_formats"]:
            del options["date_formats"]  # the report's US default
        return ReportMapping(self.kind, self._columns(REPORT_COLUMNS), **options)
