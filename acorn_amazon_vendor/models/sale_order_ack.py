"""The 855 purchase order acknowledgment of an Amazon sale order.

Records -> ``_amz_prepare_855()`` (dataclass) -> ``x12.build_855()`` (text), checked
first by ``_amz_check_855()`` (sale_order_ack_check.py), which returns
``{key: message}`` instead of raising; the send itself is the one sequence of
``acorn.edi.document.mixin``.
Amazon's rules (FACTS §4.3): every line acknowledged within 24 h with the
identifier Amazon sent; backorders carry a date; the acked cost never exceeds the PO
cost; changes within 48 h; a rejected line can't come back; confirm at least 80 %
of each item.
"""

import hashlib
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..x12 import to_decimal
from .acorn_edi_document_mixin import FAILED_MESSAGE_STATES, OUTBOUND_STATES

# Where an Amazon order's acknowledgment stands: its own state before any 855, then
# the outbound states of its latest 855.
ACK_STATES = [("to_send", "To acknowledge")] + OUTBOUND_STATES
# The order's 855 states that count as acknowledged (held counts only in a
# parallel run, when nothing reaches Amazon anyway).
ACKNOWLEDGED_STATES = ("sent", "accepted")
# Amazon's deadlines (FACTS §4.3): acknowledge within 24 h; changes within 48 h.
ACK_DEADLINE_HOURS = 24
CHANGE_WINDOW_HOURS = 48


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "acorn.edi.document.mixin"]  # pylint: disable=consider-merging-classes-inherited

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
    amz_confirm_warning = fields.Text(
        string="Confirmation Rate Warning", compute="_compute_amz_confirm_warning"
    )

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
            acks = order.amz_message_ids.filtered(lambda m: m.document_type == "855")
            if not order.amz_po_number:
                order.amz_ack_state = False
            else:
                order.amz_ack_state = order._amz_outbound_state(acks) or "to_send"

    @api.depends(
        "order_line.amz_ack_status",
        "order_line.amz_ack_qty",
        "order_line.amz_ordered_qty",
    )
    def _compute_amz_confirm_warning(self):
        for order in self:
            order.amz_confirm_warning = "\n".join(order._amz_855_warnings().values())

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

    def _amz_check_change_window(self):
        """Quantity, cost and status changes are due within 48 h of the first 855."""
        self.ensure_one()
        first = self.amz_ack_first_sent
        if not first:
            return True
        return fields.Datetime.now() <= first + timedelta(hours=CHANGE_WINDOW_HOURS)

    def _amz_prepare_855(self):
        """Returns the PurchaseOrderAck for this order as it stands."""
        from ..x12 import AckLine, ProductId, PurchaseOrderAck

        self.ensure_one()
        lines = []
        for line in self._amz_lines():
            cost = line.amz_ack_cost or line.amz_cost
            lines.append(
                AckLine(
                    line_number=line.amz_line_number or "",
                    quantity_ordered=to_decimal(line.amz_ordered_qty),
                    uom=line.amz_uom or "EA",
                    unit_price=to_decimal(cost) if cost else None,
                    product_ids=tuple(
                        ProductId(qualifier, value)
                        for qualifier, value in line._amz_product_pairs()
                    ),
                    status=line.amz_ack_status or "IA",
                    quantity=to_decimal(line.amz_ack_qty),
                    date=line.amz_ack_date or None,
                    price_basis=line.amz_price_basis or "",
                )
            )
        unchanged = all(
            ack.status == "IA"
            and ack.quantity == ack.quantity_ordered
            and (line.amz_ack_cost or line.amz_cost) == line.amz_cost
            for ack, line in zip(lines, self._amz_lines(), strict=True)
        )
        po_date = self.amz_po_date or (self.amz_received_date or self.date_order).date()
        return PurchaseOrderAck(
            po_number=self.amz_po_number,
            po_date=po_date,
            lines=tuple(lines),
            ack_type="AD" if unchanged else "AC",
        )

    def action_amz_send_855(self):
        """Button: check, build, archive and send the acknowledgment."""
        for order in self:
            order._amz_send_855()
        return True

    def _amz_send_855(self):
        self.ensure_one()
        self._amz_require_account()
        message = self._amz_edi_send(
            "855", self._amz_check_855(), self._amz_prepare_855, self._amz_855_values
        )
        self._amz_record_sent(message)
        return message

    def _amz_edi_account(self):
        return self.amz_account_id

    def _amz_edi_reference(self):
        return self.env._("PO %(po)s", po=self.amz_po_number)

    def _amz_855_values(self, ack):
        """The 855 message's values; the same content is never generated twice."""
        digest = self._amz_855_digest(ack)
        self._amz_refuse_resend(digest)
        return {
            "po_number": self.amz_po_number,
            "sale_order_id": self.id,
            "content_digest": digest,
        }

    @staticmethod
    def _amz_855_digest(ack):
        return hashlib.sha256(repr(ack).encode()).hexdigest()

    def _amz_last_855(self):
        return self.amz_message_ids.filtered(
            lambda m: m.document_type == "855" and m.state not in FAILED_MESSAGE_STATES
        ).sorted("id")[-1:]

    def _amz_855_pending(self):
        """True when the acknowledgment as it stands has not gone out yet."""
        self.ensure_one()
        last = self._amz_last_855()
        return not last or last.content_digest != self._amz_855_digest(
            self._amz_prepare_855()
        )

    def _amz_refuse_resend(self, digest):
        """Nothing goes out twice by accident: the same content is refused."""
        last = self._amz_last_855()
        if last and last.content_digest == digest:
            raise UserError(
                self.env._(
                    "This acknowledgment was already generated unchanged as "
                    "%(message)s: nothing to send.",
                    message=last.name,
                )
            )

    def _amz_record_sent(self, message):
        for line in self._amz_lines():
            line.write(
                {
                    "amz_sent_status": line.amz_ack_status,
                    "amz_sent_qty": line.amz_ack_qty,
                    "amz_sent_cost": line.amz_ack_cost,
                }
            )
        self.write(
            {
                "amz_ack_first_sent": self.amz_ack_first_sent or fields.Datetime.now(),
                "amz_ack_dirty": False,
            }
        )
        summary = ", ".join(
            f"{line.amz_line_number or line.sequence}: {line.amz_ack_status} "
            f"{line.amz_ack_qty:g}"
            for line in self._amz_lines()
        )
        self._amz_edi_log_sent(message, self.env._(": %(lines)s", lines=summary))
        self.activity_feedback(["acorn_amazon_vendor.mail_activity_amz_855_due"])
