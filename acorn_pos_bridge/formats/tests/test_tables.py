"""CSV and XLSX files read into a header and numbered rows, or refused with a place."""

import codecs
import csv
import datetime
import io
import unittest

from hypothesis import given, settings
from hypothesis import strategies as st

from ..errors import FormatError
from ..tables import read_csv, read_table, read_xlsx
from .common import csv_bytes, xlsx_bytes


class TestCsv(unittest.TestCase):
    def test_semicolon_utf8_bom(self):
        payload = codecs.BOM_UTF8 + csv_bytes("R1;1;27.11.2026;Café-1;2;3,50;;;;")
        table = read_csv(payload, "s.csv", ["Receipt"])
        self.assertEqual((table.encoding, table.delimiter), ("utf-8-sig", ";"))
        self.assertEqual(table.header[0], "Receipt")  # no BOM left in the name
        self.assertEqual(table.rows[0][0], 2)
        self.assertEqual(table.rows[0][1]["SKU"], "Café-1")

    def test_comma_tab_and_windows_1252(self):
        comma = "Receipt,SKU\r\nR1,Crème\r\n".encode("cp1252")
        table = read_csv(comma, "c.csv", ["SKU"])
        self.assertEqual((table.encoding, table.delimiter), ("cp1252", ","))
        self.assertEqual(table.rows[0][1]["SKU"], "Crème")
        tab = read_csv(b"Receipt\tSKU\nR1\tA\nR2\tB\n", "t.tsv", ["SKU"])
        self.assertEqual(tab.delimiter, "\t")
        self.assertEqual([n for n, _r in tab.rows], [2, 3])

    def test_utf16_with_bom(self):
        payload = "Receipt;SKU\r\nR1;A\r\n".encode("utf-16")
        self.assertEqual(read_csv(payload, "u.csv", ["SKU"]).rows[0][1]["SKU"], "A")

    def test_header_found_below_settings_line_and_blank_rows_skipped(self):
        payload = b'"Program=[Retail]"\n\nASIN,Units\nB01,3\n\nB02,4\n'
        table = read_csv(payload, "r.csv", ["ASIN", "Units"])
        self.assertEqual(table.preamble, [["Program=[Retail]"]])
        self.assertEqual([n for n, _r in table.rows], [4, 6])

    def test_refusals_are_located(self):
        cases = [
            (b"", "s.csv", None, "no rows"),
            (b"A;B\n1;2;3\n", "s.csv", 2, "3 cells"),
            (b'A;B\n"1;2\n', "s.csv", 2, "broken CSV"),
            (b"X;Y\n1;2\n", "s.csv", 1, "no header row"),
        ]
        for payload, name, row, message in cases:
            with self.subTest(message=message), self.assertRaises(FormatError) as err:
                read_csv(payload, name, ["A"])
            self.assertEqual(err.exception.first.row, row)
            self.assertEqual(err.exception.first.filename, "s.csv")
            self.assertIn(message, str(err.exception))


class TestXlsx(unittest.TestCase):
    def test_types_kept_and_rows_numbered(self):
        payload = xlsx_bytes(
            [
                ["Note"],
                [],
                ["Receipt", "Date", "Qty"],
                ["R1", datetime.date(2026, 11, 27), 2],
            ]
        )
        table = read_table(payload, "s.xlsx", ["Receipt", "Qty"])
        number, row = table.rows[0]
        self.assertEqual(number, 4)
        self.assertEqual(row["Qty"], 2)
        self.assertEqual(row["Date"].date(), datetime.date(2026, 11, 27))

    def test_named_sheet_and_refusals(self):
        payload = xlsx_bytes([["Receipt"], ["R1"]], sheet="Export")
        self.assertEqual(
            len(read_xlsx(payload, "s.xlsx", ["Receipt"], "Export").rows), 1
        )
        with self.assertRaises(FormatError) as err:
            read_xlsx(payload, "s.xlsx", ["Receipt"], "Other")
        self.assertIn("no sheet named 'Other'", str(err.exception))
        with self.assertRaises(FormatError) as err:
            read_xlsx(b"PK\x03\x04 broken", "b.xlsx", ["Receipt"])
        self.assertIn("b.xlsx: not a readable XLSX workbook", str(err.exception))


CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda text: text.strip() == text)


class TestCsvProperties(unittest.TestCase):
    @settings(max_examples=120, deadline=None, derandomize=True)
    @given(
        st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=2, max_size=8),
        st.sampled_from([",", ";", "\t"]),
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    )
    def test_any_written_csv_reads_back(self, rows, delimiter, encoding):
        """Whatever the cells, delimiter and encoding, a written file reads back."""
        header = ["Receipt", "SKU", "Qty"]
        out = io.StringIO(newline="")
        csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(
            [header, *rows]
        )
        table = read_csv(out.getvalue().encode(encoding), "p.csv", header)
        self.assertEqual(table.header, header)
        self.assertEqual([list(cells.values()) for _n, cells in table.rows], rows)
