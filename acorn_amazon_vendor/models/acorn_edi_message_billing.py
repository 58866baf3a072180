"""The link between an outbound 810 message and the invoice it carries.

Kept apart from the message's fields (acorn_edi_message.py) and flow
(acorn_edi_message_flow.py); all define the one model ``acorn.edi.message``.
"""

from odoo import fields, models


class AcornEdiMessage(models.Model):
    # A second extension on purpose: the invoice link has its own file, as the flow has.
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        readonly=True,
        index="btree_not_null",
        help="For an 810: the invoice or credit note it carries.",
    )

    def _amz_notify_document(self):
        # EXTENDS acorn_amazon_vendor (acorn_edi_message_flow)
        result = super()._amz_notify_document()
        for message in self.filtered("move_id"):
            message.move_id._amz_notify_810(message)
        return result
