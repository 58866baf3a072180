"""One record of a searched chain: its step, name, status, open and raw file."""

from odoo import fields, models


class AcornEdiSearchLine(models.TransientModel):
    _name = "acorn.edi.search.line"
    _description = "Record in an Amazon Reference Chain"
    _order = "sequence, id"

    search_id = fields.Many2one(
        "acorn.edi.search", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer()
    step = fields.Char(string="Type")
    name = fields.Char(string="Record")
    status = fields.Char()
    res_model = fields.Char(string="Model")
    res_id = fields.Many2oneReference(string="Record ID", model_field="res_model")
    attachment_id = fields.Many2one("ir.attachment", string="Raw File")

    def action_open(self):
        """Opens the record on its own form."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_download(self):
        """Downloads the raw X12 file of a message or file record."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }
