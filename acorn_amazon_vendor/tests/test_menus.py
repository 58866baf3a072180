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
        self.assertIn("Amazon Vendor/Configuration/Vendor Accounts", opened)
        self.assertIn("Amazon Vendor/EDI/Messages Needing Attention", opened)
        self.assertIn("Amazon Vendor/EDI/EDI Files", opened)

    def test_user_menus_open_without_configuration(self):
        opened = load_menu_actions(self.env(user=self.user), self.ROOT)
        self.assertIn("Amazon Vendor/EDI/EDI Messages", opened)
        self.assertNotIn("Amazon Vendor/Configuration/Vendor Accounts", opened)

    def test_attention_menu_is_filtered(self):
        self._create_message(self.account, state="in_error")
        self._create_message(self.account, state="in_processed")
        action = self.env.ref("acorn_amazon_vendor.action_acorn_edi_message_attention")
        context = safe_eval(action.context)
        self.assertEqual(context, {"search_default_errors": 1})
        search_view = self.env["acorn.edi.message"].get_views([(False, "search")])
        self.assertIn('name="errors"', search_view["views"]["search"]["arch"])
