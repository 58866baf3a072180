import shutil
import tempfile
from pathlib import Path
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..transport import FolderTransport
from .common import AmazonOrderCommon, read_data


@tagged("post_install", "-at_install")
class TestFolderTransport(AmazonOrderCommon):
    def setUp(self):
        super().setUp()
        root = Path(tempfile.mkdtemp(prefix="acorn-folder-"))
        self.addCleanup(shutil.rmtree, root, True)
        self.inbox, self.outbox, self.archive = (
            root / n for n in ("in", "out", "done")
        )
        for folder in (self.inbox, self.outbox):
            folder.mkdir()
        self.transport = self.env["acorn.edi.transport"].create(
            {
                "account_id": self.account.id,
                "kind": "folder",
                "download_path": str(self.inbox),
                "upload_path": str(self.outbox),
                "archive_path": str(self.archive),
            }
        )

    def test_sync_receives_then_moves_after_commit_and_sends(self):
        (self.inbox / "VEND1850.I0001").write_bytes(read_data("amazon_850_single.edi"))
        (self.inbox / ".hidden").write_bytes(b"ignored")
        (self.inbox / "partial.tmp").write_bytes(b"ignored")
        self.env["acorn.vendor.account"]._cron_sync_transports()
        self.assertTrue(self._order("3J2KKUAV"))
        self.assertTrue(
            (self.inbox / "VEND1850.I0001").exists(),
            "the inbox file moves only once the transaction has committed",
        )
        self.env.cr.postcommit.run()
        self.assertFalse((self.inbox / "VEND1850.I0001").exists())
        self.assertEqual(
            (self.archive / "VEND1850.I0001").read_bytes(),
            read_data("amazon_850_single.edi"),
        )
        ack = self._outbound("997")
        self.assertEqual(ack.state, "out_sent")
        sent = self.outbox / ack.interchange_id.filename
        self.assertEqual(sent.read_bytes(), ack.interchange_id._get_payload())
        self.assertIn("Sent as", ack.message_ids[0].body)
        self.assertTrue((self.inbox / ".hidden").exists())

    def test_855_goes_out_with_the_next_sync(self):
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        order.action_amz_send_855()
        self.account.action_sync_now()
        message = self._outbound("855")
        self.assertEqual(message.state, "out_sent")
        self.assertEqual(order.amz_ack_state, "sent")
        self.assertTrue((self.outbox / message.interchange_id.filename).exists())
        self.assertIn("855", order.message_ids[0].body)

    def test_parallel_run_sends_nothing(self):
        self.account.parallel_run = True
        (self.inbox / "a.edi").write_bytes(read_data("amazon_850_single.edi"))
        self.account.action_sync_now()
        self.assertEqual(self._outbound("997").state, "out_held")
        self.assertEqual(list(self.outbox.iterdir()), [])

    def test_a_failed_put_is_kept_for_later(self):
        self._receive("amazon_850_single.edi")
        self.outbox.rmdir()
        self.account.action_sync_now()
        ack = self._outbound("997")
        self.assertEqual(ack.state, "out_generated")
        self.assertEqual(ack.retry_count, 1)
        self.assertTrue(ack.next_retry_at)
        failed = self.transport.log_ids.filtered(lambda line: line.direction == "out")
        self.assertRecordValues(
            failed,
            [
                {
                    "filename": ack.interchange_id.filename,
                    "result": "error",
                    "reason": "folder_missing",
                    "message_id": ack.id,
                }
            ],
        )
        self.assertIn("Folder missing", self.transport.last_error)

    def test_folder_transport_verbs(self):
        transport = FolderTransport(self.inbox, self.outbox, self.archive)
        (self.inbox / "b.edi").write_bytes(b"B")
        (self.inbox / "a.edi").write_bytes(b"A")
        self.assertEqual([f.name for f in transport.list()], ["a.edi", "b.edi"])
        self.assertEqual(transport.fetch("a.edi"), b"A")
        transport.put("out.edi", b"X")
        transport.put("out.edi", b"X")
        with self.assertRaises(FileExistsError):
            transport.put("out.edi", b"Y")
        transport.acknowledge("a.edi")
        transport.acknowledge("a.edi")
        self.assertEqual([f.name for f in transport.list()], ["b.edi"])
        self.assertEqual((self.archive / "a.edi").read_bytes(), b"A")
        self.assertEqual(sorted(p.name for p in self.outbox.iterdir()), ["out.edi"])

    def test_log_has_one_line_per_file_each_way(self):
        (self.inbox / "a.edi").write_bytes(read_data("amazon_850_single.edi"))
        self.account.action_sync_now()
        lines = self.transport.log_ids.sorted("id")
        self.assertRecordValues(
            lines,
            [
                {"direction": "in", "filename": "a.edi", "result": "ok"},
                {"direction": "out", "filename": lines[1].filename, "result": "ok"},
            ],
        )
        self.assertEqual(lines[0].size, len(read_data("amazon_850_single.edi")))
        self.assertEqual(lines[1].message_id, self._outbound("997"))
        self.assertTrue(self.transport.last_contact_date)

    def test_a_missing_inbox_is_reported_and_sending_goes_on(self):
        self._receive("amazon_850_single.edi")
        self.inbox.rmdir()
        self.env["acorn.vendor.account"]._cron_sync_transports()
        self.assertEqual(self._outbound("997").state, "out_sent")
        self.assertRecordValues(
            self.transport.log_ids.filtered(lambda line: line.direction == "in"),
            [{"result": "error", "reason": "folder_missing"}],
        )

    def test_test_connection_on_folders(self):
        result = self.transport.with_user(self.manager).action_test_connection()
        self.assertEqual(result["params"]["type"], "success")
        self.assertEqual(self.transport.state, "ok")
        self.assertEqual(list(self.outbox.iterdir()), [], "the probe is removed")
        self.outbox.rmdir()
        result = self.transport.with_user(self.manager).action_test_connection()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertEqual(self.transport.state, "error")
        self.assertIn("Folder missing", self.transport.last_check_message)

    def test_folder_settings_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "upload folder"):
            self.transport.upload_path = False
        self.transport.direction = "in"
        self.transport.upload_path = False
        self.account.action_sync_now()
        self.assertEqual(self.transport.state, "new")

    def test_a_processing_failure_does_not_stop_sending(self):
        received = self._receive("amazon_850_single.edi")
        waiting = self._create_message(
            self.account, state="in_received", interchange_id=received.interchange_id.id
        )
        Interchange = type(self.env["acorn.edi.interchange"])
        with (
            patch.object(Interchange, "_amz_intake", side_effect=RuntimeError("boom")),
            self.assertLogs(level="ERROR"),
        ):
            self.account.action_sync_now()
        self.assertEqual(self._outbound("997").state, "out_sent")
        self.assertEqual(waiting.state, "in_received")
