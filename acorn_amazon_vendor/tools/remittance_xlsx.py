"""Workbooks for accountants, built from plain data (no Odoo import): one remittance
(lines, deductions, how each line matched, invoice residuals) or a period summary.

``build_workbook(title, summary, sheets)`` returns the .xlsx bytes. Each sheet is a
``Sheet`` of column headings with a kind each (text, amount, date, int, percent) and
rows of values; amount and int columns get a total row. Cells are written as their
kind, never as formulas: a reference starting with "=" stays text.
"""

import datetime
import io
from dataclasses import dataclass, field

# Column kinds -> xlsxwriter number formats.
FORMATS = {
    "amount": "#,##0.00;[Red]-#,##0.00",
    "date": "yyyy-mm-dd",
    "int": "0",
    "percent": "0.0",
}
# Kinds summed in the total row.
TOTALLED = ("amount", "int")
WIDTHS = {"text": 24, "amount": 14, "date": 12, "int": 8, "percent": 9}


@dataclass(frozen=True)
class Sheet:
    """A worksheet: name, [(heading, kind)], rows of values in column order."""

    name: str
    columns: tuple
    rows: tuple = field(default_factory=tuple)


def build_workbook(title, summary, sheets):
    """Returns the bytes of an .xlsx workbook.

    Args:
        title: first line of the first sheet (e.g. "Amazon remittance 0098877665").
        summary: [(label, value, kind)] written under the title on a "Summary" sheet.
        sheets: Sheet objects, each with a frozen heading row and a total row.
    """
    import xlsxwriter  # optional at import time: only building a workbook needs it

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    styles = _styles(workbook)
    _summary_sheet(workbook, styles, title, summary)
    for sheet in sheets:
        _data_sheet(workbook, styles, sheet)
    workbook.close()
    return output.getvalue()


def _styles(workbook):
    styles = {
        kind: workbook.add_format({"num_format": fmt}) for kind, fmt in FORMATS.items()
    }
    styles["text"] = workbook.add_format({})
    styles["heading"] = workbook.add_format(
        {"bold": True, "bottom": 1, "bg_color": "#DDEBF7"}
    )
    styles["title"] = workbook.add_format({"bold": True, "font_size": 14})
    styles["label"] = workbook.add_format({"bold": True})
    for kind, fmt in list(FORMATS.items()) + [("text", "@")]:
        styles["total_" + kind] = workbook.add_format(
            {"bold": True, "top": 1, "num_format": fmt}
        )
    return styles


def _summary_sheet(workbook, styles, title, summary):
    worksheet = workbook.add_worksheet("Summary")
    worksheet.set_column(0, 0, 30)
    worksheet.set_column(1, 1, 24)
    worksheet.write_string(0, 0, title, styles["title"])
    for row, (label, value, kind) in enumerate(summary, start=2):
        worksheet.write_string(row, 0, label, styles["label"])
        _write(worksheet, row, 1, value, kind, styles)


def _data_sheet(workbook, styles, sheet):
    worksheet = workbook.add_worksheet(sheet.name[:31])
    for column, (heading, kind) in enumerate(sheet.columns):
        worksheet.set_column(column, column, WIDTHS.get(kind, 16))
        worksheet.write_string(0, column, heading, styles["heading"])
    worksheet.freeze_panes(1, 0)
    totals = [0] * len(sheet.columns)
    for row, values in enumerate(sheet.rows, start=1):
        for column, (value, (_heading, kind)) in enumerate(
            zip(values, sheet.columns, strict=True)
        ):
            _write(worksheet, row, column, value, kind, styles)
            if kind in TOTALLED and value not in (None, False, ""):
                totals[column] += value
    if sheet.rows:
        worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)
    last = len(sheet.rows) + 1
    worksheet.write_string(last, 0, "Total", styles["total_text"])
    for column, (_heading, kind) in enumerate(sheet.columns):
        if kind in TOTALLED and column:
            worksheet.write_number(
                last, column, round(totals[column], 2), styles["total_" + kind]
            )


def _write(worksheet, row, column, value, kind, styles):
    """Writes one value as its kind (text is never read as a formula)."""
    if value in (None, False, ""):
        worksheet.write_blank(row, column, None, styles.get(kind, styles["text"]))
    elif kind == "date" and isinstance(value, datetime.date):
        worksheet.write_datetime(
            row,
            column,
            datetime.datetime.combine(value, datetime.time()),
            styles["date"],
        )
    elif kind in FORMATS and kind != "date":
        worksheet.write_number(row, column, float(value), styles[kind])
    else:
        worksheet.write_string(row, column, str(value), styles["text"])
