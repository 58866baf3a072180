"""A store that runs another POS, its export mapping, products and users."""

import base64

from odoo.tests import TransactionCase, new_test_user

HEADER = "Receipt;Line;Date;SKU;Qty;Net;Cost;Void;Training;Original"


def export(*lines):
    """A semicolon CSV export with a UTF-8 BOM and decimal commas, as tills write."""
    return "\ufeff" + "\r\n".join((HEADER, *lines)) + "\r\n"


class PosImportCommon(TransactionCase):
    """Store S010 with a saved mapping; SKU-1 and SKU-2 known, anything else not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mapping = cls.env["acorn.pos.column.mapping"].create(
            {
                "name": "Harbor till export",
                "kind": "pos_sales",
                "col_receipt": "Receipt",
                "col_line": "Line",
                "col_date": "Date",
                "col_sku": "SKU",
                "col_quantity": "Qty",
                "col_amount": "Net",
                "col_cost": "Cost",
                "col_voided": "Void",
                "col_test": "Training",
                "col_refund_of": "Original",
                "date_formats": "%d.%m.%Y",
            }
        )
        cls.store = cls.env["acorn.store"].create(
            {
                "name": "Harbor",
                "store_code": "S010",
                "source": "external",
                "column_mapping_id": cls.mapping.id,
            }
        )
        cls.product_1 = cls.env["product.product"].create(
            {"name": "Mug", "default_code": "SKU-1", "type": "consu"}
        )
        cls.product_2 = cls.env["product.product"].create(
            {"name": "Tea", "default_code": "SKU-2", "barcode": "4006381333931"}
        )
        cls.manager = new_test_user(
            cls.env,
            login="chain_import_manager",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "acorn_pos_bridge.group_chain_manager",
        )
        cls.reader = new_test_user(
            cls.env,
            login="chain_import_user",
            groups="base.group_user,point_of_sale.group_pos_user,"
            "acorn_pos_bridge.group_chain_user",
        )

    def _upload(self, text, filename="harbor.csv", store=None, user=None):
        """Uploads an export through the wizard; returns the import."""
        payload = text.encode() if isinstance(text, str) else text
        wizard = (
            self.env["acorn.pos.upload"]
            .with_user(user or self.manager)
            .create(
                {
                    "kind": "pos_sales",
                    "store_id": (store or self.store).id,
                    "file": base64.b64encode(payload),
                    "filename": filename,
                }
            )
        )
        action = wizard.action_upload()
        return self.env["acorn.pos.import"].browse(action["res_id"])

    def _facts(self, store=None):
        return self.env["acorn.channel.sale"].search(
            [("store_id", "=", (store or self.store).id), ("source", "=", "import")]
        )
