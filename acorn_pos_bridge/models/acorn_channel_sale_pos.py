"""Channel facts of Odoo Point of Sale orders: one fact per paid order line."""

from odoo import api, fields, models

# Order states whose lines are sales (draft and cancelled orders are not).
PAID_STATES = ("paid", "done", "invoiced")


class AcornChannelSale(models.Model):
    _inherit = "acorn.channel.sale"  # pylint: disable=consider-merging-classes-inherited

    pos_order_line_id = fields.Many2one(
        "pos.order.line",
        string="POS Order Line",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )

    @api.model
    def _chain_pos_stores(self, configs):
        """The participating stores of these POS configs, by config."""
        stores = (
            self.env["acorn.store"]
            .sudo()
            .search(
                [
                    ("pos_config_id", "in", configs.ids),
                    ("source", "=", "odoo_pos"),
                    ("is_training", "=", False),
                ]
            )
        )
        return {store.pos_config_id: store for store in stores}

    @api.model
    def _chain_record_pos_orders(self, orders):
        """Record the facts of these orders' lines (paid orders of participating
        stores only); lines already recorded are left as they are.

        Returns:
            acorn.channel.sale: the facts of the orders' lines.
        """
        orders = orders.filtered(lambda o: o.state in PAID_STATES)
        stores = self._chain_pos_stores(orders.config_id)
        vals_list = []
        for order in orders.sorted(lambda o: (o.date_order, o.id)):
            store = stores.get(order.config_id)
            if not store:
                continue
            for line in order.lines:
                if line.combo_line_ids:
                    continue  # a combo's units and revenue are on its items
                vals_list.append(self._chain_pos_line_vals(store, line))
        facts = self._chain_write_facts(vals_list)
        facts.filtered(
            lambda f: f.is_refund and not f.refunded_fact_id
        )._chain_link_refunds()
        return facts

    @api.model
    def _chain_pos_line_vals(self, store, line):
        """The fact values of one POS order line, in the company's currency."""
        order = line.order_id
        vals = {
            "source": "odoo_pos",
            "source_ref": f"pos.order.line:{line.id}",
            "pos_order_line_id": line.id,
            "channel": "store",
            "store_id": store.id,
            "company_id": order.company_id.id,
            "date": store._chain_local_date(order.date_order),
            "product_id": line.product_id.id,
            "receipt_ref": order.pos_reference or order.name,
            "receipt_line": str(line.id),
            "quantity": line.qty,
            "revenue": self._chain_company_amount(order, line.price_subtotal),
            "is_refund": bool(line.refunded_orderline_id) or line.qty < 0,
        }
        vals.update(self._chain_pos_cost_vals(line))
        return vals

    @api.model
    def _chain_pos_cost_vals(self, line):
        """The cost values of a POS line: its total cost once Odoo made it final."""
        if not line.is_total_cost_computed:
            return {"cost": 0.0, "cost_final": False}
        return {
            "cost": self._chain_company_amount(line.order_id, line.total_cost),
            "cost_final": True,
        }

    @api.model
    def _chain_company_amount(self, order, amount):
        """An amount of a POS order in its company's currency, at the order date."""
        company = order.company_id
        if order.currency_id == company.currency_id:
            return amount
        return order.currency_id._convert(
            amount, company.currency_id, company, order.date_order.date()
        )

    def _chain_link_refunds(self):
        """Link refund facts to the facts of the sale lines they return."""
        refunded_lines = self.pos_order_line_id.refunded_orderline_id
        originals = {
            fact.pos_order_line_id: fact
            for fact in self.search([("pos_order_line_id", "in", refunded_lines.ids)])
        }
        for fact in self:
            original = originals.get(fact.pos_order_line_id.refunded_orderline_id)
            if original:
                fact.refunded_fact_id = original

    def _chain_update_pos_costs(self):
        """Fill the costs that became final (FIFO/AVCO at session close)."""
        for fact in self.filtered("pos_order_line_id"):
            fact.write(fact._chain_pos_cost_vals(fact.pos_order_line_id))
