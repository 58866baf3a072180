from decimal import Decimal

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..x12 import valid_sscc
from .common import pyx12_errors
from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class Test856Cartons(AmazonShippingCommon):
    """Several cartons, mixed-SKU cartons, pallets of cartons, loose pallets."""

    def _ship(self, cartons, pallets=(), loose=False):
        """Packs the PO 3J2KKUAV, palletises ``pallets`` (carton indexes), prints
        the labels, validates; returns (shipment, packages, pallet records)."""
        order = self._acked_order()
        picking = self._picking(order)
        packages = self._pack(picking, cartons)
        made = self.env["acorn.amz.pallet"]
        for indexes in pallets:
            made |= self._pallet(packages[indexes[0] : indexes[-1] + 1], loose=loose)
        picking.action_amz_open_shipment()
        shipment = picking.amz_shipment_id
        self._carrier_data(shipment)
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        return shipment, packages, made

    def test_multi_carton_mixed_sku_s_o_p_i(self):
        shipment, packages, _pallets = self._ship(
            [
                [(self.mug, 12)],
                [(self.mug, 12), (self.tea, 12)],
                [(self.tea, 24), (self.spoon, 100)],
            ]
        )
        self.assertEqual(len(set(packages.mapped("name"))), 3)
        self.assertTrue(all(valid_sscc(name) for name in packages.mapped("name")))
        shipment.action_amz_send_856()
        text = self._asn_text(shipment)
        (po,) = self._parsed(text).orders
        self.assertEqual(po.hierarchy(), {"SOPI"})
        self.assertEqual([p.sscc for p in po.packs], sorted(packages.mapped("name")))
        contents = {
            pack.sscc: sorted(
                (item.product_id("VN", "BP"), item.quantity, item.uom)
                for item in pack.items
            )
            for pack in po.packs
        }
        first, second, third = sorted(packages.mapped("name"))
        self.assertEqual(contents[first], [("B07R634M2P", Decimal(12), "EA")])
        self.assertEqual(
            contents[second],
            [("ACN-TEA", Decimal(2), "CA"), ("B07R634M2P", Decimal(12), "EA")],
        )
        self.assertEqual(
            contents[third],
            [("ACN-SPOON", Decimal(100), "EA"), ("ACN-TEA", Decimal(4), "CA")],
        )
        self.assertIn("TD1*CTN25*3", text)
        self.assertEqual(pyx12_errors(text)[0], [])
        self.assertEqual(shipment.carton_count, 3)

    def test_pallets_with_cartons_s_o_t_p_i(self):
        shipment, packages, pallets = self._ship(
            [[(self.mug, 12)], [(self.mug, 12)], [(self.tea, 36)], [(self.spoon, 100)]],
            pallets=[(0, 1), (2, 3)],
        )
        self.assertEqual(pallets.shipment_id, shipment)
        self.assertRecordValues(pallets, [{"carton_count": 2}, {"carton_count": 2}])
        shipment.action_amz_send_856()
        text = self._asn_text(shipment)
        (po,) = self._parsed(text).orders
        self.assertEqual(po.hierarchy(), {"SOTPI"})
        self.assertEqual([t.sscc for t in po.tares], pallets.mapped("name"))
        self.assertEqual(
            [[p.sscc for p in tare.packs] for tare in po.tares],
            [sorted(packages[:2].mapped("name")), sorted(packages[2:].mapped("name"))],
        )
        self.assertEqual(pyx12_errors(text)[0], [])
        self.assertEqual(shipment.pallet_count, 2)

    def test_loose_goods_on_a_pallet_s_o_t_i(self):
        shipment, _packages, pallets = self._ship(
            [[(self.mug, 24), (self.tea, 36)]], pallets=[(0,)], loose=True
        )
        shipment.action_amz_send_856()
        (po,) = self._parsed(self._asn_text(shipment)).orders
        self.assertEqual(po.hierarchy(), {"SOTI"})
        (tare,) = po.tares
        self.assertEqual(tare.sscc, pallets.name)
        self.assertEqual(
            sorted(item.quantity for item in tare.items), [Decimal(6), Decimal(24)]
        )
        self.assertEqual(shipment.carton_count, 0)

    def test_units_outside_any_carton_block_the_asn(self):
        order = self._acked_order()
        picking = self._picking(order)
        self._pack(picking, [[(self.mug, 12)]])
        picking.move_line_ids.create(
            {
                "move_id": picking.move_ids.filtered(
                    lambda m: m.product_id == self.mug
                ).id,
                "picking_id": picking.id,
                "product_id": self.mug.id,
                "quantity": 12,
                "location_id": picking.location_id.id,
                "location_dest_id": picking.location_dest_id.id,
                "picked": True,
            }
        )
        picking.action_amz_open_shipment()
        shipment = picking.amz_shipment_id
        self._carrier_data(shipment)
        self._print_labels(picking)
        self._validate(picking, backorder=False)
        with self.assertRaisesRegex(UserError, "in no carton"):
            shipment.action_amz_send_856()
