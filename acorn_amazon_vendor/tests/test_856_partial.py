from decimal import Decimal

from odoo.tests import tagged

from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class Test856Partial(AmazonShippingCommon):
    """A partial delivery is a partial ASN; its backorder ships under its own ASN."""

    def test_partial_then_backorder(self):
        self.account.auto_send_856 = True
        order = self._acked_order()
        first = self._picking(order)
        self._pack(first, [[(self.mug, 10)], [(self.tea, 12)]])
        first.action_amz_open_shipment()
        shipment = first.amz_shipment_id
        self._carrier_data(shipment)
        self._print_labels(first)
        self._validate(first, backorder=True)
        backorder = self._picking(order)
        self.assertEqual(backorder.backorder_id, first)
        self.assertFalse(backorder.amz_shipment_id)
        parsed = self._parsed(self._asn_text(shipment))
        self.assertEqual(
            sorted((i.product_id("VN", "BP"), i.quantity) for _o, i in parsed.items()),
            [("ACN-TEA", Decimal(2)), ("B07R634M2P", Decimal(10))],
        )

        self._pack(backorder, [[(self.mug, 14), (self.tea, 24)], [(self.spoon, 100)]])
        backorder.action_amz_open_shipment()
        later = backorder.amz_shipment_id
        self.assertNotEqual(later, shipment)
        self._carrier_data(later, bill_of_lading="BOL999")
        self._print_labels(backorder)
        self._validate(backorder, backorder=False)
        self.assertRecordValues(
            later | shipment,
            [
                {"state": "shipped", "asn_state": "generated"},
                {"state": "shipped", "asn_state": "generated"},
            ],
        )
        parsed_later = self._parsed(self._asn_text(later))
        self.assertNotEqual(parsed_later.shipment_id, parsed.shipment_id)
        self.assertEqual(
            sorted(
                (i.product_id("VN", "BP"), i.quantity) for _o, i in parsed_later.items()
            ),
            [
                ("ACN-SPOON", Decimal(100)),
                ("ACN-TEA", Decimal(4)),
                ("B07R634M2P", Decimal(14)),
            ],
        )
        sscc_first = {p.sscc for o in parsed.orders for p in o.packs}
        sscc_later = {p.sscc for o in parsed_later.orders for p in o.packs}
        self.assertFalse(sscc_first & sscc_later, "an SSCC is used once")
