from datetime import date

from odoo import Command

from ..x12 import parse_856, validate_file
from .common import AmazonOrderCommon

# GS1's own example company prefix (GS1 General Specifications, SSCC examples).
GS1_PREFIX = "0614141"


class AmazonShippingCommon(AmazonOrderCommon):
    """An account ready to ship: GS1 prefix, a carrier with its SCAC, stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Acme Freight",
                "amz_scac": "ACME",
                "product_id": cls.env["product.product"]
                .create({"name": "Freight", "type": "service"})
                .id,
            }
        )
        cls.account.write(
            {
                "amz_gs1_prefix": GS1_PREFIX,
                "warehouse_id": cls.warehouse.id,
                "amz_default_carrier_id": cls.carrier.id,
            }
        )
        cls.spoon.is_storable = True
        stock = cls.warehouse.lot_stock_id
        for product in (cls.mug, cls.tea, cls.spoon):
            cls.env["stock.quant"]._update_available_quantity(product, stock, 1000)

    # Orders ------------------------------------------------------------------------

    def _acked_order(self, name="amazon_850_single.edi", number="3J2KKUAV"):
        """Receives a PO, sends its 855 (marked sent by hand), confirms the order."""
        self._receive(name)
        order = self._order(number)
        order.action_amz_send_855()
        order.amz_message_ids.filtered(
            lambda m: m.document_type == "855"
        ).action_mark_sent()
        order.action_confirm()
        self.assertEqual(order.amz_ack_state, "sent")
        return order

    def _picking(self, order):
        return order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))

    # Packing -----------------------------------------------------------------------

    def _pack(self, picking, cartons):
        """Packs ``cartons`` = [[(product, qty) or (product, qty, lot), ...], ...],
        each carton with Odoo's put-in-pack; returns the packages."""
        picking.move_line_ids.unlink()
        packages = self.env["stock.quant.package"]
        for carton in cartons:
            lines = self.env["stock.move.line"]
            for product, qty, *lot in carton:
                move = picking.move_ids.filtered(lambda m, p=product: m.product_id == p)
                lines |= self.env["stock.move.line"].create(
                    {
                        "move_id": move.id,
                        "picking_id": picking.id,
                        "product_id": product.id,
                        "product_uom_id": move.product_uom.id,
                        "quantity": qty,
                        "lot_id": lot[0].id if lot else False,
                        "location_id": move.location_id.id,
                        "location_dest_id": move.location_dest_id.id,
                        "picked": True,
                    }
                )
            packages |= picking._put_in_pack(lines)
        return packages

    def _pallet(self, packages, loose=False):
        packages.amz_loose_on_pallet = loose
        return self.env["acorn.amz.pallet"].create(
            {"account_id": self.account.id, "package_ids": [Command.set(packages.ids)]}
        )

    def _print_labels(self, pickings):
        """Prints the carton and pallet labels of deliveries (HTML in tests)."""
        packages = pickings._amz_move_lines().result_package_id
        cartons = packages.filtered(lambda p: not p.amz_loose_on_pallet)
        Report = self.env["ir.actions.report"]
        if cartons:
            Report._render_qweb_pdf(
                "acorn_amazon_vendor.action_report_amz_carton_label", cartons.ids
            )
        if packages.amz_pallet_id:
            Report._render_qweb_pdf(
                "acorn_amazon_vendor.action_report_amz_pallet_label",
                packages.amz_pallet_id.ids,
            )

    def _validate(self, pickings, backorder=True):
        """Validates like the button; answers the backorder question."""
        result = pickings.button_validate()
        if isinstance(result, dict) and result.get("res_model"):
            wizard = (
                self.env[result["res_model"]]
                .with_context(**result["context"])
                .create({})
            )
            wizard.process() if backorder else wizard.process_cancel_backorder()
        return pickings.amz_shipment_id

    def _carrier_data(self, shipment, **values):
        shipment.write(
            {
                "bill_of_lading": "BOL123456",
                "estimated_delivery": date(2026, 12, 3),
                **values,
            }
        )

    # 856 ---------------------------------------------------------------------------

    def _asn_text(self, shipment):
        message = shipment.asn_message_ids.sorted("id")[-1:]
        self.assertEqual(len(message), 1, "no 856 was generated")
        return message.interchange_id._get_payload().decode()

    def _parsed(self, text):
        report = validate_file(text, keep_segments=True)
        errors = [str(e) for s in report.sets() for e in s.errors]
        self.assertTrue(report.valid, errors)
        (transaction,) = report.sets()
        return parse_856(transaction)
