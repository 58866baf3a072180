"""Catch-up of channel facts: what the save-time hooks could not record.

Covers POS orders that reached ``paid`` without the POS sync (backend payment,
self-order terminals) or whose facts failed, costs that became final at session
close, refunds synced before their sale, and Amazon deliveries.
"""

import logging

from odoo import api, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Orders (or deliveries) handled per slice of the catch-up; a commit follows each.
CATCH_UP_BATCH = 200


class AcornChannelSale(models.Model):
    _inherit = "acorn.channel.sale"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _chain_commit(self):
        """Commits the slice done so far, so a killed catch-up resumes after it
        (nothing under tests, see ``acorn.vendor.account._amz_commit``)."""
        return self.env["acorn.vendor.account"]._amz_commit(self.env)

    @api.model
    def _chain_missing_pos_orders(self, limit):
        """Paid orders of participating stores with a line not yet recorded."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT DISTINCT o.id, o.date_order
              FROM pos_order o
              JOIN acorn_store s ON s.pos_config_id = o.config_id
                   AND s.active AND s.source = 'odoo_pos' AND s.is_training IS NOT TRUE
              JOIN pos_order_line l ON l.order_id = o.id
             WHERE o.state IN ('paid', 'done', 'invoiced')
               AND l.id NOT IN (SELECT c.combo_parent_id FROM pos_order_line c
                                 WHERE c.combo_parent_id IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM acorn_channel_sale f
                                WHERE f.pos_order_line_id = l.id)
             ORDER BY o.date_order, o.id
             LIMIT %s
            """,
                limit,
            )
        )
        return self.env["pos.order"].browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _chain_facts_to_complete(self, limit):
        """POS facts whose cost became final or whose refunded sale is now recorded."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT f.id
              FROM acorn_channel_sale f
              JOIN pos_order_line l ON l.id = f.pos_order_line_id
             WHERE (f.cost_final IS NOT TRUE AND l.is_total_cost_computed)
                OR (f.is_refund AND f.refunded_fact_id IS NULL
                    AND EXISTS (SELECT 1 FROM acorn_channel_sale o
                                 WHERE o.pos_order_line_id = l.refunded_orderline_id))
             ORDER BY f.id
             LIMIT %s
            """,
                limit,
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _chain_missing_amazon_pickings(self, limit):
        """Done Amazon deliveries and returns with a move not yet recorded."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
            SELECT DISTINCT p.id
              FROM stock_picking p
              JOIN stock_picking_type t ON t.id = p.picking_type_id
              JOIN stock_move m ON m.picking_id = p.id
             WHERE p.state = 'done' AND p.amz_account_id IS NOT NULL
               AND t.code IN ('outgoing', 'incoming')
               AND m.state = 'done' AND m.quantity != 0
               AND NOT EXISTS (SELECT 1 FROM acorn_channel_sale f
                                WHERE f.stock_move_id = m.id)
             ORDER BY p.id
             LIMIT %s
            """,
                limit,
            )
        )
        return self.env["stock.picking"].browse([r[0] for r in self.env.cr.fetchall()])

    @api.model
    def _cron_chain_catch_up(self, batch_size=CATCH_UP_BATCH):
        """Scheduled action: record what the hooks missed, one slice at a time.

        Never raises: a slice that fails is logged and noted on its stores, the
        others go on. Reports its progress so that Odoo re-runs it while work
        remains.
        """
        done = 0
        for step in (
            self._chain_catch_up_pos_orders,
            self._chain_catch_up_completions,
            self._chain_catch_up_amazon,
            self._chain_catch_up_stock,
        ):
            count, remaining = step(batch_size)
            self._chain_commit()
            done += count
            if remaining:
                self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
                return
        self._chain_clear_store_errors()
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)

    @api.model
    def _chain_catch_up_pos_orders(self, batch_size):
        """One slice of missing POS orders; (done, remaining) counts."""
        orders = self._chain_missing_pos_orders(batch_size + 1)
        batch = orders[:batch_size]
        for order in batch:
            try:
                with self.env.cr.savepoint():
                    self._chain_record_pos_orders(order)
            except Exception as error:  # one bad order never stops the others
                _logger.exception("Channel facts of POS order %s failed", order.id)
                order._chain_note_error(error)
        return len(batch), len(orders) - len(batch)

    @api.model
    def _chain_catch_up_completions(self, batch_size):
        """One slice of final costs and refund links; (done, remaining) counts."""
        facts = self._chain_facts_to_complete(batch_size + 1)
        batch = facts[:batch_size]
        batch._chain_update_pos_costs()
        batch.filtered(
            lambda f: f.is_refund and not f.refunded_fact_id
        )._chain_link_refunds()
        return len(batch), len(facts) - len(batch)

    @api.model
    def _chain_catch_up_amazon(self, batch_size):
        """One slice of missing Amazon deliveries; (done, remaining) counts."""
        pickings = self._chain_missing_amazon_pickings(batch_size + 1)
        batch = pickings[:batch_size]
        for picking in batch:
            try:
                with self.env.cr.savepoint():
                    self._chain_record_amazon_pickings(picking)
            except Exception:  # one bad delivery never stops the others
                _logger.exception("Channel facts of picking %s failed", picking.id)
        return len(batch), len(pickings) - len(batch)

    @api.model
    def _chain_clear_store_errors(self):
        """Clear the sync error of stores whose orders are now all recorded."""
        stores = self.env["acorn.store"].search([("sync_error", "!=", False)])
        if stores and not self._chain_missing_pos_orders(1):
            stores.write({"sync_error": False, "sync_error_date": False})
        return stores
