"""How one vendor account's files travel: a folder or an SFTP server.

A thin record over the pure ``transport/`` classes: settings, write-only secrets,
the pinned host key, and the last outcome. "Test Connection" and the host key
confirmation live in acorn_edi_transport_check.py.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..transport import FolderTransport, SftpTransport, normalize_fingerprint

KINDS = [("folder", "Folder"), ("sftp", "SFTP")]
DIRECTIONS = [
    ("in", "Receive (download)"),
    ("out", "Send (upload)"),
    ("both", "Receive and send"),
]
RECEIVING = ("in", "both")
SENDING = ("out", "both")
STATES = [
    ("new", "Not tested"),
    ("ok", "Working"),
    ("host_key", "Host key to confirm"),
    ("error", "Failing"),
]
# Secret field -> where its value is kept. The first is what an administrator types
# (never read back: it always shows empty); the second is stored, readable only by
# system administrators, never exported and never shown in a view.
SECRETS = {
    "password": "password_secret",
    "private_key": "private_key_secret",
    "passphrase": "passphrase_secret",
}
SECRET_WRITERS = "acorn_amazon_vendor.group_amazon_vendor_manager"
SECRET_READERS = "base.group_system"
# Changing where a transport connects forgets its host key: a new server is
# confirmed again.
ENDPOINT_FIELDS = ("kind", "host", "port")


class AcornEdiTransport(models.Model):
    """One way files move for an Amazon vendor account."""

    _name = "acorn.edi.transport"
    _description = "Amazon EDI Transport"
    _order = "account_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(KINDS, required=True, default="sftp")
    direction = fields.Selection(
        DIRECTIONS,
        required=True,
        default="both",
        help="Receive: files are downloaded from the download folder. Send: our "
        "files are uploaded to the upload folder. Outbound files go through the "
        "first sending transport of the account.",
    )
    host = fields.Char(help="The SFTP server Amazon gave you, e.g. sftp.example.com.")
    port = fields.Integer(default=22)
    username = fields.Char(string="User Name")
    password = fields.Char(
        compute="_compute_secrets",
        inverse="_inverse_password",
        groups=SECRET_WRITERS,
        exportable=False,
        help="Write-only: saved, never shown again. Leave empty to keep the saved one.",
    )
    private_key = fields.Text(
        compute="_compute_secrets",
        inverse="_inverse_private_key",
        groups=SECRET_WRITERS,
        exportable=False,
        help="Our private key (OpenSSH or PEM text). Amazon gets the public half. "
        "Write-only: saved, never shown again.",
    )
    passphrase = fields.Char(
        compute="_compute_secrets",
        inverse="_inverse_passphrase",
        groups=SECRET_WRITERS,
        exportable=False,
        help="The private key's passphrase, if it has one. Write-only.",
    )
    password_secret = fields.Char(
        groups=SECRET_READERS, copy=False, exportable=False, prefetch=False
    )
    private_key_secret = fields.Text(
        groups=SECRET_READERS, copy=False, exportable=False, prefetch=False
    )
    passphrase_secret = fields.Char(
        groups=SECRET_READERS, copy=False, exportable=False, prefetch=False
    )
    password_set = fields.Boolean(compute="_compute_secret_flags")
    private_key_set = fields.Boolean(compute="_compute_secret_flags")
    passphrase_set = fields.Boolean(compute="_compute_secret_flags")
    host_key_fingerprint = fields.Char(
        string="Confirmed Host Key",
        readonly=True,
        copy=False,
        help="SHA256 fingerprint of the server's host key, confirmed by an "
        "administrator. Any other key is refused.",
    )
    seen_host_key_fingerprint = fields.Char(
        string="Host Key Seen",
        readonly=True,
        copy=False,
        help="What the server showed at the last Test Connection.",
    )
    download_path = fields.Char(
        string="Download Folder",
        help="SFTP: the remote folder Amazon puts files in (e.g. /download). "
        "Folder: the inbox directory.",
    )
    upload_path = fields.Char(
        string="Upload Folder",
        help="SFTP: the remote folder we put files in (e.g. /upload). Folder: the "
        "outbox directory.",
    )
    archive_path = fields.Char(
        string="Archive Folder",
        help="Where a received file moves once it is stored in Odoo. Empty: it is "
        "deleted (Amazon's SFTP mailboxes expect that).",
    )
    connect_timeout = fields.Integer(
        string="Connect Timeout (s)",
        default=20,
        help="Seconds to connect, check the host key and log in.",
    )
    transfer_timeout = fields.Integer(
        string="Transfer Timeout (s)",
        default=60,
        help="Seconds without progress before a download or upload fails.",
    )
    state = fields.Selection(STATES, default="new", required=True, readonly=True)
    last_check_date = fields.Datetime(readonly=True, copy=False)
    last_check_message = fields.Text(readonly=True, copy=False)
    last_contact_date = fields.Datetime(
        readonly=True, copy=False, help="Last sync that reached the other side."
    )
    last_error = fields.Text(readonly=True, copy=False)
    last_error_date = fields.Datetime(readonly=True, copy=False)
    log_ids = fields.One2many("acorn.edi.transport.log", "transport_id")
    log_count = fields.Integer(compute="_compute_log_count")

    @api.depends("kind", "host", "port", "username", "download_path", "upload_path")
    def _compute_name(self):
        for record in self:
            if record.kind == "sftp":
                record.name = f"SFTP {record.username or '?'}@{record.host or '?'}" + (
                    f":{record.port}" if record.port and record.port != 22 else ""
                )
            else:
                record.name = (
                    f"Folder {record.download_path or record.upload_path or '?'}"
                )

    def _compute_secrets(self):
        for record in self:
            for field_name in SECRETS:
                record[field_name] = False

    def _inverse_secret(self, field_name):
        for record in self:
            value = record[field_name]
            if value:
                record.sudo()[SECRETS[field_name]] = value

    def _inverse_password(self):
        self._inverse_secret("password")

    def _inverse_private_key(self):
        self._inverse_secret("private_key")

    def _inverse_passphrase(self):
        self._inverse_secret("passphrase")

    def _compute_secret_flags(self):
        for record in self:
            stored = record.sudo()
            for field_name, storage in SECRETS.items():
                record[f"{field_name}_set"] = bool(stored[storage])

    def _compute_log_count(self):
        counts = dict(
            self.env["acorn.edi.transport.log"]._read_group(
                [("transport_id", "in", self.ids)], ["transport_id"], ["__count"]
            )
        )
        for record in self:
            record.log_count = counts.get(record, 0)

    @api.constrains(
        "kind",
        "direction",
        "host",
        "port",
        "username",
        "download_path",
        "upload_path",
        "connect_timeout",
        "transfer_timeout",
    )
    def _check_settings(self):
        for record in self:
            problem = record._amz_settings_problem()
            if problem:
                raise ValidationError(problem)

    def _amz_settings_problem(self):
        """What is missing for this transport to work, or False."""
        self.ensure_one()
        if self.kind == "sftp" and not (self.host and self.username):
            return self.env._("An SFTP transport needs a host and a user name.")
        if self.kind == "sftp" and not 0 < self.port < 65536:
            return self.env._("The port must be between 1 and 65535.")
        if self.direction in RECEIVING and not self.download_path:
            return self.env._(
                "A transport that receives needs a download folder (inbox)."
            )
        if self.direction in SENDING and not self.upload_path:
            return self.env._("A transport that sends needs an upload folder (outbox).")
        if self.connect_timeout < 1 or self.transfer_timeout < 1:
            return self.env._("Timeouts are at least one second.")
        return False

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.invalidate_recordset(list(SECRETS))  # typed values are not kept
        return records

    def write(self, vals):
        if any(name in vals for name in ENDPOINT_FIELDS):
            changed = self.filtered(
                lambda record: any(
                    name in vals and record[name] != vals[name]
                    for name in ENDPOINT_FIELDS
                )
            )
            if changed:
                super(AcornEdiTransport, changed).write(
                    {
                        "host_key_fingerprint": False,
                        "seen_host_key_fingerprint": False,
                        "state": "new",
                    }
                )
        result = super().write(vals)
        if any(name in vals for name in SECRETS):
            self.invalidate_recordset(list(SECRETS))  # typed values are not kept
        return result

    def _amz_make_transport(self):
        """The pure transport object for this record (not connected yet)."""
        self.ensure_one()
        record = self.sudo()
        if record.kind == "folder":
            return FolderTransport(
                record.download_path if record.direction in RECEIVING else None,
                record.upload_path if record.direction in SENDING else None,
                record.archive_path,
            )
        return SftpTransport(
            record.host,
            record.port,
            record.username,
            password=record.password_secret,
            private_key=record.private_key_secret,
            passphrase=record.passphrase_secret,
            host_key_fingerprint=normalize_fingerprint(record.host_key_fingerprint),
            download_path=record.download_path,
            upload_path=record.upload_path,
            archive_path=record.archive_path,
            connect_timeout=record.connect_timeout,
            transfer_timeout=record.transfer_timeout,
        )

    def action_view_logs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_transport_log"
        )
        action["domain"] = [("transport_id", "=", self.id)]
        return action
