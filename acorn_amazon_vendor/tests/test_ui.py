import base64

from odoo.tests import HttpCase, tagged

from .common import read_data


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_amazon_vendor_menus_tour(self):
        amazon = self.env["res.partner"].create({"name": "Amazon.com Services LLC"})
        account = self.env["acorn.vendor.account"].create(
            {
                "name": "Amazon Tour",
                "vendor_code": "TOUR1",
                "partner_id": amazon.id,
                # the test files are addressed to VEND1 (ISA08 and GS03)
                "vendor_isa_id": "VEND1",
                "vendor_gs_id": "VEND1",
            }
        )
        mug = self.env["product.product"].create(
            {"name": "Acorn Mug", "default_code": "ACN-MUG", "list_price": 12.50}
        )
        self.env["acorn.product.identifier"].create(
            {"account_id": account.id, "product_id": mug.id, "value": "B07R634M2P"}
        )
        self.env["acorn.amazon.fc"].create(
            {"account_id": account.id, "code": "ABE2", "partner_id": amazon.id}
        )
        for name in ("amazon_850_price_mismatch.edi", "amazon_850_unknown_product.edi"):
            account.receive_file(name, base64.b64encode(read_data(name)))
        account.price_tolerance = 20.0
        self.env["acorn.edi.message"].create(
            {
                "account_id": account.id,
                "company_id": account.company_id.id,
                "direction": "inbound",
                "document_type": "850",
                "state": "in_error",
                "po_number": "TOURPO01",
                "error_message": (
                    "Segment 7 (PO1), element 07: unknown product 'B00TOUR'"
                ),
            }
        )
        self.start_tour("/odoo", "acorn_amazon_vendor_menus", login="admin")
        order = self.env["sale.order"].search([("amz_po_number", "=", "9PRICELO")])
        self.assertEqual(order.amz_ack_state, "generated")
        self.assertFalse(order.amz_in_review)
