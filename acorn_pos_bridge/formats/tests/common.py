"""Sample exports shared by the format tests, built in memory."""

import io

from ..sales import SalesMapping

HEADER = "Receipt;Line;Date;SKU;Qty;Net;Cost;Void;Training;Original receipt"
MAPPING = SalesMapping(
    columns={
        "receipt": "Receipt",
        "line": "Line",
        "date": "Date",
        "sku": "SKU",
        "quantity": "Qty",
        "amount": "Net",
        "cost": "Cost",
        "voided": "Void",
        "test": "Training",
        "refund_of": "Original receipt",
    },
    date_formats=("%d.%m.%Y",),
)


def csv_bytes(*lines, header=HEADER, encoding="utf-8"):
    """A CSV export: header and lines joined with CRLF, encoded."""
    return "\r\n".join((header, *lines)).encode(encoding)


def xlsx_bytes(rows, sheet="Sales"):
    """An XLSX workbook holding ``rows`` (lists of cells) on one sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
