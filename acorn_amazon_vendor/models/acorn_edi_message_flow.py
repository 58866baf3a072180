"""How EDI messages move: processing received sets, applying the 997s and TA1s
Amazon sends back, and the missing-997 alarm (sending: acorn_edi_message_send.py).

Kept apart from the message's fields and states (acorn_edi_message.py); both define
the one model ``acorn.edi.message``.
"""

import logging
import time
import traceback
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..x12 import X12Error, parse_997, validate_file
from .acorn_edi_message import ACKNOWLEDGED_TYPES, DOCUMENT_TYPES, IMPORTERS
from .acorn_vendor_account_edi import CONCURRENCY_ERRORS

_logger = logging.getLogger(__name__)

# Messages handled per run of the processing and alarm crons.
CRON_BATCH = 200
# AK501 / AK901 / TA104 codes that reject what we sent.
REJECTED = ("R", "M", "W", "X")


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"

    @api.model
    def _amz_document_type(self, set_id):
        return set_id if set_id in dict(DOCUMENT_TYPES) else "other"

    def _amz_lock_rows(self, state):
        """Row-locks the messages still in ``state`` that no other worker holds."""
        if not self:
            return self
        self.flush_recordset(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM acorn_edi_message WHERE id IN %s AND state = %s "
                "ORDER BY id FOR UPDATE SKIP LOCKED",
                tuple(self.ids),
                state,
            )
        )
        locked = {row[0] for row in self.env.cr.fetchall()}
        return self.filtered(lambda message: message.id in locked)

    # Inbound -----------------------------------------------------------------

    def _amz_process(self, sets=None):
        """Processes received messages, each set in its own savepoint.

        Args:
            sets: {message id: (TransactionSet, InterchangeHeader)} when the file
                was just read; otherwise each file is read again.
        """
        todo = self.filtered(lambda m: m.state == "in_received")._amz_lock_rows(
            "in_received"
        )
        if not todo:
            return
        sets = dict(sets or {})
        missing = todo.filtered(lambda m: m.id not in sets)
        sets.update(missing._amz_read_sets())
        orders = todo.filtered(lambda m: m.document_type == "850")
        if orders:
            self.env["sale.order"]._amz_import_850_batch(orders, sets)
        for message in todo - orders:
            transaction, header = sets.get(message.id, (None, None))
            importer = IMPORTERS.get(message.document_type)
            if not importer or transaction is None:
                message._set_state(
                    "in_review",
                    self.env._(
                        "No importer for %(type)s sets yet: kept for review.",
                        type=message.document_type,
                    ),
                )
                continue
            message._amz_run_safely(getattr(message, importer), transaction, header)

    def _amz_read_sets(self):
        """Reads the files of these messages again; returns {id: (set, header)}."""
        found = {}
        for interchange in self.interchange_id:
            report = validate_file(interchange._get_payload(), keep_segments=True)
            by_position = {
                transaction.position: (transaction, one.header)
                for one, _group, transaction in report.located_sets()
            }
            for message in self.filtered(
                lambda m, i=interchange: m.interchange_id == i
            ):
                if message.set_position in by_position:
                    found[message.id] = by_position[message.set_position]
        return found

    def _amz_run_safely(self, function, *args):
        """Runs one set's processing in a savepoint; a failure marks only that set.

        Returns:
            bool: True when it went through.
        """
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                function(*args)
        except CONCURRENCY_ERRORS:
            raise
        except X12Error as error:
            self._amz_fail(str(error))
            return False
        except (UserError, ValidationError) as error:
            self._amz_fail(error.args[0] if error.args else str(error))
            return False
        except Exception as error:  # processing boundary: the set fails, not the file
            _logger.exception("EDI message %s failed", self.id)
            self._amz_fail(repr(error), traceback.format_exc())
            return False
        return True

    def _amz_fail(self, text, trace=False):
        where = self.env._(
            "%(file)s, set %(st)s: ",
            file=self.interchange_id.filename or "",
            st=self.st_control or "?",
        )
        self._set_state("in_error", where + text, trace)

    def _amz_process_997(self, transaction, header):
        """Applies one 997 from Amazon to the messages we sent."""
        component = header.delimiters.component if header else ">"
        ack = parse_997(transaction, component)
        ours = self.search(
            [
                ("account_id", "=", self.account_id.id),
                ("direction", "=", "outbound"),
                ("document_type", "in", ACKNOWLEDGED_TYPES),
                ("gs_control", "in", _numbers(ack.group_control_number)),
            ]
        )
        matched = self.browse()
        by_st = {}
        for message in ours:
            by_st.setdefault(_number(message.st_control), message)
        for set_ack in ack.sets:
            message = by_st.get(_number(set_ack.control_number))
            if message:
                message._amz_apply_ack(set_ack.status, set_ack.codes, self)
                matched |= message
        if not ack.sets:
            for message in ours:
                message._amz_apply_ack(ack.status, ack.codes, self)
            matched = ours
        if not matched:
            self._set_state(
                "in_review",
                self.env._(
                    "This 997 acknowledges group %(gs)s, which we never sent.",
                    gs=ack.group_control_number,
                ),
            )
            return
        self.write({"parent_id": matched[:1].id})
        self._set_state("in_processed")

    def _amz_apply_ack(self, status, codes, ack_message):
        """Writes Amazon's 997 verdict (AK501 or AK901) on a message we sent."""
        self.ensure_one()
        values = {"ack_state": status if status in ("A", "E") else "R"}
        values["ack_overdue"] = False
        self.write(values)
        if status in REJECTED:
            self._set_state(
                "out_rejected",
                self.env._(
                    "Amazon's 997 %(ack)s rejected this set (codes: %(codes)s).",
                    ack=ack_message.name,
                    codes=", ".join(codes) or "-",
                ),
            )
        else:
            self._set_state("out_acked")
        self._amz_notify_document()

    @api.model
    def _amz_apply_ta1(self, account, ack):
        """A TA1 rejecting one of our interchanges rejects its messages."""
        ours = self.search(
            [
                ("account_id", "=", account.id),
                ("direction", "=", "outbound"),
                ("isa_control", "in", _numbers(ack.control_number)),
            ]
        )
        for message in ours:
            message.message_post(
                body=self.env._(
                    "TA1 received: status %(status)s, note %(note)s.",
                    status=ack.status,
                    note=ack.note_code,
                )
            )
            if ack.status == "R":
                message.write({"ack_state": "R"})
                message._set_state(
                    "out_rejected",
                    self.env._(
                        "Amazon rejected the interchange (TA1 note %(note)s).",
                        note=ack.note_code,
                    ),
                )
                message._amz_notify_document()

    # Outbound ----------------------------------------------------------------

    def _amz_notify_document(self):
        """Tells the linked sale order what became of its document."""
        order = self.sale_order_id
        if order and self.document_type != "850":
            order.message_post(
                body=self.env._(
                    "%(doc)s %(name)s: %(state)s.",
                    doc=self.document_type,
                    name=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                )
            )

    # Scheduled actions -----------------------------------------------------------

    @api.model
    def _cron_process_received(self):
        """Scheduled action: processes received files batch by batch, oldest first.

        Each file with work left gets one step (read, or a batch of sets) per round,
        so a big file never holds up the small ones behind it; rounds go on for the
        turn's share of the worker time limit. Reports progress; when the turn ran
        out of time with work left, triggers itself to go on in the next turn (work
        held by another worker is triggered by that worker when it is done, and a
        failing file waits for the run scheduled at the deadline). Never raises.
        """
        Interchange = self.env["acorn.edi.interchange"].sudo()
        deadline = Interchange._amz_intake_deadline()
        done = Interchange._amz_process_pending(deadline)
        remaining = Interchange._amz_count_pending()
        if remaining and (done or deadline and time.monotonic() >= deadline):
            Interchange._amz_trigger_processing()
        self.env["acorn.vendor.account"]._amz_commit(self.env)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    @api.model
    def _cron_check_missing_997(self):
        """Raises an alarm on messages Amazon has not acknowledged in time."""
        now = fields.Datetime.now()
        candidates = self.sudo().search(
            [
                ("direction", "=", "outbound"),
                ("state", "=", "out_sent"),
                ("ack_state", "=", "pending"),
                ("ack_overdue", "=", False),
            ],
            limit=CRON_BATCH,
            order="id",
        )
        late = candidates.filtered(
            lambda m: (
                m.date_done
                and m.date_done + timedelta(hours=m.account_id.ack_timeout_hours) <= now
            )
        )
        late.write({"ack_overdue": True})
        for message in late:
            message.activity_schedule(
                "acorn_amazon_vendor.mail_activity_amz_997_missing",
                summary=self.env._("No 997 from Amazon"),
                note=self.env._(
                    "%(name)s was sent on %(date)s and Amazon has not acknowledged "
                    "it. Check the connection, then resend it if needed.",
                    name=message.name,
                    date=message.date_done,
                ),
                user_id=message.account_id.user_id.id or self.env.uid,
            )
        self.env["ir.cron"]._notify_progress(done=len(late), remaining=0)


def _number(value):
    value = (value or "").strip()
    return int(value) if value.isdigit() else value


def _numbers(value):
    """The spellings a control number may have been stored under (with zeros)."""
    value = (value or "").strip()
    spellings = {value}
    if value.isdigit():
        spellings |= {str(int(value)), str(int(value)).zfill(4), value.zfill(9)}
    return list(spellings)
