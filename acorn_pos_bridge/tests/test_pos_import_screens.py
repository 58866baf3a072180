import datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.acorn_amazon_vendor.tests.test_menus import load_menu_actions

from .pos_import_common import PosImportCommon, export

SALE = "R1;1;27.11.2026;SKU-1;2;19,98;;;;"


@tagged("post_install", "-at_install")
class TestPosImportScreens(PosImportCommon):
    def test_menus_open_for_manager_and_user(self):
        self._upload(export(SALE))
        opened = load_menu_actions(
            self.env(user=self.manager), "point_of_sale.menu_point_root"
        )
        for name in ("Sales Imports", "Unknown Products", "Column Mappings"):
            self.assertIn(f"Point of Sale/Chain Stores/{name}", opened)
        seen = load_menu_actions(
            self.env(user=self.reader), "point_of_sale.menu_point_root"
        )
        self.assertIn("Point of Sale/Chain Stores/Sales Imports", seen)
        self.assertNotIn("Point of Sale/Chain Stores/Column Mappings", seen)

    def test_imports_list_shows_recent_and_errors_by_default(self):
        good = self._upload(export(SALE))
        bad = self._upload(export("R2;1;27.11.2026;SKU-1;x;1;;;;"), "bad.csv")
        old = self._upload(export("R3;1;27.11.2026;SKU-1;1;1;;;;"), "old.csv")
        old_error = self._upload(export("R4;1;bad-date;SKU-1;1;1;;;;"), "old-bad.csv")
        self.env.cr.execute(
            "UPDATE acorn_pos_import SET create_date = now() - interval '30 days' "
            "WHERE id IN %s",
            [(old.id, old_error.id)],
        )
        self.env.invalidate_all()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_import"
        )
        context = safe_eval(action["context"])
        arch = etree.fromstring(
            self.env.ref("acorn_pos_bridge.acorn_pos_import_view_search").arch
        )
        domains = [
            safe_eval(
                arch.find(f".//filter[@name='{name[len('search_default_') :]}']").get(
                    "domain"
                ),
                {"context_today": datetime.date.today, "relativedelta": relativedelta},
            )
            for name in context
        ]
        shown = self.env["acorn.pos.import"].search(expression.OR(domains))
        self.assertEqual(shown & (good | bad | old | old_error), good | bad | old_error)

    def test_import_smart_buttons_open_each_rule(self):
        record = self._upload(
            export(SALE, "R2;1;27.11.2026;SKU-1;1;5;;;1;", "R3;1;27.11.2026;ZZ;1;5;;;;")
        )
        for rule, count in (("counted", 1), ("test", 1), ("unknown_product", 1)):
            with self.subTest(rule=rule):
                action = record.with_context(cleaning=rule).action_view_lines()
                lines = self.env["acorn.pos.import.line"].search(action["domain"])
                self.assertEqual(len(lines), count)
        self.assertEqual(
            len(
                self.env["acorn.pos.import.line"].search(
                    record.action_view_lines()["domain"]
                )
            ),
            3,
        )
        queue = self.env["acorn.pos.unmapped.product"].search(
            record.action_view_unmapped()["domain"]
        )
        self.assertEqual(queue.mapped("sku"), ["ZZ"])
        store_action = self.store.action_view_imports()
        self.assertEqual(
            self.env["acorn.pos.import"].search(store_action["domain"]), record
        )
        self.assertEqual(self.store.import_count, 1)

    def test_reader_sees_but_cannot_decide(self):
        record = self._upload(export(SALE))
        lines = record.line_ids.with_user(self.reader)
        self.assertEqual(lines.counted, True)
        with self.assertRaises(AccessError):
            lines.action_exclude()
        with self.assertRaises(AccessError):
            self.store.with_user(self.reader).read(["api_token_hash"])
        with self.assertRaises(AccessError):
            self.store.with_user(self.manager).read(["api_token_hash"])

    def test_manager_generates_a_token(self):
        action = self.store.with_user(self.manager).action_generate_token()
        token = action["params"]["message"].rsplit(" ", 1)[-1]
        self.assertTrue(self.store._check_token(token))
        self.assertTrue(action["params"]["sticky"])
        with self.assertRaises(AccessError):
            self.store.with_user(self.reader).action_generate_token()

    def test_imports_of_another_company_are_invisible(self):
        other = self.env["res.company"].create({"name": "Sister Brand"})
        sister = self.env["acorn.store"].create(
            {
                "name": "Sister",
                "store_code": "S010",
                "source": "external",
                "company_id": other.id,
                "column_mapping_id": self.mapping.id,
            }
        )
        self.manager.write({"company_ids": [(4, other.id)]})
        theirs = self._upload(export(SALE), store=sister)
        ours = self._upload(export(SALE))
        self.assertEqual(theirs.counted_count, 1)  # same receipt, other store: counts
        imports = (
            self.env["acorn.pos.import"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.env.company.id])
        )
        self.assertEqual(imports.search([]), ours)
        lines = (
            self.env["acorn.pos.import.line"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.env.company.id])
        )
        self.assertEqual(lines.search([]), ours.line_ids)

    def test_mapping_form_requires_the_columns_of_its_kind(self):
        form = Form(self.env["acorn.pos.column.mapping"].with_user(self.manager))
        form.name = "Inventory"
        form.kind = "amazon_inventory"
        form.col_sku = "ASIN"
        form.col_on_hand = "Sellable On Hand Units"
        mapping = form.save()
        self.assertEqual(
            mapping._to_format().columns,
            {"asin": "ASIN", "on_hand": "Sellable On Hand Units"},
        )
        with self.assertRaisesRegex(ValidationError, "needs these columns"):
            self.env["acorn.pos.column.mapping"].create(
                {"name": "Broken", "kind": "pos_sales", "col_sku": "SKU"}
            )
