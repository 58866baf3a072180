from psycopg2 import IntegrityError

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.acorn_amazon_vendor.tests.test_menus import load_menu_actions


@tagged("post_install", "-at_install")
class TestStore(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls.env["acorn.store"].create(
            {"name": "Downtown", "store_code": "S001", "source": "external"}
        )
        cls.chain_user = new_test_user(
            cls.env,
            login="chain_user",
            groups="base.group_user,acorn_pos_bridge.group_chain_user",
        )
        # The chain menus sit in the Point of Sale app: their users use it.
        cls.chain_manager = new_test_user(
            cls.env,
            login="chain_manager",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "acorn_pos_bridge.group_chain_manager",
        )

    def _sale(self, **values):
        return self.env["acorn.channel.sale"].create(
            {
                "date": "2026-11-20",
                "store_id": self.store.id,
                "sku": "SKU-1",
                "receipt_ref": "R-1",
                "receipt_line": "1",
                "quantity": 2,
                "amount": 19.98,
                **values,
            }
        )

    def test_store_code_unique_per_company(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.env["acorn.store"].create({"name": "Copy", "store_code": "S001"})
                self.env.flush_all()
        other = self.env["res.company"].create({"name": "Sister Brand"})
        twin = self.env["acorn.store"].create(
            {"name": "Sister Downtown", "store_code": "S001", "company_id": other.id}
        )
        self.assertEqual(twin.company_id, other)

    def test_receipt_line_recorded_once(self):
        self._sale()
        self._sale(receipt_line="2")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self._sale()
                self.env.flush_all()
        self.assertEqual(self.store.channel_sale_count, 2)

    def test_user_reads_manager_configures(self):
        self._sale()
        self.assertEqual(self.store.with_user(self.chain_user).channel_sale_count, 1)
        with self.assertRaises(AccessError):
            self.store.with_user(self.chain_user).write({"name": "Renamed"})
        self.store.with_user(self.chain_manager).write({"name": "Renamed"})
        self.assertEqual(self.store.name, "Renamed")

    def test_multi_company_isolation(self):
        other = self.env["res.company"].create({"name": "Sister Brand"})
        self.env["acorn.store"].create(
            {"name": "Sister", "store_code": "X9", "company_id": other.id}
        )
        self.chain_manager.write({"company_ids": [(4, other.id)]})
        stores = self.env["acorn.store"].with_user(self.chain_manager)
        self.assertEqual(
            stores.with_context(allowed_company_ids=[self.env.company.id])
            .search([])
            .mapped("store_code"),
            ["S001"],
        )

    def test_chain_menus_open(self):
        opened = load_menu_actions(
            self.env(user=self.chain_manager), "point_of_sale.menu_point_root"
        )
        self.assertIn("Point of Sale/Chain Stores/Channel Sales", opened)
        self.assertIn("Point of Sale/Chain Stores/Chain Stores", opened)

    def test_store_smart_button_filters_its_sales(self):
        self._sale()
        other = self.env["acorn.store"].create({"name": "Harbor", "store_code": "S002"})
        self._sale(store_id=other.id)
        action = self.store.action_view_channel_sales()
        sales = self.env["acorn.channel.sale"].search(action["domain"])
        self.assertEqual(sales.store_id, self.store)
