from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "-standard", "acorn_demo")
class TestDemoData(TransactionCase):
    """Smoke test run on the demo database only: the demo shows every flow."""

    def test_demo_account_ready(self):
        account = self.env.ref("acorn_amazon_vendor.vendor_account_us_demo")
        self.assertRecordValues(
            account,
            [{"vendor_code": "ACORN", "marketplace": "US", "environment": "test"}],
        )
        self.assertEqual(account.partner_id.name, "Amazon.com Services LLC")

    def test_demo_po_became_an_order_a_997_and_an_855(self):
        account = self.env.ref("acorn_amazon_vendor.vendor_account_us_demo")
        order = self.env["sale.order"].search(
            [("amz_account_id", "=", account.id), ("amz_po_number", "=", "4DEMOPO1")]
        )
        self.assertRecordValues(
            order,
            [
                {
                    "client_order_ref": "4DEMOPO1",
                    "amz_fc_code": "ABE2",
                    "amz_in_review": False,
                    # the shipping demo marks the 855 sent (files move by hand)
                    "amz_ack_state": "sent",
                }
            ],
        )
        self.assertEqual(
            order.order_line.product_id,
            self.env.ref("acorn_amazon_vendor.product_acorn_mug")
            | self.env.ref("acorn_amazon_vendor.product_acorn_tea"),
        )
        types = order.amz_message_ids.mapped("document_type")
        self.assertEqual(types.count("850"), 1)
        self.assertEqual(types.count("855"), 1)
        self.assertTrue(
            self.env["acorn.edi.message"].search(
                [("account_id", "=", account.id), ("document_type", "=", "997")]
            )
        )
