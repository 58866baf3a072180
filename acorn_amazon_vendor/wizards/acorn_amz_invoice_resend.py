from odoo import fields, models
from odoo.exceptions import AccessError


class AcornAmzInvoiceResend(models.TransientModel):
    """An administrator sends an invoice's 810 again, saying why (logged)."""

    _name = "acorn.amz.invoice.resend"
    _description = "Resend an Amazon 810"

    move_id = fields.Many2one("account.move", string="Invoice", required=True)
    last_message_id = fields.Many2one(
        related="move_id.amz_message_id", string="Last 810"
    )
    edi_state = fields.Selection(related="move_id.amz_edi_state")
    reason = fields.Text(
        required=True,
        help="Why the 810 goes again (e.g. Amazon asked for it, the file was lost). "
        "Kept in the invoice's chatter.",
    )

    def action_resend(self):
        self.ensure_one()
        if not self.env.user.has_group(
            "acorn_amazon_vendor.group_amazon_vendor_manager"
        ):
            raise AccessError(self.env._("Only Amazon Vendor administrators resend."))
        self.move_id._amz_send_810(resend_reason=self.reason)
        return {"type": "ir.actions.act_window_close"}
