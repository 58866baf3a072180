"""History and forecast of each suggestion, one row per week (a read-only view).

Amazon's weekly sell-through and the stores' weekly sales over the year before
the suggestion's week, and its forecast weeks: the Planning graph.
"""

from odoo import fields, models, tools
from odoo.tools import SQL

SERIES = [
    ("amazon", "Amazon sell-through"),
    ("store", "Store sales"),
    ("forecast", "Amazon forecast"),
]


class AcornAmzReplenishmentWeek(models.Model):
    """One week of a suggestion's history or forecast."""

    _name = "acorn.amz.replenishment.week"
    _description = "Amazon Replenishment Week"
    _auto = False
    _order = "week"

    replenishment_id = fields.Many2one("acorn.amz.replenishment", readonly=True)
    account_id = fields.Many2one("acorn.vendor.account", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    series = fields.Selection(SERIES, readonly=True)
    week = fields.Date(readonly=True)
    quantity = fields.Float(readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
            SELECT row_number() OVER (ORDER BY rows.replenishment_id, rows.week,
                                      rows.series) AS id, rows.*
              FROM (
                SELECT r.id AS replenishment_id, r.account_id, r.product_id,
                       r.company_id, 'forecast'::varchar AS series,
                       (e->>'week')::date AS week,
                       (e->>'quantity')::float AS quantity
                  FROM acorn_amz_replenishment r
                 CROSS JOIN LATERAL jsonb_array_elements(
                       COALESCE(r.forecast_json, '[]'::jsonb)) e
                UNION ALL
                SELECT r.id, r.account_id, r.product_id, r.company_id,
                       f.channel::varchar,
                       r.date - ((r.date - f.date + 6) / 7) * 7,
                       SUM(f.quantity)
                  FROM acorn_amz_replenishment r
                  JOIN acorn_channel_sale f
                    ON f.product_id = r.product_id AND f.company_id = r.company_id
                   AND f.date >= r.date - 364 AND f.date < r.date
                   AND ((f.channel = 'amazon' AND f.source = 'amazon_report'
                         AND f.account_id = r.account_id) OR f.channel = 'store')
                 GROUP BY 1, 2, 3, 4, 5, 6
              ) rows
            )
            """,
                SQL.identifier(self._table),
            )
        )
