from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.acorn_amazon_vendor.tests.test_menus import load_menu_actions

from .pos_common import ChainPosCommon

WRITER = "odoo.addons.acorn_pos_bridge.models.acorn_channel_sale.AcornChannelSale"


@tagged("post_install", "-at_install")
class TestStoreStatus(ChainPosCommon):
    """The Chain Stores screen: last sync, errors, catch-up, stock on hand."""

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def test_last_sync_error_and_catch_up_button(self):
        self.assertFalse(self.store.last_sync)
        with (
            patch(f"{WRITER}._chain_write_facts", side_effect=ValueError("no disk")),
            mute_logger("odoo.addons.acorn_pos_bridge.models.pos_order"),
        ):
            order = self._sync(self._ui_order([(self.mug, 1)]))
        self.assertIn(order.name, self.store.sync_error)
        self.assertEqual(
            self.env["acorn.store"].search([("sync_error", "!=", False)]), self.store
        )
        self.store.action_chain_catch_up()
        self.assertFalse(self.store.sync_error)
        self.assertEqual(len(self._facts(order)), 1)
        self.store.invalidate_recordset(["last_sync"])
        self.assertTrue(self.store.last_sync)
        self.assertEqual(self.store.channel_sale_count, 1)

    def test_stock_snapshot_of_the_store_warehouse(self):
        self.store.warehouse_id = self.company_data["default_warehouse"]
        facts = self.Fact._chain_snapshot_stock(self.store)
        mug = facts.filtered(lambda f: f.product_id == self.mug)
        self.assertRecordValues(
            mug,
            [{"source": "odoo_stock", "quantity": 0, "on_hand": 100, "revenue": 0}],
        )
        self._sync(self._ui_order([(self.mug, 3)]))
        again = self.Fact._chain_snapshot_stock(self.store)
        self.assertEqual(again.filtered(lambda f: f.product_id == self.mug), mug)
        self.assertEqual(mug.on_hand, 97)
        line = self.env["acorn.channel.report"].search(
            [("product_id", "=", self.mug.id), ("store_id", "=", self.store.id)]
        )
        self.assertRecordValues(line, [{"units": 3, "sold_units": 3, "on_hand": 97}])

    def test_channel_report_menus_open(self):
        opened = load_menu_actions(self.env, "point_of_sale.menu_point_root")
        self.assertIn("Point of Sale/Chain Stores/Channel Report", opened)
