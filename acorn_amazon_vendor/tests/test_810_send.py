from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..x12 import validate_file
from .billing_common import BILLING_GROUPS, AmazonBillingCommon


@tagged("post_install", "-at_install")
class Test810Send(AmazonBillingCommon):
    def _two_invoices(self):
        self._receive("amazon_850_two_pos_pipe.edi")
        orders = self._order("6FCFLAJO") | self._order("15FAWSDW")
        for order in orders:
            self._ack(order)
            self._ship(order)
        return orders._create_invoices(), orders

    def test_batch_send(self):
        invoices, _orders = self._two_invoices()
        invoices.action_post()
        self._send(invoices)
        self.assertRecordValues(
            invoices, [{"amz_edi_state": "generated"}, {"amz_edi_state": "generated"}]
        )
        messages = self._outbound("810")
        self.assertEqual(len(messages), 2)
        self.assertEqual(sorted(messages.mapped("po_number")), ["15FAWSDW", "6FCFLAJO"])
        self.assertEqual(len(messages.interchange_id), 2, "one file per invoice")
        for message in messages:
            self.assertTrue(validate_file(self._payload(message)).valid)
        for invoice in invoices:
            bodies = " ".join(invoice.message_ids.mapped("body"))
            self.assertIn("sent by amz_clerk", bodies)

    def test_batch_leaves_out_a_blocked_invoice(self):
        invoices, orders = self._two_invoices()
        invoices.action_post()
        blocked = invoices.filtered(lambda m: m.amz_po_number == "15FAWSDW")
        blocked.button_draft()
        blocked.invoice_line_ids[:1].price_unit += 1.0
        blocked.action_post()
        wizard = (
            self.env["account.move.send.batch.wizard"]
            .with_user(self.clerk)
            .create({"move_ids": [Command.set(invoices.ids)]})
        )
        self.assertIn(blocked.name, wizard.alerts["amz_810_blocked"]["message"])
        self.assertEqual(wizard.alerts["amz_810_blocked"]["level"], "warning")
        # Odoo's asynchronous path: the scheduled action sends in the background.
        wizard.action_send_and_print()
        self.env["account.move"].sudo()._cron_account_move_send()
        self.assertRecordValues(
            invoices.sorted(lambda m: m.amz_po_number),
            [{"amz_edi_state": "to_send"}, {"amz_edi_state": "generated"}],
        )
        self.assertIn("the 855 acked", blocked.message_ids[0].body)
        self.assertEqual(len(self._outbound("810")), 1)
        self.assertEqual(orders.invoice_ids, invoices)

    def test_no_email_to_amazon(self):
        invoices, _orders = self._two_invoices()
        invoice = invoices[0]
        invoice.action_post()
        wizard = (
            self.env["account.move.send.wizard"]
            .with_user(self.clerk)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
        )
        self.assertEqual(wizard.sending_methods, ["manual"])
        self.assertIn("amz_810", wizard.extra_edis)
        wizard.sending_method_checkboxes = {"email": {"checked": True}}
        self.assertEqual(wizard.alerts["amz_no_email"]["level"], "danger")
        with self.assertRaisesRegex(UserError, "never by e-mail"):
            wizard.action_send_and_print()
        self.assertFalse(invoice.amz_message_ids)

    def test_resend_by_a_manager_only_and_logged(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self._send(invoice)
        with self.assertRaises(AccessError):
            self.env["acorn.amz.invoice.resend"].with_user(self.clerk).create(
                {"move_id": invoice.id, "reason": "lost"}
            )
        with self.assertRaises(AccessError):
            invoice.with_user(self.clerk)._amz_send_810(resend_reason="lost")
        self.assertEqual(len(invoice.amz_message_ids), 1)
        wizard = (
            self.env["acorn.amz.invoice.resend"]
            .with_user(self.billing_manager)
            .create({"move_id": invoice.id, "reason": "Amazon asked, ticket 42"})
        )
        wizard.action_resend()
        first, second = invoice.amz_message_ids.sorted("id")
        self.assertNotEqual(first.isa_control, second.isa_control)
        self.assertEqual(second.invoice_number, invoice.name)
        bodies = " ".join(invoice.message_ids.mapped("body"))
        self.assertRegex(
            bodies, r"resent by amz_billing_manager[^:]*: Amazon asked, ticket 42"
        )

    def test_maker_checker(self):
        self.account.write({"amz_invoice_approval": True, "auto_send_810": True})
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order, self.clerk)
        self.assertFalse(invoice.amz_message_ids, "waits for the checker")
        self.assertIn("someone other than", invoice._amz_check_810()["approval"])
        with self.assertRaisesRegex(UserError, "another person must approve"):
            invoice.with_user(self.clerk).action_amz_approve()
        invoice.with_user(self.checker).action_amz_approve()
        self.assertRecordValues(
            invoice,
            [
                {
                    "amz_prepared_by": self.clerk.id,
                    "amz_approved_by": self.checker.id,
                    "amz_edi_state": "generated",
                }
            ],
        )
        self.assertTrue(
            any(
                "Approved for Amazon by" in body
                for body in invoice.message_ids.mapped("body")
            )
        )

    def test_rights(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        accountant = new_test_user(
            self.env, login="accountant", groups="account.group_account_invoice"
        )
        amazon_only = self.user  # Amazon user without invoicing rights
        for user in (accountant, amazon_only):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                invoice.with_user(user)._amz_send_810()
        # The accountant still opens and reads the invoice (Amazon fields guarded).
        self.assertEqual(invoice.with_user(accountant).amz_edi_state, "to_send")
        invoice.with_user(accountant).read(["amz_edi_state", "amz_check_text"])
        self.assertFalse(invoice.amz_message_ids)
        invoice.with_user(self.clerk)._amz_send_810()
        self.assertEqual(len(invoice.amz_message_ids), 1)

    def test_multi_company(self):
        other = self.env["res.company"].create(
            {"name": "Other Brand Inc.", "currency_id": self.company.currency_id.id}
        )
        self.env["account.chart.template"].try_loading(
            "generic_coa", company=other, install_demo=False
        )
        other_user = new_test_user(
            self.env,
            login="other_clerk",
            groups=BILLING_GROUPS,
            company_id=other.id,
            company_ids=[Command.set([other.id])],
        )
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self._send(invoice)
        message = invoice.amz_message_ids
        self.assertRecordValues(
            message, [{"company_id": self.company.id, "account_id": self.account.id}]
        )
        self.assertFalse(
            self.env["account.move"]
            .with_user(other_user)
            .with_context(allowed_company_ids=[other.id])
            .search([("amz_account_id", "!=", False)])
        )
        with self.assertRaises(AccessError):
            message.with_user(other_user).with_context(
                allowed_company_ids=[other.id]
            ).read(["name"])
