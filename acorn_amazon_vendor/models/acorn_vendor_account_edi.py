"""The EDI side of a vendor account: receive and emit (the sync has its own file).

Kept apart from the account's configuration (acorn_vendor_account.py) so each file
stays readable; both define the one model ``acorn.vendor.account``.
"""

import base64
import binascii
import logging

from psycopg2 import errors as pg_errors

from odoo import fields, models, modules
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Database errors that mean "another worker got there first": roll back, move on.
CONCURRENCY_ERRORS = (
    pg_errors.SerializationFailure,
    pg_errors.LockNotAvailable,
    pg_errors.DeadlockDetected,
)


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"

    def receive_file(self, filename, data):
        """Archives a file received from Amazon, processes it and returns its messages.

        The one way in for every transport, the upload wizard and integrators
        (XML-RPC / JSON-RPC). The raw bytes and their file record are committed
        first, in their own transaction, before anything is parsed: that commit
        runs the post-commit hooks, where a transport acknowledges the remote file.
        Then the file is read (each transaction set becomes one
        ``acorn.edi.message``, and a 997 answers each functional group) and its
        sets are processed in batches that each commit, as long as this request's
        share of the worker time limit lasts; the processing cron does the rest.

        Args:
            filename: The name the file arrived with.
            data: The file's bytes, base64-encoded (str or bytes).

        Returns:
            list[int]: The ids of the messages created for the file's sets.
        """
        self.ensure_one()
        self._amz_check_receive_rights()
        try:
            payload = base64.b64decode(data or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(
                self.env._("The file data is not valid base64: %(error)s", error=error)
            ) from error
        account = self._amz_for_processing()
        account._amz_lock_intake()
        interchange = account.env["acorn.edi.interchange"]._archive_payload(
            account, filename or "unnamed.edi", payload, "inbound"
        )
        self._amz_commit(account.env)  # archive first: nothing after can lose it
        deadline = interchange._amz_intake_deadline()
        return interchange._amz_process_inbound(deadline).ids

    def _amz_check_receive_rights(self):
        if not self.env.user.has_group("acorn_amazon_vendor.group_amazon_vendor_user"):
            raise AccessError(
                self.env._("Only Amazon Vendor users may hand files to an account.")
            )
        self.check_access("read")

    def _amz_for_processing(self):
        """The account as the EDI engine works it: superuser, in its own company."""
        company = self.company_id
        return (
            self.sudo()
            .with_company(company)
            .with_context(allowed_company_ids=[company.id])
        )

    def _amz_lock_intake(self):
        """Serialises intake per account across workers.

        Updating the account row makes a concurrent transaction wait here, then
        fail with a serialization error once this one commits: it is retried (RPC)
        or skipped (cron) and then sees this file as already received.
        """
        self.env.cr.execute(
            SQL(
                "UPDATE acorn_vendor_account SET last_receive_date = %s WHERE id = %s",
                fields.Datetime.now(),
                self.id,
            )
        )
        self.invalidate_recordset(["last_receive_date"])

    def _amz_archive_outbound(self, document_type, payload, isa_control):
        """Archives an outbound file under a name unique to this account."""
        self.ensure_one()
        stamp = fields.Datetime.now().strftime("%Y%m%d%H%M%S")
        filename = f"{self.vendor_code}{document_type}_{stamp}_{isa_control:09d}.edi"
        return self.env["acorn.edi.interchange"]._archive_payload(
            self, filename, payload, "outbound"
        )

    def _amz_emit(self, document_type, build, document, values=None):
        """Builds an outbound document in a new interchange, archives and dispatches it.

        Args:
            document_type: "855", "856", "810" ...
            build: The x12 builder, ``build(document, envelope) -> str``.
            document: The dataclass to build.
            values: Extra message values (business reference, linked record).

        Returns:
            The outbound ``acorn.edi.message``.
        """
        self.ensure_one()
        envelope = self._amz_envelope(document_type)
        isa, gs, st = envelope.isa_control, envelope.gs_control, envelope.st_control
        text = build(document, envelope)
        interchange = self._amz_archive_outbound(document_type, text.encode(), isa)
        message = self.env["acorn.edi.message"].create(
            interchange._amz_outbound_values(document_type)
            | {
                "isa_control": str(isa),
                "gs_control": str(gs),
                "st_control": str(st).zfill(4),
                "ack_state": "pending",
            }
            | (values or {})
        )
        message._amz_dispatch()
        return message

    def _amz_envelope(self, document_type):
        """The envelope of a new outbound interchange, with fresh control numbers."""
        from ..x12 import OutboundEnvelope

        isa, gs, st = self._amz_next_controls()
        return OutboundEnvelope(
            sender_qualifier=self.vendor_isa_qualifier,
            sender_id=self.vendor_isa_id,
            receiver_qualifier=self.amazon_isa_qualifier,
            receiver_id=self.amazon_isa_id,
            gs_sender=self.vendor_gs_id,
            gs_receiver=self.amazon_gs_id,
            isa_control=isa,
            gs_control=gs,
            st_control=st,
            timestamp=fields.Datetime.now(),
            usage=self._amz_usage(document_type),
        )

    @staticmethod
    def _amz_commit(env):
        """Commits the work done so far, so one file's success is never undone.

        Does nothing under tests: the test cursor must stay one transaction that is
        rolled back at the end (Odoo refuses commits there), and the tests run the
        post-commit hooks themselves. Nor while modules load (demo data receives a
        PO): the install runs in one transaction, with savepoints a commit would
        break.
        """
        if modules.module.current_test or not env.registry.ready:
            return False
        env.cr.commit()
        return True
