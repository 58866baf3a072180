from odoo import fields, models
from odoo.exceptions import UserError


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    amz_shipment_ids = fields.One2many(
        "acorn.amz.shipment", "batch_id", string="Amazon Shipments"
    )

    def action_amz_create_shipment(self):
        """Button: one shipment (one ASN) per Amazon account and FC of the batch."""
        self.ensure_one()
        pickings = self.picking_ids._amz_is_shippable().filtered(
            lambda p: p.state != "cancel" and not p.amz_shipment_id
        )
        if not pickings:
            raise UserError(
                self.env._("This batch holds no Amazon delivery without a shipment.")
            )
        shipments = self.env["acorn.amz.shipment"]
        while pickings:
            group = pickings[0]._amz_shipment_group()
            shipments |= shipments._amz_create_for(group)
            pickings -= group
        return shipments._get_records_action()
