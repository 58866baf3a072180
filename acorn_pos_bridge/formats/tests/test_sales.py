"""Store exports and JSON requests mapped to neutral sales rows, or refused whole."""

import datetime
import json
import unittest
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ..errors import FormatError
from ..sales import SalesMapping, read_sales, read_sales_json
from .common import MAPPING, csv_bytes, xlsx_bytes

DAY = datetime.date(2026, 11, 27)


class TestMapping(unittest.TestCase):
    def test_csv_rows_become_sales(self):
        payload = csv_bytes(
            "R1;1;27.11.2026;SKU-1;2;19,98;8,00;;;",
            "R1;2;27.11.2026;SKU-2;1;1.005,50;;1;;",
            "R2;1;27.11.2026;SKU-1;-1;9,99;4;;;R1",
        )
        rows = read_sales(payload, "s.csv", MAPPING)
        self.assertEqual([r.key for r in rows], [("R1", "1"), ("R1", "2"), ("R2", "1")])
        first, voided, refund = rows
        self.assertEqual(
            (first.date, first.quantity, first.amount), (DAY, 2, Decimal("19.98"))
        )
        self.assertEqual(first.cost, Decimal("8.00"))
        self.assertEqual(voided.amount, Decimal("1005.50"))
        self.assertTrue(voided.voided)
        self.assertIsNone(voided.cost)
        self.assertTrue(refund.is_refund)
        self.assertEqual((refund.amount, refund.cost), (Decimal("-9.99"), Decimal(-4)))
        self.assertEqual(refund.refund_of, "R1")

    def test_line_numbers_repeat_for_a_repeated_receipt(self):
        mapping = SalesMapping(
            {"receipt": "R", "date": "D", "sku": "S", "quantity": "Q", "amount": "A"}
        )
        payload = b"R,D,S,Q,A\nR1,2026-11-27,A,1,2\nR1,2026-11-27,B,1,2\n" + (
            b"R2,2026-11-27,A,1,2\nR1,2026-11-27,A,1,2\nR1,2026-11-27,B,1,2\n"
        )
        keys = [row.key for row in read_sales(payload, "s.csv", mapping)]
        self.assertEqual(
            keys, [("R1", "1"), ("R1", "2"), ("R2", "1"), ("R1", "1"), ("R1", "2")]
        )

    def test_xlsx_native_cells(self):
        header = MAPPING.columns
        payload = xlsx_bytes(
            [
                list(header.values()),
                [
                    1001.0,
                    1,
                    datetime.datetime(2026, 11, 27, 9, 5),
                    "SKU-1",
                    2,
                    19.98,
                    None,
                    None,
                    "",
                    None,
                ],
            ]
        )
        (row,) = read_sales(payload, "s.xlsx", MAPPING)
        self.assertEqual(
            (row.receipt, row.date, row.amount), ("1001", DAY, Decimal("19.98"))
        )

    def test_every_bad_cell_located_and_nothing_returned(self):
        payload = csv_bytes(
            "R1;1;27.11.2026;SKU-1;2;19,98;;;;",
            "R2;1;2026/11/27;SKU-1;two;19,98;;;;",
            ";1;27.11.2026;;1;1;;;;",
        )
        with self.assertRaises(FormatError) as err:
            read_sales(payload, "store.csv", MAPPING)
        located = {(p.row, p.column) for p in err.exception.problems}
        self.assertEqual(located, {(3, "Date"), (3, "Qty"), (4, "Receipt"), (4, "SKU")})
        self.assertIn(
            "store.csv, row 3, column 'Qty': not a number: 'two'", str(err.exception)
        )

    def test_missing_mapped_column(self):
        payload = b"Receipt;Line;Date;SKU;Qty;Net\nR1;1;2026-11-27;A;1;1\n"
        with self.assertRaises(FormatError) as err:
            read_sales(payload, "s.csv", MAPPING)
        self.assertIn("no header row naming the columns", str(err.exception))


class TestJson(unittest.TestCase):
    def test_receipts_become_sales(self):
        body = {
            "receipts": [
                {
                    "receipt": "R9",
                    "date": "2026-11-27T17:02:00",
                    "lines": [
                        {"sku": "A", "quantity": 2, "amount": "5.50", "cost": 2},
                        {
                            "line": "7",
                            "sku": "B",
                            "quantity": 1,
                            "amount": 3,
                            "voided": True,
                        },
                    ],
                },
                {
                    "receipt": "R10",
                    "date": "2026-11-27",
                    "test": True,
                    "refund_of": "R9",
                    "lines": [{"sku": "A", "quantity": -1, "amount": 2.75}],
                },
            ]
        }
        rows = read_sales_json(json.dumps(body).encode())
        self.assertEqual(
            [r.key for r in rows], [("R9", "1"), ("R9", "7"), ("R10", "1")]
        )
        self.assertEqual(rows[0].amount, Decimal("5.50"))
        self.assertTrue(rows[1].voided)
        self.assertEqual(
            (rows[2].test, rows[2].refund_of, rows[2].amount),
            (True, "R9", Decimal("-2.75")),
        )

    def test_refusals_are_located(self):
        cases = [
            (b'{"receipts": [', "line 1, character 15"),
            (b"\xff\xfe", "not UTF-8"),
            (b"[]", 'at $: expected an object with a "receipts" list'),
            (
                b'{"receipts": [{"receipt": "R"}]}',
                'at receipts[0]: a receipt needs a "lines" list',
            ),
            (
                b'{"receipts": [{"receipt": "R", "date": "x", "lines": [{"sku": "A", '
                b'"quantity": "1,5", "amount": 1}]}]}',
                "at receipts[0].date: not a date",
            ),
        ]
        for payload, message in cases:
            with self.subTest(message=message), self.assertRaises(FormatError) as err:
                read_sales_json(payload)
            self.assertIn(message, str(err.exception))
        self.assertIn("receipts[0].lines[0].quantity: not a number", str(err.exception))

    @settings(max_examples=100, deadline=None, derandomize=True)
    @given(st.binary(max_size=64))
    def test_any_bytes_are_read_or_refused_with_a_format_error(self, payload):
        try:
            read_sales_json(payload)
        except FormatError as error:
            self.assertTrue(error.problems)


class TestHeaders(unittest.TestCase):
    def test_headers_match_whatever_their_case_and_spaces(self):
        mapping = SalesMapping(
            {
                "receipt": "receipt",
                "date": "DATE",
                "sku": " Sku ",
                "quantity": "qty",
                "amount": "Net",
            }
        )
        payload = b"Receipt,Date,SKU ,Qty,NET\nR1,2026-11-27,A,1,2.5\n"
        (row,) = read_sales(payload, "s.csv", mapping)
        self.assertEqual(
            (row.receipt, row.sku, row.amount), ("R1", "A", Decimal("2.5"))
        )
