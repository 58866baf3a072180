"""An Amazon account whose transport is a real OpenSSH sftp server on loopback."""

import os
import time
from contextlib import contextmanager
from unittest.mock import patch

from ..transport import SftpTransport
from .common import AmazonOrderCommon, read_data
from .sshd import SshServer


class SftpCommon(AmazonOrderCommon):
    """Starts sshd once per class; each test starts with empty remote folders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = SshServer()
        cls.addClassCleanup(cls.server.stop)
        cls.server.start()
        cls.transport = cls.env["acorn.edi.transport"].create(
            {
                "account_id": cls.account.id,
                "kind": "sftp",
                "host": "127.0.0.1",
                "port": cls.server.port,
                "username": cls.server.user,
                "private_key": cls.server.user_key,
                "host_key_fingerprint": cls.server.host_fingerprint,
                "download_path": str(cls.server.download),
                "upload_path": str(cls.server.upload),
                "connect_timeout": 5,
                "transfer_timeout": 10,
            }
        )

    def setUp(self):
        super().setUp()
        for folder in (self.server.download, self.server.upload):
            os.chmod(folder, 0o777)
            for path in folder.iterdir():
                path.unlink()

    def _drop(self, name, data_name="amazon_850_single.edi"):
        """Amazon puts a file in the download folder."""
        path = self.server.download / name
        path.write_bytes(read_data(data_name))
        os.chmod(path, 0o666)
        return path

    def _uploaded(self):
        return sorted(path.name for path in self.server.upload.iterdir())

    def _sync(self, run_postcommit=True):
        """One scheduled run, then what its commits would trigger."""
        self.env["acorn.vendor.account"]._cron_sync_transports()
        if run_postcommit:
            self.env.cr.postcommit.run()

    def _logs(self, **values):
        return self.transport.log_ids.filtered(
            lambda line: all(line[key] == value for key, value in values.items())
        )

    @contextmanager
    def _line_drops_during(self, method):
        """Kills the server's sessions half-way through ``SftpTransport.<method>``.

        ``_download`` reads, and ``_upload`` writes, the first half of the file
        for real, then every sshd session is killed, then the real transfer goes
        on and hits the dead line.
        """
        original = getattr(SftpTransport, method)
        server = self.server

        def dropping(transport, sftp, first, second):
            path = first if method == "_download" else second
            if method == "_download":
                with sftp.open(path, "rb") as handle:
                    second.write(handle.read(32))
            else:
                handle = sftp.open(path, "wb")
                handle.write(first[: len(first) // 2])
                handle.flush()
            server.kill_sessions()
            time.sleep(0.3)
            return original(transport, sftp, first, second)

        with patch.object(SftpTransport, method, dropping):
            yield
