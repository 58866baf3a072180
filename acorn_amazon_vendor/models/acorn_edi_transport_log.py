"""The transport log: one line per attempt to move a file or test a connection."""

from odoo import api, fields, models

LOG_DIRECTIONS = [
    ("in", "Download"),
    ("out", "Upload"),
    ("test", "Connection test"),
]
RESULTS = [("ok", "Done"), ("error", "Failed")]
# Labels of transport.base.REASONS.
REASON_LABELS = [
    ("dns", "DNS"),
    ("refused", "Connection refused"),
    ("timeout", "Timeout"),
    ("unreachable", "Unreachable"),
    ("protocol", "SSH handshake"),
    ("connection_lost", "Connection lost"),
    ("io", "File error"),
    ("host_key_unknown", "Host key unknown"),
    ("host_key_changed", "Host key changed"),
    ("auth", "Authentication"),
    ("key", "Private key"),
    ("permission", "Permission denied"),
    ("folder_missing", "Folder missing"),
    ("settings", "Settings"),
]
# Lines older than this are removed by the daily autovacuum.
KEEP_DAYS = 180


class AcornEdiTransportLog(models.Model):
    """One attempt: when, which way, which file, how many bytes, what happened."""

    _name = "acorn.edi.transport.log"
    _description = "Amazon EDI Transport Log"
    _order = "date desc, id desc"
    _check_company_auto = True

    date = fields.Datetime(
        required=True, readonly=True, index=True, default=fields.Datetime.now
    )
    transport_id = fields.Many2one(
        "acorn.edi.transport",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    account_id = fields.Many2one(
        related="transport_id.account_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="transport_id.company_id", store=True, index=True, precompute=True
    )
    direction = fields.Selection(LOG_DIRECTIONS, required=True, readonly=True)
    filename = fields.Char(readonly=True)
    size = fields.Integer(string="Bytes", readonly=True)
    result = fields.Selection(RESULTS, required=True, readonly=True, index=True)
    reason = fields.Selection(REASON_LABELS, readonly=True, index=True)
    error = fields.Text(readonly=True)
    duration = fields.Float(string="Duration (s)", readonly=True, digits=(16, 3))
    message_id = fields.Many2one(
        "acorn.edi.message", string="EDI Message", readonly=True, ondelete="set null"
    )

    @api.autovacuum
    def _gc_old_lines(self):
        limit = fields.Datetime.subtract(fields.Datetime.now(), days=KEEP_DAYS)
        self.sudo().search([("date", "<", limit)]).unlink()
