"""Channel sales facts: one cleaned sales line of a channel (store or Amazon).

Every source writes its facts through ``acorn.channel.sale._chain_write_facts``,
which is idempotent on ``(company_id, source, source_ref)``: the same line sent
twice is recorded once.
"""

from odoo import api, fields, models

# Sales channels a fact line can belong to.
CHANNELS = [
    ("store", "Chain store"),
    ("amazon", "Amazon Vendor"),
]

# Where a fact comes from. 'amazon_report' facts are Amazon's own sales to its
# customers (sell-out) and its on-hand, from Vendor Central's report files: they
# feed sell-through and weeks of cover, not the brand's units, revenue or margin
# (the brand's sales to Amazon are the 'amazon_delivery' facts).
FACT_SOURCES = [
    ("odoo_pos", "Odoo Point of Sale"),
    ("import", "External POS import"),
    ("amazon_delivery", "Amazon delivery"),
    ("amazon_report", "Amazon Vendor Central report"),
    ("odoo_stock", "Odoo stock on hand"),
]

# The channel of each source, when the writer does not give one.
SOURCE_CHANNEL = {
    "odoo_pos": "store",
    "import": "store",
    "amazon_delivery": "amazon",
    "amazon_report": "amazon",
    "odoo_stock": "store",
}


class AcornChannelSale(models.Model):
    """One cleaned sales line of a channel: a day, a store, a SKU, a receipt line."""

    _name = "acorn.channel.sale"
    _description = "Channel Sale"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, index=True, help="Local date of the sale.")
    channel = fields.Selection(CHANNELS, required=True, default="store", index=True)
    store_id = fields.Many2one(
        "acorn.store", index=True, check_company=True, ondelete="restrict"
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Amazon Account",
        index=True,
        check_company=True,
        ondelete="restrict",
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
    source = fields.Selection(FACT_SOURCES, required=True, default="import", index=True)
    source_ref = fields.Char(
        string="Source Reference",
        index=True,
        copy=False,
        help="Natural key of the line in its source, unique per company and source "
        "(e.g. the POS order line, the delivery move, the import row).",
    )
    quantity = fields.Float(digits="Product Unit of Measure", aggregator="sum")
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", store=True
    )
    revenue = fields.Monetary(
        string="Net Revenue", aggregator="sum", help="Net of taxes and discounts."
    )
    amount = fields.Monetary(
        string="Net Sales",
        related="revenue",
        readonly=False,
        help="The net revenue (former name, kept for older writers).",
    )
    cost = fields.Monetary(
        aggregator="sum", help="Cost of the goods sold, once final (else empty)."
    )
    cost_final = fields.Boolean(help="The cost is final and counted in the margin.")
    margin = fields.Monetary(
        compute="_compute_margin",
        store=True,
        aggregator="sum",
        help="Net revenue less cost, on lines whose cost is final.",
    )
    is_refund = fields.Boolean(string="Refund", index=True)
    refunded_fact_id = fields.Many2one(
        "acorn.channel.sale",
        string="Refunded Sale",
        index="btree_not_null",
        ondelete="set null",
        help="The sale line this refund returns.",
    )
    refund_quantity = fields.Float(
        string="Refunded Units",
        compute="_compute_refund_figures",
        store=True,
        aggregator="sum",
        digits="Product Unit of Measure",
    )
    refund_revenue = fields.Monetary(
        string="Refunded Revenue",
        compute="_compute_refund_figures",
        store=True,
        aggregator="sum",
    )
    on_hand = fields.Float(
        digits="Product Unit of Measure",
        aggregator="sum",
        help="Units on hand on that day (inventory lines).",
    )

    _sql_constraints = [
        (
            "natural_key_uniq",
            "unique nulls not distinct (company_id, channel, store_id, sku, date, "
            "receipt_ref, receipt_line)",
            "This receipt line was already recorded for this store, SKU and day.",
        ),
        (
            "source_ref_uniq",
            "unique(company_id, source, source_ref)",
            "This source line was already recorded.",
        ),
    ]

    @api.depends("revenue", "cost", "cost_final")
    def _compute_margin(self):
        for line in self:
            line.margin = line.revenue - line.cost if line.cost_final else 0.0

    @api.depends("is_refund", "quantity", "revenue")
    def _compute_refund_figures(self):
        for line in self:
            line.refund_quantity = -line.quantity if line.is_refund else 0.0
            line.refund_revenue = -line.revenue if line.is_refund else 0.0

    @api.onchange("product_id")
    def _onchange_product_id(self):
        for line in self:
            if line.product_id and not line.sku:
                line.sku = line.product_id.default_code

    @api.model
    def _chain_write_facts(self, vals_list, update=False):
        """Record sales lines once: the one entry point of every fact writer.

        Each dict carries ``source`` and ``source_ref`` (the line's natural key in
        its source) and the fact fields. Missing ``company_id`` is the current
        company, ``channel`` follows the source, ``sku`` the product's internal
        reference, ``receipt_ref`` the source reference. A line whose
        ``(company_id, source, source_ref)`` is already recorded is not created
        again; with ``update`` it is written with the given values.

        Args:
            vals_list: list of dicts of ``acorn.channel.sale`` values.
            update: write the values on lines already recorded.

        Returns:
            acorn.channel.sale: the facts of ``vals_list``, in its order.
        """
        vals_list = [self._chain_complete_vals(vals) for vals in vals_list]
        existing = self._chain_existing_facts(vals_list)
        facts, to_create = [], []
        for vals in vals_list:
            key = (vals["company_id"], vals["source"], vals["source_ref"])
            fact = existing.get(key)
            if fact is None:
                existing[key] = vals
                to_create.append(vals)
            elif update and isinstance(fact, models.BaseModel):
                fact.write(vals)
            facts.append(key)
        created = self.create(to_create) if to_create else self.browse()
        for fact in created:
            existing[(fact.company_id.id, fact.source, fact.source_ref)] = fact
        return self.browse([existing[key].id for key in facts])

    @api.model
    def _chain_complete_vals(self, vals):
        """``vals`` with the defaults of ``_chain_write_facts`` filled in."""
        vals = dict(vals)
        if not vals.get("source") or not vals.get("source_ref"):
            raise ValueError("A channel fact needs its source and source_ref.")
        vals.setdefault("company_id", self.env.company.id)
        vals.setdefault("channel", SOURCE_CHANNEL[vals["source"]])
        vals.setdefault("receipt_ref", vals["source_ref"])
        if not vals.get("sku"):
            product = self.env["product.product"].browse(vals.get("product_id"))
            vals["sku"] = (
                product.default_code
                or product.barcode
                or (product and f"ID{product.id}")
            )
        return vals

    @api.model
    def _chain_existing_facts(self, vals_list):
        """The facts already recorded for these lines, by their source key."""
        refs = {vals["source_ref"] for vals in vals_list}
        found = {}
        if refs:
            facts = self.with_context(active_test=False).search(
                [
                    ("source_ref", "in", list(refs)),
                    ("company_id", "in", list({v["company_id"] for v in vals_list})),
                ]
            )
            for fact in facts:
                found[(fact.company_id.id, fact.source, fact.source_ref)] = fact
        return found
