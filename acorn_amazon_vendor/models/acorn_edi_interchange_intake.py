"""Intake of a received file in steps that each commit: read it, then batches of sets.

A file is archived first, in its own transaction (``receive_file``). Each later step
runs under the account's intake lock and is counted as an attempt, committed before
the step starts, so a step killed with its worker (time limit, SIGKILL) is counted
too. A step that goes through commits and resets the count; after a failed or
interrupted step the next one takes half as many sets; a file that fails
``quarantine_after`` times in a row is quarantined, with its reason and an activity
for the EDI responsible, and the files behind it keep flowing.

Both defined here and in acorn_edi_interchange.py: the one model
``acorn.edi.interchange``.
"""

import collections
import contextlib
import logging
import time
import weakref
from datetime import timedelta

from odoo import api, fields, models, modules
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, config

from .acorn_vendor_account_edi import CONCURRENCY_ERRORS

_logger = logging.getLogger(__name__)

# Where a received file's intake stands.
INTAKE_STATES = [
    ("archived", "Archived, not read yet"),
    ("processing", "Processing"),
    ("done", "Processed"),
    ("quarantined", "Quarantined"),
]
# First key of the session advisory lock that serialises intake per account.
LOCK_KEY = 0x41435A49
# Share of the worker time limit one turn of intake may use. A cron worker's watchdog
# counts a whole turn, and Odoo calls a scheduled action that reports work left up
# to ten times in a row in one turn, on one cursor.
TURN_SHARE = 0.5
# Time limit assumed when the server sets none (Odoo's default limit_time_real).
DEFAULT_LIMIT = 120
# When the first intake step of each cursor started: {cursor: time.monotonic()}.
_TURN_STARTS = weakref.WeakKeyDictionary()
# The sets of the files this worker process read last, kept across turns so a big
# file is read once per process: {(database, file id, sha256): {message id: set}}.
# The archived bytes never change, and the sets are only read.
_SETS_READ = collections.OrderedDict()
# Files whose sets are kept (a file's are dropped once it is processed).
SETS_READ_KEPT = 2


def _past(deadline):
    return deadline is not None and time.monotonic() >= deadline


