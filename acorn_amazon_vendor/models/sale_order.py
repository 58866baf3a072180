"""Amazon fields of a sale order that every flow shares: its account, PO and review.

Each flow extends ``sale.order`` in a file of its own: the 850 intake
(sale_order_intake.py), later 850s for the same PO (sale_order_change.py), the 855
acknowledgment (sale_order_ack.py) and invoicing (sale_order_invoicing.py).
"""

from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    _inherit = "sale.order"

    amz_account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Amazon Account",
        index=True,
        copy=False,
        readonly=True,
        check_company=True,
    )
    amz_po_number = fields.Char(
        string="Amazon PO", index=True, copy=False, readonly=True
    )
    amz_message_ids = fields.One2many(
        "acorn.edi.message", "sale_order_id", string="EDI Messages"
    )
    amz_message_count = fields.Integer(compute="_compute_amz_message_count")
    amz_in_review = fields.Boolean(string="In Review", readonly=True, copy=False)
    amz_review_reason = fields.Text(readonly=True, copy=False)
    _sql_constraints = [
        (
            "amz_po_account_uniq",
            "unique(amz_account_id, amz_po_number)",
            "An Amazon PO number appears once per vendor account.",
        ),
    ]

    def _compute_amz_message_count(self):
        counts = dict(
            self.env["acorn.edi.message"]._read_group(
                [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"]
            )
        )
        for order in self:
            order.amz_message_count = counts.get(order, 0)

    def _amz_lines(self):
        """The lines that stand for an Amazon PO line (products or unknown items)."""
        return self.order_line.filtered(
            lambda line: line.amz_uom and line.amz_ordered_qty > 0
        )

    def action_view_amz_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_message"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_amz_mark_reviewed(self):
        """The reviewer accepts the order as it stands (e.g. Amazon's cost)."""
        for order in self.filtered("amz_in_review"):
            order.write({"amz_in_review": False})
            order.message_post(
                body=self.env._(
                    "Reviewed by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=order.amz_review_reason or "",
                )
            )
            order.activity_feedback(["acorn_amazon_vendor.mail_activity_amz_review"])
            message = order.amz_message_id.sudo()
            if message.state == "in_review":
                message._set_state("in_processed")
        return True

    def _amz_flag_review(self, reasons, message=None):
        """Puts the order in review with its reasons and an activity."""
        self.ensure_one()
        text = "\n".join(reasons)
        self.write({"amz_in_review": True, "amz_review_reason": text})
        self.activity_schedule(
            "acorn_amazon_vendor.mail_activity_amz_review",
            summary=self.env._("Amazon PO %(po)s to review", po=self.amz_po_number),
            note=text,
            user_id=self.amz_account_id.user_id.id or self.env.uid,
        )
        if message:
            message._set_state("in_review", text)

    def _amz_require_account(self):
        if not self.amz_account_id:
            raise UserError(
                self.env._("%(order)s is not an Amazon order.", order=self.name)
            )
