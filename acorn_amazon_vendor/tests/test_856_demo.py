from odoo.tests import TransactionCase, tagged

from ..x12 import valid_sscc


@tagged("post_install", "-at_install", "-standard", "acorn_demo")
class Test856Demo(TransactionCase):
    """Run on the demo database only: the demo PO left with labels and an 856."""

    def test_demo_order_shipped_with_an_asn(self):
        shipment = self.env["acorn.amz.shipment"].search(
            [("po_numbers", "=", "4DEMOPO1")]
        )
        self.assertRecordValues(
            shipment,
            [
                {
                    "state": "shipped",
                    "fc_code": "ABE2",
                    "scac": "ACME",
                    "asn_state": "generated",
                    "carton_count": 1,
                }
            ],
        )
        (package,) = shipment.package_ids
        self.assertTrue(valid_sscc(package.name))
        self.assertTrue(package.amz_label_digest)
        text = shipment.asn_message_ids.interchange_id._get_payload().decode()
        self.assertIn(f"MAN*GM*{package.name}~", text)
        self.assertIn("PRF*4DEMOPO1", text)
