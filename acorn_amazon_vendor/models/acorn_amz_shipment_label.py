"""GS1-128 SSCC labels of a shipment's cartons and pallets, and their check against
the ASN.

The label data comes from the same ``Freight`` as the 856, so the SSCC, POs, FC
and "n of N" on a label are what the ASN says. Each print stores a digest of what
the label showed on its carton or pallet; ``_amz_check_labels()`` refuses an 856
whose containers were not labelled, or were relabelled since the freight changed
(the "label does not match ASN" chargeback, FACTS §5.4).
"""

import base64
import hashlib

from odoo import api, models

from ..tools.barcode import code128_png
from ..tools.freight import Freight

# Application Identifier of the SSCC (GS1 General Specifications §3.2) and the
# FNC1 character reportlab's Code128 writes in first position to make it GS1-128.
SSCC_AI = "00"
FNC1 = "\xf1"


def gs1_128_value(sscc):
    """The Code128 input for an SSCC: FNC1, AI 00, the 18 digits."""
    return f"{FNC1}{SSCC_AI}{sscc}"


class AcornAmzShipment(models.Model):
    _inherit = "acorn.amz.shipment"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _amz_label_data(self, pickings):
        """Returns one dict per label (cartons, then pallets) for deliveries that
        leave together, numbered "n of N" over the whole shipment."""
        freight = Freight.of(pickings._amz_move_lines())
        first = pickings[:1]
        shipment = first.amz_shipment_id
        common = {
            "asn": shipment.name or "",
            "fc": shipment.fc_code or first.amz_fc_code or "",
            "ship_to": shipment.partner_id or first.partner_id,
            "ship_from": first.picking_type_id.warehouse_id.partner_id
            or first.company_id.partner_id,
        }
        cartons = [
            (order, package)
            for order, _pallet, package in freight.cartons()
            if not package.amz_loose_on_pallet
        ]
        labels = []
        for index, (order, package) in enumerate(cartons, 1):
            labels.append(
                self._amz_label("carton", package, [order], index, len(cartons), common)
            )
        pallets = sorted(freight.pallets().items(), key=lambda p: p[0].name)
        for index, (pallet, orders) in enumerate(pallets, 1):
            labels.append(
                self._amz_label("pallet", pallet, orders, index, len(pallets), common)
            )
        return labels

    @api.model
    def _amz_label(self, kind, record, orders, index, total, common):
        pos = sorted({order.amz_po_number or order.name for order in orders})
        sscc = record.name or ""
        fingerprint = "|".join([kind, sscc, ",".join(pos), common["fc"]])
        return dict(
            common,
            kind=kind,
            record=record,
            sscc=sscc,
            human=f"({SSCC_AI}) {sscc}",
            pos=pos,
            index=index,
            total=total,
            digest=hashlib.sha256(
                f"{fingerprint}|{index}/{total}".encode()
            ).hexdigest(),
        )

    @api.model
    def _amz_barcode_src(self, sscc):
        """The label's GS1-128 barcode as a data URI (no HTTP round trip to print)."""
        png = code128_png(gs1_128_value(sscc))
        return "data:image/png;base64," + base64.b64encode(png).decode()

    @api.model
    def _amz_record_printed(self, labels):
        """Stores on each carton and pallet the digest of the label just printed."""
        for label in labels:
            field = "amz_label_digest" if label["kind"] == "carton" else "label_digest"
            label["record"].sudo()[field] = label["digest"]

    def _amz_check_labels(self):
        """Every carton and pallet label printed, and still what the ASN says."""
        self.ensure_one()
        if not self.account_id.amz_require_labels:
            return {}
        errors = {}
        for label in self._amz_label_data(self.picking_ids):
            field = "amz_label_digest" if label["kind"] == "carton" else "label_digest"
            printed = label["record"][field]
            if printed == label["digest"]:
                continue
            what = self.env._(
                "%(kind)s label %(index)s of %(total)s (SSCC %(sscc)s)",
                kind=self.env._("Carton")
                if label["kind"] == "carton"
                else self.env._("Pallet"),
                index=label["index"],
                total=label["total"],
                sscc=label["sscc"],
            )
            errors[f"label_{label['kind']}_{label['record'].id}"] = (
                self.env._("%(what)s was never printed.", what=what)
                if not printed
                else self.env._(
                    "%(what)s no longer matches the shipment: print it again.",
                    what=what,
                )
            )
        return errors

    def action_amz_print_labels(self):
        return self.env.ref(
            "acorn_amazon_vendor.action_report_amz_shipment_labels"
        ).report_action(self)
