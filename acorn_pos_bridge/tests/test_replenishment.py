"""Replenishment suggestions from channel facts, approval, and the 846 they cap."""

import datetime
from datetime import timedelta
from pathlib import Path

from odoo import Command
from odoo.tests import tagged

from odoo.addons.acorn_amazon_vendor.tests.common import AmazonOrderCommon
from odoo.addons.acorn_amazon_vendor.tests.test_menus import load_menu_actions

from ..formats.tests.test_forecast import worked_example

TODAY = datetime.date(2026, 11, 30)  # a Monday: history ends the Sunday before
DOC = Path(__file__).resolve().parents[2] / "docs" / "replenishment.md"


@tagged("post_install", "-at_install")
class TestReplenishment(AmazonOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.account.warehouse_id = cls.warehouse
        cls.doc = worked_example(DOC)
        cls.Replenishment = cls.env["acorn.amz.replenishment"]
        cls.Fact = cls.env["acorn.channel.sale"]
        Product = cls.env["product.product"]
        cls.flat = Product.create({"name": "Flat", "is_storable": True})
        cls.growing = Product.create({"name": "Growing", "is_storable": True})
        cls.promoted = Product.create({"name": "Promoted", "is_storable": True})
        stock = cls.warehouse.lot_stock_id
        for product in cls.mug | cls.flat | cls.growing | cls.promoted:
            cls.env["stock.quant"]._update_available_quantity(product, stock, 100)

    def _weeks(self, product, source, quantities, on_hand=0.0):
        """One fact per week (on Wednesdays), the last week just before TODAY."""
        vals_list = []
        for index, quantity in enumerate(quantities):
            weeks_back = len(quantities) - index
            vals_list.append(
                {
                    "source": source,
                    "source_ref": f"{product.id}-{source}-{index}",
                    "product_id": product.id,
                    "account_id": self.account.id
                    if source == "amazon_report"
                    else False,
                    "date": TODAY - timedelta(weeks=weeks_back) + timedelta(days=2),
                    "quantity": quantity,
                    "on_hand": on_hand if weeks_back == 1 else 0.0,
                }
            )
        self.Fact._chain_write_facts(vals_list)

    def _open_po(self, product, quantity):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.amazon.id,
                "amz_account_id": self.account.id,
                "amz_po_number": f"PO{product.id}",
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": quantity}
                    )
                ],
            }
        )
        order.action_confirm()
        return order

    def _compute(self):
        lines = self.account._chain_compute_replenishment(TODAY)
        return {line.product_id: line for line in lines}

    def test_worked_example_of_the_docs(self):
        doc = self.doc
        self._weeks(self.mug, "amazon_report", doc["amazon_weekly"],
                    doc["amazon_on_hand"][0])  # fmt: skip
        self._weeks(self.mug, "import", doc["store_weekly"])
        self._open_po(self.mug, doc["inbound"][0])  # reserves its units
        self.env["stock.quant"]._update_available_quantity(
            self.mug, self.warehouse.lot_stock_id, doc["inbound"][0]
        )
        line = self._compute()[self.mug]
        self.assertRecordValues(
            line,
            [
                {
                    "date": TODAY,
                    "state": "draft",
                    "history_weeks": len(doc["amazon_weekly"]),
                    "amazon_on_hand": doc["amazon_on_hand"][0],
                    "inbound_qty": doc["inbound"][0],
                    "free_qty": doc["free_stock"][0],
                    "lead_factor": doc["store_lead_factor"][0],
                    "forecast_qty": doc["forecast_total"][0],
                    "safety_qty": doc["cover"][0],
                    "need_qty": doc["need"][0],
                    "suggested_qty": doc["suggested"][0],
                    "approved_qty": doc["suggested"][0],
                    "has_spike": True,
                    "is_short": False,
                }
            ],
        )
        self.assertIn("Amazon spike left out", line.flag_text)
        weeks = [week["quantity"] for week in line.forecast_json]
        self.assertEqual(weeks, doc["forecast_weekly"])

    def test_crafted_histories(self):
        self._weeks(self.flat, "amazon_report", [10] * 12, on_hand=20)
        self._weeks(self.growing, "amazon_report", [10 + 2 * w for w in range(12)])
        self._weeks(self.promoted, "amazon_report", [10] * 12)
        self._weeks(self.promoted, "import", [30] * 11 + [150])
        lines = self._compute()
        # Flat: 4 x 10 + 10 cover - 20 on hand.
        self.assertEqual(lines[self.flat].suggested_qty, 30)
        self.assertEqual(lines[self.flat].trend, 0)
        # Growing 2 a week: 34 + 36 + 38 + 40 = 148, cover 37.
        self.assertAlmostEqual(lines[self.growing].trend, 2)
        self.assertEqual(lines[self.growing].need_qty, 185)
        self.assertEqual(lines[self.growing].free_qty, 100)
        self.assertEqual(lines[self.growing].suggested_qty, 100)
        self.assertTrue(lines[self.growing].is_short, "capped by free stock")
        # The store promotion is flagged, not followed: the flat suggestion stays.
        promoted = lines[self.promoted]
        self.assertTrue(promoted.has_spike)
        self.assertEqual(promoted.lead_factor, 1.0)
        self.assertEqual(promoted.suggested_qty, 50)
        self.assertIn("Store promotion left out", promoted.flag_text)

    def test_graph_weeks(self):
        self._weeks(self.flat, "amazon_report", [10] * 12)
        self._weeks(self.flat, "import", [5] * 12)
        line = self._compute()[self.flat]
        self.env.flush_all()
        action = line.action_view_weeks()
        weeks = self.env[action["res_model"]].search(action["domain"])
        series = {key: weeks.filtered(lambda w, k=key: w.series == k) for key in
                  ("amazon", "store", "forecast")}  # fmt: skip
        self.assertEqual(len(series["amazon"]), 12)
        self.assertEqual(set(series["store"].mapped("quantity")), {5})
        self.assertEqual(len(series["forecast"]), 4)
        self.assertEqual(min(series["forecast"].mapped("week")), TODAY)
        self.assertEqual(max(series["amazon"].mapped("week")), TODAY - timedelta(7))

    def test_approval_caps_the_next_scheduled_846(self):
        self._weeks(self.mug, "amazon_report", [10] * 8, on_hand=20)
        self._weeks(self.flat, "amazon_report", [10] * 8, on_hand=20)
        lines = self._compute()
        lines[self.flat].approved_qty = 12
        (lines[self.mug] | lines[self.flat]).action_approve()
        self.assertEqual(set((lines[self.mug] | lines[self.flat]).mapped("state")),
                         {"approved"})  # fmt: skip
        # A new week's suggestion approved supersedes the older plan.
        newer = self.account._chain_compute_replenishment(TODAY + timedelta(days=7))
        newer.filtered(lambda line: line.product_id == self.mug).action_approve()
        self.assertEqual(lines[self.mug].state, "superseded")
        self.assertEqual(lines[self.flat].state, "approved")
        self.account.inventory_advice = True
        self.env["acorn.vendor.account"]._cron_send_846()
        advice = self.account.inventory_advice_ids
        self.assertEqual(advice.state, "generated")
        line = advice.line_ids.filtered(lambda line: line.product_id == self.mug)
        mug_plan = newer.filtered(lambda line: line.product_id == self.mug)
        self.assertRecordValues(
            line,
            [{"free_quantity": 100, "capped": True, "quantity": mug_plan.approved_qty}],
        )
        lines[self.flat].action_cancel()
        advice = self.account._amz_make_inventory_advice()
        self.assertEqual(
            advice.line_ids.filtered(lambda line: line.product_id == self.mug).quantity,
            mug_plan.approved_qty,
        )

    def test_cron_computes_every_account(self):
        self._weeks(self.flat, "amazon_report", [10] * 8)
        self.env["acorn.vendor.account"]._cron_compute_replenishment()
        self.assertEqual(
            self.Replenishment.search(
                [("account_id", "=", self.account.id)]
            ).product_id,
            self.flat,
        )

    def test_planning_menus_and_user_approval(self):
        self._weeks(self.flat, "amazon_report", [10] * 8)
        self._weeks(self.mug, "amazon_report", [10] * 8)
        lines = self.account._chain_compute_replenishment(TODAY)
        opened = load_menu_actions(
            self.env(user=self.user), "acorn_amazon_vendor.menu_amazon_vendor_root"
        )
        for name in (
            "Replenishment Suggestions",
            "History and Forecast",
            "846 Inventory Advices",
            "846 History per Product",
        ):
            self.assertIn(f"Amazon Vendor/Planning/{name}", opened)
        lines.with_user(self.user).action_approve()
        self.assertEqual(set(lines.mapped("state")), {"approved"})
        self.assertEqual(lines.approved_by_id, self.user)
