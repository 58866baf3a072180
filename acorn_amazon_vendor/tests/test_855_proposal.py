"""855 proposals from free stock, safety stock, receipts expected and the plan."""

import datetime

from odoo import Command, fields
from odoo.tests import tagged

from .common import AmazonOrderCommon


@tagged("post_install", "-at_install")
class Test855Proposal(AmazonOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.account.write(
            {"warehouse_id": cls.warehouse.id, "inventory_safety_stock": 2}
        )
        cls.stock = cls.warehouse.lot_stock_id

    def _order(self, *lines):
        return self.env["sale.order"].create(
            {
                "partner_id": self.amazon.id,
                "amz_account_id": self.account.id,
                "amz_po_number": "PROPOSE1",
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": quantity,
                            "amz_ordered_qty": quantity,
                            "amz_line_number": str(number),
                            "amz_ack_status": "IA",
                            "amz_ack_qty": quantity,
                        }
                    )
                    for number, (product, quantity) in enumerate(lines, start=1)
                ],
            }
        )

    def _answers(self, order):
        return [
            (line.amz_ack_status, line.amz_ack_qty, line.amz_ack_date)
            for line in order.order_line
        ]

    def test_accept_partial_backorder_reject(self):
        self.env["stock.quant"]._update_available_quantity(self.mug, self.stock, 9)
        receipt_date = datetime.datetime(2031, 1, 15, 10, 0)
        self.env["stock.move"].create(
            {
                "name": "Tea expected",
                "product_id": self.tea.id,
                "product_uom_qty": 50,
                "product_uom": self.tea.uom_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock.id,
                "date": receipt_date,
            }
        )._action_confirm()
        spoon = self.env["product.product"].create(
            {"name": "Acorn Knife", "is_storable": True}
        )
        # Mug: 9 on hand - 2 safety = 7; the first line takes 5, the second 2.
        order = self._order((self.mug, 5), (self.mug, 4), (self.tea, 6), (spoon, 3))
        order.action_amz_propose_855()
        today = fields.Date.context_today(order)
        self.assertEqual(
            self._answers(order),
            [
                ("IA", 5, today),
                ("IA", 2, today),
                ("IB", 6, receipt_date.date()),
                ("IR", 0, False),
            ],
        )
        self.assertEqual(
            order.order_line[3].amz_reject_reason, "TemporarilyUnavailable"
        )
        self.assertIn("855 proposed", order.message_ids[0].body)
        self.assertEqual(order.order_line[1].amz_confirm_rate, 50)

    def test_plan_caps_the_proposal(self):
        self.env["stock.quant"]._update_available_quantity(self.mug, self.stock, 100)

        def caps(account, products):
            return {self.mug.id: 3.0}

        self.patch(type(self.account), "_amz_inventory_caps", caps)
        order = self._order((self.mug, 10))
        order.action_amz_propose_855()
        self.assertEqual(order.order_line.amz_ack_qty, 3)
