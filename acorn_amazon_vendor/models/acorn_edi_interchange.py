import hashlib

from odoo import api, fields, models

# Direction of a file or message, as edi.exchange.record names it.
DIRECTIONS = [("inbound", "Inbound"), ("outbound", "Outbound")]


class AcornEdiInterchange(models.Model):
    """One file received from or sent to Amazon, archived raw before anything else."""

    _name = "acorn.edi.interchange"
    _description = "Amazon EDI File"
    _order = "date desc, id desc"
    _rec_name = "filename"
    _check_company_auto = True

    filename = fields.Char(required=True, readonly=True)
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    direction = fields.Selection(DIRECTIONS, required=True, readonly=True)
    date = fields.Datetime(
        string="Received / Sent",
        required=True,
        readonly=True,
        default=fields.Datetime.now,
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Raw Payload", readonly=True, ondelete="restrict"
    )
    raw_payload = fields.Binary(related="attachment_id.datas", string="File")
    sha256 = fields.Char(string="SHA-256", readonly=True, index=True)
    size = fields.Integer(string="Size (bytes)", readonly=True)
    duplicate_of_id = fields.Many2one(
        "acorn.edi.interchange",
        string="Duplicate of",
        readonly=True,
        help="An earlier file with the same bytes for the same account.",
    )
    edi_message_ids = fields.One2many("acorn.edi.message", "interchange_id")
    edi_message_count = fields.Integer(compute="_compute_edi_message_count")

    def _compute_edi_message_count(self):
        counts = dict(
            self.env["acorn.edi.message"]._read_group(
                [("interchange_id", "in", self.ids)], ["interchange_id"], ["__count"]
            )
        )
        for interchange in self:
            interchange.edi_message_count = counts.get(interchange, 0)

    @api.model
    def _archive_payload(self, account, filename, payload, direction):
        """Store a file's raw bytes once, before any parsing.

        Args:
            account: the ``acorn.vendor.account`` the file belongs to.
            filename: the name it arrived with or leaves under.
            payload: the raw bytes.
            direction: ``inbound`` or ``outbound``.

        Returns:
            The new ``acorn.edi.interchange``; ``duplicate_of_id`` is set when
            the same bytes were already archived for this account and direction.
        """
        digest = hashlib.sha256(payload).hexdigest()
        earlier = self.search(
            [
                ("account_id", "=", account.id),
                ("direction", "=", direction),
                ("sha256", "=", digest),
            ],
            order="id",
            limit=1,
        )
        interchange = self.create(
            {
                "filename": filename,
                "account_id": account.id,
                "company_id": account.company_id.id,
                "direction": direction,
                "sha256": digest,
                "size": len(payload),
                "duplicate_of_id": earlier.id,
            }
        )
        interchange.attachment_id = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": payload,
                "mimetype": "application/edi-x12",
                "res_model": self._name,
                "res_id": interchange.id,
                "company_id": account.company_id.id,
            }
        )
        return interchange

    def _get_payload(self):
        self.ensure_one()
        return self.attachment_id.raw or b""

    def action_view_edi_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_message"
        )
        action["domain"] = [("interchange_id", "=", self.id)]
        action["context"] = {}
        return action
