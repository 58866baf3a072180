from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_amazon_vendor_menus_tour(self):
        amazon = self.env["res.partner"].create({"name": "Amazon.com Services LLC"})
        account = self.env["acorn.vendor.account"].create(
            {
                "name": "Amazon Tour",
                "vendor_code": "TOUR1",
                "partner_id": amazon.id,
                "vendor_isa_id": "TOUR1",
                "vendor_gs_id": "TOUR1",
            }
        )
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
