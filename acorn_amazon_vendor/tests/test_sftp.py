"""SFTP flows against a real sshd: files both ways, dropped lines, refusals."""

import os
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from ..models.acorn_edi_message_send import MAX_SEND_ATTEMPTS
from .sftp_common import SftpCommon


@tagged("post_install", "-at_install")
class TestSftpFlow(SftpCommon):
    def test_850_in_997_and_855_out_in_one_run_on_one_connection(self):
        self.account.auto_send_855 = True
        self._drop("VEND1850.I0001")
        logins = self.server.logins()
        self._sync(run_postcommit=False)
        self.assertEqual(self.server.logins() - logins, 1, "one connection per run")
        self.assertEqual(self._order("3J2KKUAV").amz_ack_state, "sent")
        self.assertTrue(
            (self.server.download / "VEND1850.I0001").exists(),
            "the remote file is deleted only once the archive has committed",
        )
        self.env.cr.postcommit.run()
        self.assertEqual(list(self.server.download.iterdir()), [])
        sent = self._outbound("997") | self._outbound("855")
        self.assertEqual(sent.mapped("state"), ["out_sent", "out_sent"])
        names = sent.interchange_id.mapped("filename")
        self.assertEqual(self._uploaded(), sorted(names))
        for message in sent:
            path = self.server.upload / message.interchange_id.filename
            self.assertEqual(path.read_bytes(), message.interchange_id._get_payload())
        self.assertRecordValues(
            self._logs(direction="in"),
            [{"filename": "VEND1850.I0001", "result": "ok"}],
        )
        uploads = self._logs(direction="out")
        self.assertEqual(sorted(uploads.mapped("filename")), sorted(names))
        self.assertEqual(set(uploads.mapped("result")), {"ok"})
        self.assertTrue(self.transport.last_contact_date)

    def test_855_goes_out_with_the_next_sync(self):
        self._drop("VEND1850.I0001")
        self._sync()
        self._order("3J2KKUAV").action_amz_send_855()
        self._sync()
        message = self._outbound("855")
        self.assertEqual(message.state, "out_sent")
        self.assertIn(message.interchange_id.filename, self._uploaded())

    def test_line_dropped_during_download_loses_and_duplicates_nothing(self):
        self._drop("VEND1850.I0001")
        with self._line_drops_during("_download"):
            self._sync()
        self.assertFalse(self._order("3J2KKUAV"))
        self.assertTrue((self.server.download / "VEND1850.I0001").exists())
        self.assertRecordValues(
            self._logs(direction="in"),
            [{"result": "error", "reason": "connection_lost"}],
        )
        self.assertIn("Connection lost", self.transport.last_error)
        # The retry: stored and committed, then the process dies before the
        # remote delete (its post-commit hook never runs).
        self._sync(run_postcommit=False)
        self.env.cr.postcommit.clear()
        self.assertEqual(len(self._order("3J2KKUAV")), 1)
        self.assertTrue((self.server.download / "VEND1850.I0001").exists())
        # The next run gets the same file again: kept as a duplicate, then deleted.
        self._sync()
        self.assertEqual(len(self._order("3J2KKUAV")), 1)
        self.assertEqual(list(self.server.download.iterdir()), [])
        files = self.env["acorn.edi.interchange"].search(
            [("account_id", "=", self.account.id), ("filename", "=", "VEND1850.I0001")]
        )
        self.assertEqual(len(files), 2, "the second copy is archived too")
        self.assertEqual(len(self._outbound("997").filtered("interchange_id")), 1)

    def test_line_dropped_during_upload_leaves_no_file_under_its_name(self):
        self._receive("amazon_850_single.edi")
        ack = self._outbound("997")
        with self._line_drops_during("_upload"):
            self._sync()
        name = ack.interchange_id.filename
        self.assertEqual(self._uploaded(), [f".{name}.part"], "half a file, hidden")
        self.assertRecordValues(
            ack, [{"state": "out_generated", "retry_count": 1, "error_message": False}]
        )
        self.assertGreater(ack.next_retry_at, fields.Datetime.now())
        self.assertRecordValues(
            self._logs(direction="out"),
            [{"result": "error", "reason": "connection_lost", "message_id": ack.id}],
        )
        ack.next_retry_at = fields.Datetime.now() - timedelta(seconds=1)
        self._sync()
        self.assertEqual(ack.state, "out_sent")
        self.assertEqual(
            (self.server.upload / name).read_bytes(), ack.interchange_id._get_payload()
        )
        self.assertEqual(self._uploaded(), [name], "the retry took the leftover")

    def test_permission_denied_on_the_upload_folder(self):
        self._receive("amazon_850_single.edi")
        os.chmod(self.server.upload, 0o555)
        self._sync()
        ack = self._outbound("997")
        self.assertEqual(ack.state, "out_generated")
        self.assertEqual(ack.retry_count, 1)
        self.assertRecordValues(
            self._logs(direction="out"), [{"result": "error", "reason": "permission"}]
        )
        self.assertIn("Permission", self.transport.last_error)
        self.assertEqual(self._uploaded(), [])

    def test_sending_stops_after_the_backoff_table_with_an_activity(self):
        self._receive("amazon_850_single.edi")
        ack = self._outbound("997")
        ack.retry_count = MAX_SEND_ATTEMPTS - 1
        os.chmod(self.server.upload, 0o555)
        self._sync()
        self.assertEqual(ack.state, "out_error_send")
        self.assertIn(f"after {MAX_SEND_ATTEMPTS} attempt", ack.error_message)
        self.assertIn("Permission", ack.error_message)
        activity = ack.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("acorn_amazon_vendor.mail_activity_amz_send_failed"),
        )
        os.chmod(self.server.upload, 0o777)
        ack.action_retry()
        self._sync()
        self.assertEqual(ack.state, "out_sent")

    def test_changed_host_key_is_refused_before_logging_in(self):
        self.transport.host_key_fingerprint = "SHA256:" + "A" * 43
        self._drop("VEND1850.I0001")
        logins = self.server.logins()
        self._sync()
        self.assertEqual(self.server.logins(), logins, "no login was attempted")
        self.assertFalse(self._order("3J2KKUAV"))
        self.assertIn("Host key CHANGED", self.transport.last_error)
        self.assertIn(self.server.host_fingerprint, self.transport.last_error)
        self.assertRecordValues(
            self._logs(direction="in"), [{"reason": "host_key_changed"}]
        )

    def test_a_transport_that_is_down_does_not_stop_other_accounts(self):
        other = self._create_account(self.company, "VEND2")
        self.env["acorn.edi.transport"].create(
            {
                "account_id": other.id,
                "kind": "sftp",
                "host": "127.0.0.1",
                "port": self._closed_port(),
                "username": "nobody",
                "password": "x",
                "host_key_fingerprint": self.server.host_fingerprint,
                "download_path": "/download",
                "upload_path": "/upload",
            }
        )
        self._drop("VEND1850.I0001")
        self._sync()
        self.assertTrue(self._order("3J2KKUAV"))
        self.assertIn("TCP", other.transport_ids.last_error)
        self.assertEqual(other.transport_ids.log_ids.reason, "refused")

    @staticmethod
    def _closed_port():
        from .sshd import free_port

        return free_port()

    def test_heartbeat_alarm_on_a_live_account_without_files(self):
        activity_type = self.env.ref("acorn_amazon_vendor.mail_activity_amz_no_file")
        self.account.write({"heartbeat_hours": 24, "environment": "production"})
        self.account.last_receive_date = fields.Datetime.now() - timedelta(hours=30)
        self.env.flush_all()  # the silence is history: written before the file comes
        Account = self.env["acorn.vendor.account"]
        Account._cron_check_heartbeat()
        alarm = self.account.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )
        self.assertEqual(len(alarm), 1)
        Account._cron_check_heartbeat()
        self.assertEqual(len(self.account.activity_ids), 1, "one alarm at a time")
        self._drop("VEND1850.I0001")
        self._sync()
        Account._cron_check_heartbeat()
        self.assertFalse(self.account.activity_ids)
        self.account.environment = "test"
        self.account.last_receive_date = fields.Datetime.now() - timedelta(hours=30)
        Account._cron_check_heartbeat()
        self.assertFalse(self.account.activity_ids, "a test account raises no alarm")
