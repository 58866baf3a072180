import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from .acorn_edi_interchange import DIRECTIONS

_logger = logging.getLogger(__name__)

# X12 transaction sets Amazon retail trades (FACTS §1), by ST01.
DOCUMENT_TYPES = [
    ("850", "850 Purchase Order"),
    ("855", "855 PO Acknowledgment"),
    ("856", "856 Ship Notice"),
    ("810", "810 Invoice"),
    ("820", "820 Remittance Advice"),
    ("846", "846 Inventory Advice"),
    ("997", "997 Functional Ack"),
    ("TA1", "TA1 Interchange Ack"),
    ("other", "Other / unreadable"),
]
# Inbound sets with an importer; any other type waits in review, never dropped.
IMPORTERS = {"997": "_amz_process_997", "820": "_amz_process_820"}
# Outbound types Amazon answers with a 997 (FACTS §8.3).
ACKNOWLEDGED_TYPES = ("855", "856", "810", "846")

# Message states, prefixed by direction (edi.exchange.record vocabulary).
STATES = [
    ("in_received", "Received"),
    ("in_processed", "Processed"),
    ("in_review", "In Review"),
    ("in_duplicate", "Duplicate"),
    ("in_error", "Error"),
    ("out_new", "New"),
    ("out_generated", "Generated"),
    ("out_held", "Held (parallel run)"),
    ("out_sent", "Sent"),
    ("out_acked", "Acknowledged"),
    ("out_rejected", "Rejected"),
    ("out_error_generate", "Generation Error"),
    ("out_error_send", "Send Error"),
]

# 997 AK5/AK9 acknowledgment codes (X12 element 717/715).
ACK_STATES = [
    ("pending", "Awaiting 997"),
    ("A", "Accepted"),
    ("E", "Accepted with errors"),
    ("R", "Rejected"),
]


class AcornEdiMessage(models.Model):
    """One X12 transaction set (ST…SE) received or sent, with its processing state."""

    _name = "acorn.edi.message"
    _description = "Amazon EDI Message"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    # Where action_retry() sends a message back to, by the state it is in.
    _RETRY_MAP = {
        "in_error": "in_received",
        "in_review": "in_received",
        "out_error_generate": "out_new",
        "out_error_send": "out_generated",
        "out_rejected": "out_new",
    }
    _ERROR_STATES = ("in_error", "out_error_generate", "out_error_send", "out_rejected")
    _STATE_DIRECTION = {"in": "inbound", "out": "outbound"}

    name = fields.Char(compute="_compute_name", store=True)
    direction = fields.Selection(DIRECTIONS, required=True, readonly=True, index=True)
    document_type = fields.Selection(
        DOCUMENT_TYPES, required=True, readonly=True, index=True
    )
    state = fields.Selection(
        STATES, required=True, readonly=True, index=True, tracking=True
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="cascade",  # the account refuses deletion while it holds files
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    interchange_id = fields.Many2one(
        "acorn.edi.interchange",
        string="File",
        readonly=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Raw Payload", readonly=True, ondelete="restrict"
    )
    isa_control = fields.Char(string="ISA13", readonly=True, index=True)
    gs_control = fields.Char(string="GS06", readonly=True, index=True)
    st_control = fields.Char(string="ST02", readonly=True)
    po_number = fields.Char(string="PO Number", readonly=True, index=True)
    shipment_number = fields.Char(string="ASN Number", readonly=True, index=True)
    invoice_number = fields.Char(readonly=True, index=True)
    res_model = fields.Char(string="Document Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(
        string="Document ID", model_field="res_model", readonly=True
    )
    parent_id = fields.Many2one(
        "acorn.edi.message",
        string="Acknowledges",
        readonly=True,
        index=True,
        help="For a 997: the message it acknowledges.",
    )
    child_ids = fields.One2many("acorn.edi.message", "parent_id", string="Acks")
    ack_state = fields.Selection(
        ACK_STATES,
        string="997 Status",
        readonly=True,
        index=True,
        help="Outbound: what Amazon's 997 said. Inbound: what our 997 said.",
    )
    ack_message_id = fields.Many2one(
        "acorn.edi.message",
        string="Our 997",
        readonly=True,
        help="For a received set: the 997 we sent for its group.",
    )
    ack_overdue = fields.Boolean(
        string="997 Overdue",
        readonly=True,
        index=True,
        help="Sent, and no 997 came back within the account's time.",
    )
    sale_order_id = fields.Many2one("sale.order", readonly=True, index=True)
    set_position = fields.Integer(
        readonly=True, help="Position of the ST segment in its file."
    )
    content_digest = fields.Char(
        readonly=True,
        help="SHA-256 of the set's content without control numbers, to tell a "
        "resent document from a changed one.",
    )
    error_message = fields.Text(readonly=True)
    error_traceback = fields.Text(readonly=True, groups="base.group_system")
    retry_count = fields.Integer(readonly=True)
    next_retry_at = fields.Datetime(readonly=True)
    date_done = fields.Datetime(string="Processed / Sent", readonly=True)
    retryable = fields.Boolean(
        compute="_compute_retryable",
        search="_search_retryable",
        help="Retry can send the message back to be processed or sent again.",
    )

    @api.depends(
        "document_type",
        "direction",
        "po_number",
        "shipment_number",
        "invoice_number",
        "st_control",
    )
    def _compute_name(self):
        for message in self:
            ref = (
                message.po_number
                or message.shipment_number
                or message.invoice_number
                or message.st_control
                or ""
            )
            arrow = "←" if message.direction == "inbound" else "→"
            message.name = f"{arrow} {message.document_type or ''} {ref}".strip()

    @api.depends("state")
    def _compute_retryable(self):
        for message in self:
            message.retryable = message.state in self._RETRY_MAP

    def _search_retryable(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Retryable can only be searched with = or !=."))
        retryable = (operator == "=") == bool(value)
        return [("state", "in" if retryable else "not in", list(self._RETRY_MAP))]

    @api.constrains("state", "direction")
    def _check_state_direction(self):
        for message in self:
            prefix = message.state.split("_", 1)[0]
            if self._STATE_DIRECTION[prefix] != message.direction:
                raise UserError(
                    self.env._(
                        "State %(state)s does not fit a %(direction)s message.",
                        state=message.state,
                        direction=message.direction,
                    )
                )

    def _set_state(self, state, error_message=False, error_traceback=False):
        """The one way messages change state; errors are kept beside the state."""
        values = {"state": state, "error_message": error_message}
        if error_traceback is not False or not error_message:
            values["error_traceback"] = error_traceback
        if state in ("in_processed", "out_sent", "out_acked"):
            values["date_done"] = fields.Datetime.now()
        self.sudo().write(values)
        _logger.info("EDI messages %s set to %s", self.ids, state)

    def action_retry(self):
        """Send messages in an error or review state back to be processed again."""
        retryable = self.filtered("retryable")
        if not retryable:
            raise UserError(
                self.env._("None of these messages is in a state that can be retried.")
            )
        for message in retryable:
            message.retry_count += 1
            message.message_post(
                body=self.env._(
                    "Retry requested by %(user)s (was: %(state)s).",
                    user=self.env.user.name,
                    state=dict(STATES)[message.state],
                )
            )
            message._set_state(self._RETRY_MAP[message.state])
        return True

    def action_open_document(self):
        self.ensure_one()
        if not (self.res_model and self.res_id):
            raise UserError(
                self.env._("This message is not linked to an Odoo document yet.")
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
