"""Chain stores: where a store's sales come from, its time zone, its sync status."""

import pytz

from odoo import api, fields, models

from odoo.addons.base.models.res_partner import _tz_get

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
    tz = fields.Selection(
        _tz_get,
        string="Time Zone",
        help="The store's time zone: a sale's day is its local day here. Empty: "
        "the company's time zone, then UTC.",
    )
    is_training = fields.Boolean(
        string="Training / Test Store",
        help="Its sales are not channel sales: none are recorded for the report.",
    )
    last_sync = fields.Datetime(
        compute="_compute_last_sync",
        help="When the store's last sales line was recorded.",
    )
    sync_error = fields.Text(
        readonly=True,
        copy=False,
        help="Why the last sales of this store could not be recorded; cleared once "
        "they are.",
    )
    sync_error_date = fields.Datetime(string="Error Since", readonly=True, copy=False)
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

    def _compute_last_sync(self):
        last = dict(
            self.env["acorn.channel.sale"]._read_group(
                [("store_id", "in", self.ids)], ["store_id"], ["create_date:max"]
            )
        )
        for store in self:
            store.last_sync = last.get(store, False)

    def _chain_tz(self):
        """The store's time zone: its own, else its company's, else UTC."""
        self.ensure_one()
        return pytz.timezone(self.tz or self.company_id.partner_id.tz or "UTC")

    def _chain_local_date(self, moment):
        """The store's local day of a UTC datetime (naive, as Odoo stores it)."""
        return pytz.utc.localize(moment).astimezone(self._chain_tz()).date()

    def action_chain_catch_up(self):
        """Button: record at once the sales the catch-up cron would record."""
        facts = self.env["acorn.channel.sale"]
        while facts._chain_catch_up_pos_orders(200)[1]:
            pass
        facts._chain_catch_up_completions(200)
        facts._chain_clear_store_errors()
        return True

    def action_chain_rebuild(self):
        """Button: rewrite these stores' POS sales lines from their paid orders."""
        self.env["acorn.channel.sale"]._chain_rebuild_pos_facts(self)
        return True

    def action_view_channel_sales(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_channel_sale"
        )
        action["domain"] = [("store_id", "=", self.id)]
        action["context"] = {"default_store_id": self.id}
        return action
