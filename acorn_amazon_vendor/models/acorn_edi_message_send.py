"""How outbound EDI messages leave: dispatch, put on the transport, retry, give up.

A failed put is retried after a backoff (``RETRY_BACKOFF``); after
``MAX_SEND_ATTEMPTS`` the message goes to "Send Error" with the reason and an
activity for the account's EDI responsible. Every attempt is in the transport log.
"""

import logging
import time
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError

from ..transport import TransportError
from ..transport.base import transport_error

_logger = logging.getLogger(__name__)

# Backoff after a failed put, by attempt (queue_job style): attempts -> seconds.
RETRY_BACKOFF = {1: 60, 3: 600, 6: 3600}
# Failed puts before a message goes to "Send Error" with an activity (≈ 4.5 h).
MAX_SEND_ATTEMPTS = 10


def backoff(attempt):
    """Seconds to wait before the next attempt."""
    return max(delay for step, delay in RETRY_BACKOFF.items() if attempt >= step)


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    def _amz_dispatch(self):
        """After generation: hold in parallel run, else queue for the next sync."""
        held = self.filtered(lambda m: m.account_id.parallel_run)
        if held:
            held._set_state("out_held")
            for message in held:
                message.message_post(
                    body=self.env._(
                        "Held: the account runs in parallel, nothing is sent."
                    )
                )
        waiting = (self - held).account_id.filtered(
            lambda account: account.sudo()._amz_transports(("out", "both"))
        )
        if waiting:
            cron = self.env.ref(
                "acorn_amazon_vendor.ir_cron_acorn_edi_sync", raise_if_not_found=False
            )
            if cron and cron.active:
                cron._trigger()

    def _amz_put(self, transport, record=None):
        """Puts one generated file to the transport; True when it left.

        Raises:
            TransportError: When the transport itself failed (after the attempt is
                recorded): the caller stops sending for this run.
        """
        self.ensure_one()
        interchange = self.interchange_id
        payload = interchange._get_payload()
        started = time.monotonic()
        try:
            transport.put(interchange.filename, payload)
        except FileExistsError as error:  # a name clash needs a person
            self._amz_send_failed(record, error, len(payload), started, final=True)
            return False
        except (TransportError, OSError) as error:
            if not isinstance(error, TransportError):
                error = transport_error(str(error), "io")
            self._amz_send_failed(record, error, len(payload), started)
            raise error from None
        if record:
            duration = time.monotonic() - started
            record._amz_log(
                "out", interchange.filename, len(payload), message_id=self.id,
                duration=duration,
            )  # fmt: skip
        siblings = interchange.edi_message_ids.filtered(
            lambda m: m.state == "out_generated"
        )
        siblings._set_state("out_sent")
        for message in siblings:
            message.message_post(
                body=self.env._("Sent as %(file)s.", file=interchange.filename)
            )
            message._amz_notify_document()
        return True

    def _amz_send_failed(self, record, error, size, started, final=False):
        """Counts a failed put: retry after the backoff, or stop with an activity."""
        filename = self.interchange_id.filename
        _logger.warning("Could not send %s: %s", filename, error)
        reason = str(error)
        if record:
            log_error = error if isinstance(error, TransportError) else None
            if log_error is None:
                log_error = transport_error(reason, "settings")
            reason = record._amz_explain(log_error)
            duration = time.monotonic() - started
            record._amz_log(
                "out", filename, size, log_error, message_id=self.id, duration=duration
            )
        self.retry_count += 1
        if not final and self.retry_count < MAX_SEND_ATTEMPTS:
            self.next_retry_at = fields.Datetime.now() + timedelta(
                seconds=backoff(self.retry_count)
            )
            return
        text = self.env._(
            "Not sent after %(count)s attempt(s): %(reason)s",
            count=self.retry_count,
            reason=reason,
        )
        self._set_state("out_error_send", text)
        self.activity_schedule(
            "acorn_amazon_vendor.mail_activity_amz_send_failed",
            summary=self.env._("Amazon EDI file not sent"),
            note=text,
            user_id=self.account_id.user_id.id or self.env.uid,
        )

    def action_mark_sent(self):
        """For files delivered by hand (no transport): record that they left."""
        messages = self.filtered(lambda m: m.state == "out_generated")
        if not messages:
            raise UserError(self.env._("Only generated messages can be marked sent."))
        messages._set_state("out_sent")
        for message in messages:
            message.message_post(body=self.env._("Marked as sent by hand."))
            message._amz_notify_document()
        return True
