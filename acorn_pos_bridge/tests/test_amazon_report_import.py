import base64
import datetime
from pathlib import Path

from odoo.tests import new_test_user, tagged

from odoo.addons.acorn_amazon_vendor.tests.common import AmazonVendorCommon

SALES = (
    b'"Program=[Retail]","Distributor View=[Manufacturing]",'
    b'"Viewing Range=[11/1/26 - 11/7/26]"\n'
    b"ASIN,Product Title,Shipped Revenue,Shipped Units\n"
    b'B07R634M2P,Mug,"$1,234.50",99\n'
    b"B0UNKNOWN1,Spoon,30.00,10\n"
)
INVENTORY = b"ASIN,Sellable On Hand Units\nB07R634M2P,42\n"
DATA = Path(__file__).parent / "data"


@tagged("post_install", "-at_install")
class TestAmazonReportImport(AmazonVendorCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mug = cls.env["product.product"].create({"name": "Mug"})
        cls.spoon = cls.env["product.product"].create({"name": "Spoon"})
        cls.env["acorn.product.identifier"].create(
            {
                "account_id": cls.account.id,
                "product_id": cls.mug.id,
                "value": "B07R634M2P",
            }
        )
        cls.chain_manager = new_test_user(
            cls.env,
            login="chain_report_manager",
            groups="base.group_user,acorn_pos_bridge.group_chain_manager,"
            "acorn_amazon_vendor.group_amazon_vendor_user",
        )

    def _upload(self, payload, kind, filename="report.csv", **values):
        wizard = (
            self.env["acorn.pos.upload"]
            .with_user(self.chain_manager)
            .create(
                {
                    "kind": kind,
                    "account_id": self.account.id,
                    "file": base64.b64encode(payload),
                    "filename": filename,
                    **values,
                }
            )
        )
        self.assertTrue(wizard.mapping_id, "the default mapping of the report type")
        return self.env["acorn.pos.import"].browse(wizard.action_upload()["res_id"])

    def _facts(self):
        return self.env["acorn.channel.sale"].search(
            [("account_id", "=", self.account.id), ("source", "=", "amazon_report")]
        )

    def test_sales_report_becomes_amazon_facts(self):
        record = self._upload(SALES, "amazon_sales")
        self.assertRecordValues(
            record, [{"state": "done", "counted_count": 1, "unknown_product_count": 1}]
        )
        self.assertRecordValues(
            self._facts(),
            [
                {
                    "channel": "amazon",
                    "product_id": self.mug.id,
                    "date": datetime.date(2026, 11, 1),
                    "quantity": 99,
                    "revenue": 1234.5,
                    "store_id": False,
                    "source_ref": "amazon_sales/VEND1/2026-11-01..2026-11-07/"
                    "B07R634M2P",
                }
            ],
        )
        again = self._upload(SALES, "amazon_sales")
        self.assertEqual(again.line_ids.mapped("cleaning"), ["duplicate", "duplicate"])
        self.assertEqual(len(self._facts()), 1)

    def test_unknown_asin_mapped_becomes_an_identifier(self):
        self._upload(SALES, "amazon_sales")
        entry = self.env["acorn.pos.unmapped.product"].search(
            [("account_id", "=", self.account.id)]
        )
        self.assertEqual(entry.sku, "B0UNKNOWN1")
        entry.with_user(self.chain_manager).product_id = self.spoon
        self.assertEqual(
            self._facts().filtered(lambda f: f.product_id == self.spoon).quantity, 10
        )
        identifier = self.env["acorn.product.identifier"].search(
            [("value", "=", "B0UNKNOWN1")]
        )
        self.assertRecordValues(
            identifier,
            [
                {
                    "account_id": self.account.id,
                    "product_id": self.spoon.id,
                    "qualifier": "BP",
                }
            ],
        )

    def test_inventory_report_with_period_given_on_upload(self):
        day = datetime.date(2026, 11, 28)
        record = self._upload(INVENTORY, "amazon_inventory", period_start=day)
        self.assertEqual(record.state, "done")
        self.assertRecordValues(
            self._facts(),
            [{"on_hand": 42, "quantity": 0, "date": day, "product_id": self.mug.id}],
        )

    def test_report_without_period_refused(self):
        record = self._upload(INVENTORY, "amazon_inventory")
        self.assertEqual(record.state, "error")
        self.assertIn("names no period", record.error_message)
        self.assertFalse(record.line_ids)

    def test_example_files(self):
        sales = self._upload(
            (DATA / "vendor_central_sales.csv").read_bytes(), "amazon_sales"
        )
        inventory = self._upload(
            (DATA / "vendor_central_inventory.csv").read_bytes(), "amazon_inventory"
        )
        self.assertEqual(
            [(line.sku, line.cleaning) for line in sales.line_ids],
            [("B07R634M2P", "ok"), ("B0TEA00001", "unknown_product")],
        )
        self.assertRecordValues(
            inventory.line_ids.fact_id,
            [{"on_hand": 42, "date": datetime.date(2026, 11, 28)}],
        )
        self.assertEqual(len(self.env["acorn.pos.unmapped.product"].search([])), 1)
