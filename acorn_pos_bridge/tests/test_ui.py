from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_channel_report_tour(self):
        store = self.env["acorn.store"].create(
            {"name": "Tour Store", "store_code": "T01", "source": "external"}
        )
        self.env["acorn.channel.sale"].create(
            {
                "date": "2026-11-20",
                "store_id": store.id,
                "sku": "TOUR-SKU",
                "receipt_ref": "TOUR-R1",
                "quantity": 3,
                "amount": 30,
            }
        )
        self.start_tour("/odoo", "acorn_pos_bridge_channel_report", login="admin")
