"""Test Connection, host key confirmation, and what a transport's errors mean.

Every failure of the pure transport carries a reason code; here it becomes advice
an administrator can act on (``_amz_explain``), on the transport record, in the
transport log and in the notification of the "Test Connection" button.
"""

import contextlib
import logging
import time
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..transport import TransportError, normalize_fingerprint
from .acorn_edi_transport import RECEIVING, SENDING

_logger = logging.getLogger(__name__)

MANAGER_GROUP = "acorn_amazon_vendor.group_amazon_vendor_manager"
# How often a working transport's "Last Contact" is written.
CONTACT_EVERY = timedelta(minutes=1)


class AcornEdiTransport(models.Model):
    _inherit = "acorn.edi.transport"  # pylint: disable=consider-merging-classes-inherited

    def _amz_reason_texts(self):
        """Advice by reason code (transport.base.REASONS), in the user's language."""
        return self._amz_network_texts() | self._amz_setup_texts()

    def _amz_network_texts(self):
        """Advice for failures of the line: retried by the next sync."""
        return {
            "dns": self.env._(
                "DNS: the host name does not resolve. Check its spelling."
            ),
            "refused": self.env._(
                "TCP: the server refused the connection. Check the port; the "
                "server may be down."
            ),
            "timeout": self.env._(
                "Timeout: no answer in time. A firewall may block the port, or "
                "the line is too slow for the timeouts set."
            ),
            "unreachable": self.env._(
                "Network: the server can't be reached from here."
            ),
            "protocol": self.env._(
                "SSH: the server did not complete an SSH handshake."
            ),
            "connection_lost": self.env._(
                "Connection lost in the middle of a transfer; the next sync tries "
                "again and nothing is lost."
            ),
            "io": self.env._("File error."),
        }

    def _amz_setup_texts(self):
        """Advice for failures a person has to fix in the settings."""
        return {
            "host_key_unknown": self.env._(
                "Host key unknown: compare the fingerprint below with the one "
                "Amazon gave you, then press Confirm Host Key."
            ),
            "host_key_changed": self.env._(
                "Host key CHANGED: the server is not the one confirmed. Nothing "
                "was sent. Confirm the new key only if Amazon announced it."
            ),
            "auth": self.env._(
                "Authentication: the server refused the user name, password or "
                "key. Check the user and that Amazon holds our public key."
            ),
            "key": self.env._("Private key: it can't be used as entered."),
            "permission": self.env._(
                "Permission: the server refused access to a folder. Check the "
                "folder names with Amazon."
            ),
            "folder_missing": self.env._("Folder missing: a folder does not exist."),
            "settings": self.env._("Settings: something required is not filled in."),
        }

    def _amz_explain(self, error):
        """One paragraph for a person: the advice, then the technical detail."""
        advice = self._amz_reason_texts().get(error.reason, "")
        return f"{advice}\n{error}".strip()

    def _amz_check_admin(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._("Only Amazon Vendor administrators manage transports.")
            )

    def action_test_connection(self):
        """Button: connect and try every step a sync needs; say what failed."""
        self.ensure_one()
        self._amz_check_admin()
        record = self.sudo()
        transport = record._amz_make_transport()
        started = time.monotonic()
        error = None
        try:
            with transport:
                lines = transport.check(
                    receive=record.direction in RECEIVING,
                    send=record.direction in SENDING,
                )
        except TransportError as failure:
            error = failure
        seen = normalize_fingerprint(getattr(transport, "seen_fingerprint", ""))
        values = {"last_check_date": fields.Datetime.now()}
        if seen:
            values["seen_host_key_fingerprint"] = seen
        if error is None:
            values |= {"state": "ok", "last_check_message": "\n".join(lines)}
        else:
            state = "host_key" if error.reason.startswith("host_key") else "error"
            values |= {"state": state, "last_check_message": record._amz_explain(error)}
        record.write(values)
        record._amz_log("test", error=error, duration=time.monotonic() - started)
        return record._amz_notify(values["last_check_message"], error is None)

    def _amz_notify(self, message, success):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Connection works")
                if success
                else self.env._("Connection failed"),
                "message": message,
                "type": "success" if success else "danger",
                "sticky": not success,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_confirm_host_key(self):
        """Button: pin the host key the last Test Connection saw, then test again."""
        self.ensure_one()
        self._amz_check_admin()
        record = self.sudo()
        if not record.seen_host_key_fingerprint:
            raise UserError(
                self.env._("Press Test Connection first: no host key was seen yet.")
            )
        previous = record.host_key_fingerprint
        record.write({"host_key_fingerprint": record.seen_host_key_fingerprint})
        record.account_id.message_post(
            body=self.env._(
                "%(user)s confirmed the host key %(key)s of %(host)s (was: %(old)s).",
                user=self.env.user.name,
                key=record.host_key_fingerprint,
                host=record.host,
                old=previous or "-",
            )
        )
        return self.action_test_connection()

    def action_clear_secrets(self):
        """Button: forget the saved password, private key and passphrase."""
        self._amz_check_admin()
        self.sudo().write(
            {
                "password_secret": False,
                "private_key_secret": False,
                "passphrase_secret": False,
            }
        )
        return True

    # Used by the sync -----------------------------------------------------------

    @contextlib.contextmanager
    def _amz_session(self):
        """The pure transport for one run: one connection, closed at the end.

        Acknowledgements wait for the commit (post-commit hooks) and may connect
        again after the run; the last hook closes that connection too.
        """
        self.ensure_one()
        transport = self._amz_make_transport()
        try:
            yield transport
        finally:
            transport.close()
            self.env.cr.postcommit.add(transport.close)

    def _amz_log(self, direction, filename=False, size=0, error=None, **extra):
        """Writes one attempt to the transport log."""
        self.ensure_one()
        duration = extra.pop("duration", 0.0)
        return (
            self.env["acorn.edi.transport.log"]
            .sudo()
            .create(
                {
                    "transport_id": self.id,
                    "direction": direction,
                    "filename": filename,
                    "size": size,
                    "result": "error" if error else "ok",
                    "reason": error.reason if error else False,
                    "error": self._amz_explain(error) if error else False,
                    "duration": duration,
                    **extra,
                }
            )
        )

    def _amz_note_outcome(self, error=None):
        """Records on the transport whether the last run reached the other side."""
        now = fields.Datetime.now()
        if error is None:
            # At most one write a minute: workers syncing together don't collide.
            last = self.last_contact_date
            recent = last and now - last < CONTACT_EVERY
            recovering = self.last_error_date and self.last_error_date >= (last or now)
            if not recent or recovering:
                self.sudo().write({"last_contact_date": now})
            return
        _logger.warning("Transport %s failed: %s", self.id, error)
        self.sudo().write(
            {"last_error": self._amz_explain(error), "last_error_date": now}
        )
