"""855 proposals: accept, backorder or reject quantities and dates from stock.

"Propose from Stock" on an Amazon order fills each line's 855 answer (status,
quantity, ship date) from what the account may give Amazon: free stock in the
account's warehouse (on hand less reserved less the account's safety stock),
capped by the approved replenishment plan when one exists
(``acorn.vendor.account._amz_inventory_caps()``). The planner reviews the
answers and sends the 855 as usual; nothing is sent here.

Per line, in Amazon units, lines of the same product served in order:

* enough available: accepted (IA) in full, ship date today;
* part available: accepted (IA) for the whole Amazon units available; the rest
  is not confirmed (the order's confirmation-rate warning shows it, FACTS §4.3);
* none available but a receipt is expected in the warehouse: backordered (IB)
  in full, ship date = the receipt's date;
* none available and nothing expected: rejected (IR, temporarily unavailable).
"""

import math

from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def action_amz_propose_855(self):
        """Button: proposes the 855 answer of every line from stock and plan."""
        for order in self.filtered("amz_account_id"):
            order._amz_propose_855()
        return True

    def _amz_propose_855(self):
        self.ensure_one()
        account = self.amz_account_id
        lines = self.order_line.filtered(lambda line: line.product_id.is_storable)
        products = lines.product_id
        available = self._amz_available_for_855(account, products)
        incoming = self._amz_next_receipts(account, products)
        today = fields.Date.context_today(self)
        summary = []
        for line in lines:
            values = line._amz_proposal(available, incoming, today)
            line.write(values)
            summary.append(
                f"{line.amz_line_number or line.sequence}: {values['amz_ack_status']} "
                f"{values['amz_ack_qty']:g}"
            )
        if summary:
            self.message_post(
                body=self.env._(
                    "855 proposed from stock and plan: %(lines)s",
                    lines=", ".join(summary),
                )
            )

    def _amz_available_for_855(self, account, products):
        """Units the account may give Amazon per product id (free, safety, plan)."""
        stock = account._amz_inventory_stock(products)
        caps = account._amz_inventory_caps(products)
        own = {}
        for move in self.order_line.move_ids.filtered(
            lambda move: move.state not in ("done", "cancel")
        ):
            own[move.product_id.id] = own.get(move.product_id.id, 0.0) + move.quantity
        available = {}
        for product in products:
            on_hand, reserved = stock.get(product.id, (0.0, 0.0))
            # What this order reserved itself is available to it.
            free = on_hand - reserved + own.get(product.id, 0.0)
            free = max(free - account.inventory_safety_stock, 0.0)
            cap = caps.get(product.id)
            available[product.id] = free if cap is None else min(free, cap)
        return available

    def _amz_next_receipts(self, account, products):
        """The date of the next expected receipt in the warehouse per product id."""
        moves = self.env["stock.move"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("state", "not in", ("done", "cancel", "draft")),
                ("location_id.usage", "not in", ("internal", "transit")),
                ("location_dest_id", "child_of", account.warehouse_id.lot_stock_id.id),
            ],
            ["product_id"],
            ["date:min"],
        )
        return {product.id: date.date() for product, date in moves}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"  # pylint: disable=consider-merging-classes-inherited

    def _amz_proposal(self, available, incoming, today):
        """This line's 855 answer; takes what it accepts from ``available``."""
        self.ensure_one()
        ordered = self.amz_ordered_qty or self.product_uom_qty
        per_unit = self.product_uom_qty / ordered if ordered else 1.0
        free = available.get(self.product_id.id, 0.0)
        accept = min(ordered, math.floor(round(free / per_unit, 6)))
        values = {"amz_reject_reason": False}
        if accept > 0:
            available[self.product_id.id] = free - accept * per_unit
            values.update(amz_ack_status="IA", amz_ack_qty=accept, amz_ack_date=today)
        elif self.product_id.id in incoming:
            values.update(
                amz_ack_status="IB",
                amz_ack_qty=ordered,
                amz_ack_date=incoming[self.product_id.id],
            )
        else:
            values.update(
                amz_ack_status="IR",
                amz_ack_qty=0.0,
                amz_ack_date=False,
                amz_reject_reason="TemporarilyUnavailable",
            )
        return values
