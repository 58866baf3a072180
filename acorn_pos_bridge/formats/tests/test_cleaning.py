"""Each cleaning rule on its own, their order, and properties over random exports."""

import datetime
import unittest
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ..cleaning import OK, RULES, clean, clean_report, duplicate_rows
from ..sales import SaleRow

DAY = datetime.date(2026, 11, 27)


def sale(row, receipt, sku="A", quantity=1, line="1", **values):
    return SaleRow(
        row=row,
        receipt=receipt,
        line=line,
        date=DAY,
        sku=sku,
        quantity=Decimal(quantity),
        amount=Decimal(quantity) * 5,
        **values,
    )


def rules(rows, **context):
    return [verdict.rule for verdict in clean(rows, **context)]


class TestRules(unittest.TestCase):
    def test_clean_rows_count(self):
        self.assertEqual(
            rules([sale(2, "R1"), sale(3, "R2")], known_skus={"A"}), [OK, OK]
        )

    def test_test_transaction(self):
        self.assertEqual(rules([sale(2, "R1", test=True)]), ["test"])

    def test_voided_line(self):
        self.assertEqual(rules([sale(2, "R1", voided=True)]), ["voided"])

    def test_duplicate_receipt_in_file_and_across_imports(self):
        rows = [sale(2, "R1"), sale(3, "R2"), sale(4, "R1")]
        verdicts = clean(rows, seen_keys={("R2", "1")})
        self.assertEqual([v.rule for v in verdicts], [OK, "duplicate", "duplicate"])
        self.assertEqual([v.first_row for v in verdicts], [None, None, 2])

    def test_refund_matches_its_sale_in_file_or_earlier(self):
        rows = [
            sale(2, "R1", sku="A"),
            sale(3, "R2", sku="A", quantity=-1, refund_of="R1"),
            sale(4, "R3", sku="B", quantity=-1, refund_of="R1"),
            sale(5, "R4", sku="A", quantity=-1),
            sale(6, "R5", sku="C", quantity=-1, refund_of="R0"),
        ]
        self.assertEqual(
            rules(rows, known_sales={("R0", "C")}),
            [OK, OK, "refund_unmatched", "refund_unmatched", OK],
        )

    def test_refund_of_a_voided_or_test_sale_is_unmatched(self):
        rows = [
            sale(2, "R1", voided=True),
            sale(3, "R2", quantity=-1, refund_of="R1"),
        ]
        self.assertEqual(rules(rows), ["voided", "refund_unmatched"])

    def test_unknown_product(self):
        rows = [sale(2, "R1", sku="A"), sale(3, "R2", sku="ZZ")]
        self.assertEqual(rules(rows, known_skus={"A"}), [OK, "unknown_product"])
        self.assertEqual(rules(rows), [OK, OK])  # no catalogue given: rule skipped

    def test_first_rule_wins(self):
        row = sale(2, "R1", sku="ZZ", quantity=-1, test=True, voided=True)
        self.assertEqual(rules([row], known_skus=set()), ["test"])
        row = sale(2, "R1", sku="ZZ", quantity=-1, voided=True)
        self.assertEqual(rules([row], known_skus=set()), ["voided"])

    def test_report_rules(self):
        from ..amazon_reports import ReportRow

        rows = [
            ReportRow(2, "B01", DAY, DAY, units=Decimal(3)),
            ReportRow(3, "B02", DAY, DAY),
            ReportRow(4, "B01", DAY, DAY),
        ]
        verdicts = clean_report(rows, known_skus={"B01"})
        self.assertEqual(
            [v.rule for v in verdicts], [OK, "unknown_product", "duplicate"]
        )


ROWS = st.lists(
    st.builds(
        sale,
        row=st.integers(1, 500),
        receipt=st.sampled_from(["R1", "R2", "R3"]),
        sku=st.sampled_from(["A", "B", "Z"]),
        quantity=st.sampled_from([-2, -1, 1, 3]),
        line=st.sampled_from(["1", "2"]),
        test=st.booleans(),
        voided=st.booleans(),
        refund_of=st.sampled_from(["", "R1", "R2"]),
    ),
    max_size=25,
)


class TestProperties(unittest.TestCase):
    @settings(max_examples=150, deadline=None, derandomize=True)
    @given(ROWS)
    def test_each_key_counts_at_most_once_and_no_loose_refund(self, rows):
        verdicts = clean(rows, known_skus={"A", "B"})
        self.assertEqual(len(verdicts), len(rows))
        counted = [row for row, v in zip(rows, verdicts, strict=True) if v.counted]
        keys = [row.key for row in counted]
        self.assertEqual(len(keys), len(set(keys)))
        sales = {(r.receipt, r.sku) for r in rows if r.quantity > 0}
        for row in counted:
            self.assertFalse(row.test or row.voided)
            self.assertIn(row.sku, {"A", "B"})
            if row.is_refund:
                self.assertIn((row.refund_of, row.sku), sales)
        for verdict in verdicts:
            self.assertIn(verdict.rule, (OK, *RULES))

    @settings(max_examples=100, deadline=None, derandomize=True)
    @given(ROWS)
    def test_importing_the_same_rows_again_counts_nothing(self, rows):
        seen = {row.key for row in rows}
        self.assertFalse(any(v.counted for v in clean(rows, seen_keys=seen)))
        self.assertEqual(set(duplicate_rows(rows, seen)), set(range(len(rows))))
