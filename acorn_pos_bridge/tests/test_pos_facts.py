from datetime import date
from unittest.mock import patch

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .pos_common import ChainPosCommon

WRITER = "odoo.addons.acorn_pos_bridge.models.acorn_channel_sale.AcornChannelSale"


@tagged("post_install", "-at_install")
class TestPosFacts(ChainPosCommon):
    """Paid POS orders synced by the frontend become channel facts, once."""

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def test_paid_order_from_ui_becomes_one_fact_per_line(self):
        # 03:30 UTC on the 20th is still the 19th in New York.
        order = self._sync(
            self._ui_order(
                [(self.mug, 2), (self.tea, 3)],
                date_order="2026-11-20 03:30:00",
            )
        )
        self.assertEqual(order.state, "paid")
        facts = self._facts(order)
        self.assertRecordValues(
            facts,
            [
                {
                    "channel": "store",
                    "source": "odoo_pos",
                    "store_id": self.store.id,
                    "product_id": self.mug.id,
                    "sku": "CH-MUG",
                    "date": date(2026, 11, 19),
                    "quantity": 2,
                    "revenue": 20.0,
                    "cost": 8.0,
                    "cost_final": True,
                    "margin": 12.0,
                    "is_refund": False,
                    "receipt_ref": order.pos_reference,
                    "source_ref": f"pos.order.line:{order.lines[0].id}",
                },
                {
                    "channel": "store",
                    "source": "odoo_pos",
                    "store_id": self.store.id,
                    "product_id": self.tea.id,
                    "sku": f"ID{self.tea.id}",
                    "date": date(2026, 11, 19),
                    "quantity": 3,
                    "revenue": 18.0,
                    "cost": 7.5,
                    "cost_final": True,
                    "margin": 10.5,
                    "is_refund": False,
                    "receipt_ref": order.pos_reference,
                    "source_ref": f"pos.order.line:{order.lines[1].id}",
                },
            ],
        )

    def test_store_time_zone_falls_back_to_company(self):
        self.store.tz = False
        self.env.company.partner_id.tz = "Asia/Tokyo"
        order = self._sync(
            self._ui_order([(self.mug, 1)], date_order="2026-11-20 20:00:00")
        )
        self.assertEqual(self._facts(order).date, date(2026, 11, 21))

    def test_refund_links_its_sale(self):
        sale = self._sync(self._ui_order([(self.mug, 3)]))
        refund = self._sync(
            self._ui_order(
                [
                    {
                        "product": self.mug,
                        "quantity": -1,
                        "refunded_orderline_id": sale.lines.id,
                    }
                ]
            )
        )
        sold, returned = self._facts(sale), self._facts(refund)
        self.assertRecordValues(
            returned,
            [
                {
                    "is_refund": True,
                    "refunded_fact_id": sold.id,
                    "quantity": -1,
                    "revenue": -10.0,
                    "refund_quantity": 1,
                    "refund_revenue": 10.0,
                }
            ],
        )
        self.assertEqual(sum((sold | returned).mapped("quantity")), 2)

    def test_late_offline_resync_counts_once(self):
        data = self._ui_order([(self.mug, 1)], date_order="2026-11-18 15:00:00")
        order = self._sync(data)
        again = self._sync(dict(data))
        self.assertEqual(again, order)
        self.Fact._chain_record_pos_orders(order)
        self.Fact._cron_chain_catch_up()
        facts = self._facts(order)
        self.assertEqual(len(facts), 1)
        # The real sale day is kept however late the sync is.
        self.assertEqual(facts.date, date(2026, 11, 18))

    def test_sync_after_session_closed_lands_in_open_session(self):
        data = self._ui_order([(self.tea, 2)], date_order="2026-11-18 15:00:00")
        closed = self.pos_session
        closed.post_closing_cash_details(0)
        closed.close_session_from_ui()
        self.open_new_session()
        self.assertEqual(data["session_id"], closed.id)
        order = self._sync(data)
        self.assertEqual(order.session_id, self.config.current_session_id)
        self.assertEqual(self._facts(order).quantity, 2)

    def test_failing_fact_write_does_not_break_the_sync(self):
        with (
            patch(f"{WRITER}._chain_write_facts", side_effect=ValueError("disk full")),
            mute_logger("odoo.addons.acorn_pos_bridge.models.pos_order"),
        ):
            order = self._sync(self._ui_order([(self.mug, 1), (self.tea, 1)]))
        self.assertEqual(order.state, "paid")
        self.assertEqual(len(order.lines), 2)
        self.assertFalse(self._facts(order))
        self.assertIn("disk full", self.store.sync_error)
        self.assertTrue(self.store.sync_error_date)
        # The catch-up records them and clears the error.
        self.Fact._cron_chain_catch_up()
        self.assertEqual(len(self._facts(order)), 2)
        self.assertFalse(self.store.sync_error)

    def test_failing_sql_in_fact_write_rolls_back_alone(self):
        def broken(model, vals_list, update=False):
            model.env.cr.execute("SELECT 1/0")

        with (
            patch(f"{WRITER}._chain_write_facts", broken),
            mute_logger("odoo.addons.acorn_pos_bridge.models.pos_order", "odoo.sql_db"),
        ):
            order = self._sync(self._ui_order([(self.mug, 1)]))
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.picking_ids)
        self.assertFalse(self._facts(order))

    def test_order_paid_another_way_is_caught_up(self):
        order = self._sync(self._ui_order([(self.mug, 2)], state="draft"))
        self.assertEqual(order.state, "draft")
        self.assertFalse(self._facts(order))
        order.action_pos_order_paid()
        self.assertFalse(self._facts(order))
        self.Fact._cron_chain_catch_up()
        self.assertEqual(self._facts(order).quantity, 2)

    def test_training_store_and_unbound_pos_are_excluded(self):
        self.store.is_training = True
        order = self._sync(self._ui_order([(self.mug, 1)]))
        self.Fact._cron_chain_catch_up()
        self.assertFalse(self._facts(order))
        self.store.unlink()
        self.Fact._cron_chain_catch_up()
        self.assertFalse(self._facts(order))

    def test_cashier_without_chain_rights_syncs(self):
        cashier = new_test_user(
            self.env,
            login="chain_cashier",
            groups="base.group_user,point_of_sale.group_pos_user",
        )
        self.assertFalse(cashier.has_group("acorn_pos_bridge.group_chain_user"))
        data = self._ui_order([(self.mug, 1)])
        result = (
            self.env["pos.order"].with_user(cashier).sync_from_ui([data])["pos.order"]
        )
        order = self.env["pos.order"].browse(result[0]["id"])
        self.assertEqual(len(self._facts(order)), 1)
