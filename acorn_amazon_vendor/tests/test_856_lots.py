from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class Test856Lots(AmazonShippingCommon):
    """Lot-tracked goods with an expiry date: REF*LT and DTM*036 per item."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tea.write({"tracking": "lot", "use_expiration_date": True})
        cls.lot_a = cls._lot("TEA-A", datetime(2027, 6, 30, 12, 0))
        cls.lot_b = cls._lot("TEA-B", datetime(2027, 9, 30, 12, 0))

    @classmethod
    def _lot(cls, name, expiry):
        lot = cls.env["stock.lot"].create(
            {"name": name, "product_id": cls.tea.id, "company_id": cls.company.id}
        )
        lot.expiration_date = expiry
        cls.env["stock.quant"]._update_available_quantity(
            cls.tea, cls.warehouse.lot_stock_id, 100, lot_id=lot
        )
        return lot

    def _shipment(self, cartons):
        order = self._acked_order()
        picking = self._picking(order)
        self._pack(picking, cartons)
        picking.action_amz_open_shipment()
        shipment = picking.amz_shipment_id
        self._carrier_data(shipment)
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        return shipment

    def test_lot_and_expiry_per_item(self):
        shipment = self._shipment(
            [
                [(self.tea, 24, self.lot_a)],
                [(self.tea, 6, self.lot_a), (self.tea, 6, self.lot_b)],
            ]
        )
        shipment.action_amz_send_856()
        text = self._asn_text(shipment)
        self.assertIn("REF*LT*TEA-A~", text)
        self.assertIn("DTM*036*20270630~", text)
        self.assertIn("DTM*036*20270930~", text)
        items = [item for _order, item in self._parsed(text).items()]
        self.assertEqual(
            sorted((item.lot, item.expiry, item.quantity) for item in items),
            [
                ("TEA-A", date(2027, 6, 30), 1),
                ("TEA-A", date(2027, 6, 30), 4),
                ("TEA-B", date(2027, 9, 30), 1),
            ],
        )

    def test_missing_expiry_blocks(self):
        self.lot_b.expiration_date = False
        shipment = self._shipment([[(self.tea, 6, self.lot_b)]])
        with self.assertRaisesRegex(UserError, "TEA-B of .*no expiration date"):
            shipment.action_amz_send_856()
