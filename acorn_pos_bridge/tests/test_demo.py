from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "-standard", "acorn_demo")
class TestChannelDemo(TransactionCase):
    """Smoke test run on the demo database only: stores and Amazon side by side."""

    def test_report_shows_stores_and_amazon(self):
        Report = self.env["acorn.channel.report"]
        channels = {
            group["channel"]: group
            for group in Report.read_group(
                [], ["units:sum", "sold_units:sum", "sell_through:avg"], ["channel"]
            )
        }
        self.assertEqual(set(channels), {"store", "amazon"})
        self.assertGreater(channels["amazon"]["sold_units"], 0)
        self.assertGreater(channels["amazon"]["sell_through"], 0)
        mug = self.env.ref("acorn_amazon_vendor.product_acorn_mug")
        self.assertEqual(
            set(Report.search([("product_id", "=", mug.id)]).mapped("channel")),
            {"store", "amazon"},
        )

    def test_shipped_demo_po_is_an_amazon_fact(self):
        facts = self.env["acorn.channel.sale"].search(
            [("source", "=", "amazon_delivery"), ("receipt_ref", "=", "4DEMOPO1")]
        )
        self.assertTrue(facts)
        self.assertTrue(all(fact.quantity > 0 for fact in facts))

    def test_pos_store_bound_to_the_demo_pos(self):
        store = self.env.ref("acorn_pos_bridge.store_main_street")
        self.assertEqual(
            store.pos_config_id, self.env.ref("point_of_sale.pos_config_main")
        )
        self.assertTrue(store.channel_sale_ids.filtered("on_hand"))
