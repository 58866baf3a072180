import datetime
import hashlib
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .pos_import_common import PosImportCommon, export

DAY = datetime.date(2026, 11, 27)
SALE_R1 = "R1;1;27.11.2026;SKU-1;2;19,98;8,00;;;"
SALE_R1_2 = "R1;2;27.11.2026;SKU-2;1;4,50;;;;"
SALE_R2 = "R2;1;27.11.2026;SKU-1;1;9,99;4,00;;;"


@tagged("post_install", "-at_install")
class TestPosImport(PosImportCommon):
    def test_clean_export_counts_every_line_and_archives_the_raw_file(self):
        text = export(SALE_R1, SALE_R1_2)
        record = self._upload(text)
        self.assertRecordValues(
            record,
            [
                {
                    "state": "done",
                    "line_count": 2,
                    "counted_count": 2,
                    "origin": "upload",
                }
            ],
        )
        self.assertEqual(record.attachment_id.raw, text.encode())
        self.assertEqual(record.sha256, hashlib.sha256(text.encode()).hexdigest())
        self.assertRecordValues(
            self._facts().sorted("source_ref"),
            [
                {
                    "channel": "store",
                    "source_ref": "S010/R1/1",
                    "product_id": self.product_1.id,
                    "date": DAY,
                    "quantity": 2,
                    "revenue": 19.98,
                    "cost": 8.0,
                    "is_refund": False,
                },
                {
                    "channel": "store",
                    "source_ref": "S010/R1/2",
                    "product_id": self.product_2.id,
                    "date": DAY,
                    "quantity": 1,
                    "revenue": 4.5,
                    "cost": 0.0,
                    "is_refund": False,
                },
            ],
        )
        self.assertEqual(record.line_ids.fact_id, self._facts())

    def test_test_transaction_held_out_and_reversible(self):
        record = self._upload(export(SALE_R1, "R9;1;27.11.2026;SKU-2;5;20;;;1;"))
        test_line = record.line_ids.filtered(lambda line: line.receipt == "R9")
        self.assertRecordValues(
            test_line, [{"cleaning": "test", "counted": False, "fact_id": False}]
        )
        self.assertEqual((record.test_count, record.counted_count), (1, 1))
        test_line.with_user(self.manager).action_include()
        self.assertEqual(test_line.fact_id.quantity, 5)
        self.assertEqual(record.manual_count, 1)
        test_line.with_user(self.manager).action_follow_rules()
        self.assertFalse(test_line.fact_id)
        self.assertEqual(len(self._facts()), 1)

    def test_voided_line_held_out(self):
        record = self._upload(export(SALE_R1, "R1;2;27.11.2026;SKU-2;1;4,50;;VOID;;"))
        self.assertEqual(record.line_ids.mapped("cleaning"), ["ok", "ok"])
        self.mapping.true_words = "void"
        record = self._upload(export("R7;1;27.11.2026;SKU-2;1;4,50;;VOID;;"), "b.csv")
        self.assertRecordValues(
            record.line_ids, [{"cleaning": "voided", "counted": False}]
        )
        self.assertEqual(record.voided_count, 1)

    def test_same_export_twice_counts_once(self):
        text = export(SALE_R1, SALE_R1_2)
        first = self._upload(text)
        again = self._upload(text)
        self.assertEqual(again.duplicate_of_id, first)
        self.assertEqual(again.line_ids.mapped("cleaning"), ["duplicate", "duplicate"])
        self.assertEqual(again.counted_count, 0)
        overlapping = self._upload(export(SALE_R1_2, SALE_R2), "next.csv")
        self.assertFalse(overlapping.duplicate_of_id)
        self.assertEqual(overlapping.line_ids.mapped("cleaning"), ["duplicate", "ok"])
        self.assertEqual(sum(self._facts().mapped("quantity")), 4)

    def test_receipt_repeated_inside_one_file(self):
        record = self._upload(export(SALE_R1, SALE_R2, SALE_R1))
        self.assertEqual(record.line_ids.mapped("cleaning"), ["ok", "ok", "duplicate"])
        self.assertIn("row 2", record.line_ids[2].reason)
        self.assertEqual(len(self._facts()), 2)

    def test_refund_linked_to_its_sale_or_flagged(self):
        self._upload(export(SALE_R1))
        record = self._upload(
            export(
                "R5;1;28.11.2026;SKU-1;-1;9,99;4,00;;;R1",
                "R6;1;28.11.2026;SKU-2;-1;4,50;;;;R1",
                "R7;1;28.11.2026;SKU-1;-1;9,99;;;;",
            ),
            "refunds.csv",
        )
        matched, wrong_sku, no_reference = record.line_ids
        self.assertRecordValues(
            matched.fact_id,
            [{"is_refund": True, "quantity": -1, "revenue": -9.99, "cost": -4.0}],
        )
        self.assertEqual(matched.fact_id.refunded_fact_id.source_ref, "S010/R1/1")
        self.assertEqual(
            (wrong_sku + no_reference).mapped("cleaning"),
            ["refund_unmatched", "refund_unmatched"],
        )
        self.assertFalse((wrong_sku + no_reference).fact_id)
        self.assertEqual(record.refund_unmatched_count, 2)
        # Net demand never goes below what was sold: only the matched refund counts.
        self.assertEqual(sum(self._facts().mapped("quantity")), 1)

    def test_unknown_product_queued_then_counted_once_mapped(self):
        first = self._upload(export("R1;1;27.11.2026;NEW-9;3;30;;;;"))
        second = self._upload(export("R2;1;27.11.2026;NEW-9;1;10;;;;"), "b.csv")
        queue = self.env["acorn.pos.unmapped.product"].search(
            [("store_id", "=", self.store.id)]
        )
        self.assertRecordValues(
            queue, [{"sku": "NEW-9", "state": "to_map", "line_count": 2, "quantity": 4}]
        )
        self.assertEqual(first.unknown_product_count + second.unknown_product_count, 2)
        self.assertFalse(self._facts())
        self.assertEqual(self.store.unmapped_product_count, 1)
        queue.with_user(self.manager).product_id = self.product_2
        self.assertEqual(queue.state, "mapped")
        self.assertEqual(self._facts().product_id, self.product_2)
        self.assertEqual(sum(self._facts().mapped("quantity")), 4)
        third = self._upload(export("R3;1;27.11.2026;NEW-9;2;20;;;;"), "c.csv")
        self.assertEqual(third.line_ids.cleaning, "ok")
        self.assertEqual(third.line_ids.product_id, self.product_2)
        self.assertEqual(len(queue.search([("sku", "=", "NEW-9")])), 1)

    def test_barcode_resolves_a_sku(self):
        record = self._upload(export("R1;1;27.11.2026;4006381333931;1;4;;;;"))
        self.assertEqual(record.line_ids.product_id, self.product_2)

    def test_malformed_file_imports_nothing_and_says_where(self):
        text = export(SALE_R1, "R2;1;27.11.2026;SKU-1;two;9,99;;;;", SALE_R1_2)
        record = self._upload(text, "broken.csv")
        self.assertEqual(record.state, "error")
        self.assertIn(
            "broken.csv, row 3, column 'Qty': not a number", record.error_message
        )
        self.assertFalse(record.line_ids)
        self.assertFalse(self._facts())
        self.assertEqual(record.attachment_id.raw, text.encode())

    def test_wrong_mapping_fixed_then_read_again(self):
        self.mapping.col_quantity = "Quantity"
        record = self._upload(export(SALE_R1))
        self.assertIn("Quantity", record.error_message)
        self.mapping.col_quantity = "Qty"
        record.with_user(self.manager).action_reprocess()
        self.assertRecordValues(record, [{"state": "done", "error_message": False}])
        self.assertEqual(len(self._facts()), 1)

    def test_excluded_line_loses_its_fact_and_its_twin_cannot_double_count(self):
        first = self._upload(export(SALE_R1))
        again = self._upload(export(SALE_R1), "again.csv")
        with self.assertRaisesRegex(UserError, "already counted"):
            again.line_ids.with_user(self.manager).action_include()
        first.line_ids.with_user(self.manager).action_exclude()
        self.assertFalse(self._facts())
        again.line_ids.with_user(self.manager).action_include()
        self.assertEqual(len(self._facts()), 1)

    def test_xlsx_export(self):
        book = openpyxl.Workbook()
        book.active.append(
            [
                "Receipt",
                "Line",
                "Date",
                "SKU",
                "Qty",
                "Net",
                "Cost",
                "Void",
                "Training",
                "Original",
            ]
        )
        book.active.append(["R1", 1, DAY, "SKU-1", 2, 19.98, None, None, None, None])
        out = io.BytesIO()
        book.save(out)
        record = self._upload(out.getvalue(), "harbor.xlsx")
        self.assertEqual(record.state, "done")
        self.assertEqual(self._facts().revenue, 19.98)

    def test_mapping_cleared_holds_the_lines_again(self):
        self._upload(export("R1;1;27.11.2026;NEW-9;3;30;;;;"))
        queue = self.env["acorn.pos.unmapped.product"].search([("sku", "=", "NEW-9")])
        queue.product_id = self.product_1
        self.assertEqual(len(self._facts()), 1)
        queue.product_id = False
        self.assertFalse(self._facts())
        self.assertEqual(queue.state, "to_map")
