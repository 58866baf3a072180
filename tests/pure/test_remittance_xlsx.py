"""The remittance workbook builder: plain data in, .xlsx bytes out, no formulas."""

import datetime
import importlib.util
import io
import unittest
from pathlib import Path

MODULE = (
    Path(__file__).resolve().parents[2]
    / "acorn_amazon_vendor"
    / "tools"
    / "remittance_xlsx.py"
)


def _load():
    spec = importlib.util.spec_from_file_location("remittance_xlsx", MODULE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestRemittanceWorkbook(unittest.TestCase):
    def setUp(self):
        self.xlsx = _load()

    def _book(self, rows):
        from openpyxl import load_workbook

        sheet = self.xlsx.Sheet(
            "Lines",
            (("Reference", "text"), ("Date", "date"), ("Paid", "amount")),
            rows,
        )
        data = self.xlsx.build_workbook(
            "Amazon remittance T1", [("Amount", 12.5, "amount")], [sheet]
        )
        self.assertEqual(data[:2], b"PK")
        return load_workbook(io.BytesIO(data))

    def test_header_frozen_totals_and_number_formats(self):
        book = self._book(
            (("INV/1", datetime.date(2026, 12, 1), 10.0), ("INV/2", None, 2.5))
        )
        self.assertEqual(book.sheetnames, ["Summary", "Lines"])
        lines = book["Lines"]
        self.assertEqual(lines.freeze_panes, "A2")
        self.assertEqual(
            [cell.value for cell in lines[1]], ["Reference", "Date", "Paid"]
        )
        self.assertEqual(lines["B2"].value, datetime.datetime(2026, 12, 1))
        self.assertEqual(lines["B2"].number_format, "yyyy-mm-dd")
        self.assertEqual((lines["A4"].value, lines["C4"].value), ("Total", 12.5))
        self.assertEqual(book["Summary"]["A1"].value, "Amazon remittance T1")
        self.assertEqual(book["Summary"]["B3"].value, 12.5)

    def test_text_from_data_is_never_a_formula(self):
        book = self._book((('=HYPERLINK("http://x")', None, 1.0),))
        cell = book["Lines"]["A2"]
        self.assertEqual(cell.data_type, "s")
        self.assertEqual(cell.value, '=HYPERLINK("http://x")')

    def test_no_odoo_import(self):
        self.assertNotIn("odoo", MODULE.read_text())


if __name__ == "__main__":
    unittest.main()
