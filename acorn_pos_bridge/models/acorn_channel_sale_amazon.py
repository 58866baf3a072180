"""Channel facts of Amazon's shipped orders: one fact per done delivery move."""

import pytz

from odoo import api, fields, models


class AcornChannelSale(models.Model):
    _inherit = "acorn.channel.sale"  # pylint: disable=consider-merging-classes-inherited

    stock_move_id = fields.Many2one(
        "stock.move",
        string="Delivery Move",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
    )

    @api.model
    def _chain_amazon_pickings(self, pickings):
        """The done deliveries (and returns) of Amazon purchase orders."""
        return pickings.filtered(
            lambda p: (
                p.state == "done"
                and p.amz_account_id
                and p.picking_type_code in ("outgoing", "incoming")
            )
        )

    @api.model
    def _chain_record_amazon_pickings(self, pickings):
        """Record the facts of these Amazon deliveries; recorded moves are skipped.

        Returns:
            acorn.channel.sale: the facts of the deliveries' done moves.
        """
        vals_list = [
            self._chain_amazon_move_vals(move)
            for picking in self._chain_amazon_pickings(pickings)
            for move in picking.move_ids
            if move.state == "done" and move.quantity
        ]
        facts = self._chain_write_facts(vals_list)
        for fact in facts.filtered(lambda f: f.is_refund and not f.refunded_fact_id):
            origin = fact.stock_move_id.origin_returned_move_id
            fact.refunded_fact_id = (
                self.search([("stock_move_id", "=", origin.id)], limit=1)
                if origin
                else False
            )
        return facts

    @api.model
    def _chain_amazon_move_vals(self, move):
        """The fact values of one done move of an Amazon delivery or return."""
        picking = move.picking_id
        company = move.company_id
        sign = -1 if picking.picking_type_code == "incoming" else 1
        quantity = move.product_uom._compute_quantity(
            move.quantity, move.product_id.uom_id
        )
        tz = pytz.timezone(company.partner_id.tz or "UTC")
        return {
            "source": "amazon_delivery",
            "source_ref": f"stock.move:{move.id}",
            "stock_move_id": move.id,
            "channel": "amazon",
            "account_id": picking.amz_account_id.id,
            "company_id": company.id,
            "date": pytz.utc.localize(picking.date_done).astimezone(tz).date(),
            "product_id": move.product_id.id,
            "receipt_ref": picking.amz_po_number or picking.name,
            "receipt_line": str(move.id),
            "quantity": sign * quantity,
            "revenue": sign * self._chain_amazon_revenue(move),
            "cost": sign * self._chain_amazon_cost(move, quantity),
            "cost_final": True,
            "is_refund": sign < 0,
        }

    @api.model
    def _chain_amazon_revenue(self, move):
        """Net revenue of a move: its sale line's net unit price times the quantity."""
        line = move.sale_line_id
        if not line:
            return 0.0
        quantity = move.product_uom._compute_quantity(move.quantity, line.product_uom)
        amount = line.price_reduce_taxexcl * quantity
        order = line.order_id
        company = move.company_id
        return order.currency_id._convert(
            amount, company.currency_id, company, move.picking_id.date_done.date()
        )

    @api.model
    def _chain_amazon_cost(self, move, quantity):
        """Cost of a move: its stock valuation, else the product's cost."""
        layers = move.sudo().stock_valuation_layer_ids
        if layers:
            return abs(sum(layers.mapped("value")))
        return move.product_id.standard_price * quantity
