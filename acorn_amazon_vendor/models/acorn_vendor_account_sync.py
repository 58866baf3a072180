"""The sync of a vendor account: receive, process, send, over its transports.

One run per account: every receiving transport is listed and its files fetched,
archived (committed) and only then acknowledged; what is still waiting to be
processed is processed; then the generated messages go out through the first
sending transport. One connection per transport per run. A transport that fails
is noted on its record and in the transport log, and the run goes on with the
next transport and the next account. The heartbeat alarm is here too.
"""

import base64
import contextlib
import functools
import logging
import time
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..transport import TransportError
from .acorn_edi_transport import RECEIVING, SENDING
from .acorn_vendor_account_edi import CONCURRENCY_ERRORS

_logger = logging.getLogger(__name__)


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    transport_ids = fields.One2many(
        "acorn.edi.transport", "account_id", string="Transports"
    )
    heartbeat_hours = fields.Float(
        string="Alarm Without Files (h)",
        default=24.0,
        help="On a live account, an activity is scheduled when no file has "
        "arrived for this many hours (0: never).",
    )

    def _amz_transports(self, directions):
        """The active transports of this account working in ``directions``."""
        self.ensure_one()
        return self.transport_ids.filtered(
            lambda transport: transport.active and transport.direction in directions
        )

    @api.model
    def _cron_sync_transports(self, batch_size=None):
        """Scheduled action: receive, process and send for every account.

        Never raises: a cron that fails repeatedly is deactivated by Odoo.
        """
        accounts = self.sudo().search([("transport_ids", "!=", False)])
        done = remaining = 0
        for account in accounts:
            try:
                account_done, account_left = account._amz_sync(batch_size)
            except CONCURRENCY_ERRORS:
                self.env.cr.rollback()
                _logger.info("Account %s is being synced by another worker", account.id)
                continue
            except Exception:  # the cron boundary: log and go on with the others
                self.env.cr.rollback()
                _logger.exception("Amazon EDI sync failed for account %s", account.id)
                continue
            done += account_done
            remaining += account_left
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    def action_sync_now(self):
        """Button: fetch what waits, process it, and send what waits to go out."""
        self.ensure_one()
        self.env["acorn.edi.transport"]._amz_check_admin()
        if not self.transport_ids:
            raise UserError(self.env._("This account has no transport to sync."))
        started = fields.Datetime.now()
        done, remaining = self.sudo()._amz_sync(None)
        failing = self.sudo().transport_ids.filtered(
            lambda transport: (
                transport.last_error_date and transport.last_error_date >= started
            )
        )
        message = self.env._(
            "%(done)s file(s) moved, %(left)s still waiting.",
            done=done,
            left=remaining,
        )
        if failing:
            message += "\n" + "\n".join(failing.mapped("last_error"))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if failing else "info",
                "sticky": bool(failing),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _amz_sync(self, batch_size):
        """Receives, processes, then sends; returns (files moved, still waiting)."""
        self.ensure_one()
        limit = batch_size or self.sync_batch_size
        receivers = self._amz_transports(RECEIVING)
        sender = self._amz_transports(SENDING)[:1]
        done = waiting = 0
        with contextlib.ExitStack() as stack:
            sessions = {
                record: stack.enter_context(record._amz_session())
                for record in receivers | sender
            }
            for record in receivers:
                received, left = self._amz_receive_from(record, sessions[record], limit)
                done, waiting = done + received, waiting + left
            self._amz_process_waiting()
            if sender:
                sent, unsent = self._amz_send_batch(sessions[sender], limit, sender)
                done, waiting = done + sent, waiting + unsent
        self.sudo().write({"last_sync_date": fields.Datetime.now()})
        self._amz_commit(self.env)
        return done, waiting

    def _amz_receive_from(self, record, transport, limit):
        """One receiving transport's batch; its failure stops only itself."""
        try:
            result = self._amz_receive_batch(transport, limit, record)
        except TransportError as error:
            record._amz_note_outcome(error)
            self._amz_commit(self.env)
            return 0, 0
        record._amz_note_outcome()
        return result

    def _amz_receive_batch(self, transport, limit, record=None):
        try:
            files = transport.list()
        except TransportError as error:
            if record:
                record._amz_log("in", error=error)
            raise
        done = 0
        for remote in files[:limit]:
            started = time.monotonic()
            try:
                data = transport.fetch(remote.name)
            except FileNotFoundError:
                continue  # another worker took it
            except TransportError as error:
                if record:
                    duration = time.monotonic() - started
                    record._amz_log(
                        "in", remote.name, remote.size, error, duration=duration
                    )
                raise
            if self._amz_receive_one(transport, remote.name, data, record, started):
                done += 1
        return done, max(len(files) - limit, 0)

    def _amz_receive_one(self, transport, name, data, record=None, started=None):
        """Receives one fetched file; True when stored.

        The acknowledgment (delete or move of the remote file) is registered first:
        ``receive_file`` commits the archived file before it parses anything, and
        that commit runs it. A rollback before it (another worker is receiving the
        same file) drops it, and the file stays remote for the next run.
        """
        self.env.cr.postcommit.add(functools.partial(_acknowledge, transport, name))
        try:
            self.receive_file(name, base64.b64encode(data))
        except CONCURRENCY_ERRORS:
            self.env.cr.rollback()
            _logger.info("File %s is being received by another worker", name)
            return False
        if record:
            duration = time.monotonic() - (started or time.monotonic())
            record._amz_log("in", name, len(data), duration=duration)
        self._amz_commit(self.env)
        return True

    def _amz_process_waiting(self):
        """Goes on with this account's received files that intake left unfinished.

        The same steps as the processing cron (one batch at a time, each committed,
        under the account's intake lock), so a file's sets are never processed twice
        and nothing waits for another cron; stops at the turn's deadline.
        """
        Interchange = self.env["acorn.edi.interchange"].sudo()
        deadline = Interchange._amz_intake_deadline()
        for interchange in Interchange._amz_pending_files():
            if interchange.account_id != self:
                continue
            cache = interchange._amz_sets_read()
            while interchange._amz_intake_safely(deadline, cache):
                pass

    def _amz_send_batch(self, transport, limit, record=None):
        Message = self.env["acorn.edi.message"]
        domain = [
            ("account_id", "=", self.id),
            ("state", "=", "out_generated"),
            "|",
            ("next_retry_at", "=", False),
            ("next_retry_at", "<=", fields.Datetime.now()),
        ]
        messages = Message.search(domain, order="id", limit=limit)
        sent = 0
        for message in messages._amz_lock_rows("out_generated"):
            if message.state != "out_generated":
                continue  # left with a sibling of the same file
            try:
                if message._amz_put(transport, record):
                    sent += 1
            except TransportError as error:  # the line is down: the rest waits
                if record:
                    record._amz_note_outcome(error)
                self._amz_commit(self.env)
                break
            self._amz_commit(self.env)
        else:
            if record and sent:
                record._amz_note_outcome()
        return sent, max(Message.search_count(domain) - sent, 0)

    # Heartbeat --------------------------------------------------------------------

    def _amz_is_live(self):
        """Trades real documents: production, or one message type gone live."""
        self.ensure_one()
        return self.environment == "production" or any(
            setting._is_live() for setting in self.document_setting_ids
        )

    @api.model
    def _cron_check_heartbeat(self):
        """Raises an alarm on live accounts where no file arrived for too long."""
        now = fields.Datetime.now()
        activity_type = self.env.ref("acorn_amazon_vendor.mail_activity_amz_no_file")
        accounts = self.sudo().search(
            [("heartbeat_hours", ">", 0), ("transport_ids", "!=", False)]
        )
        for account in accounts:
            if not account._amz_transports(RECEIVING):
                continue
            since = account.last_receive_date or account.create_date
            silent = since + timedelta(hours=account.heartbeat_hours) <= now
            open_alarm = account.activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            )
            if silent and account._amz_is_live() and not open_alarm:
                account._amz_raise_heartbeat(since)
            elif open_alarm and not silent:
                open_alarm.action_feedback(feedback=self.env._("Files arrive again."))

    def _amz_raise_heartbeat(self, since):
        self.activity_schedule(
            "acorn_amazon_vendor.mail_activity_amz_no_file",
            summary=self.env._("No file from Amazon"),
            note=self.env._(
                "No file has arrived since %(since)s. Check the transports (Test "
                "Connection) and the transport log.",
                since=since,
            ),
            user_id=self.user_id.id or self.env.uid,
        )


def _acknowledge(transport, name):
    """Post-commit hook: takes a stored file out of the inbox; never raises.

    When this fails the file comes again at the next sync, where its SHA-256
    marks it as a duplicate.
    """
    try:
        transport.acknowledge(name)
    except (TransportError, OSError) as error:
        _logger.warning("File %s stays in the inbox for now: %s", name, error)
