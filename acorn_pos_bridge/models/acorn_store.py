from odoo import api, fields, models

# Where a store's sales come from.
SOURCES = [
    ("odoo_pos", "Odoo Point of Sale"),
    ("external", "External POS export"),
]


class AcornStore(models.Model):
    """A chain store of the brand, bound to the source its sales come from."""

    _name = "acorn.store"
    _description = "Chain Store"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    store_code = fields.Char(
        required=True,
        index=True,
        help="The store's code in the chain's own systems and POS exports.",
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    source = fields.Selection(SOURCES, required=True, default="odoo_pos")
    pos_config_id = fields.Many2one(
        "pos.config",
        string="Point of Sale",
        check_company=True,
        help="The Odoo Point of Sale whose orders are this store's sales.",
    )
    warehouse_id = fields.Many2one("stock.warehouse", check_company=True)
    partner_id = fields.Many2one("res.partner", string="Address", check_company=True)
    channel_sale_ids = fields.One2many("acorn.channel.sale", "store_id")
    channel_sale_count = fields.Integer(compute="_compute_channel_sale_count")

    _sql_constraints = [
        (
            "store_code_company_uniq",
            "unique(company_id, store_code)",
            "Another store of this company already uses this store code.",
        ),
        (
            "pos_config_uniq",
            "unique(pos_config_id)",
            "This Point of Sale is already bound to another store.",
        ),
    ]

    @api.depends("channel_sale_ids")
    def _compute_channel_sale_count(self):
        counts = dict(
            self.env["acorn.channel.sale"]._read_group(
                [("store_id", "in", self.ids)], ["store_id"], ["__count"]
            )
        )
        for store in self:
            store.channel_sale_count = counts.get(store, 0)

    def action_view_channel_sales(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_channel_sale"
        )
        action["domain"] = [("store_id", "=", self.id)]
        action["context"] = {"default_store_id": self.id}
        return action
