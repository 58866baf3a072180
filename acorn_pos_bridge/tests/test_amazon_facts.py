from unittest.mock import patch

from odoo import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.acorn_amazon_vendor.tests.billing_common import AmazonBillingCommon

WRITER = "odoo.addons.acorn_pos_bridge.models.acorn_channel_sale.AcornChannelSale"


@tagged("post_install", "-at_install")
class TestAmazonFacts(AmazonBillingCommon):
    """Shipped Amazon orders become 'amazon' channel facts, once."""

    def setUp(self):
        super().setUp()
        self.mug.standard_price = 5.0
        self.Fact = self.env["acorn.channel.sale"]

    def _facts(self, pickings):
        return self.Fact.search(
            [("stock_move_id.picking_id", "in", pickings.ids)], order="id"
        )

    def _return(self, picking, product, quantity):
        wizard = Form(
            self.env["stock.return.picking"].with_context(
                active_id=picking.id, active_model="stock.picking"
            )
        ).save()
        wizard.product_return_moves.filtered(lambda r: r.product_id != product).unlink()
        wizard.product_return_moves.quantity = quantity
        back = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        back.move_ids.write({"quantity": quantity, "picked": True})
        back.button_validate()
        return back

    def test_shipped_order_becomes_facts_on_validation(self):
        order = self._acked_order()
        picking = self._ship(order, {self.mug: 10})
        facts = self._facts(picking)
        mug = facts.filtered(lambda f: f.product_id == self.mug)
        self.assertRecordValues(
            mug,
            [
                {
                    "channel": "amazon",
                    "source": "amazon_delivery",
                    "account_id": self.account.id,
                    "store_id": False,
                    "receipt_ref": "3J2KKUAV",
                    "sku": "ACN-MUG",
                    "quantity": 10,
                    "revenue": 125.0,
                    "cost": 50.0,
                    "cost_final": True,
                    "margin": 75.0,
                    "date": picking.date_done.date(),
                }
            ],
        )
        shipped = picking.move_ids.filtered(lambda m: m.quantity)
        self.assertEqual(len(facts), len(shipped))
        # Validating the backorder adds its own lines; nothing is counted twice.
        self.Fact._cron_chain_catch_up()
        backorder = self._ship(order)
        self.assertEqual(len(self._facts(picking)), len(facts))
        self.assertEqual(
            sum(
                self._facts(picking | backorder)
                .filtered(lambda f: f.product_id == self.mug)
                .mapped("quantity")
            ),
            24,
        )

    def test_return_is_a_refund_of_its_delivery(self):
        order = self._acked_order()
        picking = self._ship(order)
        back = self._return(picking, self.mug, 4)
        self.assertRecordValues(
            self._facts(back),
            [
                {
                    "channel": "amazon",
                    "is_refund": True,
                    "quantity": -4,
                    "revenue": -50.0,
                    "refund_quantity": 4,
                    "refunded_fact_id": self._facts(picking)
                    .filtered(lambda f: f.product_id == self.mug)
                    .id,
                }
            ],
        )

    def test_failed_write_does_not_block_validation_and_is_caught_up(self):
        order = self._acked_order()
        with (
            patch(f"{WRITER}._chain_write_facts", side_effect=ValueError("boom")),
            mute_logger("odoo.addons.acorn_pos_bridge.models.stock_picking"),
        ):
            picking = self._ship(order)
        self.assertEqual(picking.state, "done")
        self.assertFalse(self._facts(picking))
        self.Fact._cron_chain_catch_up()
        self.assertEqual(
            len(self._facts(picking)), len(picking.move_ids.filtered("quantity"))
        )
        self.Fact._cron_chain_catch_up()
        self.assertEqual(
            len(self._facts(picking)), len(picking.move_ids.filtered("quantity"))
        )

    def test_plain_deliveries_are_not_amazon_facts(self):
        partner = self.env["res.partner"].create({"name": "Walk-in"})
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": self.mug.id, "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        picking = self._ship(order)
        self.assertEqual(picking.state, "done")
        self.assertFalse(self._facts(picking))
