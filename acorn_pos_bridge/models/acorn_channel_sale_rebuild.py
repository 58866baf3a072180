"""Rebuild of the POS facts of stores in bulk SQL: after a time zone change, a
history loaded before the store was bound, or a restore.

Produces the same facts as ``_chain_pos_line_vals`` (tested side by side) for
orders in the company's currency; orders in another currency are left to the
catch-up, which converts their amounts.
"""

from odoo import api, models
from odoo.tools import SQL


class AcornChannelSale(models.Model):
    _inherit = "acorn.channel.sale"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _chain_rebuild_pos_facts(self, stores=None):
        """Delete and rewrite the POS facts of ``stores`` (all participating
        stores by default) from their paid orders; refunds are linked again.

        Returns:
            int: the number of facts written.
        """
        if stores is None:
            stores = self.env["acorn.store"].search([("source", "=", "odoo_pos")])
        stores = stores.filtered(
            lambda s: s.source == "odoo_pos" and not s.is_training and s.pos_config_id
        )
        if not stores:
            return 0
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            SQL(
                "DELETE FROM acorn_channel_sale WHERE source = 'odoo_pos' "
                "AND store_id IN %s",
                tuple(stores.ids),
            )
        )
        cr.execute(self._chain_rebuild_insert_query(stores))
        written = cr.rowcount
        cr.execute(
            SQL(
                """
            UPDATE acorn_channel_sale f
               SET refunded_fact_id = o.id
              FROM pos_order_line l, acorn_channel_sale o
             WHERE f.pos_order_line_id = l.id
               AND o.pos_order_line_id = l.refunded_orderline_id
               AND f.refunded_fact_id IS NULL
               AND f.store_id IN %s
            """,
                tuple(stores.ids),
            )
        )
        self.env.invalidate_all()
        self._chain_catch_up_pos_orders(10**9)  # orders in another currency
        return written

    @api.model
    def _chain_rebuild_insert_query(self, stores):
        """INSERT of the facts of the stores' paid lines, as the hook writes them."""
        return SQL(
            """
        INSERT INTO acorn_channel_sale (
            source, source_ref, pos_order_line_id, channel, store_id, company_id,
            currency_id, date, product_id, sku, receipt_ref, receipt_line, quantity,
            revenue, cost, cost_final, margin, is_refund, refund_quantity,
            refund_revenue, create_uid, create_date, write_uid, write_date)
        SELECT 'odoo_pos', 'pos.order.line:' || l.id, l.id, 'store', s.id,
               o.company_id, c.currency_id,
               (o.date_order AT TIME ZONE 'UTC'
                   AT TIME ZONE coalesce(s.tz, cp.tz, 'UTC'))::date,
               l.product_id,
               coalesce(nullif(p.default_code, ''), nullif(p.barcode, ''),
                        'ID' || p.id),
               coalesce(o.pos_reference, o.name), l.id::text, l.qty,
               l.price_subtotal,
               CASE WHEN l.is_total_cost_computed THEN l.total_cost ELSE 0 END,
               coalesce(l.is_total_cost_computed, false),
               CASE WHEN l.is_total_cost_computed
                    THEN l.price_subtotal - l.total_cost ELSE 0 END,
               l.refunded_orderline_id IS NOT NULL OR l.qty < 0,
               CASE WHEN l.refunded_orderline_id IS NOT NULL OR l.qty < 0
                    THEN -l.qty ELSE 0 END,
               CASE WHEN l.refunded_orderline_id IS NOT NULL OR l.qty < 0
                    THEN -l.price_subtotal ELSE 0 END,
               %(uid)s, now() AT TIME ZONE 'UTC', %(uid)s, now() AT TIME ZONE 'UTC'
          FROM pos_order o
          JOIN acorn_store s ON s.pos_config_id = o.config_id
          JOIN pos_config pc ON pc.id = o.config_id
          JOIN account_journal j ON j.id = pc.journal_id
          JOIN res_company c ON c.id = o.company_id
          JOIN res_partner cp ON cp.id = c.partner_id
          JOIN pos_order_line l ON l.order_id = o.id
          JOIN product_product p ON p.id = l.product_id
         WHERE s.id IN %(stores)s
           AND o.state IN ('paid', 'done', 'invoiced')
           AND (j.currency_id IS NULL OR j.currency_id = c.currency_id)
           AND l.id NOT IN (SELECT k.combo_parent_id FROM pos_order_line k
                             WHERE k.combo_parent_id IS NOT NULL)
         ORDER BY o.date_order, l.id
        ON CONFLICT DO NOTHING
        """,
            uid=self.env.uid,
            stores=tuple(stores.ids),
        )
