"""Report models of the SSCC labels: one label per carton, per pallet, or all the
labels of a shipment, each print recorded against the ASN (acorn_amz_shipment_label).
"""

from odoo import api, models
from odoo.exceptions import UserError


def _groups_of(pickings):
    groups, todo = [], pickings
    while todo:
        group = todo[0]._amz_shipment_group() | todo[0]
        groups.append(group)
        todo -= group
    return groups


class AmzLabelReportMixin(models.AbstractModel):
    _name = "report.acorn_amazon_vendor.amz_label_mixin"
    _description = "Amazon SSCC label report (common part)"
    _amz_model = None
    # The label kind a report prints ("carton", "pallet"), or None for all of them.
    _amz_kind = None

    @api.model
    def _amz_groups(self, records):
        """Deliveries that leave together, for the cartons or pallets printed."""
        return _groups_of(records._amz_pickings()._amz_is_shippable())

    @api.model
    def _amz_wanted(self, records, label):
        if self._amz_kind is None:
            return True
        return label["kind"] == self._amz_kind and label["record"] in records

    @api.model
    def _get_report_values(self, docids, data=None):
        records = self.env[self._amz_model].browse(docids)
        Shipment = self.env["acorn.amz.shipment"]
        labels, seen = [], set()
        for pickings in self._amz_groups(records):
            for label in Shipment._amz_label_data(pickings):
                key = (label["kind"], label["record"].id)
                if key not in seen and self._amz_wanted(records, label):
                    seen.add(key)
                    labels.append(label)
        if not labels:
            raise UserError(
                self.env._(
                    "No label to print: the cartons must belong to an Amazon delivery."
                )
            )
        for label in labels:
            label["barcode_src"] = Shipment._amz_barcode_src(label["sscc"])
        Shipment._amz_record_printed(labels)
        return {"doc_ids": docids, "docs": records, "labels": labels}


class AmzCartonLabelReport(models.AbstractModel):
    _name = "report.acorn_amazon_vendor.report_amz_carton_label"
    _inherit = "report.acorn_amazon_vendor.amz_label_mixin"
    _description = "Amazon carton SSCC label"
    _amz_model = "stock.quant.package"
    _amz_kind = "carton"


class AmzPalletLabelReport(models.AbstractModel):
    _name = "report.acorn_amazon_vendor.report_amz_pallet_label"
    _inherit = "report.acorn_amazon_vendor.amz_label_mixin"
    _description = "Amazon pallet SSCC label"
    _amz_model = "acorn.amz.pallet"
    _amz_kind = "pallet"


class AmzShipmentLabelReport(models.AbstractModel):
    _name = "report.acorn_amazon_vendor.report_amz_shipment_labels"
    _inherit = "report.acorn_amazon_vendor.amz_label_mixin"
    _description = "Amazon shipment SSCC labels"
    _amz_model = "acorn.amz.shipment"

    @api.model
    def _amz_groups(self, records):
        return [shipment.picking_ids for shipment in records if shipment.picking_ids]
