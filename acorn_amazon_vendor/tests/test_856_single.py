from decimal import Decimal

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..x12 import valid_sscc
from .common import pyx12_errors
from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class Test856Single(AmazonShippingCommon):
    """One PO, one delivery: from validation to one 856, sent once."""

    def _prepared(self, cartons):
        order = self._acked_order()
        picking = self._picking(order)
        packages = self._pack(picking, cartons)
        shipment = self.env["acorn.amz.shipment"].browse(
            picking.action_amz_open_shipment()["res_id"]
        )
        self._carrier_data(shipment)
        return order, picking, packages, shipment

    def test_single_carton_auto_sent_on_validation(self):
        self.account.auto_send_856 = True
        order, picking, package, shipment = self._prepared([[(self.mug, 24)]])
        self.assertTrue(valid_sscc(package.name), package.name)
        self.assertTrue(package.name.startswith("0" + "0614141"))
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        self.assertRecordValues(
            shipment,
            [
                {
                    "state": "shipped",
                    "asn_state": "generated",
                    "scac": "ACME",
                    "fc_code": "ABE2",
                    "po_numbers": "3J2KKUAV",
                    "carton_count": 1,
                    "asn_late": False,
                }
            ],
        )
        self.assertRecordValues(
            shipment.asn_message_ids,
            [
                {
                    "document_type": "856",
                    "direction": "outbound",
                    "state": "out_generated",
                    "shipment_number": shipment.name,
                    "sale_order_id": order.id,
                }
            ],
        )
        text = self._asn_text(shipment)
        self.assertIn("GS*SH*VEND1*AMAZON*", text)
        self.assertIn("*005010", text)
        self.assertIn(f"MAN*GM*{package.name}~", text)
        self.assertIn("TD5**2*ACME*M~", text)
        self.assertIn("REF*BM*BOL123456~", text)
        self.assertIn("N1*ST*Amazon ABE2*92*ABE2~", text)
        parsed = self._parsed(text)
        (po,) = parsed.orders
        self.assertEqual(po.po_number, "3J2KKUAV")
        self.assertEqual(po.hierarchy(), {"SOPI"})
        self.assertEqual([pack.sscc for pack in po.packs], [package.name])
        (item,) = po.all_items()
        self.assertEqual(item.quantity, Decimal(24))
        self.assertEqual(item.product_id("BP"), "B07R634M2P")
        self.assertEqual(item.line_number, "1")
        errors, count = pyx12_errors(text)
        self.assertEqual(errors, [])
        self.assertGreater(count, 15)
        self.assertIn(
            "856", " ".join(shipment.message_ids.mapped("body")), "no chatter on send"
        )

    def test_sent_once_resend_is_a_manager_replacement(self):
        _order, picking, _package, shipment = self._prepared([[(self.mug, 24)]])
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        self.assertEqual(shipment.asn_state, "to_send")
        shipment.with_user(self.user).action_amz_send_856()
        with self.assertRaisesRegex(UserError, "already generated"):
            shipment.with_user(self.user).action_amz_send_856()
        with self.assertRaises(AccessError):
            shipment.with_user(self.user).action_amz_resend_856()
        self.assertEqual(len(shipment.asn_message_ids), 1)
        shipment.with_user(self.manager).action_amz_resend_856()
        self.assertEqual(len(shipment.asn_message_ids), 2)
        self.assertIn(f"BSN*05*{shipment.name}*", self._asn_text(shipment))
        first = shipment.asn_message_ids.sorted("id")[0]
        self.assertIn(
            f"BSN*00*{shipment.name}*", first.interchange_id._get_payload().decode()
        )

    def test_missing_labels_block_the_policy_send(self):
        self.account.auto_send_856 = True
        _order, picking, package, shipment = self._prepared([[(self.mug, 24)]])
        self._validate(picking, backorder=False)
        self.assertRecordValues(
            shipment, [{"state": "shipped", "asn_state": "blocked"}]
        )
        self.assertIn("was never printed", shipment.asn_block_reason)
        self.assertIn(package.name, shipment.asn_block_reason)
        self.assertFalse(shipment.asn_message_ids)
        self.assertEqual(
            shipment.activity_ids.activity_type_id,
            self.env.ref("acorn_amazon_vendor.mail_activity_amz_asn_blocked"),
        )
        self._print_labels(picking)
        shipment.action_amz_send_856()
        self.assertRecordValues(
            shipment, [{"asn_state": "generated", "asn_block_reason": False}]
        )
        self.assertFalse(shipment.activity_ids)

    def test_label_printed_before_repacking_no_longer_matches(self):
        _order, picking, packages, shipment = self._prepared(
            [[(self.mug, 12)], [(self.mug, 12)]]
        )
        self._print_labels(picking)
        first, second = packages
        picking.move_line_ids.filtered(
            lambda ml: ml.result_package_id == second
        ).result_package_id = first
        self._validate(picking, backorder=False)
        with self.assertRaisesRegex(UserError, "1 of 1 .*no longer matches"):
            shipment.action_amz_send_856()
        self._print_labels(picking)
        shipment.action_amz_send_856()
        self.assertEqual(shipment.asn_state, "generated")

    def test_carrier_data_required_with_clear_messages(self):
        _order, picking, _package, shipment = self._prepared([[(self.mug, 24)]])
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        shipment.write({"carrier_id": False, "scac": False, "bill_of_lading": False})
        shipment.estimated_delivery = False
        errors = shipment._amz_check_856()
        self.assertEqual(
            sorted(errors), ["bill_of_lading", "estimated_delivery", "scac"]
        )
        self.assertIn("SCAC", errors["scac"])
        shipment.transport_method = "U"
        self.assertIn("tracking number", shipment._amz_check_856()["pro_number"])
        with self.assertRaisesRegex(UserError, "DTM\\*017"):
            shipment.action_amz_send_856()
        self.assertFalse(shipment.asn_message_ids)
