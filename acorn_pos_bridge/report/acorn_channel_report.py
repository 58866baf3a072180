"""The channel report: channel facts by channel, store, product and week.

Measures (see docs/pos-bridge.md):

- units, revenue, cost, margin, refunds: the brand's own sales (store sales and
  Amazon deliveries), net of refunds; the cost and margin of lines whose cost is
  final;
- sold (sell-out): units sold to consumers (store sales and Amazon's sales report);
- on hand: the last stock count of the week (Odoo stock, Amazon's inventory
  report);
- sell-through = sold / (sold + on hand), in %;
- weeks of cover = on hand / sold.

Ratios are computed from the sums of each group, never averaged.
"""

import base64

from odoo import api, fields, models
from odoo.tools import SQL

from ..models.acorn_channel_sale import CHANNELS
from .channel_report_xlsx import build_channel_report_xlsx

# Measures computed from other sums in every group (read_group), and what they need.
RATIOS = {
    "sell_through": ("sold_units", "on_hand"),
    "weeks_of_cover": ("sold_units", "on_hand"),
}

# Columns of the XLSX export, in order: (field, width).
XLSX_COLUMNS = [
    ("week", 12),
    ("channel", 14),
    ("store_id", 22),
    ("account_id", 18),
    ("product_id", 30),
    ("units", 10),
    ("revenue", 12),
    ("cost", 12),
    ("margin", 12),
    ("refund_units", 10),
    ("refund_revenue", 12),
    ("sold_units", 10),
    ("on_hand", 10),
    ("sell_through", 12),
    ("weeks_of_cover", 12),
]


def sell_through(sold, on_hand):
    """Sell-through in %: sold / (sold + on hand); 0 when both are nil."""
    total = (sold or 0.0) + (on_hand or 0.0)
    return 100.0 * (sold or 0.0) / total if total > 0 else 0.0


def weeks_of_cover(sold, on_hand):
    """Weeks of cover: on hand / units sold a week; 0 with no sale."""
    return (on_hand or 0.0) / sold if sold and sold > 0 else 0.0


