from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class Test856Blocked(AmazonShippingCommon):
    """No ASN against an unacknowledged or closed PO; the deadline and late flags."""

    def _shipped(self, ack=True):
        if ack:
            order = self._acked_order()
        else:
            self._receive("amazon_850_single.edi")
            order = self._order("3J2KKUAV")
            order.action_confirm()
        picking = self._picking(order)
        self._pack(picking, [[(self.mug, 24)]])
        picking.action_amz_open_shipment()
        shipment = picking.amz_shipment_id
        self._carrier_data(shipment)
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        return order, shipment

    def test_unacknowledged_po_blocks_with_its_reason(self):
        self.account.auto_send_856 = True
        order, shipment = self._shipped(ack=False)
        self.assertEqual(order.amz_ack_state, "to_send")
        self.assertRecordValues(shipment, [{"asn_state": "blocked"}])
        self.assertIn("PO 3J2KKUAV is not acknowledged", shipment.asn_block_reason)
        self.assertFalse(shipment.asn_message_ids)
        with self.assertRaisesRegex(UserError, "3J2KKUAV is not acknowledged"):
            shipment.action_amz_send_856()
        self.assertEqual(len(shipment.activity_ids), 1)

    def test_generated_855_is_not_enough_but_sent_is(self):
        order, shipment = self._shipped(ack=False)
        order.action_amz_send_855()
        with self.assertRaisesRegex(
            UserError, "not acknowledged yet \\(855: Generated\\)"
        ):
            shipment.action_amz_send_856()
        order.amz_message_ids.filtered(
            lambda m: m.document_type == "855"
        ).action_mark_sent()
        shipment.action_amz_send_856()
        self.assertEqual(shipment.asn_state, "generated")

    def test_closed_po_blocks(self):
        order, shipment = self._shipped()
        order.with_context(disable_cancel_warning=True)._action_cancel()
        self.assertIn(
            "cancelled or closed", "\n".join(shipment._amz_check_856().values())
        )

    def test_deadline_and_late_flag(self):
        self.account.amz_asn_target_hours = 2.0
        with freeze_time("2026-12-01 08:00:00"):
            _order, shipment = self._shipped()
            self.assertEqual(shipment.ship_date, datetime(2026, 12, 1, 8, 0))
            self.assertEqual(shipment.asn_due, datetime(2026, 12, 1, 10, 0))
        shipment.estimated_delivery = datetime(2026, 12, 1).date()
        self.assertEqual(shipment.asn_due, datetime(2026, 12, 1, 0, 0))
        shipment.estimated_delivery = datetime(2026, 12, 3).date()
        with freeze_time("2026-12-01 09:00:00"):
            self.env["acorn.amz.shipment"]._cron_amz_asn_deadlines()
            self.assertFalse(shipment.asn_late)
        with freeze_time("2026-12-01 11:00:00"):
            self.env["acorn.amz.shipment"]._cron_amz_asn_deadlines()
            self.assertRecordValues(
                shipment, [{"asn_late": True, "asn_state": "to_send"}]
            )
            self.assertEqual(
                shipment.activity_ids.activity_type_id,
                self.env.ref("acorn_amazon_vendor.mail_activity_amz_asn_late"),
            )
            late = self.env["acorn.amz.shipment"].search([("asn_late", "=", True)])
            self.assertEqual(late, shipment)
            shipment.action_amz_send_856()
        self.assertRecordValues(
            shipment, [{"asn_late": True, "asn_state": "generated"}]
        )
        self.assertFalse(shipment.activity_ids)

    def test_sent_in_time_is_not_late(self):
        with freeze_time("2026-12-01 08:00:00"):
            _order, shipment = self._shipped()
            shipment.action_amz_send_856()
        self.assertRecordValues(
            shipment, [{"asn_late": False, "asn_state": "generated"}]
        )

    def test_shipments_stay_in_their_company(self):
        _order, shipment = self._shipped()
        other = self.env["res.company"].create({"name": "Other Vendor Co"})
        self.user.write({"company_ids": [(4, other.id)]})
        shipments = self.env["acorn.amz.shipment"].with_user(self.user)
        self.assertFalse(
            shipments.with_context(allowed_company_ids=[other.id]).search([])
        )
        self.assertEqual(
            shipments.with_context(allowed_company_ids=[self.company.id]).search(
                [("id", "=", shipment.id)]
            ),
            shipment,
        )
