"""The planning side of a vendor account: compute suggestions, cap the 846.

Reads the channel facts in one aggregate per account (Amazon's sell-through
and on hand from its Vendor Central reports, the stores' sales), the open
Amazon POs and deliveries, and our stock; runs ``formats.forecast.suggest``
per product and replaces the account's suggestions still to review.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models

from ..formats.forecast import Settings, suggest

_logger = logging.getLogger(__name__)
HISTORY_WEEKS = 104


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    replenishment_horizon_weeks = fields.Integer(
        string="Plan Horizon (weeks)",
        default=4,
        help="Weeks of Amazon demand a suggestion covers.",
    )
    replenishment_cover_weeks = fields.Float(
        string="Cover (weeks)",
        default=1.0,
        help="Weeks of average demand kept on top, against forecast error.",
    )
    replenishment_lag_weeks = fields.Integer(
        string="Store Lead (weeks)",
        default=4,
        help="Weeks by which the stores' trend runs ahead of Amazon's demand.",
    )
    replenishment_ids = fields.One2many("acorn.amz.replenishment", "account_id")

    def _amz_inventory_caps(self, products):
        """The approved plan's quantity caps the 846 (latest approval wins)."""
        caps = super()._amz_inventory_caps(products)
        plans = self.env["acorn.amz.replenishment"].search(
            [
                ("account_id", "=", self.id),
                ("product_id", "in", products.ids),
                ("state", "=", "approved"),
            ],
            order="approved_date, id",
        )
        for plan in plans:
            caps[plan.product_id.id] = plan.approved_qty
        return caps

    def _chain_settings(self):
        return Settings(
            horizon=max(self.replenishment_horizon_weeks, 1),
            lag=max(self.replenishment_lag_weeks, 0),
            cover_weeks=self.replenishment_cover_weeks,
        )

    def action_compute_replenishment(self):
        """Button: the suggestions of this account for this week; opens them."""
        self.ensure_one()
        self._chain_compute_replenishment()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_amz_replenishment"
        )
        action["domain"] = [("account_id", "=", self.id)]
        return action

    @api.model
    def _cron_compute_replenishment(self):
        """Scheduled action: every account with a warehouse. Never raises."""
        accounts = self.sudo().search([("warehouse_id", "!=", False)])
        for done, account in enumerate(accounts, start=1):
            try:
                with self.env.cr.savepoint():
                    account._chain_compute_replenishment()
            except Exception:  # the cron boundary: log, go on with the others
                _logger.exception("Replenishment of account %s failed", account.id)
            self._amz_commit(self.env)
            self.env["ir.cron"]._notify_progress(
                done=done, remaining=len(accounts) - done
            )

    def _chain_compute_replenishment(self, today=None):
        """Replaces the suggestions to review of this account by new ones.

        Args:
            today: The day of the computation; its week is the first forecast
                week, history ends the week before.

        Returns:
            acorn.amz.replenishment: The new suggestions.
        """
        self.ensure_one()
        today = today or fields.Date.context_today(self)
        week0 = today - timedelta(days=today.weekday())
        data = self._chain_planning_data(week0)
        settings = self._chain_settings()
        vals_list = []
        for product_id, (amazon, store) in data["series"].items():
            result = suggest(
                amazon,
                store,
                data["on_hand"].get(product_id, 0.0),
                data["inbound"].get(product_id, 0.0),
                data["free"].get(product_id, 0.0),
                settings,
            )
            vals_list.append(
                self._chain_suggestion_vals(product_id, week0, result, amazon, store)
            )
        Replenishment = self.env["acorn.amz.replenishment"]
        Replenishment.search(
            [("account_id", "=", self.id), ("state", "=", "draft")]
        ).unlink()
        return Replenishment.create(vals_list)

    def _chain_suggestion_vals(self, product_id, week0, result, amazon, store):
        forecast = result.forecast
        weeks = [
            {
                "week": fields.Date.to_string(week0 + timedelta(weeks=index)),
                "quantity": round(quantity, 3),
            }
            for index, quantity in enumerate(forecast.demand)
        ]
        return {
            "account_id": self.id,
            "product_id": product_id,
            "date": week0,
            "suggested_qty": result.quantity,
            "approved_qty": result.quantity,
            "history_weeks": forecast.weeks,
            "horizon_weeks": len(forecast.demand),
            "last_week_qty": amazon[-1] if amazon else 0.0,
            "store_last_week_qty": store[-1] if store else 0.0,
            "forecast_qty": forecast.total,
            "level": forecast.level,
            "trend": forecast.trend,
            "lead_factor": forecast.lead_factor,
            "safety_qty": result.safety,
            "amazon_on_hand": result.on_hand,
            "inbound_qty": result.inbound,
            "free_qty": result.free_stock,
            "need_qty": result.need,
            "flags": ",".join(result.flags),
            "has_spike": bool(forecast.spikes or forecast.store_spikes),
            "is_short": "short" in result.flags,
            "forecast_json": weeks,
        }

    # The figures, in a few aggregates per account ----------------------------------

    def _chain_planning_data(self, week0):
        """Weekly series, Amazon on hand, inbound and free stock per product.

        Returns:
            dict: ``series`` ``{product_id: (amazon weekly, store weekly)}`` from
            the product's first Amazon week to the week before ``week0``;
            ``on_hand``, ``inbound``, ``free`` ``{product_id: float}``.
        """
        start = week0 - timedelta(weeks=HISTORY_WEEKS)
        weekly = self._chain_weekly_facts(start, week0)
        series = {}
        for product_id, (amazon, store) in weekly.items():
            first = next((i for i, qty in enumerate(amazon) if qty), None)
            if first is None:
                first = next((i for i, qty in enumerate(store) if qty), len(store))
            series[product_id] = (amazon[first:], store[first:])
        products = self.env["product.product"].browse(list(series))
        on_hand, report_date = self._chain_amazon_on_hand()
        stock = self._amz_inventory_stock(products)
        return {
            "series": series,
            "on_hand": on_hand,
            "inbound": self._chain_inbound(products, report_date),
            "free": {pid: qty - reserved for pid, (qty, reserved) in stock.items()},
        }

    def _chain_weekly_facts(self, start, end):
        """``{product_id: ([amazon per week], [store per week])}`` over [start, end).

        Products are those Amazon reported for this account in the period;
        store weeks add every store of the company.
        """
        self.env["acorn.channel.sale"].flush_model()
        self.env.cr.execute(
            """
            WITH products AS (
                SELECT DISTINCT product_id FROM acorn_channel_sale
                 WHERE account_id = %(account)s AND source = 'amazon_report'
                   AND date >= %(start)s AND date < %(end)s
                   AND product_id IS NOT NULL
            )
            SELECT f.product_id, f.channel = 'amazon',
                   (f.date - %(start)s) / 7 AS week, SUM(f.quantity)
              FROM acorn_channel_sale f JOIN products p USING (product_id)
             WHERE f.company_id = %(company)s
               AND f.date >= %(start)s AND f.date < %(end)s
               AND ((f.channel = 'amazon' AND f.source = 'amazon_report'
                     AND f.account_id = %(account)s)
                    OR f.channel = 'store')
             GROUP BY 1, 2, 3
            """,
            {
                "account": self.id,
                "company": self.company_id.id,
                "start": start,
                "end": end,
            },
        )
        weeks = (end - start).days // 7
        weekly = {}
        for product_id, is_amazon, week, quantity in self.env.cr.fetchall():
            series = weekly.setdefault(product_id, ([0.0] * weeks, [0.0] * weeks))
            series[0 if is_amazon else 1][week] += quantity or 0.0
        return weekly

    def _chain_amazon_on_hand(self):
        """``({product_id: Amazon's units on hand}, date of the latest report)``.

        Per product, the on hand of its latest Vendor Central report day.
        """
        self.env.cr.execute(
            """
            WITH latest AS (
                SELECT product_id, MAX(date) AS date FROM acorn_channel_sale
                 WHERE account_id = %(account)s AND source = 'amazon_report'
                   AND product_id IS NOT NULL
                 GROUP BY product_id
            )
            SELECT f.product_id, SUM(f.on_hand), MAX(f.date)
              FROM acorn_channel_sale f JOIN latest l
                ON l.product_id = f.product_id AND l.date = f.date
             WHERE f.account_id = %(account)s AND f.source = 'amazon_report'
             GROUP BY f.product_id
            """,
            {"account": self.id},
        )
        rows = self.env.cr.fetchall()
        report_date = max((row[2] for row in rows), default=None)
        return {row[0]: row[1] or 0.0 for row in rows}, report_date

    def _chain_inbound(self, products, report_date):
        """Units on their way to Amazon per product.

        Open Amazon POs not shipped yet (ordered less delivered), plus the units
        delivered to Amazon after its latest inventory report (shipped, ASN sent,
        not in Amazon's on hand yet).
        """
        inbound = {}
        lines = self.env["sale.order.line"].search(
            [
                ("order_id.amz_account_id", "=", self.id),
                ("order_id.state", "=", "sale"),
                ("product_id", "in", products.ids),
            ]
        )
        for line in lines:
            open_qty = line.product_uom_qty - line.qty_delivered
            if open_qty > 0:
                inbound[line.product_id.id] = inbound.get(line.product_id.id, 0.0) + (
                    open_qty
                )
        if report_date:
            moves = self.env["stock.move"]._read_group(
                [
                    ("sale_line_id.order_id.amz_account_id", "=", self.id),
                    ("product_id", "in", products.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                    ("date", ">=", report_date + timedelta(days=1)),
                ],
                ["product_id"],
                ["product_qty:sum"],
            )
            for product, quantity in moves:
                inbound[product.id] = inbound.get(product.id, 0.0) + quantity
        return inbound
