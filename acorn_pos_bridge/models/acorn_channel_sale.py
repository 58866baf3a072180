from odoo import api, fields, models

# Sales channels a fact line can belong to.
CHANNELS = [
    ("store", "Chain store"),
    ("amazon", "Amazon Vendor"),
]


class AcornChannelSale(models.Model):
    """One cleaned sales line of a channel: a day, a store, a SKU, a receipt line."""

    _name = "acorn.channel.sale"
    _description = "Channel Sale"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, index=True)
    channel = fields.Selection(CHANNELS, required=True, default="store", index=True)
    store_id = fields.Many2one(
        "acorn.store", index=True, check_company=True, ondelete="restrict"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    sku = fields.Char(string="SKU", required=True, index=True)
    product_id = fields.Many2one("product.product", index=True, check_company=True)
    receipt_ref = fields.Char(string="Receipt", required=True)
    receipt_line = fields.Char(required=True, default="1")
    quantity = fields.Float(digits="Product Unit of Measure", aggregator="sum")
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", store=True
    )
    amount = fields.Monetary(string="Net Sales", aggregator="sum")

    _sql_constraints = [
        (
            "natural_key_uniq",
            "unique(company_id, channel, store_id, sku, date, receipt_ref, "
            "receipt_line)",
            "This receipt line was already recorded for this store, SKU and day.",
        ),
    ]

    @api.onchange("product_id")
    def _onchange_product_id(self):
        for line in self:
            if line.product_id and not line.sku:
                line.sku = line.product_id.default_code
