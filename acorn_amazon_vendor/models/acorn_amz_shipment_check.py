"""Checks of a shipment's 856 before it goes out: ``_amz_check_856()`` returns
``{key: message}`` instead of raising (the Odoo UBL pipeline's way).

Shipment data the 856 needs (SCAC, dates, BOL or tracking, FC), the POs (ours,
acknowledged, open, same FC), the packing (every unit in a carton with an SSCC,
one PO per carton and per pallet), lots and expiry dates, the labels printed
against the ASN, and finally the x12 checks of the built document.
"""

from odoo import models

from .sale_order_ack import ACKNOWLEDGED_STATES


class AcornAmzShipment(models.Model):
    _inherit = "acorn.amz.shipment"  # pylint: disable=consider-merging-classes-inherited

    # Check ---------------------------------------------------------------------

    def _amz_check_856(self):
        """Returns what stops this 856 from going out, as ``{key: message}``."""
        self.ensure_one()
        errors = self._amz_check_shipment_data()
        freight = self._amz_freight()
        errors.update(self._amz_check_orders(freight))
        errors.update(self._amz_check_packing(freight))
        errors.update(self._amz_check_lots())
        if not errors:
            errors.update(self._amz_check_labels())
        if not errors:
            errors.update(self._amz_check_document())
        return errors

    def _amz_check_shipment_data(self):
        errors = {}
        if self.state != "shipped":
            errors["state"] = self.env._("The deliveries are not all validated yet.")
        required = {
            "scac": self.env._("Set the carrier's SCAC (856 TD503)."),
            "ship_date": self.env._("Set the ship date (DTM*011)."),
            "estimated_delivery": self.env._(
                "Set the estimated delivery date (DTM*017)."
            ),
            "fc_code": self.env._("The ship-to FC code (N1*ST) is unknown."),
        }
        for name, message in required.items():
            if not self[name]:
                errors[name] = message
        if self.transport_method == "M" and not self.bill_of_lading:
            errors["bill_of_lading"] = self.env._(
                "Freight by truck needs its BOL number."
            )
        if self.transport_method != "M" and not self.pro_number:
            errors["pro_number"] = self.env._(
                "A parcel or air shipment needs its tracking number."
            )
        if not self.account_id.amz_gs1_prefix:
            errors["gs1"] = self.env._(
                "Set the GS1 company prefix on the vendor account."
            )
        return errors

    def _amz_check_orders(self, freight):
        errors = {}
        if not freight.orders:
            errors["empty"] = self.env._("Nothing was shipped in these deliveries.")
        parallel = self.account_id.parallel_run
        for order in freight.orders:
            po = order.amz_po_number or order.name
            if order.amz_account_id != self.account_id:
                errors[f"po_{order.id}_account"] = self.env._(
                    "%(po)s is not an order of this Amazon account.", po=po
                )
            elif order.state == "cancel":
                errors[f"po_{order.id}_closed"] = self.env._(
                    "PO %(po)s is cancelled or closed: Amazon rejects an ASN for it.",
                    po=po,
                )
            elif order.amz_ack_state not in ACKNOWLEDGED_STATES and not (
                parallel and order.amz_ack_state == "held"
            ):
                errors[f"po_{order.id}_ack"] = self.env._(
                    "PO %(po)s is not acknowledged yet (855: %(state)s): send the 855 "
                    "first.",
                    po=po,
                    state=self._amz_selection_label("amz_ack_state", order),
                )
            if order.amz_fc_code and order.amz_fc_code != self.fc_code:
                errors[f"po_{order.id}_fc"] = self.env._(
                    "PO %(po)s ships to %(fc)s, not %(ours)s: one ASN per FC.",
                    po=po,
                    fc=order.amz_fc_code,
                    ours=self.fc_code,
                )
        return errors

    def _amz_check_packing(self, freight):
        errors = {}
        for order, node in freight.orders.items():
            for line in node.items:
                errors[f"loose_{line.id}"] = self.env._(
                    "%(qty)s %(product)s of %(picking)s are in no carton: put them "
                    "in a pack (one SSCC label per carton).",
                    qty=line.quantity,
                    product=line.product_id.display_name,
                    picking=line.picking_id.name,
                )
            lines = self.env["stock.move.line"]
            for lines_group in node.all_lines():
                lines |= lines_group
            for line in lines.filtered(lambda ml: not ml.move_id.sale_line_id):
                errors[f"extra_{line.id}"] = self.env._(
                    "%(product)s in %(picking)s is not on PO %(po)s.",
                    product=line.product_id.display_name,
                    picking=line.picking_id.name,
                    po=order.amz_po_number,
                )
        errors.update(self._amz_check_containers(freight))
        return errors

    def _amz_check_containers(self, freight):
        errors = {}
        carton_orders = {}
        for order, _pallet, package in freight.cartons():
            carton_orders.setdefault(package, set()).add(order.amz_po_number)
            if not package.amz_is_sscc:
                errors[f"sscc_{package.id}"] = self.env._(
                    "Carton %(name)s has no SSCC-18: use 'Assign SSCCs'.",
                    name=package.name,
                )
        for package, pos in carton_orders.items():
            if len(pos) > 1:
                errors[f"mixed_{package.id}"] = self.env._(
                    "Carton %(name)s holds goods of several POs (%(pos)s): Amazon "
                    "wants one PO per carton.",
                    name=package.name,
                    pos=", ".join(sorted(pos)),
                )
        for pallet, orders in freight.pallets().items():
            if len(orders) > 1:
                errors[f"pallet_{pallet.id}"] = self.env._(
                    "Pallet %(name)s carries cartons of several POs (%(pos)s): in "
                    "S/O/T/P/I a pallet sits under one PO; build one pallet per PO.",
                    name=pallet.name,
                    pos=", ".join(sorted(o.amz_po_number or "" for o in orders)),
                )
        return errors

    def _amz_check_lots(self):
        errors = {}
        for line in self.picking_ids._amz_move_lines():
            product = line.product_id
            if product.tracking != "none" and not line.lot_id:
                errors[f"lot_{line.id}"] = self.env._(
                    "%(product)s in %(picking)s needs its lot number.",
                    product=product.display_name,
                    picking=line.picking_id.name,
                )
            elif product.use_expiration_date and not line.lot_id.expiration_date:
                errors[f"expiry_{line.id}"] = self.env._(
                    "Lot %(lot)s of %(product)s has no expiration date (a missing "
                    "expiry is charged back).",
                    lot=line.lot_id.name or "-",
                    product=product.display_name,
                )
        return errors

    def _amz_check_document(self):
        """The x12 checks of the built document (CTT, SSCCs, hierarchy, acks)."""
        from ..x12 import check_856, check_856_against_acks

        shipment = self._amz_prepare_856()
        orders = self.picking_ids.sale_id
        acks = [order._amz_prepare_855() for order in orders]
        errors = {}
        for number, problem in enumerate(
            check_856(shipment) + check_856_against_acks(shipment, acks)
        ):
            if getattr(problem, "severity", "error") == "warning":
                continue
            errors[f"x12_{number}"] = str(problem)
        return errors
