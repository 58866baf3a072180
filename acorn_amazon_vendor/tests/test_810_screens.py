from odoo.tests import Form, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .billing_common import AmazonBillingCommon
from .test_997 import ack_997
from .test_menus import load_menu_actions

ROOT = "acorn_amazon_vendor.menu_amazon_vendor_root"


@tagged("post_install", "-at_install")
class Test810Screens(AmazonBillingCommon):
    def _listed(self, xmlid, user):
        """What an action lists for ``user``, with its domain and default filters."""
        action = self.env.ref(xmlid).sudo()
        context = safe_eval(action.context or "{}", {"uid": user.id})
        domain = safe_eval(action.domain or "[]", {"uid": user.id})
        Move = self.env["account.move"].with_user(user)
        arch = Move.get_views([(action.search_view_id.id, "search")])["views"][
            "search"
        ]["arch"]
        filters = [
            key[len("search_default_") :] for key in context if "default_" in key
        ]
        for name in filters:
            node = arch.split(f'filter name="{name}"')[1]
            domain += safe_eval(node.split('domain="')[1].split('"')[0])
        return Move.search(domain)

    def test_billing_menus(self):
        opened = load_menu_actions(self.env(user=self.clerk), ROOT)
        for name in (
            "Amazon Vendor/Billing/Invoices to Send",
            "Amazon Vendor/Billing/Rejected Invoices",
            "Amazon Vendor/Billing/Amazon Invoices",
        ):
            self.assertIn(name, opened)
        hidden = load_menu_actions(self.env(user=self.user), ROOT)
        self.assertFalse([name for name in hidden if "/Billing/" in name])

    def test_menus_show_what_they_promise(self):
        self._receive("amazon_850_two_pos_pipe.edi")
        orders = self._order("6FCFLAJO") | self._order("15FAWSDW")
        for order in orders:
            self._ack(order)
            self._ship(order)
        invoices = orders._create_invoices()
        invoices.action_post()
        sent, waiting = invoices.sorted("amz_po_number")
        self._send(sent)
        message = sent.amz_message_ids
        message._set_state("out_sent")
        self._receive_text(
            ack_997(message.gs_control, message.st_control, "R", set_id="810")
        )
        to_send = "acorn_amazon_vendor.action_amz_invoice_to_send"
        rejected = "acorn_amazon_vendor.action_amz_invoice_rejected"
        self.assertEqual(self._listed(to_send, self.clerk), waiting)
        self.assertEqual(self._listed(rejected, self.clerk), sent)
        by_po = (
            self.env["account.move"]
            .with_user(self.clerk)
            .search([("amz_po_number", "ilike", "6fcf")])
        )
        self.assertEqual(
            by_po, invoices.filtered(lambda m: m.amz_po_number == "6FCFLAJO")
        )

    def test_invoice_form_opens_for_a_plain_accountant(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        accountant = new_test_user(
            self.env, login="plain_accountant", groups="account.group_account_invoice"
        )
        form = Form(invoice.with_user(accountant))
        self.assertEqual(form.amz_edi_state, "to_send")
        form = Form(invoice.with_user(self.clerk))
        self.assertEqual(form.amz_po_number, "3J2KKUAV")
