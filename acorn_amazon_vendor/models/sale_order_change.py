"""A PO Amazon sends again: duplicate, change, cancellation, or a retry of our own.

Amazon may change or cancel a PO after it was acknowledged (FACTS §3.2, SP-API
FAQ). The same PO number with the same content is a duplicate; with new content it is
a change, held for review until someone applies it; BEG01 = 01 cancels the order
while nothing has shipped.
"""

from odoo import Command, fields, models

from ..tools.po_context import PurchaseOrderContext
from .sale_order_intake import PURPOSE_CANCEL, PURPOSE_DUPLICATE

# Line values a change rewrites on a line it keeps.
CHANGED_FIELDS = (
    "product_uom_qty",
    "price_unit",
    "amz_ordered_qty",
    "amz_cost",
    "amz_uom",
    "amz_price_basis",
    "amz_warning",
    "amz_our_price",
)
# Acknowledgment fields a change resets, unless the line was sent rejected.
ACK_RESET_FIELDS = ("amz_ack_status", "amz_ack_qty", "amz_ack_cost")


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    amz_change_message_id = fields.Many2one(
        "acorn.edi.message",
        string="Pending Change",
        readonly=True,
        copy=False,
        help="A later 850 for this PO with new content, waiting for review.",
    )

    def _amz_import_850_again(self, po, message):
        """An 850 for a PO this order already holds: ``(order, logs)``."""
        self.ensure_one()
        message.write(
            {"sale_order_id": self.id, "res_model": self._name, "res_id": self.id}
        )
        if self.amz_message_id == message:
            self._amz_apply_850(po, message)
            return self, [self.env._("Matched again after a retry.")]
        if (
            message.content_digest == self.amz_po_digest
            or po.purpose == PURPOSE_DUPLICATE
        ):
            message._set_state(
                "in_duplicate",
                self.env._(
                    "PO %(po)s was already imported as %(order)s with the same "
                    "content.",
                    po=po.po_number,
                    order=self.name,
                ),
            )
            return self, []
        if po.purpose == PURPOSE_CANCEL:
            self._amz_cancel_by_amazon(message)
            return self, []
        self.write({"amz_change_message_id": message.id})
        reason = self.env._(
            "Amazon sent PO %(po)s again with new content (%(msg)s): review it, then "
            "apply the change or keep the order as it is.",
            po=po.po_number,
            msg=message.name,
        )
        self._amz_flag_review([reason], message)
        return self, [reason]

    def action_amz_apply_change(self):
        """Button: rewrites the order from the pending changed 850."""
        from ..x12 import parse_850

        for order in self.filtered("amz_change_message_id"):
            message = order.amz_change_message_id.sudo()
            transaction = message._amz_read_sets()[message.id][0]
            order._amz_apply_850(parse_850(transaction), message)
            order.message_post(
                body=self.env._("Change %(msg)s applied.", msg=message.name)
            )
        return True

    def _amz_apply_850(self, po, message):
        """Brings the order in line with a PO (a change, or a retry after a fix)."""
        self.ensure_one()
        context = PurchaseOrderContext(self.amz_account_id, [po])
        vals, reasons, warnings = self._amz_prepare_850_values(context, po, message)
        lines = vals.pop("order_line")
        vals.pop("amz_received_date", None)
        kept = ("partner_shipping_id", "client_order_ref")
        header = {k: v for k, v in vals.items() if k.startswith("amz_") or k in kept}
        self.write(
            header
            | {
                "amz_change_message_id": False,
                "amz_in_review": False,
                "amz_review_reason": False,
            }
        )
        self._amz_replace_lines([command[2] for command in lines])
        context.save_learned()
        self._amz_after_import(message, reasons, warnings)

    def _amz_replace_lines(self, new_lines):
        current = {line._amz_key(): line for line in self._amz_lines()}
        for vals in new_lines:
            key = vals.get("amz_line_number") or vals.get("amz_identifiers")
            line = current.pop(key, None)
            same_product = (
                line
                and not line.display_type
                and line.product_id.id == vals.get("product_id")
            )
            if same_product:
                fields_kept = CHANGED_FIELDS
                if line.amz_sent_status != "IR":
                    fields_kept += ACK_RESET_FIELDS
                line.write({name: vals[name] for name in fields_kept if name in vals})
                continue
            if line:
                line._amz_retire()
            self.write({"order_line": [Command.create(vals)]})
        for line in current.values():
            line._amz_retire()

    def _amz_can_cancel(self):
        """Amazon may cancel a PO that has not left our warehouse."""
        self.ensure_one()
        return not self.picking_ids.filtered(lambda p: p.state == "done")

    def _amz_cancel_by_amazon(self, message):
        """Applies a cancellation 850 (BEG01 = 01) to this order."""
        self.ensure_one()
        if not self._amz_can_cancel():
            self._amz_flag_review(
                [
                    self.env._(
                        "Amazon cancelled PO %(po)s but goods already left: "
                        "settle it with Amazon.",
                        po=self.amz_po_number,
                    )
                ],
                message,
            )
            return
        self._action_cancel()
        self.message_post(
            body=self.env._("Cancelled by Amazon (%(msg)s).", msg=message.name)
        )
        message._set_state("in_processed")
