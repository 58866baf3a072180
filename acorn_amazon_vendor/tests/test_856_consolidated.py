from decimal import Decimal

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import pyx12_errors
from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class Test856Consolidated(AmazonShippingCommon):
    """Two POs for one FC leave together (a batch transfer): one ASN, PRF per PO."""

    def _two_pickings(self):
        self._receive("amazon_850_two_pos_pipe.edi")
        pickings = self.env["stock.picking"]
        for number in ("6FCFLAJO", "15FAWSDW"):
            order = self._order(number)
            order.action_amz_send_855()
            order.amz_message_ids.filtered(
                lambda m: m.document_type == "855"
            ).action_mark_sent()
            order.action_confirm()
            pickings |= self._picking(order)
        return pickings

    def test_two_pos_one_fc_one_asn(self):
        self.account.auto_send_856 = True
        mugs, spoons = self._two_pickings()
        batch = self.env["stock.picking.batch"].create(
            {"picking_ids": [(6, 0, (mugs | spoons).ids)]}
        )
        self._pack(mugs, [[(self.mug, 24)]])
        self._pack(spoons, [[(self.spoon, 100)], [(self.tea, 36)]])
        action = batch.action_amz_create_shipment()
        shipment = self.env["acorn.amz.shipment"].browse(action["res_id"])
        self.assertEqual(shipment.picking_ids, mugs | spoons)
        self._carrier_data(shipment)
        self._print_labels(mugs | spoons)
        batch.action_done()
        self.assertRecordValues(
            shipment,
            [
                {
                    "state": "shipped",
                    "asn_state": "generated",
                    "batch_id": batch.id,
                    "po_numbers": "15FAWSDW, 6FCFLAJO",
                    "carton_count": 3,
                }
            ],
        )
        self.assertEqual(len(shipment.asn_message_ids), 1)
        text = self._asn_text(shipment)
        parsed = self._parsed(text)
        self.assertEqual(
            [order.po_number for order in parsed.orders], ["15FAWSDW", "6FCFLAJO"]
        )
        self.assertEqual(
            [len(order.packs) for order in parsed.orders], [2, 1], "cartons per PO"
        )
        quantities = {
            order.po_number: sorted(item.quantity for item in order.all_items())
            for order in parsed.orders
        }
        self.assertEqual(
            quantities,
            {"15FAWSDW": [Decimal(6), Decimal(100)], "6FCFLAJO": [Decimal(24)]},
        )
        self.assertEqual(text.count("PRF*"), 2)
        self.assertEqual(pyx12_errors(text)[0], [])

    def test_validated_without_a_shipment_makes_one_per_batch(self):
        mugs, spoons = self._two_pickings()
        batch = self.env["stock.picking.batch"].create(
            {"picking_ids": [(6, 0, (mugs | spoons).ids)]}
        )
        self._pack(mugs, [[(self.mug, 24)]])
        self._pack(spoons, [[(self.spoon, 100), (self.tea, 36)]])
        batch.action_done()
        shipment = mugs.amz_shipment_id
        self.assertEqual(spoons.amz_shipment_id, shipment)
        self.assertRecordValues(
            shipment,
            [{"state": "shipped", "asn_state": "to_send", "batch_id": batch.id}],
        )

    def test_a_pallet_of_two_pos_is_refused(self):
        mugs, spoons = self._two_pickings()
        batch = self.env["stock.picking.batch"].create(
            {"picking_ids": [(6, 0, (mugs | spoons).ids)]}
        )
        cartons = self._pack(mugs, [[(self.mug, 24)]])
        cartons |= self._pack(spoons, [[(self.spoon, 100), (self.tea, 36)]])
        pallet = self._pallet(cartons)
        batch.action_amz_create_shipment()
        shipment = mugs.amz_shipment_id
        self._carrier_data(shipment)
        self._print_labels(mugs | spoons)
        batch.action_done()
        with self.assertRaisesRegex(UserError, f"Pallet {pallet.name} carries cartons"):
            shipment.action_amz_send_856()
