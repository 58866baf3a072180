"""The channel report as an XLSX workbook: a plain function, no HTTP request.

Odoo's list export writer needs an HTTP request; this one works from a button,
a cron or a test alike.
"""

import datetime
import io

from odoo.tools.misc import xlsxwriter

# Number formats of the columns, by field name (others are text).
FORMATS = {
    "week": "yyyy-mm-dd",
    "units": "#,##0.##",
    "refund_units": "#,##0.##",
    "sold_units": "#,##0.##",
    "on_hand": "#,##0.##",
    "revenue": "#,##0.00",
    "cost": "#,##0.00",
    "margin": "#,##0.00",
    "refund_revenue": "#,##0.00",
    "sell_through": "0.0",
    "weeks_of_cover": "0.0",
}


def build_channel_report_xlsx(headers, rows, sheet_name="Channel Report"):
    """Build a workbook of the channel report.

    Args:
        headers: list of ``(field name, column title, column width)``.
        rows: list of dicts, field name -> value (dates, numbers or text).
        sheet_name: the worksheet's name.

    Returns:
        bytes: the XLSX file. Text is never read as a formula.
    """
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        output, {"in_memory": True, "strings_to_formulas": False}
    )
    sheet = workbook.add_worksheet(sheet_name)
    bold = workbook.add_format({"bold": True, "bottom": 1})
    formats = {
        name: workbook.add_format({"num_format": fmt}) for name, fmt in FORMATS.items()
    }
    for col, (_name, title, width) in enumerate(headers):
        sheet.write(0, col, title, bold)
        sheet.set_column(col, col, width)
    for row_index, row in enumerate(rows, start=1):
        for col, (name, _title, _width) in enumerate(headers):
            value = row.get(name)
            cell_format = formats.get(name)
            if isinstance(value, datetime.date):
                sheet.write_datetime(row_index, col, value, cell_format)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(row_index, col, value, cell_format)
            else:
                sheet.write_string(row_index, col, str(value or ""))
    sheet.freeze_panes(1, 0)
    if rows:
        sheet.autofilter(0, 0, len(rows), len(headers) - 1)
    workbook.close()
    return output.getvalue()
