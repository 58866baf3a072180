"""Vendor Central sales and inventory report files mapped to :class:`ReportRow`.

Vendor Central's Retail Analytics downloads (CSV or XLSX) hold one row per ASIN
for a viewing range. A report type has its own column mapping: the sales report
gives units shipped and shipped revenue, the inventory report the sellable
on-hand units. The period comes from mapped start/end columns, else from the
``Viewing Range=[start - end]`` setting on the file's first line, else from the
period given with the upload.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from .errors import FormatError, Location
from .sales import mapped_columns
from .tables import read_table
from .values import parse_date, parse_number, parse_text, sniff_decimal

SALES = "amazon_sales"
INVENTORY = "amazon_inventory"
# Report type -> neutral number fields it carries (besides asin and the period).
REPORT_FIELDS = {
    SALES: ("units", "revenue"),
    INVENTORY: ("on_hand",),
}
# Vendor Central writes US dates month first with a two-digit year.
DEFAULT_DATE_FORMATS = ("%m/%d/%y", "%m/%d/%Y")
VIEWING_RANGE = re.compile(r"Viewing Range=\[\s*([^\]]+?)\s+-\s+([^\]]+?)\s*\]")


@dataclass(frozen=True)
class ReportMapping:
    """Which column holds each field of one report type.

    ``columns`` maps ``asin``, ``period_start``, ``period_end`` and the type's
    number fields (``REPORT_FIELDS``) to header names.
    """

    kind: str
    columns: dict
    decimal: str = "auto"
    date_formats: tuple = DEFAULT_DATE_FORMATS
    sheet: str = ""

    def required_headers(self):
        return [header for header in self.columns.values() if header]


@dataclass(frozen=True)
class ReportRow:
    """One ASIN's figures for one period of a report."""

    row: int
    asin: str
    start: object
    end: object
    units: Decimal = Decimal(0)
    revenue: Decimal = Decimal(0)
    on_hand: Decimal = Decimal(0)

    @property
    def sku(self):
        return self.asin

    @property
    def key(self):
        """Natural key of the row: period and ASIN (a report repeats nothing else)."""
        return (f"{self.start.isoformat()}..{self.end.isoformat()}", self.asin)


def preamble_period(table, formats):
    """The viewing range named on the lines above the header, or None."""
    for cells in table.preamble:
        found = VIEWING_RANGE.search(",".join(str(c or "") for c in cells))
        if found:
            try:
                return tuple(parse_date(text, formats) for text in found.groups())
            except ValueError as error:
                raise FormatError.at(table.filename, str(error), row=1) from error
    return None


def _row_values(cells, columns, mapping, decimal):
    """Parses one row; returns ``(values, {field: message})``."""
    values, problems = {}, {}
    for name, header in columns.items():
        value = cells.get(header)
        try:
            if name == "asin":
                values[name] = parse_text(value)
                if not values[name]:
                    raise ValueError("a value is required")
            elif name in ("period_start", "period_end"):
                values[name] = parse_date(value, mapping.date_formats)
            elif value in (None, "") or str(value).strip() in ("", "—", "-"):
                values[name] = Decimal(0)  # Vendor Central leaves zero cells empty
            else:
                values[name] = parse_number(value, decimal)
        except ValueError as error:
            problems[header] = str(error)
    return values, problems


def _period(values, default, table):
    start = values.get("period_start") or (default and default[0])
    end = values.get("period_end") or (default and default[1]) or start
    if not start:
        raise FormatError.at(
            table.filename,
            "the report names no period: map its start and end columns, or give "
            "the period with the upload",
        )
    return start, end


def map_report(table, mapping, period=None):
    """Maps a report table's rows; refuses the whole table if one row is bad.

    Args:
        table: a :class:`~.tables.Table`.
        mapping: the report type's :class:`ReportMapping`.
        period: ``(start, end)`` dates used when the file names none.

    Returns:
        The :class:`ReportRow` list.

    Raises:
        FormatError: every located problem (row and column header).
    """
    columns = mapped_columns(table, mapping)
    default = preamble_period(table, mapping.date_formats) or period
    decimal = mapping.decimal
    if decimal == "auto":
        numbers = REPORT_FIELDS[mapping.kind]
        cells = (r.get(columns.get(n)) for _num, r in table.rows for n in numbers)
        decimal = sniff_decimal(cells, table.delimiter)
    rows, problems = [], []
    for number, cells in table.rows:
        values, errors = _row_values(cells, columns, mapping, decimal)
        problems += [Location(table.filename, number, h, m) for h, m in errors.items()]
        if not errors:
            start, end = _period(values, default, table)
            numbers = {
                n: values.get(n, Decimal(0)) for n in REPORT_FIELDS[mapping.kind]
            }
            rows.append(ReportRow(number, values["asin"], start, end, **numbers))
    if problems:
        raise FormatError(problems)
    return rows


def read_report(payload, filename, mapping, period=None):
    """Reads a Vendor Central report file (CSV or XLSX) into :class:`ReportRow`."""
    table = read_table(
        payload, filename, mapping.required_headers(), sheet=mapping.sheet or None
    )
    return map_report(table, mapping, period)
