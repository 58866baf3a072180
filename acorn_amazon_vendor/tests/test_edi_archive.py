import hashlib

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AmazonVendorCommon

PAYLOAD = (
    b"ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VEND1          "
    b"*261127*0830*U*00401*000000001*0*T*>~GS*PO*AMAZON*VEND1*20261127*0830*1*X*004010~"
)


@tagged("post_install", "-at_install")
class TestEdiArchive(AmazonVendorCommon):
    def test_archive_keeps_raw_bytes_and_hash(self):
        interchange = self.env["acorn.edi.interchange"]._archive_payload(
            self.account, "VEND1850.I001", PAYLOAD, "inbound"
        )
        self.assertRecordValues(
            interchange,
            [
                {
                    "filename": "VEND1850.I001",
                    "direction": "inbound",
                    "company_id": self.company.id,
                    "sha256": hashlib.sha256(PAYLOAD).hexdigest(),
                    "size": len(PAYLOAD),
                    "duplicate_of_id": False,
                }
            ],
        )
        self.assertEqual(interchange._get_payload(), PAYLOAD)
        self.assertEqual(interchange.attachment_id.res_id, interchange.id)

    def test_same_bytes_again_is_kept_as_duplicate(self):
        archive = self.env["acorn.edi.interchange"]._archive_payload
        first = archive(self.account, "a.edi", PAYLOAD, "inbound")
        again = archive(self.account, "b.edi", PAYLOAD, "inbound")
        other_direction = archive(self.account, "c.edi", PAYLOAD, "outbound")
        other_bytes = archive(self.account, "d.edi", PAYLOAD + b"\n", "inbound")
        self.assertEqual(again.duplicate_of_id, first)
        self.assertEqual(again._get_payload(), PAYLOAD)
        self.assertFalse(other_direction.duplicate_of_id)
        self.assertFalse(other_bytes.duplicate_of_id)
        self.assertEqual(self.account.interchange_count, 4)

    def test_duplicates_are_per_account(self):
        other = self._create_account(self.company, "VEND2")
        archive = self.env["acorn.edi.interchange"]._archive_payload
        archive(self.account, "a.edi", PAYLOAD, "inbound")
        self.assertFalse(archive(other, "a.edi", PAYLOAD, "inbound").duplicate_of_id)

    def test_retry_follows_retry_map(self):
        failed = self._create_message(
            self.account, state="in_error", error_message="Segment 4 (BEG): bad date"
        )
        send_failed = self._create_message(
            self.account,
            direction="outbound",
            document_type="855",
            state="out_error_send",
            error_message="SFTP refused",
        )
        (failed | send_failed).with_user(self.manager).action_retry()
        self.assertRecordValues(
            failed | send_failed,
            [
                {"state": "in_received", "retry_count": 1, "error_message": False},
                {"state": "out_generated", "retry_count": 1, "error_message": False},
            ],
        )
        self.assertIn("Retry requested", failed.message_ids[0].body)

    def test_retry_refused_for_processed_message(self):
        done = self._create_message(self.account, state="in_processed")
        with self.assertRaisesRegex(UserError, "can be retried"):
            done.action_retry()
        self.assertEqual(done.state, "in_processed")

    def test_state_must_fit_direction(self):
        with self.assertRaisesRegex(UserError, "does not fit"):
            self._create_message(
                self.account, direction="outbound", state="in_received"
            )

    def test_account_counts_errors(self):
        self._create_message(self.account, state="in_error")
        self._create_message(self.account, state="in_processed")
        self._create_message(
            self.account,
            direction="outbound",
            state="out_rejected",
            document_type="810",
        )
        self.assertRecordValues(
            self.account, [{"edi_message_count": 3, "edi_error_count": 2}]
        )
        action = self.account.action_view_edi_errors()
        self.assertEqual(
            self.env["acorn.edi.message"].search_count(action["domain"]), 2
        )

    def test_message_name_shows_reference(self):
        message = self._create_message(self.account, po_number="2XK5R9PA")
        self.assertEqual(message.name, "← 850 2XK5R9PA")

    def test_account_with_files_is_never_deleted(self):
        self.env["acorn.edi.interchange"]._archive_payload(
            self.account, "a.edi", PAYLOAD, "inbound"
        )
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self.account.unlink()
        empty = self._create_account(self.company, "EMPTY")
        empty.unlink()
        self.assertFalse(empty.exists())
