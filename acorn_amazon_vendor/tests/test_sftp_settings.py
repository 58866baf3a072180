"""Test Connection, host key pinning and write-only secrets, against a real sshd."""

import logging

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .sftp_common import SftpCommon
from .sshd import free_port


@tagged("post_install", "-at_install")
class TestSftpSettings(SftpCommon):
    def _test(self, **values):
        self.transport.write(values)
        result = self.transport.with_user(self.manager).action_test_connection()
        return result["params"]

    def test_a_working_connection(self):
        params = self._test()
        self.assertEqual(params["type"], "success")
        self.assertRecordValues(
            self.transport,
            [
                {
                    "state": "ok",
                    "seen_host_key_fingerprint": self.server.host_fingerprint,
                }
            ],
        )
        self.assertIn("upload folder", self.transport.last_check_message)
        self.assertEqual(self._uploaded(), [], "the write probe is removed")
        self.assertRecordValues(
            self._logs(direction="test"), [{"result": "ok", "reason": False}]
        )

    def test_first_connection_shows_the_host_key_to_confirm(self):
        self.transport.host_key_fingerprint = False
        params = self._test()
        self.assertEqual(params["type"], "danger")
        self.assertIn(self.server.host_fingerprint, params["message"])
        self.assertIn("Host key unknown", params["message"])
        self.assertRecordValues(
            self.transport,
            [
                {
                    "state": "host_key",
                    "host_key_fingerprint": False,
                    "seen_host_key_fingerprint": self.server.host_fingerprint,
                }
            ],
        )
        with self.assertRaises(AccessError):
            self.transport.with_user(self.user).action_confirm_host_key()
        self.transport.with_user(self.manager).action_confirm_host_key()
        self.assertRecordValues(
            self.transport,
            [{"state": "ok", "host_key_fingerprint": self.server.host_fingerprint}],
        )
        self.assertIn(self.server.host_fingerprint, self.account.message_ids[0].body)

    def test_moving_to_another_server_forgets_the_host_key(self):
        self.transport.port = free_port()
        self.assertFalse(self.transport.host_key_fingerprint)
        self.assertEqual(self.transport.state, "new")

    def test_each_failure_says_what_failed(self):
        cases = {
            "refused": ({"port": free_port()}, "TCP"),
            "host_key_changed": (
                {"host_key_fingerprint": "SHA256:" + "B" * 43},
                "Host key CHANGED",
            ),
            "auth": ({"private_key": self.server.other_key}, "Authentication"),
            "folder_missing": ({"download_path": "/no/such/folder"}, "Folder missing"),
        }
        for reason, (values, text) in cases.items():
            with self.subTest(reason=reason):
                fingerprint = values.pop("host_key_fingerprint", None)
                self.transport.write(values)
                self.transport.host_key_fingerprint = (
                    fingerprint or self.server.host_fingerprint
                )
                params = self._test()
                self.assertEqual(params["type"], "danger")
                self.assertIn(text, params["message"])
                self.assertEqual(
                    self._logs(direction="test").sorted("id")[-1:].reason, reason
                )
                self.transport.write(
                    {
                        "port": self.server.port,
                        "private_key": self.server.user_key,
                        "download_path": str(self.server.download),
                        "host_key_fingerprint": self.server.host_fingerprint,
                    }
                )

    def test_permission_denied_is_named(self):
        self.server.upload.chmod(0o555)
        params = self._test()
        self.assertIn("Permission", params["message"])
        self.assertEqual(self.transport.state, "error")

    def test_key_with_passphrase(self):
        self.transport.write({"private_key": self.server.user_key_protected})
        self.assertIn("Private key", self._test()["message"])
        self.transport.write({"passphrase": "not it"})
        self.assertIn("Private key", self._test()["message"])
        self.transport.write({"passphrase": self.server.passphrase})
        self.assertEqual(self._test()["type"], "success")

    def test_wrong_password_is_refused_and_never_written_anywhere(self):
        secret = "Wr0ng-but-secret-pa55word"
        self.transport.sudo().private_key_secret = False
        self.transport.with_user(self.manager).password = secret
        with self.assertLogs(level=logging.DEBUG) as logs:
            params = self._test()
            self._sync()
        self.assertIn("Authentication", params["message"])
        self.assertNotIn(secret, "\n".join(logs.output))
        self.assertNotIn(secret, "".join(self.transport.log_ids.mapped("error")))
        self.assertNotIn(secret, self.transport.last_check_message)

    def test_secrets_are_write_only_and_for_administrators(self):
        manager_view = self.transport.with_user(self.manager)
        manager_view.write({"password": "s3cret", "passphrase": "p"})
        self.assertEqual(self.transport.sudo().password_secret, "s3cret")
        self.assertRecordValues(
            manager_view,
            [
                {
                    "password": False,
                    "private_key": False,
                    "password_set": True,
                    "private_key_set": True,
                }
            ],
        )
        manager_view.write({"password": False})
        self.assertEqual(self.transport.sudo().password_secret, "s3cret")
        with self.assertRaises(AccessError):
            manager_view.read(["password_secret"])
        with self.assertRaises(AccessError):
            self.transport.with_user(self.user).read(["password"])
        with self.assertRaises(AccessError):
            self.transport.with_user(self.user).write({"password": "x"})
        described = self.env["acorn.edi.transport"].fields_get()
        for name in ("password", "private_key", "passphrase", "password_secret"):
            self.assertFalse(described[name]["exportable"], name)
        manager_view.action_clear_secrets()
        self.assertFalse(manager_view.password_set or manager_view.private_key_set)

    def test_set_up_through_the_form(self):
        form = Form(self.env["acorn.edi.transport"].with_user(self.manager))
        form.account_id = self.account
        form.kind = "sftp"
        form.host = "127.0.0.1"
        form.port = self.server.port
        form.username = self.server.user
        form.private_key = self.server.user_key
        form.download_path = str(self.server.download)
        form.upload_path = str(self.server.upload)
        transport = form.save()
        self.assertRecordValues(
            transport,
            [{"private_key_set": True, "password_set": False, "state": "new"}],
        )
        transport.with_user(self.manager).action_test_connection()
        transport.with_user(self.manager).action_confirm_host_key()
        self.assertEqual(transport.state, "ok")
        form = Form(transport.with_user(self.manager))
        self.assertFalse(form.private_key, "a saved key is never shown again")
