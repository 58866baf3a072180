"""Amazon invoices and credit notes: their PO, 810 status and maker-checker approval.

The 810's status, checks, building and sending extend ``account.move`` in
account_move_810.py; sending goes through Odoo's ``account.move.send``
(account_move_send.py) or, by the account's policy, through posting.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class AccountMove(models.Model):
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
        state = self._amz_selection_label("state", message)
        body = self.env._(
            "810 %(name)s: %(state)s.", name=message.name or "", state=state
        )
        if message.state == "out_rejected":
            body += " " + (message.error_message or "")
        self.message_post(body=body)
