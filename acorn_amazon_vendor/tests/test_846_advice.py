"""The 846 inventory advice: figures from stock, the document, and the schedule."""

from datetime import timedelta
from decimal import Decimal

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..x12 import check_846, parse_846, validate_file
from .common import AmazonOrderCommon


@tagged("post_install", "-at_install")
class Test846Advice(AmazonOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.account.write(
            {"warehouse_id": cls.warehouse.id, "inventory_safety_stock": 10}
        )
        cls.env["acorn.product.identifier"].create(
            {
                "account_id": cls.account.id,
                "product_id": cls.tea.id,
                "qualifier": "UP",
                "value": "012345678905",
            }
        )
        stock = cls.warehouse.lot_stock_id
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.mug, stock, 100)
        Quant._update_reserved_quantity(cls.mug, stock, 30)
        Quant._update_available_quantity(cls.tea, stock, 5)

    def _line(self, advice, product):
        return advice.line_ids.filtered(lambda line: line.product_id == product)

    def test_figures_from_stock_reservations_and_safety(self):
        advice = self.account._amz_make_inventory_advice()
        self.assertEqual(advice.line_ids.product_id, self.mug | self.tea)
        self.assertRecordValues(
            self._line(advice, self.mug),
            [{"on_hand": 100, "reserved": 30, "safety_stock": 10, "quantity": 60}],
        )
        self.assertEqual(self._line(advice, self.tea).quantity, 0, "never negative")
        self.assertEqual(advice.state, "draft")

    def test_send_builds_a_valid_846_once(self):
        action = self.account.action_send_846()
        advice = self.env["acorn.amz.inventory.advice"].browse(action["res_id"])
        self.assertEqual(advice.state, "generated")
        message = self._outbound("846")
        self.assertEqual(message, advice.edi_message_id)
        self.assertEqual((message.res_model, message.res_id), (advice._name, advice.id))
        report = validate_file(message.interchange_id._get_payload(), True)
        self.assertTrue(report.valid, report)
        (transaction,) = report.interchanges[0].groups[0].sets
        document = parse_846(transaction)
        self.assertEqual(check_846(document), [])
        self.assertEqual(document.reference, advice.name)
        quantities = {
            line.product_id("BP", "UP"): line.quantity for line in document.lines
        }
        self.assertEqual(
            quantities, {"B07R634M2P": Decimal(60), "012345678905": Decimal(0)}
        )
        self.assertEqual(document.lines[0].product_id("VN"), "ACN-MUG")
        with self.assertRaisesRegex(UserError, "already out"):
            advice.action_send()
        self.assertEqual(len(self._outbound("846")), 1, "nothing sent twice")
        self.assertIn("846", advice.message_ids[0].body)

    def test_same_quantities_not_sent_twice_on_demand(self):
        self.account.action_send_846()
        with self.assertRaisesRegex(UserError, "nothing new to send"):
            self.account.action_send_846()
        self.assertEqual(len(self._outbound("846")), 1)
        Quant = self.env["stock.quant"]
        Quant._update_available_quantity(self.mug, self.warehouse.lot_stock_id, 5)
        self.account.action_send_846()
        self.assertEqual(len(self._outbound("846")), 2, "the stock changed")

    def test_product_history(self):
        self.account.action_send_846()
        self.env["stock.quant"]._update_available_quantity(
            self.mug, self.warehouse.lot_stock_id, 1
        )
        self.account.action_send_846()
        template = self.mug.product_tmpl_id
        self.assertEqual(template.amz_advice_line_count, 2)
        action = template.action_amz_view_advice_lines()
        lines = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(lines.product_id, self.mug)
        self.assertEqual(set(lines.mapped("quantity")), {60, 61})

    def test_scheduled_send_once_per_interval(self):
        self.account.write({"inventory_advice": True, "inventory_interval_hours": 24})
        Account = self.env["acorn.vendor.account"]
        Account._cron_send_846()
        advices = self.account.inventory_advice_ids
        self.assertEqual(len(advices), 1)
        self.assertEqual(advices.trigger, "scheduled")
        self.assertEqual(advices.state, "generated")
        self.assertGreater(self.account.inventory_next_date, fields.Datetime.now())
        Account._cron_send_846()
        self.assertEqual(len(self.account.inventory_advice_ids), 1, "not due yet")
        self.account.inventory_next_date = fields.Datetime.now() - timedelta(minutes=1)
        Account._cron_send_846()
        self.assertEqual(len(self.account.inventory_advice_ids), 2)
        self.assertEqual(len(self._outbound("846")), 2)

    def test_scheduled_send_failure_is_noted_not_raised(self):
        self.account.write({"inventory_advice": True, "warehouse_id": False})
        self.env["acorn.vendor.account"]._cron_send_846()
        self.assertFalse(self.account.inventory_advice_ids)
        self.assertIn("no warehouse", self.account.message_ids[0].body)
        self.assertTrue(self.account.inventory_next_date)

    def test_cap_hook_limits_the_quantity(self):
        def caps(account, products):
            return {self.mug.id: 25.0}

        Account = type(self.account)
        self.patch(Account, "_amz_inventory_caps", caps)
        line = self._line(self.account._amz_make_inventory_advice(), self.mug)
        self.assertRecordValues(
            line,
            [{"free_quantity": 60, "plan_cap": 25, "capped": True, "quantity": 25}],
        )
