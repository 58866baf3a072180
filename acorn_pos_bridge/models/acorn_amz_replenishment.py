"""Amazon replenishment suggestions: what to plan per product and vendor account.

Each suggestion keeps the figures behind its number (history, forecast, Amazon's
on hand and inbound, our free stock, flags) so the planner can judge it, adjust
``approved_qty`` and approve. The approved quantity caps the 846 inventory
advice (``acorn.vendor.account._amz_inventory_caps()``). The method is the pure
``formats.forecast`` (docs/replenishment.md).
"""

from odoo import api, fields, models

STATES = [
    ("draft", "To Review"),
    ("approved", "Approved"),
    ("superseded", "Superseded"),
    ("cancel", "Cancelled"),
]
FLAGS = {
    "short_history": "Less than 4 weeks of history",
    "amazon_spike": "Amazon spike left out",
    "store_spike": "Store promotion left out",
    "seasonal": "Seasonal",
    "store_lead": "Store trend applied",
    "short": "Not enough free stock",
}


class AcornAmzReplenishment(models.Model):
    """One product's suggestion for one vendor account and week."""

    _name = "acorn.amz.replenishment"
    _description = "Amazon Replenishment Suggestion"
    _order = "date desc, account_id, state, product_id"
    _check_company_auto = True

    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    product_id = fields.Many2one(
        "product.product", required=True, index=True, check_company=True
    )
    date = fields.Date(
        string="Week of",
        required=True,
        default=fields.Date.context_today,
        help="First day of the week the suggestion was computed for.",
    )
    state = fields.Selection(STATES, required=True, default="draft", index=True)
    suggested_qty = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="Need over the horizon, capped by our free stock.",
    )
    approved_qty = fields.Float(
        digits="Product Unit of Measure",
        help="What the planner approves; it caps the quantity advised in the 846.",
    )
    history_weeks = fields.Integer(readonly=True)
    horizon_weeks = fields.Integer(string="Horizon (weeks)", readonly=True)
    last_week_qty = fields.Float(string="Last Week Sold", readonly=True)
    store_last_week_qty = fields.Float(string="Stores Last Week", readonly=True)
    forecast_qty = fields.Float(
        string="Forecast Demand",
        digits="Product Unit of Measure",
        readonly=True,
        help="Amazon's expected sell-through over the horizon.",
    )
    level = fields.Float(readonly=True, help="Weekly level at the latest week.")
    trend = fields.Float(readonly=True, help="Units per week gained (or lost).")
    lead_factor = fields.Float(
        string="Store Lead", readonly=True, help="1.0: the stores add nothing."
    )
    safety_qty = fields.Float(string="Cover", readonly=True)
    amazon_on_hand = fields.Float(
        readonly=True, help="Amazon's units on hand (latest report)."
    )
    inbound_qty = fields.Float(
        string="Inbound",
        readonly=True,
        help="Open Amazon POs not shipped, and deliveries made after Amazon's "
        "latest inventory report.",
    )
    free_qty = fields.Float(
        string="Our Free Stock", readonly=True, help="On hand less reserved."
    )
    need_qty = fields.Float(string="Need", readonly=True)
    flags = fields.Char(string="Flag Codes", readonly=True)
    flag_text = fields.Char(string="Flags", compute="_compute_flag_text")
    has_spike = fields.Boolean(string="Spike", readonly=True, index=True)
    is_short = fields.Boolean(string="Short", readonly=True, index=True)
    forecast_json = fields.Json(readonly=True)
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approved_date = fields.Datetime(readonly=True)

    @api.depends("flags")
    def _compute_flag_text(self):
        for line in self:
            codes = (line.flags or "").split(",")
            line.flag_text = ", ".join(
                self.env._(FLAGS[code]) for code in codes if code in FLAGS
            )

    def action_approve(self):
        """Approves the suggestions to review (any number at once).

        The approved quantity is the planner's (the suggestion until changed);
        an older approved plan of the same account and product is superseded.
        """
        to_approve = self.filtered(lambda line: line.state == "draft")
        if not to_approve:
            return True
        older = self.search(
            [
                ("state", "=", "approved"),
                ("account_id", "in", to_approve.account_id.ids),
                ("product_id", "in", to_approve.product_id.ids),
            ]
        )
        keys = {(line.account_id.id, line.product_id.id) for line in to_approve}
        older.filtered(
            lambda line: (line.account_id.id, line.product_id.id) in keys
        ).write({"state": "superseded"})
        to_approve.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        return True

    def action_cancel(self):
        """Sets the selected suggestions aside: they no longer cap the 846."""
        self.filtered(lambda line: line.state in ("draft", "approved")).write(
            {"state": "cancel"}
        )
        return True

    def action_view_weeks(self):
        """The graph of this product's history and forecast."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_amz_replenishment_week"
        )
        action["domain"] = [("replenishment_id", "in", self.ids)]
        return action