class AcornChannelReport(models.Model):
    _name = "acorn.channel.report"
    _description = "Channel Report"
    _auto = False
    _order = "week desc, channel, store_id, product_id"
    _depends = {
        "acorn.channel.sale": [
            "date", "channel", "store_id", "account_id", "product_id",
            "company_id", "currency_id", "source", "quantity", "revenue", "cost",
            "cost_final", "margin", "refund_quantity", "refund_revenue", "on_hand",
        ],
    }  # fmt: skip

    week = fields.Date(readonly=True, help="Monday of the week.")
    channel = fields.Selection(CHANNELS, readonly=True)
    store_id = fields.Many2one("acorn.store", readonly=True)
    account_id = fields.Many2one(
        "acorn.vendor.account", string="Amazon Account", readonly=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    units = fields.Float(readonly=True, digits="Product Unit of Measure")
    revenue = fields.Monetary(string="Net Revenue", readonly=True)
    cost = fields.Monetary(readonly=True)
    margin = fields.Monetary(readonly=True)
    refund_units = fields.Float(
        string="Refunded Units", readonly=True, digits="Product Unit of Measure"
    )
    refund_revenue = fields.Monetary(string="Refunded Revenue", readonly=True)
    sold_units = fields.Float(
        string="Sold (sell-out)",
        readonly=True,
        digits="Product Unit of Measure",
        help="Units sold to consumers: store sales and Amazon's own sales.",
    )
    on_hand = fields.Float(
        readonly=True,
        digits="Product Unit of Measure",
        help="The last stock count of the week.",
    )
    sell_through = fields.Float(
        string="Sell-through (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Sold / (sold + on hand), from the sums of the group.",
    )
    weeks_of_cover = fields.Float(
        string="Weeks of Cover",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="On hand / units sold a week, from the sums of the group.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            WITH facts AS (
                SELECT f.*, date_trunc('week', f.date)::date AS week
                  FROM acorn_channel_sale f
            ), sales AS (
                SELECT min(id) AS id, week, channel, store_id, account_id,
                       product_id, company_id, currency_id,
                       sum(quantity) FILTER (WHERE source != 'amazon_report') AS units,
                       sum(revenue) FILTER (WHERE source != 'amazon_report') AS revenue,
                       sum(cost) FILTER (WHERE source != 'amazon_report'
                                           AND cost_final) AS cost,
                       sum(margin) FILTER (WHERE source != 'amazon_report') AS margin,
                       sum(refund_quantity) FILTER (WHERE source != 'amazon_report')
                           AS refund_units,
                       sum(refund_revenue) FILTER (WHERE source != 'amazon_report')
                           AS refund_revenue,
                       sum(quantity) FILTER (WHERE source != 'amazon_delivery')
                           AS sold_units,
                       NULL::numeric AS on_hand
                  FROM facts
                 GROUP BY week, channel, store_id, account_id, product_id,
                          company_id, currency_id
            ), stock AS (
                SELECT DISTINCT ON (week, channel, store_id, account_id, product_id,
                                    company_id)
                       id, week, channel, store_id, account_id, product_id,
                       company_id, currency_id, NULL::numeric, NULL::numeric,
                       NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric,
                       NULL::numeric, on_hand
                  FROM facts
                 WHERE on_hand IS NOT NULL
                 ORDER BY week, channel, store_id, account_id, product_id,
                          company_id, date DESC, id DESC
            ), rows AS (
                SELECT * FROM sales UNION ALL SELECT * FROM stock
            ), totals AS (
                SELECT min(id) AS id, week, channel, store_id, account_id,
                       product_id, company_id, currency_id,
                       coalesce(sum(units), 0) AS units,
                       coalesce(sum(revenue), 0) AS revenue,
                       coalesce(sum(cost), 0) AS cost,
                       coalesce(sum(margin), 0) AS margin,
                       coalesce(sum(refund_units), 0) AS refund_units,
                       coalesce(sum(refund_revenue), 0) AS refund_revenue,
                       coalesce(sum(sold_units), 0) AS sold_units,
                       coalesce(sum(on_hand), 0) AS on_hand
                  FROM rows
                 GROUP BY week, channel, store_id, account_id, product_id,
                          company_id, currency_id
            )
            SELECT totals.*,
                   CASE WHEN sold_units + on_hand > 0
                        THEN 100.0 * sold_units / (sold_units + on_hand)
                        ELSE 0 END AS sell_through,
                   CASE WHEN sold_units > 0 THEN on_hand / sold_units
                        ELSE 0 END AS weeks_of_cover
              FROM totals
            """
        )

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        # EXTENDS base: a ratio of a group comes from the group's sums, not from
        # the average of its rows' ratios.
        names = {spec.split(":")[0] for spec in fields}
        ratios = names & set(RATIOS)
        extra = {part for ratio in ratios for part in RATIOS[ratio]} - names
        specs = list(fields) + [f"{name}:sum" for name in extra]
        groups = super().read_group(
            domain, specs, groupby, offset, limit, orderby, lazy
        )
        for group in groups:
            sold, on_hand = group.get("sold_units"), group.get("on_hand")
            if "sell_through" in ratios:
                group["sell_through"] = sell_through(sold, on_hand)
            if "weeks_of_cover" in ratios:
                group["weeks_of_cover"] = weeks_of_cover(sold, on_hand)
            for name in extra:
                group.pop(name, None)
        return groups

    def _chain_xlsx_rows(self):
        """The rows of the XLSX export: display values of the report lines."""
        channels = dict(self._fields["channel"]._description_selection(self.env))
        rows = []
        for line in self:
            row = {name: line[name] for name, _width in XLSX_COLUMNS}
            row["channel"] = channels.get(line.channel, "")
            for name in ("store_id", "account_id", "product_id"):
                row[name] = line[name].display_name or ""
            rows.append(row)
        return rows

    @api.model
    def _chain_export_xlsx(self, domain=None):
        """Build the XLSX of the report lines of ``domain``; the stored attachment."""
        lines = self.search(domain or [])
        headers = [
            (name, self._fields[name].get_description(self.env)["string"], width)
            for name, width in XLSX_COLUMNS
        ]
        content = build_channel_report_xlsx(headers, lines._chain_xlsx_rows())
        stamp = fields.Datetime.context_timestamp(self, fields.Datetime.now())
        return self.env["ir.attachment"].create(
            {
                "name": f"channel-report-{stamp:%Y%m%d-%H%M}.xlsx",
                "datas": base64.b64encode(content),
                "mimetype": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
                "res_model": self._name,
            }
        )

    def action_export_xlsx(self):
        """Button: download the selected lines (all of them if none) as XLSX."""
        domain = [("id", "in", self.ids)] if self else []
        attachment = self._chain_export_xlsx(domain)
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