class AcornEdiInterchange(models.Model):
    _name = "acorn.edi.interchange"
    _inherit = ["acorn.edi.interchange", "mail.thread", "mail.activity.mixin"]

    intake_state = fields.Selection(
        INTAKE_STATES, readonly=True, index=True, copy=False
    )
    set_count = fields.Integer(string="Sets", readonly=True, copy=False)
    sets_done = fields.Integer(compute="_compute_intake_progress")
    intake_progress = fields.Char(string="Progress", compute="_compute_intake_progress")
    intake_attempts = fields.Integer(
        string="Failed Attempts",
        readonly=True,
        copy=False,
        help="Steps of this file that failed or were interrupted in a row.",
    )
    intake_error = fields.Text(string="Last Failure", readonly=True, copy=False)
    quarantine_reason = fields.Text(readonly=True, copy=False)

    @api.depends("intake_state", "set_count", "edi_message_ids.state")
    def _compute_intake_progress(self):
        counts = dict(
            self.env["acorn.edi.message"]._read_group(
                [
                    ("interchange_id", "in", self.ids),
                    ("direction", "=", "inbound"),
                    ("state", "!=", "in_received"),
                ],
                ["interchange_id"],
                ["__count"],
            )
        )
        for interchange in self:
            done = counts.get(interchange, 0)
            interchange.sets_done = done
            interchange.intake_progress = interchange.intake_state and self.env._(
                "%(done)s of %(total)s sets processed",
                done=done,
                total=interchange.set_count,
            )

    # Time and locks ---------------------------------------------------------------

    def _amz_time_limit(self):
        """The worker time limit this turn runs under, in seconds; None under tests."""
        if modules.module.current_test:
            return None
        limit = -1
        if self.env.context.get("cron_id"):
            limit = config["limit_time_real_cron"]
        if limit is None or limit < 0:
            limit = config["limit_time_real"]
        return limit if limit and limit > 0 else DEFAULT_LIMIT

    def _amz_intake_deadline(self):
        """When this turn of intake stops starting steps, in ``time.monotonic()``.

        A turn is everything done on one cursor: a request, or the calls of one
        scheduled action in one cron worker turn. None under tests, which run on
        one cursor for ever.

        Also schedules the processing cron for when the time limit is over, so a
        worker killed in this turn is followed by one that resumes its work.
        """
        limit = self._amz_time_limit()
        if limit is None:
            return None
        self._amz_trigger_processing(fields.Datetime.now() + timedelta(seconds=limit))
        started = _TURN_STARTS.setdefault(self.env.cr, time.monotonic())
        return started + limit * TURN_SHARE

    @contextlib.contextmanager
    def _amz_intake_lock(self):
        """Holds the account's intake lock across commits; yields False when taken.

        A session advisory lock: it survives the commits between steps, and dies
        with the connection of a killed worker.
        """
        cr = self.env.cr
        cr.execute(
            SQL("SELECT pg_try_advisory_lock(%s, %s)", LOCK_KEY, self.account_id.id)
        )
        locked = cr.fetchone()[0]
        unlock = SQL("SELECT pg_advisory_unlock(%s, %s)", LOCK_KEY, self.account_id.id)
        if locked:
            # A new snapshot, taken after the lock: one taken before it could
            # predate the last holder's commits, and its writes fail to serialise.
            self._amz_commit()
        try:
            yield locked
        except BaseException:
            if locked and not modules.module.current_test:
                cr.rollback()  # the caller rolls back too; unlocking needs it first
                cr.execute(unlock)
            raise
        if locked:
            cr.execute(unlock)

    def _amz_commit(self):
        return self.env["acorn.vendor.account"]._amz_commit(self.env)

    # Steps ----------------------------------------------------------------------

    def _amz_intake(self, deadline=None, max_steps=None, cache=None):
        """Reads this file if needed, then processes batches of its sets.

        Args:
            deadline: ``time.monotonic()`` after which no step starts; None: no limit.
            max_steps: at most this many steps (read or batch); None: no limit.
            cache: {message id: (TransactionSet, InterchangeHeader)} of sets already
                read, filled as the file is read; pass the same dict to later calls
                so a big file is not read again for each batch.

        Returns:
            int: work done, counted as ``_amz_count_pending`` counts what is left:
            1 for the file read, 1 per set processed (0 when another worker holds
            the account's lock).
        """
        self.ensure_one()
        steps = done = 0
        if cache is None:
            cache = self._amz_sets_read()
        with self._amz_intake_lock() as locked:
            while locked and not _past(deadline) and steps != max_steps:
                moved = self._amz_next_step(cache)
                if not moved:
                    break
                steps, done = steps + 1, done + moved
        return done

    def _amz_sets_read(self):
        """The sets of this file this process has read already (to be filled)."""
        key = (self.env.cr.dbname, self.id, self.sha256)
        sets = _SETS_READ.pop(key, None)
        _SETS_READ[key] = {} if sets is None else sets
        while len(_SETS_READ) > SETS_READ_KEPT:
            _SETS_READ.popitem(last=False)
        return _SETS_READ[key]

    def _amz_next_step(self, cache):
        """Runs this file's next step; its work done, 0 when none or it failed."""
        if self.intake_state == "archived":
            ok, sets = self._amz_run_step(self._amz_read_inbound)
            cache.update(sets or {})
            return int(ok)
        if self.intake_state == "quarantined" or not self._amz_pending_messages():
            return 0
        ok, moved = self._amz_run_step(self._amz_process_batch, cache)
        return moved if ok else 0

    def _amz_run_step(self, function, *args):
        """Runs one step as a counted attempt; returns (went through, its result)."""
        if self.intake_attempts >= self.account_id.quarantine_after:
            self._amz_quarantine()
            self._amz_commit()
            return False, None
        self.intake_attempts += 1
        self._amz_commit()
        try:
            with self.env.cr.savepoint():
                result = function(*args)
        except CONCURRENCY_ERRORS:
            raise
        except Exception as error:  # intake boundary: the file fails, not the worker
            _logger.exception("Intake of file %s (%s) failed", self.filename, self.id)
            self._amz_step_failed(error)
            self._amz_commit()
            return False, None
        self.write({"intake_attempts": 0, "intake_error": False})
        self._amz_commit()
        return True, result

    def _amz_pending_messages(self):
        return self.env["acorn.edi.message"].search(
            [
                ("interchange_id", "=", self.id),
                ("direction", "=", "inbound"),
                ("state", "=", "in_received"),
            ],
            order="set_position, id",
        )

    def _amz_process_batch(self, cache):
        """Processes the next batch of received sets; returns how many moved on.

        A batch that raises is processed again one set at a time, so the set at
        fault gets the error (located, with its traceback) and the others go on.
        """
        pending = self._amz_pending_messages()
        size = self.account_id.intake_batch_size >> max(self.intake_attempts - 1, 0)
        batch = pending[: max(size, 1)]
        if any(message.id not in cache for message in batch):
            cache.update(pending._amz_read_sets())
        try:
            with self.env.cr.savepoint():
                batch._amz_process(cache)
        except CONCURRENCY_ERRORS:
            raise
        except Exception:  # noqa: BLE001 - retried one by one to find the culprit
            _logger.exception("Batch of file %s failed: one set at a time", self.id)
            for message in batch:
                message._amz_run_safely(message._amz_process, cache)
        moved = len(batch.filtered(lambda m: m.state != "in_received"))
        if not self._amz_pending_messages():
            self.intake_state = "done"
            _SETS_READ.pop((self.env.cr.dbname, self.id, self.sha256), None)
        return moved

    # Failures and quarantine ----------------------------------------------------

    def _amz_step_failed(self, error):
        where = self.env._(
            "%(file)s, attempt %(attempt)s (sets %(done)s of %(total)s processed): ",
            file=self.filename,
            attempt=self.intake_attempts,
            done=self.sets_done,
            total=self.set_count,
        )
        self.intake_error = where + (str(error) or repr(error))
        if self.intake_attempts >= self.account_id.quarantine_after:
            self._amz_quarantine()

    def _amz_quarantine(self):
        """Sets this file aside, with its reason and an activity for its responsible."""
        reason = self.intake_error or self.env._(
            "%(file)s: processing was interrupted %(count)s times in a row (worker "
            "time limit or stopped worker) at %(done)s of %(total)s sets.",
            file=self.filename,
            count=self.intake_attempts,
            done=self.sets_done,
            total=self.set_count,
        )
        self.write({"intake_state": "quarantined", "quarantine_reason": reason})
        _logger.warning("EDI file %s quarantined: %s", self.id, reason)
        self.activity_schedule(
            "acorn_amazon_vendor.mail_activity_amz_quarantine",
            summary=self.env._("EDI file quarantined"),
            note=reason,
            user_id=self.account_id.user_id.id or self.env.uid,
        )

    def action_release(self):
        """Button: release a quarantined file; the processing cron tries it again."""
        if not self.env.user.has_group(
            "acorn_amazon_vendor.group_amazon_vendor_manager"
        ):
            raise AccessError(self.env._("Only Amazon Vendor administrators release."))
        held = self.filtered(lambda f: f.intake_state == "quarantined")
        if not held:
            raise UserError(self.env._("Only quarantined files can be released."))
        for interchange in held.sudo():
            read = bool(interchange.edi_message_ids)
            interchange.write(
                {
                    "intake_state": "processing" if read else "archived",
                    "intake_attempts": 0,
                    "intake_error": False,
                    "quarantine_reason": False,
                }
            )
            interchange.activity_feedback(
                ["acorn_amazon_vendor.mail_activity_amz_quarantine"],
                feedback=self.env._("Released by %(user)s.", user=self.env.user.name),
            )
        held._amz_trigger_processing()
        return True

    def _amz_trigger_processing(self, at=None):
        """Has the processing cron run now (the cron workers are woken) or at ``at``."""
        cron = self.env.ref(
            "acorn_amazon_vendor.ir_cron_acorn_edi_process", raise_if_not_found=False
        )
        if cron and cron.sudo().active:
            cron.sudo()._trigger(at)

    # The processing cron ----------------------------------------------------------

    @api.model
    def _amz_pending_files(self):
        """Received files with work left, oldest first, quarantined ones excepted."""
        groups = self.env["acorn.edi.message"]._read_group(
            [
                ("direction", "=", "inbound"),
                ("state", "=", "in_received"),
                ("interchange_id", "!=", False),
            ],
            ["interchange_id"],
        )
        files = self.browse([one.id for (one,) in groups])
        files |= self.search([("intake_state", "=", "archived")])
        return files.filtered(lambda f: f.intake_state != "quarantined").sorted("id")

    @api.model
    def _amz_process_pending(self, deadline):
        """Gives each pending file one step per round until the deadline; work done."""
        done, progressed, caches = 0, 1, {}
        while progressed and not _past(deadline):
            progressed = 0
            for interchange in self._amz_pending_files():
                if _past(deadline):
                    break
                if interchange.id not in caches:
                    caches[interchange.id] = interchange._amz_sets_read()
                cache = caches[interchange.id]
                progressed += interchange._amz_intake_safely(deadline, cache)
            done += progressed
        return done

    def _amz_intake_safely(self, deadline, cache):
        """One step of one file from the cron; never raises."""
        account = self.account_id._amz_for_processing()
        # Under tests nothing commits and the cursor can't be rolled back: a
        # savepoint undoes the failed step instead.
        undo = self.env.cr.savepoint() if modules.module.current_test else None
        try:
            with undo or contextlib.nullcontext():
                return self.with_env(account.env)._amz_intake(deadline, 1, cache)
        except CONCURRENCY_ERRORS:
            self._amz_rollback(undo)
            _logger.info("File %s is being processed by another worker", self.id)
        except Exception:  # the cron boundary: log, leave the file for later
            self._amz_rollback(undo)
            _logger.exception("Processing file %s failed", self.id)
        return 0

    def _amz_rollback(self, undo):
        """Rolls the failed step back (its savepoint already did under tests)."""
        if undo is None:
            self.env.cr.rollback()

    @api.model
    def _amz_count_pending(self):
        """Sets still to process, plus files not read yet."""
        sets = self.env["acorn.edi.message"].search_count(
            [
                ("direction", "=", "inbound"),
                ("state", "=", "in_received"),
                ("interchange_id.intake_state", "!=", "quarantined"),
            ]
        )
        return sets + self.search_count([("intake_state", "=", "archived")])
