"""Numbers with either decimal separator, dates and flags as exports write them."""

import datetime
import unittest
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ..values import parse_date, parse_flag, parse_number, parse_text, sniff_decimal


class TestNumbers(unittest.TestCase):
    def test_decimal_comma_and_point(self):
        cases = [
            ("1.234,50", ",", "1234.50"),
            ("1,5", ",", "1.5"),
            ("$1,234.50", ".", "1234.50"),
            ("-3", ".", "-3"),
            ("(12.00)", ".", "-12.00"),
            ("12\u202f345,6 €", ",", "12345.6"),
            ("+7", ".", "7"),
        ]
        for text, decimal, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(parse_number(text, decimal), Decimal(expected))

    def test_native_numbers_kept(self):
        self.assertEqual(parse_number(2.5), Decimal("2.5"))
        self.assertEqual(parse_number(3), Decimal(3))

    def test_refusals(self):
        for value in ("", "abc", "1.2.3x", True, "1;5", None):
            with self.subTest(value=value), self.assertRaises(ValueError):
                parse_number(value, ".")

    def test_sniff_decimal(self):
        self.assertEqual(sniff_decimal(["3", "1,234", "12,5"]), ",")
        self.assertEqual(sniff_decimal(["1,234.5"]), ".")
        self.assertEqual(sniff_decimal(["1.234.567"]), ",")
        self.assertEqual(sniff_decimal(["1,234"]), ".")
        self.assertEqual(sniff_decimal(["1,234"], delimiter=";"), ",")
        self.assertEqual(sniff_decimal([3.5, "19.99"]), ".")

    @settings(max_examples=200, deadline=None, derandomize=True)
    @given(
        st.decimals(min_value=-(10**9), max_value=10**9, places=2),
        st.sampled_from([",", "."]),
        st.booleans(),
    )
    def test_written_numbers_read_back(self, number, decimal, grouped):
        """Any amount written with thousands grouping reads back exactly."""
        text = f"{number:,.2f}" if grouped else f"{number:.2f}"
        if decimal == ",":
            text = text.translate(str.maketrans(",.", ".,"))
        self.assertEqual(parse_number(text, decimal), number)
        self.assertEqual(parse_number(text, sniff_decimal([text])), number)


class TestDatesAndFlags(unittest.TestCase):
    def test_dates(self):
        day = datetime.date(2026, 11, 27)
        self.assertEqual(parse_date("2026-11-27"), day)
        self.assertEqual(parse_date("2026-11-27T18:30:00+01:00"), day)
        self.assertEqual(parse_date("27.11.2026 18:30", ("%d.%m.%Y",)), day)
        self.assertEqual(parse_date(datetime.datetime(2026, 11, 27, 23, 59)), day)
        self.assertEqual(parse_date("11/27/26", ("%m/%d/%y",)), day)
        with self.assertRaises(ValueError):
            parse_date("27.11.2026")
        with self.assertRaises(ValueError):
            parse_date("")

    def test_flags(self):
        for value in ("1", "yes", "X", True, 1, " true "):
            self.assertTrue(parse_flag(value), value)
        for value in ("", None, "0", "no", False, 0):
            self.assertFalse(parse_flag(value), value)
        self.assertTrue(parse_flag("VOID", ("void",)))

    def test_text_drops_spreadsheet_decimals(self):
        self.assertEqual(parse_text(1001.0), "1001")
        self.assertEqual(parse_text(" A-1 "), "A-1")
        self.assertEqual(parse_text(None), "")
