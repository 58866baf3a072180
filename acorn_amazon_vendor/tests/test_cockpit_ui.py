"""Browser tour: the cockpit's figures, the records behind them, the search box."""

import base64
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import read_data


@tagged("post_install", "-at_install")
class TestCockpitUi(HttpCase):
    def test_cockpit_tour(self):
        amazon = self.env["res.partner"].create({"name": "Amazon.com Services LLC"})
        account = self.env["acorn.vendor.account"].create(
            {
                "name": "Amazon Cockpit",
                "vendor_code": "COCK1",
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
        name = "amazon_850_price_mismatch.edi"
        account.receive_file(name, base64.b64encode(read_data(name)))
        order = self.env["sale.order"].search([("amz_po_number", "=", "9PRICELO")])
        order.amz_received_date = fields.Datetime.now() - timedelta(hours=21)
        for ack_state in ("A", "R"):
            self.env["acorn.edi.message"].create(
                {
                    "account_id": account.id,
                    "company_id": account.company_id.id,
                    "direction": "outbound",
                    "document_type": "855",
                    "state": "out_sent",
                    "ack_state": ack_state,
                    "po_number": f"TOUR{ack_state}",
                }
            )
        self.start_tour("/odoo", "acorn_amazon_vendor_cockpit", login="admin")

    def test_account_setup_tour(self):
        self.env["res.partner"].create({"name": "Amazon.com Services LLC"})
        self.start_tour("/odoo", "acorn_amazon_vendor_account_setup", login="admin")
        account = self.env["acorn.vendor.account"].search(
            [("vendor_code", "=", "TOURCA")]
        )
        self.assertRecordValues(
            account,
            [
                {
                    "name": "Amazon Canada Tour",
                    "vendor_isa_id": "TOURCA",
                    "vendor_gs_id": "TOURCA",
                    "heartbeat_hours": 12,
                }
            ],
        )
