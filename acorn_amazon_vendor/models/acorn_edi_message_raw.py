"""The raw file of a message, readable in its form: x12.display on the payload."""

from odoo import api, fields, models

from ..x12.display import file_html


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    raw_html = fields.Html(
        string="Raw File",
        compute="_compute_raw_html",
        sanitize=False,  # built from escaped segments only (x12/display.py)
        help="The archived file, one segment per line, this set highlighted.",
    )

    @api.depends("attachment_id", "set_position")
    def _compute_raw_html(self):
        for message in self:
            # The web client reads with bin_size: ask for the bytes themselves.
            attachment = message.sudo().attachment_id.with_context(bin_size=False)
            payload = attachment.raw
            if not payload:
                message.raw_html = False
                continue
            text = payload.decode("utf-8", errors="replace")
            message.raw_html = file_html(text, message.set_position or 0)

    def action_download_raw(self):
        """Downloads the archived file this message came in or went out in."""
        self.ensure_one()
        attachment = self.attachment_id
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
