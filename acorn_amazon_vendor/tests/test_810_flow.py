from decimal import Decimal

from odoo.tests import tagged

from ..x12 import validate_file
from .billing_common import AmazonBillingCommon
from .common import pyx12_errors
from .test_997 import ack_997


@tagged("post_install", "-at_install")
class Test810Flow(AmazonBillingCommon):
    def test_850_to_810_accepted_by_the_validator_and_pyx12(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self.assertRecordValues(
            invoice,
            [
                {
                    "state": "posted",
                    "move_type": "out_invoice",
                    "amz_order_id": order.id,
                    "amz_po_number": "3J2KKUAV",
                    "ref": "3J2KKUAV",
                    "amz_edi_state": "to_send",
                    "amz_prepared_by": self.clerk.id,
                }
            ],
        )
        self.assertEqual(invoice._amz_check_810(), {})
        self._send(invoice)
        message = invoice.amz_message_ids
        self.assertRecordValues(
            message,
            [
                {
                    "document_type": "810",
                    "state": "out_generated",
                    "po_number": "3J2KKUAV",
                    "invoice_number": invoice.name,
                    "sale_order_id": order.id,
                    "ack_state": "pending",
                }
            ],
        )
        self.assertEqual(invoice.amz_edi_state, "generated")
        text = self._payload(message)
        report = validate_file(text)
        self.assertTrue(report.valid, [str(e) for s in report.sets() for e in s.errors])
        self.assertEqual([s.set_id for s in report.sets()], ["810"])
        errors, count = pyx12_errors(text)
        self.assertEqual(errors, [])
        self.assertGreater(count, 12)
        self.assertIn("GS*IN*VEND1*AMAZON*", text)
        self.assertIn(f"*{invoice.name}*20261127*3J2KKUAV~", text)
        self.assertIn("CUR*BT*USD~", text)
        self.assertIn("N1*BT*Amazon.com Services LLC*92*AMZBT01~", text)
        self.assertIn("*92*ACNREMIT~", text)
        self.assertIn("*92*ACNWH1~", text)
        self.assertIn("IT1*1*24*EA*12.5*PE*BP*B07R634M2P*EN*4006381333931~", text)
        self.assertIn("IT1*2*6*CA*60*", text)
        self.assertIn("UP*012345678905*VN*ACN-TEA~", text)
        self.assertIn("IT1*3*100*EA*3*PE*BP*B0SPOON001*VN*ACN-SPOON~", text)
        cents = round(invoice.amount_total * 100)
        self.assertIn(f"TDS*{cents}~", text)
        self.assertIn("CTT*3*130~", text)
        document = self._parsed_810(message)
        self.assertEqual(document.total, Decimal(cents) / 100)
        self.assertEqual(document.computed_total(), document.total)
        taxes = sum((tax.amount for tax in document.taxes), Decimal(0))
        self.assertEqual(taxes, Decimal(str(round(invoice.amount_tax, 2))))
        bodies = " ".join(invoice.message_ids.mapped("body"))
        self.assertIn(
            f"810 {message.name} generated (Generated), sent by amz_clerk", bodies
        )

    def test_partial_shipment_is_invoiced_twice(self):
        order = self._acked_order()
        self._ship(order, {self.mug: 10, self.tea: 12})
        first = self._invoice(order)
        self.assertEqual(
            {line.product_id: line.quantity for line in first.invoice_line_ids},
            {self.mug: 10, self.tea: 12, self.spoon: 100},
        )
        self._send(first)
        self.assertIn("IT1*2*2*CA*60*", self._payload(first.amz_message_ids))
        self._ship(order)
        second = self._invoice(order)
        self.assertNotEqual(first, second)
        self.assertEqual(
            {line.product_id: line.quantity for line in second.invoice_line_ids},
            {self.mug: 14, self.tea: 24},
        )
        self.assertEqual(second._amz_check_810(), {})
        self._send(second)
        text = self._payload(second.amz_message_ids)
        self.assertIn("IT1*1*14*EA*12.5*", text)
        self.assertIn("IT1*2*4*CA*60*", text)
        self.assertIn("CTT*2*18~", text)
        self.assertEqual(order.invoice_status, "invoiced")

    def _two_shipped_pos(self):
        self._receive("amazon_850_two_pos_pipe.edi")
        orders = self._order("6FCFLAJO") | self._order("15FAWSDW")
        for order in orders:
            self._ack(order)
            self._ship(order)
        return orders

    def _assert_one_invoice_per_po(self, orders):
        invoices = orders.invoice_ids
        self.assertEqual(len(invoices), 2)
        for invoice in invoices:
            self.assertEqual(
                invoice.invoice_line_ids.sale_line_ids.order_id, invoice.amz_order_id
            )
            self.assertEqual(invoice.ref, invoice.amz_order_id.amz_po_number)
        self.assertEqual(
            sorted(invoices.mapped("amz_po_number")), ["15FAWSDW", "6FCFLAJO"]
        )

    def test_one_invoice_per_po_even_with_consolidated_billing(self):
        orders = self._two_shipped_pos()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=orders.ids)
            .create({"advance_payment_method": "delivered"})
        )
        self.assertTrue(wizard.consolidated_billing)
        wizard.create_invoices()
        self._assert_one_invoice_per_po(orders)

    def test_create_invoices_keeps_pos_apart(self):
        orders = self._two_shipped_pos()
        orders._create_invoices()  # grouped=False: Odoo would merge one customer's
        self._assert_one_invoice_per_po(orders)

    def test_goods_invoice_shipped_quantities_whatever_the_policy(self):
        self.mug.invoice_policy = "order"
        order = self._acked_order()
        self._ship(order, {self.mug: 5, self.tea: 6})
        mug_line = order.order_line.filtered(lambda line: line.product_id == self.mug)
        self.assertRecordValues(mug_line, [{"qty_delivered": 5, "qty_to_invoice": 5}])

    def test_997_accepted_and_rejected_show_on_the_invoice(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self._send(invoice)
        message = invoice.amz_message_ids
        message._set_state("out_sent")
        self._receive_text(
            ack_997(message.gs_control, message.st_control, "R", set_id="810")
        )
        self.assertRecordValues(
            invoice, [{"amz_edi_state": "rejected", "amz_997_state": "R"}]
        )
        self.assertIn("codes: 5", invoice.amz_edi_error)
        rejected = self.env["account.move"].search([("amz_edi_state", "=", "rejected")])
        self.assertEqual(rejected, invoice)
        self.assertIn("rejected", invoice.message_ids[0].body.lower())
        # Corrected and sent again by the clerk: a rejected 810 never reached AP.
        self._send(invoice)
        again = invoice.amz_message_ids.sorted("id")[-1]
        self.assertNotEqual(again, message)
        again._set_state("out_sent")
        self._receive_text(
            ack_997(again.gs_control, again.st_control, "A", isa=901, set_id="810"),
            "997b.edi",
        )
        self.assertRecordValues(
            invoice, [{"amz_edi_state": "accepted", "amz_997_state": "A"}]
        )

    def test_posting_sends_by_policy_and_never_twice(self):
        self.account.auto_send_810 = True
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self.assertEqual(len(invoice.amz_message_ids), 1)
        self.assertEqual(invoice.amz_edi_state, "generated")
        self.assertFalse(
            self.env["account.move.send"]._amz_810_applicable(invoice),
            "Send & Print no longer offers the 810",
        )
        self._send(invoice)
        self.assertEqual(len(invoice.amz_message_ids), 1)
        with self.assertRaisesRegex(Exception, "Already sent to Amazon"):
            invoice.with_user(self.clerk)._amz_send_810()
        self.assertEqual(len(self._outbound("810")), 1)

    def test_parallel_run_holds_the_810(self):
        self.account.parallel_run = True
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self._send(invoice)
        self.assertEqual(invoice.amz_edi_state, "held")

    def test_credit_note_goes_as_credit_memo(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self._send(invoice)
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Return"})
        )
        credit = self.env["account.move"].browse(reversal.refund_moves()["res_id"])
        credit.invoice_line_ids.filtered(
            lambda line: line.product_id != self.mug
        ).unlink()
        credit.invoice_line_ids.quantity = 2
        credit.action_post()
        self.assertRecordValues(
            credit, [{"amz_po_number": "3J2KKUAV", "amz_edi_state": "to_send"}]
        )
        self.assertEqual(credit._amz_check_810(), {})
        self._send(credit)
        text = self._payload(credit.amz_message_ids)
        self.assertTrue(validate_file(text).valid)
        self.assertEqual(pyx12_errors(text)[0], [])
        self.assertIn("*3J2KKUAV***CR~", text)
        self.assertIn(f"REF*IV*{invoice.name}~", text)
        self.assertIn("IT1*1*2*EA*12.5*PE*BP*B07R634M2P", text)
        self.assertIn(f"TDS*{round(credit.amount_total * 100)}~", text)
