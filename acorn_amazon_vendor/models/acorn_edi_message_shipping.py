from odoo import fields, models


class AcornEdiMessage(models.Model):
    # A further extension on purpose: the 856 link lives beside the shipping code.
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    amz_shipment_id = fields.Many2one(
        "acorn.amz.shipment",
        string="Amazon Shipment",
        readonly=True,
        index=True,
        help="For an 856: the shipment it announces.",
    )

    def _amz_notify_document(self):
        # EXTENDS acorn_edi_message_flow: the shipment hears about its 856 too.
        result = super()._amz_notify_document()
        shipment = self.amz_shipment_id
        if shipment:
            shipment.message_post(
                body=self.env._(
                    "%(doc)s %(name)s: %(state)s.",
                    doc=self.document_type,
                    name=self.name,
                    state=shipment._amz_selection_label("state", self),
                )
            )
        return result
