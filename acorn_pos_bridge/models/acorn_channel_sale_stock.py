"""Daily on-hand of the stores' Odoo warehouses, for sell-through and cover."""

from odoo import api, fields, models


class AcornChannelSale(models.Model):
    _inherit = "acorn.channel.sale"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _chain_snapshot_stock(self, stores=None):
        """Record today's on-hand of each store's warehouse, one line per product.

        A store's line of the day is rewritten by a later snapshot the same day.

        Returns:
            acorn.channel.sale: the on-hand lines written.
        """
        if stores is None:
            stores = self.env["acorn.store"].search(
                [("is_training", "=", False), ("warehouse_id", "!=", False)]
            )
        vals_list = []
        for store in stores:
            day = store._chain_local_date(fields.Datetime.now())
            quantities = self.env["stock.quant"]._read_group(
                [
                    ("location_id", "child_of", store.warehouse_id.lot_stock_id.id),
                    ("location_id.usage", "=", "internal"),
                ],
                ["product_id"],
                ["quantity:sum"],
            )
            for product, quantity in quantities:
                vals_list.append(
                    {
                        "source": "odoo_stock",
                        "source_ref": f"on_hand:{store.id}:{product.id}:{day}",
                        "store_id": store.id,
                        "company_id": store.company_id.id,
                        "date": day,
                        "product_id": product.id,
                        "receipt_ref": "On hand",
                        "receipt_line": str(product.id),
                        "quantity": 0.0,
                        "revenue": 0.0,
                        "on_hand": quantity,
                    }
                )
        return self._chain_write_facts(vals_list, update=True)

    @api.model
    def _chain_catch_up_stock(self, batch_size):
        """The catch-up step of the stock snapshot; (done, remaining) counts."""
        return len(self._chain_snapshot_stock()), 0
