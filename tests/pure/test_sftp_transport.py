"""The SFTP transport against a real sshd on 127.0.0.1, without a database.

Also checks that ``transport/`` stays pure (no Odoo import, paramiko imported
lazily).
"""

import ast
import importlib.util
import os
import socket
import threading
import unittest
from pathlib import Path
from unittest.mock import patch

from acorn_amazon_vendor.transport import (
    FolderTransport,
    SftpTransport,
    TransientTransportError,
    TransportConfigError,
    TransportError,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "acorn_amazon_vendor" / "transport"
_SPEC = importlib.util.spec_from_file_location(
    "acorn_test_sshd", ROOT / "acorn_amazon_vendor" / "tests" / "sshd.py"
)
sshd = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sshd)


class TestTransportPurity(unittest.TestCase):
    def test_no_odoo_import_and_paramiko_only_inside_functions(self):
        for path in sorted(PACKAGE.glob("*.py")):
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module or ""]
                for name in names:
                    with self.subTest(module=path.name, name=name):
                        self.assertNotEqual(name.split(".")[0], "odoo")
            for node in tree.body:
                if isinstance(node, ast.Import | ast.ImportFrom):
                    module = getattr(node, "module", None) or node.names[0].name
                    self.assertNotIn(module.split(".")[0], {"paramiko", "cryptography"})


class TestSftpTransport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = sshd.SshServer()
        cls.addClassCleanup(cls.server.stop)
        cls.server.start()

    def setUp(self):
        for folder in (self.server.download, self.server.upload):
            os.chmod(folder, 0o777)
            for path in folder.iterdir():
                path.unlink()

    def _transport(self, **overrides):
        transport = SftpTransport(**self.server.settings(**overrides))
        self.addCleanup(transport.close)
        return transport

    def _failure(self, **overrides):
        with self.assertRaises(TransportError) as caught:
            self._transport(**overrides).check()
        return caught.exception

    def test_verbs_on_one_connection(self):
        for name in ("b.edi", "a.edi", ".hidden", "c.part"):
            (self.server.download / name).write_bytes(name.encode())
        (self.server.download / "sub").mkdir()
        self.addCleanup((self.server.download / "sub").rmdir)
        transport = self._transport()
        self.assertEqual([f.name for f in transport.list()], ["a.edi", "b.edi"])
        self.assertEqual(transport.fetch("a.edi"), b"a.edi")
        transport.acknowledge("a.edi")
        transport.acknowledge("a.edi")
        with self.assertRaises(FileNotFoundError):
            transport.fetch("a.edi")
        transport.put("out.edi", b"X" * 70000)
        transport.put("out.edi", b"X" * 70000)
        with self.assertRaises(FileExistsError):
            transport.put("out.edi", b"Y" * 70000)
        self.assertEqual(
            sorted(p.name for p in self.server.upload.iterdir()), ["out.edi"]
        )
        self.assertEqual(transport.connections, 1)

    def test_archive_folder_instead_of_delete(self):
        archive = self.server.root / "done"
        archive.mkdir(mode=0o777, exist_ok=True)
        os.chmod(archive, 0o777)
        (self.server.download / "a.edi").write_bytes(b"A")
        transport = self._transport(archive_path=str(archive))
        transport.acknowledge("a.edi")
        self.assertEqual((archive / "a.edi").read_bytes(), b"A")

    def test_each_failure_has_its_reason(self):
        cases = {
            "host_key_unknown": {"host_key_fingerprint": None},
            "host_key_changed": {"host_key_fingerprint": "SHA256:" + "C" * 43},
            "auth": {"private_key": None, "password": "wrong"},
            "key": {"private_key": self.server.user_key_protected},
            "folder_missing": {"upload_path": "/no/such/folder"},
            "refused": {"port": sshd.free_port()},
        }
        for reason, overrides in cases.items():
            with self.subTest(reason=reason):
                self.assertEqual(self._failure(**overrides).reason, reason)
        error = self._failure(host_key_fingerprint=None)
        self.assertIsInstance(error, TransportConfigError)
        self.assertEqual(error.fingerprint, self.server.host_fingerprint)

    def test_dns_failure(self):
        with patch.object(socket, "getaddrinfo", side_effect=socket.gaierror(-2, "x")):
            error = self._failure(host="sftp.example.invalid")
        self.assertEqual(error.reason, "dns")
        self.assertIsInstance(error, TransientTransportError)

    def test_server_that_never_speaks_times_out(self):
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        self.addCleanup(silent.close)
        error = self._failure(port=silent.getsockname()[1], connect_timeout=1)
        self.assertEqual(error.reason, "timeout")
        self.assertIsInstance(error, TransientTransportError)

    def test_key_with_passphrase(self):
        transport = self._transport(
            private_key=self.server.user_key_protected,
            passphrase=self.server.passphrase,
        )
        self.assertEqual(len(transport.check()), 3)

    def test_permission_denied_on_upload(self):
        os.chmod(self.server.upload, 0o555)
        with self.assertRaises(TransportConfigError) as caught:
            self._transport().put("x.edi", b"X")
        self.assertEqual(caught.exception.reason, "permission")

    def test_dropped_line_mid_upload_leaves_no_file_under_its_name(self):
        transport = self._transport()
        transport.connect()
        original = SftpTransport._upload

        def dropping(self_, sftp, data, path):
            handle = sftp.open(path, "wb")
            handle.write(data[:1000])
            handle.flush()
            self.server.kill_sessions()
            threading.Event().wait(0.3)
            return original(self_, sftp, data, path)

        with patch.object(SftpTransport, "_upload", dropping):
            with self.assertRaises(TransientTransportError) as caught:
                transport.put("late.edi", b"Z" * 5000)
        self.assertEqual(caught.exception.reason, "connection_lost")
        self.assertFalse((self.server.upload / "late.edi").exists())
        transport.put("late.edi", b"Z" * 5000)  # connects again
        self.assertEqual((self.server.upload / "late.edi").read_bytes(), b"Z" * 5000)
        self.assertEqual(transport.connections, 2)


class TestFolderTransportErrors(unittest.TestCase):
    def test_missing_folder_reason(self):
        transport = FolderTransport("/no/such/in", "/no/such/out")
        with self.assertRaises(TransportConfigError) as caught:
            transport.list()
        self.assertEqual(caught.exception.reason, "folder_missing")
