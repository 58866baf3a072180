from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .billing_common import AmazonBillingCommon


@tagged("post_install", "-at_install")
class Test810Checks(AmazonBillingCommon):
    """Each check stops the 810 with a reason, and nothing leaves."""

    def _shipped_invoice(self, quantities=None):
        order = self._acked_order()
        self._ship(order, quantities)
        return order, self._invoice(order)

    def _assert_blocked(self, invoice, key, fragment):
        problems = invoice._amz_check_810()
        found = {k: v for k, v in problems.items() if k == key or k.endswith(key)}
        self.assertTrue(found, f"{key} not in {problems}")
        self.assertIn(fragment, "\n".join(found.values()))
        with self.assertRaisesRegex(UserError, fragment):
            self._send(invoice)
        self.assertFalse(invoice.amz_message_ids, "nothing left")
        self.assertFalse(self._outbound("810"))

    def _edit(self, invoice, **values):
        invoice.button_draft()
        invoice.invoice_line_ids.filtered(
            lambda line: line.product_id == self.mug
        ).write(values)
        invoice.action_post()

    def test_clean_invoice_has_no_problem(self):
        _order, invoice = self._shipped_invoice()
        self.assertEqual(invoice._amz_check_810(), {})
        self.assertFalse(invoice.amz_check_text)

    def test_po_not_acknowledged(self):
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        order.action_confirm()
        self._ship(order)
        invoice = self._invoice(order)
        self._assert_blocked(invoice, "ack", "has no 855 at Amazon yet")

    def test_generated_855_not_yet_sent_is_not_enough(self):
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        order.action_amz_send_855()
        order.action_confirm()
        self._ship(order)
        self._assert_blocked(self._invoice(order), "ack", "(acknowledgment: Generated)")

    def test_nothing_shipped(self):
        order = self._acked_order()
        mug_line = order.order_line.filtered(lambda line: line.product_id == self.mug)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.amazon.id,
                "amz_order_id": order.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.mug.id,
                            "quantity": 5,
                            "price_unit": 12.50,
                            "sale_line_ids": [Command.link(mug_line.id)],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        problems = invoice._amz_check_810()
        self.assertIn("before the shipment", problems["shipped"])
        self._assert_blocked(invoice, "_shipped", "has not shipped")

    def test_more_than_shipped(self):
        _order, invoice = self._shipped_invoice({self.mug: 10, self.tea: 36})
        self._edit(invoice, quantity=20)
        self._assert_blocked(invoice, "_quantity", "20.0 billed in all but 10.0")

    def test_second_invoice_beyond_shipped(self):
        order, first = self._shipped_invoice({self.mug: 10, self.tea: 36})
        self._send(first)
        line = order.order_line.filtered(lambda ln: ln.product_id == self.mug)
        second = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.amazon.id,
                "amz_order_id": order.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.mug.id,
                            "quantity": 1,
                            "price_unit": 12.50,
                            "sale_line_ids": [Command.link(line.id)],
                        }
                    )
                ],
            }
        )
        second.action_post()
        self.assertIn(
            "shortage",
            second._amz_check_810()[f"line_{second.invoice_line_ids.id}_quantity"],
        )

    def test_cost_differs_from_acked(self):
        _order, invoice = self._shipped_invoice()
        self._edit(invoice, price_unit=13.0)
        self._assert_blocked(invoice, "_cost", "the 855 acked 12.5")

    def test_discount(self):
        _order, invoice = self._shipped_invoice()
        self._edit(invoice, discount=5.0)
        self._assert_blocked(invoice, "_discount", "5.0 % discount")

    def test_codes_missing(self):
        _order, invoice = self._shipped_invoice()
        self.account.write({"amz_ship_from_code": False, "amz_bill_to_code": False})
        problems = invoice._amz_check_810()
        self.assertIn("ship-from code (N1*SF)", problems["amz_ship_from_code"])
        self.assertIn("bill-to code (N1*BT)", problems["amz_bill_to_code"])
        self._assert_blocked(invoice, "amz_ship_from_code", "Billing tab")

    def test_line_not_on_the_po(self):
        _order, invoice = self._shipped_invoice()
        invoice.button_draft()
        other = self.env["product.product"].create(
            {"name": "Acorn Bowl", "default_code": "ACN-BOWL", "is_storable": True}
        )
        invoice.write(
            {
                "invoice_line_ids": [
                    Command.create({"product_id": other.id, "price_unit": 4.0})
                ]
            }
        )
        invoice.action_post()
        self._assert_blocked(invoice, "_not_on_po", "ACN-BOWL")

    def test_line_not_accepted_in_the_855(self):
        order, invoice = self._shipped_invoice()
        spoon = order.order_line.filtered(lambda line: line.product_id == self.spoon)
        spoon.amz_sent_status = "IR"
        self._assert_blocked(invoice, "_ack", "was not accepted in the 855")

    def test_other_currency(self):
        _order, invoice = self._shipped_invoice()
        self.account.currency_id = self.env.ref("base.EUR")
        self.assertIn(
            "in USD, the Amazon account in EUR", invoice._amz_check_810()["currency"]
        )

    def test_already_sent(self):
        _order, invoice = self._shipped_invoice()
        self._send(invoice)
        problems = invoice._amz_check_810()
        self.assertIn("a resend is an administrator's action", problems["sent"])
        with self.assertRaisesRegex(UserError, "Already sent"):
            invoice.with_user(self.clerk)._amz_send_810()
        self.assertEqual(len(invoice.amz_message_ids), 1)

    def test_sent_invoice_cannot_go_back_to_draft(self):
        _order, invoice = self._shipped_invoice()
        self._send(invoice)
        with self.assertRaisesRegex(UserError, "credit note"):
            invoice.button_draft()

    def test_policy_send_blocked_tells_the_clerk(self):
        self.account.auto_send_810 = True
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        order.action_confirm()
        self._ship(order)
        invoice = self._invoice(order)
        self.assertEqual(invoice.state, "posted", "posting is never blocked")
        self.assertFalse(invoice.amz_message_ids)
        self.assertEqual(invoice.amz_edi_state, "to_send")
        self.assertIn("has no 855 at Amazon yet", invoice.message_ids[0].body)
        self.assertEqual(
            invoice.activity_ids.activity_type_id,
            self.env.ref("acorn_amazon_vendor.mail_activity_amz_810_blocked"),
        )
        to_send = self.env["account.move"].search(
            [("amz_edi_state", "in", ("to_send", "error")), ("state", "=", "posted")]
        )
        self.assertIn(invoice, to_send)
