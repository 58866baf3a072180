"""The example files of docs/pos-imports.md import as the documentation says."""

from pathlib import Path

from odoo.tests import tagged

from .pos_import_common import PosImportCommon

DATA = Path(__file__).parent / "data"


def counts(record):
    return {
        "lines": record.line_count,
        "counted": record.counted_count,
        "test": record.test_count,
        "voided": record.voided_count,
        "duplicate": record.duplicate_count,
        "refund_unmatched": record.refund_unmatched_count,
        "unknown_product": record.unknown_product_count,
    }


@tagged("post_install", "-at_install")
class TestPosImportExamples(PosImportCommon):
    def test_csv_example_meets_every_cleaning_rule(self):
        record = self._upload(
            (DATA / "store_export.csv").read_bytes(), "store_export.csv"
        )
        self.assertEqual(
            counts(record),
            {
                "lines": 9,
                "counted": 3,
                "test": 1,
                "voided": 1,
                "duplicate": 2,
                "refund_unmatched": 1,
                "unknown_product": 1,
            },
        )
        self.assertEqual(sum(self._facts().mapped("quantity")), 2)  # 2 + 1 - 1
        refund = self._facts().filtered("is_refund")
        self.assertEqual(refund.refunded_fact_id.source_ref, "S010/1001/1")

    def test_xlsx_example(self):
        record = self._upload(
            (DATA / "store_export.xlsx").read_bytes(), "store_export.xlsx"
        )
        self.assertEqual(record.state, "done", record.error_message)
        self.assertEqual(
            [(line.receipt, line.cleaning) for line in record.line_ids],
            [("1001", "ok"), ("1001", "voided"), ("1005", "ok")],
        )

    def test_json_example(self):
        record = self.env["acorn.pos.import"]._receive(
            (DATA / "endpoint_request.json").read_bytes(),
            "request.json",
            {"kind": "pos_sales", "origin": "http", "store_id": self.store.id},
        )
        self.assertEqual(
            [(line.receipt, line.line_ref, line.cleaning) for line in record.line_ids],
            [
                ("1001", "1", "ok"),
                ("1001", "2", "voided"),
                ("1005", "1", "ok"),
                ("T-1", "1", "test"),
            ],
        )
        self.assertEqual(record.line_ids[1].json_path, "receipts[0].lines[1]")
