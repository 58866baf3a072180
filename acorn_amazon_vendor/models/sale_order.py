from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .sale_order_ack import SaleOrderAck
from .sale_order_change import SaleOrderChange
from .sale_order_intake import PO_TYPES, SaleOrderIntake

# Where an Amazon order's acknowledgment stands, from its 855 messages.
ACK_STATES = [
    ("to_send", "To acknowledge"),
    ("pending", "Generated"),
    ("held", "Held (parallel run)"),
    ("sent", "Sent"),
    ("acked", "Accepted by Amazon"),
    ("error", "Failed"),
]
# 855 message state -> order acknowledgment state (latest 855 wins).
ACK_STATE_OF_MESSAGE = {
    "out_new": "pending",
    "out_generated": "pending",
    "out_held": "held",
    "out_sent": "sent",
    "out_acked": "acked",
    "out_rejected": "error",
    "out_error_generate": "error",
    "out_error_send": "error",
}
# Amazon's deadlines (FACTS.md §4.3): acknowledge within 24 h; changes within 48 h.
ACK_DEADLINE_HOURS = 24
CHANGE_WINDOW_HOURS = 48


class SaleOrder(SaleOrderIntake, SaleOrderChange, SaleOrderAck, models.Model):
    """Amazon fields of a sale order; the 850 import, changes and the 855 come from
    the plain mixins in sale_order_intake.py, sale_order_change.py and
    sale_order_ack.py (one ``_inherit`` for pylint-odoo, files under 400 lines)."""

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
    amz_po_type = fields.Selection(PO_TYPES, string="PO Type", readonly=True)
    amz_po_date = fields.Date(string="PO Date", readonly=True, copy=False)
    amz_backorder_allowed = fields.Boolean(
        string="Backorder Allowed", readonly=True, help="CSH01 = Y."
    )
    amz_window_start = fields.Date(
        string="Do Not Deliver Before", readonly=True, help="DTM*064."
    )
    amz_window_end = fields.Date(
        string="Do Not Deliver After", readonly=True, help="DTM*063."
    )
    amz_fc_code = fields.Char(string="Ship-to FC", readonly=True, copy=False)
    amz_notes = fields.Text(string="Amazon Notes", readonly=True, copy=False)
    amz_po_digest = fields.Char(readonly=True, copy=False)
    amz_message_id = fields.Many2one(
        "acorn.edi.message", string="Amazon 850", readonly=True, copy=False
    )
    amz_message_ids = fields.One2many(
        "acorn.edi.message", "sale_order_id", string="EDI Messages"
    )
    amz_message_count = fields.Integer(compute="_compute_amz_message_count")
    amz_received_date = fields.Datetime(string="PO Received", readonly=True, copy=False)
    amz_ack_deadline = fields.Datetime(
        string="855 Due",
        compute="_compute_amz_ack_deadline",
        store=True,
        help="Amazon expects the acknowledgment within 24 hours of the PO.",
    )
    amz_ack_hours_left = fields.Float(
        string="Hours to 855 Deadline", compute="_compute_amz_ack_hours_left"
    )
    amz_ack_state = fields.Selection(
        ACK_STATES,
        string="Acknowledgment",
        compute="_compute_amz_ack_state",
        store=True,
        index=True,
    )
    amz_ack_first_sent = fields.Datetime(
        string="First 855 Sent", readonly=True, copy=False
    )
    amz_ack_dirty = fields.Boolean(
        string="855 Changed Since Sent", readonly=True, copy=False
    )
    amz_escalated = fields.Boolean(readonly=True, copy=False)
    amz_in_review = fields.Boolean(string="In Review", readonly=True, copy=False)
    amz_review_reason = fields.Text(readonly=True, copy=False)
    amz_change_message_id = fields.Many2one(
        "acorn.edi.message",
        string="Pending Change",
        readonly=True,
        copy=False,
        help="A later 850 for this PO with new content, waiting for review.",
    )
    amz_confirm_warning = fields.Text(
        string="Confirmation Rate Warning", compute="_compute_amz_confirm_warning"
    )

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

    @api.depends("amz_received_date")
    def _compute_amz_ack_deadline(self):
        for order in self:
            order.amz_ack_deadline = order.amz_received_date and (
                order.amz_received_date + timedelta(hours=ACK_DEADLINE_HOURS)
            )

    @api.depends("amz_ack_deadline")
    def _compute_amz_ack_hours_left(self):
        now = fields.Datetime.now()
        for order in self:
            deadline = order.amz_ack_deadline
            left = (deadline - now).total_seconds() / 3600 if deadline else 0.0
            order.amz_ack_hours_left = round(left, 1)

    @api.depends("amz_po_number", "amz_message_ids.state")
    def _compute_amz_ack_state(self):
        for order in self:
            acks = order.amz_message_ids.filtered(
                lambda m: m.document_type == "855"
            ).sorted("id")
            if not order.amz_po_number:
                order.amz_ack_state = False
            elif not acks:
                order.amz_ack_state = "to_send"
            else:
                order.amz_ack_state = ACK_STATE_OF_MESSAGE.get(acks[-1].state, "error")

    @api.depends(
        "order_line.amz_ack_status",
        "order_line.amz_ack_qty",
        "order_line.amz_ordered_qty",
    )
    def _compute_amz_confirm_warning(self):
        for order in self:
            order.amz_confirm_warning = "\n".join(order._amz_855_warnings().values())

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

    @api.model
    def _cron_amz_escalate_acknowledgments(self):
        """Schedules an activity on each PO close to its 24 h deadline, once."""
        orders = self.sudo().search(
            [
                ("amz_ack_state", "=", "to_send"),
                ("amz_escalated", "=", False),
                ("state", "!=", "cancel"),
            ],
            order="amz_ack_deadline",
            limit=500,
        )
        now = fields.Datetime.now()
        due = orders.filtered(
            lambda o: (
                o.amz_ack_deadline
                and o.amz_ack_deadline
                - timedelta(hours=o.amz_account_id.ack_escalation_hours)
                <= now
            )
        )
        for order in due:
            order.activity_schedule(
                "acorn_amazon_vendor.mail_activity_amz_855_due",
                date_deadline=order.amz_ack_deadline.date(),
                summary=self.env._("855 due for PO %(po)s", po=order.amz_po_number),
                note=self.env._(
                    "Amazon expects the acknowledgment by %(deadline)s (UTC).",
                    deadline=order.amz_ack_deadline,
                ),
                user_id=order.amz_account_id.user_id.id or self.env.uid,
            )
        due.write({"amz_escalated": True})
        self.env["ir.cron"]._notify_progress(done=len(due), remaining=0)

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

    def _amz_check_change_window(self):
        """Quantity, cost and status changes are due within 48 h of the first 855."""
        self.ensure_one()
        first = self.amz_ack_first_sent
        if not first:
            return True
        return fields.Datetime.now() <= first + timedelta(hours=CHANGE_WINDOW_HOURS)

    def _amz_require_account(self):
        if not self.amz_account_id:
            raise UserError(
                self.env._("%(order)s is not an Amazon order.", order=self.name)
            )
