"""Amazon invoices and credit notes: their PO, 810 status and maker-checker approval.

Building and checking the 810 lives in the ``AccountMove810`` mixin
(acorn_amz_invoice_810.py); sending goes through Odoo's ``account.move.send``
(account_move_send.py) or, by the account's policy, through posting.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .acorn_amz_invoice_810 import AccountMove810
from .acorn_edi_message import ACK_STATES

# Where an Amazon invoice's 810 stands, from its latest 810 message.
EDI_STATES = [
    ("to_send", "To send"),
    ("generated", "Generated"),
    ("held", "Held (parallel run)"),
    ("sent", "Sent"),
    ("accepted", "Accepted by Amazon"),
    ("rejected", "Rejected by Amazon"),
    ("error", "Failed"),
]
# 810 message state -> invoice 810 state (the latest 810 wins).
EDI_STATE_OF_MESSAGE = {
    "out_new": "generated",
    "out_generated": "generated",
    "out_held": "held",
    "out_sent": "sent",
    "out_acked": "accepted",
    "out_rejected": "rejected",
    "out_error_generate": "error",
    "out_error_send": "error",
}
# Invoice 810 states meaning the 810 is out (or on its way): sending again is a resend.
LIVE_STATES = ("generated", "held", "sent", "accepted")


class AccountMove(AccountMove810, models.Model):
    """Amazon fields of an invoice; the 810 comes from the plain mixin in
    acorn_amz_invoice_810.py (one ``_inherit``, files under 400 lines)."""

    _inherit = "account.move"

    amz_order_id = fields.Many2one(
        "sale.order",
        string="Amazon Order",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The Amazon PO this invoice bills (one invoice per PO).",
    )
    amz_account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Amazon Account",
        compute="_compute_amz_account_id",
        store=True,
        index="btree_not_null",
    )
    amz_po_number = fields.Char(
        string="Amazon PO",
        compute="_compute_amz_account_id",
        store=True,
        index="trigram",
    )
    amz_message_ids = fields.One2many(
        "acorn.edi.message",
        "move_id",
        string="810 Messages",
        readonly=True,
        groups="acorn_amazon_vendor.group_amazon_vendor_user",
    )
    amz_message_id = fields.Many2one(
        "acorn.edi.message",
        string="Latest 810",
        compute="_compute_amz_message_id",
        compute_sudo=True,
        groups="acorn_amazon_vendor.group_amazon_vendor_user",
    )
    amz_edi_state = fields.Selection(
        EDI_STATES,
        string="810 Status",
        compute="_compute_amz_edi_state",
        store=True,
        index=True,
        copy=False,
    )
    amz_ack_state = fields.Selection(
        ACK_STATES,
        string="Amazon 997",
        compute="_compute_amz_message_id",
        compute_sudo=True,
    )
    amz_edi_error = fields.Text(
        string="Amazon's Answer", compute="_compute_amz_message_id", compute_sudo=True
    )
    amz_check_text = fields.Text(
        string="What Stops the 810",
        compute="_compute_amz_check_text",
        compute_sudo=True,
    )
    amz_prepared_by = fields.Many2one(
        "res.users", string="Prepared By", readonly=True, copy=False
    )
    amz_approved_by = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    amz_approved_date = fields.Datetime(string="Approved On", readonly=True, copy=False)
    amz_needs_approval = fields.Boolean(related="amz_account_id.amz_invoice_approval")

    @api.depends(
        "amz_order_id", "reversed_entry_id.amz_order_id", "amz_order_id.amz_po_number"
    )
    def _compute_amz_account_id(self):
        for move in self:
            order = move.amz_order_id or move.reversed_entry_id.amz_order_id
            move.amz_account_id = order.amz_account_id
            move.amz_po_number = order.amz_po_number or False

    @api.depends(
        "amz_message_ids.state",
        "amz_message_ids.ack_state",
        "amz_message_ids.error_message",
    )
    def _compute_amz_message_id(self):
        for move in self:
            latest = move.amz_message_ids.sorted("id")[-1:]
            move.amz_message_id = latest
            move.amz_ack_state = latest.ack_state or False
            move.amz_edi_error = latest.error_message or False

    @api.depends("state", "amz_account_id", "amz_message_ids.state")
    def _compute_amz_edi_state(self):
        for move in self:
            latest = move.amz_message_ids.sorted("id")[-1:]
            if latest:
                move.amz_edi_state = EDI_STATE_OF_MESSAGE.get(latest.state, "error")
            elif move.amz_account_id and move.state == "posted":
                move.amz_edi_state = "to_send"
            else:
                move.amz_edi_state = False

    def _compute_amz_check_text(self):
        for move in self:
            if move.amz_account_id and move.state == "posted":
                problems = move._amz_check_810()
                move.amz_check_text = "\n".join(problems.values()) or False
            else:
                move.amz_check_text = False

    def _amz_is_live(self):
        """True when an 810 for this invoice is out or on its way."""
        self.ensure_one()
        return self.amz_edi_state in LIVE_STATES

    # Posting ------------------------------------------------------------------

    def _post(self, soft=True):
        # EXTENDS account
        posted = super()._post(soft=soft)
        amazon = posted.filtered(
            lambda m: m.amz_account_id and m.is_sale_document(include_receipts=False)
        )
        for move in amazon:
            move.sudo().write(
                {"amz_prepared_by": self.env.uid, "amz_approved_by": False}
            )
        amazon.filtered(lambda m: m.amz_account_id.auto_send_810)._amz_send_by_policy()
        return posted

    def button_draft(self):
        # EXTENDS account
        live = self.filtered(lambda m: m.amz_account_id and m._amz_is_live())
        if live:
            raise UserError(
                self.env._(
                    "%(moves)s already went to Amazon as an 810: correct it with a "
                    "credit note, not by editing what Amazon has.",
                    moves=", ".join(live.mapped("name")),
                )
            )
        result = super().button_draft()
        self.filtered("amz_approved_by").sudo().write(
            {"amz_approved_by": False, "amz_approved_date": False}
        )
        return result

    def _amz_send_by_policy(self):
        """Posting sends the 810 when the account says so, unless something stops it."""
        for move in self:
            if move._amz_is_live():
                continue
            problems = move._amz_check_810()
            if problems:
                move._amz_report_problems(problems)
                continue
            move._amz_send_810(by_policy=True)

    def _amz_report_problems(self, problems):
        """Chatter note and activity: why the 810 did not leave."""
        self.ensure_one()
        text = "\n".join(problems.values())
        self.message_post(
            body=self.env._("The 810 was not sent:\n%(problems)s", problems=text)
        )
        self.activity_schedule(
            "acorn_amazon_vendor.mail_activity_amz_810_blocked",
            summary=self.env._("Amazon 810 blocked"),
            note=text,
            user_id=self.amz_account_id.user_id.id or self.env.uid,
        )

    # Maker-checker ------------------------------------------------------------------

    def action_amz_approve(self):
        """The checker approves an Amazon invoice someone else prepared."""
        self._amz_require_billing_rights(self.env.user)
        for move in self:
            if not move.amz_account_id or move.state != "posted":
                raise UserError(
                    self.env._("Only posted Amazon invoices are approved here.")
                )
            if move.amz_prepared_by == self.env.user:
                raise UserError(
                    self.env._(
                        "You posted %(move)s: another person must approve it.",
                        move=move.name,
                    )
                )
            move.sudo().write(
                {
                    "amz_approved_by": self.env.uid,
                    "amz_approved_date": fields.Datetime.now(),
                }
            )
            move.message_post(
                body=self.env._(
                    "Approved for Amazon by %(user)s (prepared by %(maker)s).",
                    user=self.env.user.name,
                    maker=move.amz_prepared_by.name or "-",
                )
            )
        self.filtered(lambda m: m.amz_account_id.auto_send_810)._amz_send_by_policy()
        return True

    def _amz_require_billing_rights(self, user):
        """Amazon users with invoicing rights prepare, approve and send 810s."""
        if not (
            user.has_group("acorn_amazon_vendor.group_amazon_vendor_user")
            and user.has_group("account.group_account_invoice")
        ):
            raise AccessError(
                self.env._(
                    "%(user)s needs both the Amazon Vendor user and the invoicing "
                    "rights to send invoices to Amazon.",
                    user=user.name,
                )
            )

    # Screens -----------------------------------------------------------------------

    def action_amz_resend_810(self):
        """Opens the resend wizard (administrators only, with a reason)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_amz_invoice_resend"
        )
        action["context"] = {"default_move_id": self.id}
        return action

    def action_view_amz_810_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_message"
        )
        action["domain"] = [("move_id", "=", self.id)]
        action["context"] = {}
        return action

    def _amz_notify_810(self, message):
        """Tells the invoice what became of one of its 810s."""
        self.ensure_one()
        state = dict(message._fields["state"].selection)[message.state]
        body = self.env._(
            "810 %(name)s: %(state)s.", name=message.name or "", state=state
        )
        if message.state == "out_rejected":
            body += " " + (message.error_message or "")
        self.message_post(body=body)
