from odoo.tests import TransactionCase, tagged

from ..x12 import validate_file


@tagged("post_install", "-at_install", "-standard", "acorn_demo")
class Test810Demo(TransactionCase):
    """Run on the demo database only: the shipped demo PO was invoiced as an 810."""

    def test_demo_order_invoiced_with_an_810(self):
        invoice = self.env["account.move"].search([("amz_po_number", "=", "4DEMOPO1")])
        self.assertRecordValues(
            invoice,
            [
                {
                    "state": "posted",
                    "move_type": "out_invoice",
                    "ref": "4DEMOPO1",
                    "amz_edi_state": "generated",
                }
            ],
        )
        self.assertEqual(
            invoice._amz_check_810()["sent"][:24], "Already sent to Amazon a"
        )
        text = invoice.amz_message_ids.interchange_id._get_payload().decode()
        self.assertTrue(validate_file(text).valid)
        self.assertIn("*4DEMOPO1~", text)
        self.assertIn("N1*BT*Amazon.com Services LLC*92*AMAZONUSBT~", text)
        self.assertIn(f"TDS*{round(invoice.amount_total * 100)}~", text)
