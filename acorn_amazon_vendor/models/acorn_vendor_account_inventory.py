"""The 846 side of a vendor account: what is advised, how often, and the sending.

Quantity advised per product = on hand in the account's warehouse, less what
is reserved there, less the account's safety stock; capped by the approved
replenishment plan when one exists (``_amz_inventory_caps()``, a hook the POS
bridge fills), never below zero.
"""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)
# An on-demand 846 equal to one sent this recently is taken for a double click.
RESEND_GUARD_MINUTES = 10


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    inventory_advice = fields.Boolean(
        string="Send 846 Inventory Advice",
        tracking=True,
        help="Send Amazon the quantity available per product on a schedule.",
    )
    inventory_interval_hours = fields.Integer(
        string="846 Every (hours)",
        default=24,
        help="Hours between two scheduled 846s of this account.",
    )
    inventory_next_date = fields.Datetime(
        string="Next 846",
        copy=False,
        help="When the next scheduled 846 leaves (empty: at the next run).",
    )
    inventory_safety_stock = fields.Float(
        string="Safety Stock per Product",
        digits="Product Unit of Measure",
        help="Units of each product kept back in the account's warehouse, never "
        "advised to Amazon.",
    )
    inventory_advice_ids = fields.One2many(
        "acorn.amz.inventory.advice", "account_id", string="Inventory Advices"
    )
    inventory_advice_count = fields.Integer(compute="_compute_inventory_advice_count")

    def _compute_inventory_advice_count(self):
        counts = dict(
            self.env["acorn.amz.inventory.advice"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.inventory_advice_count = counts.get(account, 0)

    def _amz_inventory_products(self):
        """The products advised: those with an active identifier on the account."""
        self.ensure_one()
        return (
            self.env["acorn.product.identifier"]
            .search([("account_id", "=", self.id)])
            .product_id.filtered("is_storable")
        )

    def _amz_inventory_caps(self, products):
        """The approved plan's quantity per product id, where a plan caps it.

        Returns:
            dict: ``{product_id: quantity}``; empty here (no planning installed).
        """
        return {}

    def _amz_inventory_stock(self, products):
        """``{product_id: (on hand, reserved)}`` in the account's warehouse."""
        self.ensure_one()
        if not self.warehouse_id:
            raise UserError(
                self.env._(
                    "Account %(account)s has no warehouse: choose the one whose "
                    "stock is advised to Amazon.",
                    account=self.name,
                )
            )
        groups = self.env["stock.quant"]._read_group(
            [
                ("product_id", "in", products.ids),
                ("location_id", "child_of", self.warehouse_id.lot_stock_id.id),
            ],
            ["product_id"],
            ["quantity:sum", "reserved_quantity:sum"],
        )
        return {product.id: (qty, reserved) for product, qty, reserved in groups}

    def _amz_inventory_figures(self, products=None):
        """The advice line values per product (figures and quantity advised)."""
        self.ensure_one()
        products = self._amz_inventory_products() if products is None else products
        stock = self._amz_inventory_stock(products)
        caps = self._amz_inventory_caps(products)
        lines = []
        for product in products:
            on_hand, reserved = stock.get(product.id, (0.0, 0.0))
            free = max(on_hand - reserved - self.inventory_safety_stock, 0.0)
            cap = caps.get(product.id)
            capped = cap is not None and cap < free
            lines.append(
                {
                    "product_id": product.id,
                    "on_hand": on_hand,
                    "reserved": reserved,
                    "safety_stock": self.inventory_safety_stock,
                    "free_quantity": free,
                    "plan_cap": cap or 0.0,
                    "capped": capped,
                    "quantity": float(int(cap if capped else free)),
                }
            )
        return lines

    def _amz_make_inventory_advice(self, trigger="manual"):
        """A new advice of this account with its lines computed now (not sent)."""
        self.ensure_one()
        return self.env["acorn.amz.inventory.advice"].create(
            {
                "account_id": self.id,
                "warehouse_id": self.warehouse_id.id,
                "trigger": trigger,
                "line_ids": [
                    fields.Command.create(values)
                    for values in self._amz_inventory_figures()
                ],
            }
        )

    def action_send_846(self):
        """Button: a new 846 from the stock now, sent at once; opens it.

        Refused when the account's latest 846 carried the same quantities less
        than ``RESEND_GUARD_MINUTES`` ago (a double click, two users at once).
        """
        self.ensure_one()
        advice = self._amz_make_inventory_advice("manual")
        self._amz_refuse_same_846(advice)
        advice._amz_send_846()
        return {
            "type": "ir.actions.act_window",
            "res_model": "acorn.amz.inventory.advice",
            "view_mode": "form",
            "res_id": advice.id,
        }

    def _amz_refuse_same_846(self, advice):
        """UserError when a recent 846 of the account advised the same quantities."""
        since = fields.Datetime.now() - timedelta(minutes=RESEND_GUARD_MINUTES)
        previous = self.env["acorn.amz.inventory.advice"].search(
            [
                ("account_id", "=", self.id),
                ("id", "!=", advice.id),
                ("date", ">=", since),
                ("state", "in", ("generated", "held", "sent", "accepted")),
            ],
            order="date desc, id desc",
            limit=1,
        )
        if previous and previous._amz_quantities() == advice._amz_quantities():
            raise UserError(
                self.env._(
                    "%(name)s advised these same quantities at %(date)s: nothing new "
                    "to send.",
                    name=previous.name,
                    date=fields.Datetime.context_timestamp(self, previous.date),
                )
            )

    def action_view_inventory_advices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_amz_inventory_advice"
        )
        action["domain"] = [("account_id", "=", self.id)]
        return action

    @api.model
    def _cron_send_846(self):
        """Scheduled action: each account whose 846 is due sends one. Never raises."""
        now = fields.Datetime.now()
        accounts = self.sudo().search(
            [
                ("inventory_advice", "=", True),
                "|",
                ("inventory_next_date", "=", False),
                ("inventory_next_date", "<=", now),
            ]
        )
        done = 0
        for account in accounts:
            done += account._amz_send_scheduled_846(now)
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)

    def _amz_send_scheduled_846(self, now):
        """One account's scheduled 846; the next date moves on with it. 1 if sent."""
        self.ensure_one()
        next_date = now + timedelta(hours=max(self.inventory_interval_hours, 1))
        try:
            with self.env.cr.savepoint():
                advice = self._amz_make_inventory_advice("scheduled")
                advice._amz_send_846()
                self.inventory_next_date = next_date
        except Exception as error:  # the cron boundary: note it, go on
            _logger.warning("Scheduled 846 of account %s failed: %s", self.id, error)
            self.inventory_next_date = next_date
            self.message_post(
                body=self.env._("The scheduled 846 failed: %(error)s", error=error)
            )
            self._amz_commit(self.env)
            return 0
        self._amz_commit(self.env)
        return 1
