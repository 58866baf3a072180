from odoo.tests import tagged

from .pos_common import ChainPosCommon


@tagged("post_install", "-at_install")
class TestPosCosts(ChainPosCommon):
    """A FIFO product's cost is final only at session close: the fact waits for it."""

    def setUp(self):
        super().setUp()
        self.env.company.point_of_sale_update_stock_quantities = "closing"
        self.fifo = self.create_product("Chain Candle", self.categ_anglo, 30.0, 12.0)
        self.adjust_inventory([self.fifo], [10])
        self.open_new_session()

    def test_cost_filled_after_session_close(self):
        order = self._sync(self._ui_order([(self.fifo, 2), (self.mug, 1)]))
        candle, mug = self._facts(order)
        self.assertFalse(order.lines[0].is_total_cost_computed)
        self.assertRecordValues(
            candle | mug,
            [
                {"revenue": 60.0, "cost": 0.0, "cost_final": False, "margin": 0.0},
                {"revenue": 10.0, "cost": 4.0, "cost_final": True, "margin": 6.0},
            ],
        )
        self.pos_session.post_closing_cash_details(order.amount_total)
        self.pos_session.close_session_from_ui()
        self.assertTrue(order.lines[0].is_total_cost_computed)
        self.env["acorn.channel.sale"]._cron_chain_catch_up()
        self.assertRecordValues(
            candle,
            [{"cost": 24.0, "cost_final": True, "margin": 36.0}],
        )
