import base64

from odoo.tests import HttpCase, tagged

from .pos_import_common import export


@tagged("post_install", "-at_install")
class TestPosImportUi(HttpCase):
    def test_imports_tour(self):
        mapping = self.env["acorn.pos.column.mapping"].create(
            {
                "name": "Tour export",
                "col_receipt": "Receipt",
                "col_line": "Line",
                "col_date": "Date",
                "col_sku": "SKU",
                "col_quantity": "Qty",
                "col_amount": "Net",
                "col_test": "Training",
                "date_formats": "%d.%m.%Y",
            }
        )
        store = self.env["acorn.store"].create(
            {
                "name": "Tour Till",
                "store_code": "T02",
                "source": "external",
                "column_mapping_id": mapping.id,
            }
        )
        self.env["product.product"].create(
            {"name": "Tour Mug", "default_code": "TOUR-1"}
        )
        text = export(
            "R-TOUR;1;27.11.2026;TOUR-1;2;10;;;;",
            "T-TOUR;1;27.11.2026;TOUR-1;1;5;;;1;",
            "U-TOUR;1;27.11.2026;NEW-TOUR;1;5;;;;",
        )
        wizard = self.env["acorn.pos.upload"].create(
            {
                "store_id": store.id,
                "file": base64.b64encode(text.encode()),
                "filename": "tour_export.csv",
            }
        )
        record = self.env["acorn.pos.import"].browse(wizard.action_upload()["res_id"])
        self.start_tour("/odoo", "acorn_pos_bridge_imports", login="admin")
        test_line = record.line_ids.filtered(lambda line: line.receipt == "T-TOUR")
        self.assertRecordValues(test_line, [{"decision": "include", "counted": True}])
        self.assertEqual(test_line.fact_id.quantity, 1)
