from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_channel_report_tour(self):
        store = self.env["acorn.store"].create(
            {"name": "Tour Store", "store_code": "T01", "source": "external"}
        )
        lamp = self.env["product.product"].create({"name": "Tour Lamp"})
        partner = self.env["res.partner"].create({"name": "Amazon Tour"})
        account = self.env["acorn.vendor.account"].create(
            {
                "name": "Amazon TOUR",
                "vendor_code": "TOUR",
                "partner_id": partner.id,
                "currency_id": self.env.company.currency_id.id,
                "vendor_isa_id": "TOUR",
                "vendor_gs_id": "TOUR",
            }
        )
        self.env["acorn.channel.sale"]._chain_write_facts(
            [
                {
                    "source": "import",
                    "source_ref": "tour:1",
                    "date": "2026-11-20",
                    "store_id": store.id,
                    "product_id": lamp.id,
                    "sku": "TOUR-SKU",
                    "receipt_ref": "TOUR-R1",
                    "quantity": 3,
                    "revenue": 30,
                },
                {
                    "source": "amazon_delivery",
                    "source_ref": "tour:2",
                    "date": "2026-11-20",
                    "account_id": account.id,
                    "product_id": lamp.id,
                    "quantity": 5,
                    "revenue": 40,
                },
            ]
        )
        self.start_tour("/odoo", "acorn_pos_bridge_channel_report", login="admin")
