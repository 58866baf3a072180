from odoo import fields, models
from odoo.exceptions import UserError


class AcornEdiUpload(models.TransientModel):
    """Hands a file to a vendor account by hand, exactly as a transport would."""

    _name = "acorn.edi.upload"
    _description = "Upload an Amazon EDI File"

    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
    )
    file = fields.Binary(required=True, attachment=False)
    filename = fields.Char()

    def action_receive(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose a file to upload."))
        message_ids = self.account_id.receive_file(
            self.filename or "upload.edi", self.file
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_message"
        )
        action["domain"] = [("id", "in", message_ids)]
        action["context"] = {}
        action["name"] = self.env._("Received: %(file)s", file=self.filename or "")
        return action
