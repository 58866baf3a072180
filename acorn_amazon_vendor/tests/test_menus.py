from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AmazonVendorCommon


def load_menu_actions(env, root_xmlid):
    """Open every action below a menu root the way the web client would.

    Returns the names of the leaf menus the user can see, after loading each
    one's views and first page of records with the action's domain and context.
    """
    root = env.ref(root_xmlid)
    visible_ids = env["ir.ui.menu"]._visible_menu_ids()
    menus = env["ir.ui.menu"].search([("id", "child_of", root.id)])
    # The web client shows a menu only when it and all its ancestors are visible.
    shown = menus.filtered(
        lambda menu: all(
            int(ancestor) in visible_ids
            for ancestor in menu.parent_path.split("/")[:-1]
        )
    )
    opened = []
    for menu in shown.filtered("action"):
        action = menu.action.sudo()
        if action._name != "ir.actions.act_window":
            continue
        context = safe_eval(action.context or "{}", {"uid": env.uid})
        domain = safe_eval(action.domain or "[]", {"uid": env.uid})
        model = env[action.res_model].with_context(**context)
        view_types = action.view_mode.split(",")
        views = model.get_views([(False, view_type) for view_type in view_types])
        assert set(view_types) <= set(views["views"]), menu.complete_name
        model.web_search_read(domain, {"display_name": {}}, limit=80)
        opened.append(menu.complete_name)
    return opened


@tagged("post_install", "-at_install")
class TestMenus(AmazonVendorCommon):
    ROOT = "acorn_amazon_vendor.menu_amazon_vendor_root"

    def test_every_menu_opens_for_manager(self):
        opened = load_menu_actions(self.env(user=self.manager), self.ROOT)
        for name in (
            "Amazon Vendor/Orders/POs to Acknowledge",
            "Amazon Vendor/Orders/Orders in Review",
            "Amazon Vendor/Orders/Amazon Orders",
            "Amazon Vendor/Orders/Product Identifiers",
            "Amazon Vendor/EDI/Messages Needing Attention",
            "Amazon Vendor/EDI/No 997 in Time",
            "Amazon Vendor/EDI/EDI Messages",
            "Amazon Vendor/EDI/EDI Files",
            "Amazon Vendor/EDI/Upload EDI File",
            "Amazon Vendor/Configuration/Vendor Accounts",
            "Amazon Vendor/Configuration/Fulfilment Centres",
        ):
            self.assertIn(name, opened)

    def test_user_menus_open_without_configuration(self):
        opened = load_menu_actions(self.env(user=self.user), self.ROOT)
        self.assertIn("Amazon Vendor/EDI/EDI Messages", opened)
        self.assertIn("Amazon Vendor/Orders/POs to Acknowledge", opened)
        self.assertNotIn("Amazon Vendor/Configuration/Vendor Accounts", opened)

    def test_attention_menu_is_filtered(self):
        self._create_message(self.account, state="in_error")
        self._create_message(self.account, state="in_processed")
        action = self.env.ref("acorn_amazon_vendor.action_acorn_edi_message_attention")
        context = safe_eval(action.context)
        self.assertEqual(context, {"search_default_errors": 1})
        search_view = self.env["acorn.edi.message"].get_views([(False, "search")])
        self.assertIn('name="errors"', search_view["views"]["search"]["arch"])

    def _filtered(self, xmlid, filter_name, model):
        """Records the action shows with its default filter applied."""
        action = self.env.ref(xmlid)
        context = safe_eval(action.context, {"uid": self.env.uid})
        self.assertEqual(context.get(f"search_default_{filter_name}"), 1)
        arch = self.env[model].get_views([(False, "search")])["views"]["search"]["arch"]
        domain = self._filter_domain(arch, filter_name)
        base = safe_eval(action.domain or "[]", {"uid": self.env.uid})
        return self.env[model].search(base + domain)

    @staticmethod
    def _filter_domain(arch, name):
        from lxml import etree

        node = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")[0]
        return safe_eval(node.get("domain"), {"uid": 1, "context_today": None})

    def test_order_menus_show_what_they_promise(self):
        Order = self.env["sale.order"]
        values = {"partner_id": self.amazon.id, "amz_account_id": self.account.id}
        to_ack = Order.create(dict(values, amz_po_number="PO1"))
        in_review = Order.create(dict(values, amz_po_number="PO2", amz_in_review=True))
        plain = Order.create({"partner_id": self.amazon.id})
        shown = self._filtered(
            "acorn_amazon_vendor.action_amz_sale_order_to_ack",
            "amz_to_ack",
            "sale.order",
        )
        self.assertIn(to_ack, shown)
        self.assertNotIn(plain, shown)
        shown = self._filtered(
            "acorn_amazon_vendor.action_amz_sale_order_review",
            "amz_review",
            "sale.order",
        )
        self.assertEqual(shown, in_review)

    def test_missing_997_menu_is_filtered(self):
        late = self._create_message(
            self.account,
            direction="outbound",
            document_type="855",
            state="out_sent",
            ack_state="pending",
            ack_overdue=True,
        )
        self._create_message(
            self.account, direction="outbound", document_type="855", state="out_sent"
        )
        shown = self._filtered(
            "acorn_amazon_vendor.action_acorn_edi_message_ack_overdue",
            "ack_overdue",
            "acorn.edi.message",
        )
        self.assertEqual(shown, late)
