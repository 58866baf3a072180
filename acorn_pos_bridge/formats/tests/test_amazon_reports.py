"""Vendor Central sales and inventory reports mapped per report type."""

import datetime
import unittest
from decimal import Decimal

from ..amazon_reports import INVENTORY, SALES, ReportMapping, read_report
from ..errors import FormatError
from .common import xlsx_bytes

SALES_MAPPING = ReportMapping(
    SALES, {"asin": "ASIN", "units": "Shipped Units", "revenue": "Shipped Revenue"}
)
INVENTORY_MAPPING = ReportMapping(
    INVENTORY, {"asin": "ASIN", "on_hand": "Sellable On Hand Units"}
)
SALES_CSV = (
    b'"Program=[Retail]","Distributor View=[Manufacturing]",'
    b'"Viewing Range=[11/1/26 - 11/7/26]"\n'
    b"ASIN,Product Title,Shipped Revenue,Shipped Units\n"
    b'B07R634M2P,Mug,"$1,234.50",99\n'
    b"B0TEA00001,Tea,,\n"
)


class TestReports(unittest.TestCase):
    def test_sales_period_from_the_viewing_range(self):
        mug, tea = read_report(SALES_CSV, "sales.csv", SALES_MAPPING)
        self.assertEqual((mug.row, mug.asin), (3, "B07R634M2P"))
        self.assertEqual((mug.units, mug.revenue), (Decimal(99), Decimal("1234.50")))
        self.assertEqual(
            (mug.start, mug.end),
            (datetime.date(2026, 11, 1), datetime.date(2026, 11, 7)),
        )
        self.assertEqual((tea.units, tea.revenue), (0, 0))
        self.assertEqual(mug.key, ("2026-11-01..2026-11-07", "B07R634M2P"))

    def test_inventory_xlsx_with_period_given_on_upload(self):
        payload = xlsx_bytes([["ASIN", "Sellable On Hand Units"], ["B07R634M2P", 42]])
        day = datetime.date(2026, 11, 28)
        (row,) = read_report(payload, "inv.xlsx", INVENTORY_MAPPING, period=(day, day))
        self.assertEqual((row.on_hand, row.start, row.end), (Decimal(42), day, day))

    def test_period_columns(self):
        mapping = ReportMapping(
            SALES,
            {**SALES_MAPPING.columns, "period_start": "Start", "period_end": "End"},
        )
        payload = (
            b"ASIN;Start;End;Shipped Units;Shipped Revenue\n"
            b"B01;11/1/26;11/7/26;3;12,50\n"
        )
        (row,) = read_report(payload, "s.csv", mapping)
        self.assertEqual(
            (row.start.day, row.end.day, row.revenue), (1, 7, Decimal("12.50"))
        )

    def test_refusals(self):
        with self.assertRaises(FormatError) as err:
            read_report(SALES_CSV.replace(b"[11/1/26", b"[Nov"), "s.csv", SALES_MAPPING)
        self.assertIn("not a date", str(err.exception))
        no_period = b"ASIN,Shipped Units,Shipped Revenue\nB01,1,2\n"
        with self.assertRaises(FormatError) as err:
            read_report(no_period, "s.csv", SALES_MAPPING)
        self.assertIn("names no period", str(err.exception))
        bad = SALES_CSV.replace(b",99", b",many")
        with self.assertRaises(FormatError) as err:
            read_report(bad, "s.csv", SALES_MAPPING)
        self.assertEqual(
            (err.exception.first.row, err.exception.first.column), (3, "Shipped Units")
        )
