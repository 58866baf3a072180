"""Value helpers the ORM uses to fill documents: to_decimal, x12_text, make_sscc,
and FileReport.located_sets."""

import unittest
from decimal import Decimal as D

from .. import (
    make_sscc,
    parse_interchange,
    sscc_check_digit,
    to_decimal,
    valid_sscc,
    x12_text,
)
from .common import group, interchange, po_body, transaction


class TestValues(unittest.TestCase):
    def test_to_decimal(self):
        self.assertEqual(str(to_decimal(12.0)), "12")
        self.assertEqual(str(to_decimal(12.5)), "12.5")
        self.assertEqual(to_decimal(1.23456), D("1.2346"))
        self.assertEqual(str(to_decimal(None)), "0")
        self.assertEqual(str(to_decimal(0.1 + 0.2)), "0.3")

    def test_x12_text(self):
        self.assertEqual(x12_text("Net 30*days~ok", 80), "Net 30 days ok")
        self.assertEqual(x12_text("a\x1fb|c>d^e", 80), "a b c d e")
        self.assertEqual(x12_text("  long text  ", 4), "long")
        self.assertEqual(x12_text(False, 10), "")

    def test_make_sscc(self):
        # GS1 General Specifications: (00) 1 0614141 123456789 7.
        self.assertEqual(make_sscc("1", "0614141", 123456789), "106141411234567897")
        for serial in (0, 7, 999999999):
            sscc = make_sscc("0", "0614141", serial)
            with self.subTest(serial=serial):
                self.assertTrue(valid_sscc(sscc))
                self.assertEqual(sscc_check_digit(sscc), sscc[-1])
        with self.assertRaises(ValueError):
            make_sscc("0", "0614141", 10**9)


class TestLocatedSets(unittest.TestCase):
    def test_each_set_comes_with_its_interchange_and_group(self):
        first = interchange(
            [
                group("PO", 11, [transaction("850", "0001", po_body("A1"))]),
                group(
                    "PO",
                    12,
                    [
                        transaction("850", "0002", po_body("A2")),
                        transaction("850", "0003", po_body("A3")),
                    ],
                ),
            ],
            control=1,
        )
        second = interchange(
            [group("PO", 21, [transaction("850", "0004", po_body("B1"))])], control=2
        )
        report = parse_interchange(first + second)
        located = list(report.located_sets())
        self.assertEqual(
            [
                (i.header.control_number, g.header.control_number, s.control_number)
                for i, g, s in located
            ],
            [("000000001", "11", "0001"), ("000000001", "12", "0002"),
             ("000000001", "12", "0003"), ("000000002", "21", "0004")],
        )  # fmt: skip
        for one, found_group, found_set in located:
            self.assertIn(found_group, one.groups)
            self.assertIn(found_set, found_group.sets)
        self.assertEqual([s for _, _, s in located], list(report.sets()))
