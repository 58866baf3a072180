"""A throwaway OpenSSH server on 127.0.0.1 for the SFTP tests and benchmark.

No Odoo import: the pure tests and ``bench/bench_sftp.py`` load this file by path.
``SshServer().start()`` writes a config, a fresh Ed25519 host key and user keys
into a temporary directory, starts ``sshd -D`` on a free loopback port with the
``internal-sftp`` subsystem, and waits until it answers. As root the SFTP user is
``nobody``, so folder permissions apply to it as they would to Amazon's mailbox
user; otherwise it is the current user.
"""

import base64
import getpass
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
START_TIMEOUT = 15
CONFIG = """\
Port {port}
ListenAddress 127.0.0.1
HostKey {root}/host_key
PidFile {root}/sshd.pid
AuthorizedKeysFile {root}/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
AllowUsers {user}
Subsystem sftp internal-sftp
ForceCommand internal-sftp
MaxStartups 50:30:100
LogLevel INFO
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def public_key_fingerprint(pub_path):
    """OpenSSH's ``SHA256:…`` fingerprint of a ``.pub`` file."""
    blob = base64.b64decode(Path(pub_path).read_text().split()[1])
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode()
    return "SHA256:" + digest.rstrip("=")


def keygen(path, passphrase=""):
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", str(path)],
        check=True,
        capture_output=True,
    )
    os.chmod(path, 0o644)  # read by the unprivileged user in tests only
    return Path(path).read_text()


class SshServer:
    """sshd with one user, a download and an upload folder.

    Attributes:
        port: The port it listens on (127.0.0.1).
        user: The login to use.
        root: Its temporary directory; ``download`` and ``upload`` are in it.
        host_fingerprint: The SHA256 fingerprint of its host key.
        user_key: A private key (text) it accepts, without passphrase.
        user_key_protected: Another accepted key, protected by ``passphrase``.
        other_key: A valid key it does not accept.
    """

    passphrase = "correct horse battery staple"

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="acorn-sshd-"))
        self.user = "nobody" if os.geteuid() == 0 else getpass.getuser()
        self.port = free_port()
        self.process = None
        self.download = self.root / "download"
        self.upload = self.root / "upload"

    def start(self):
        """Starts sshd; returns self once it accepts connections."""
        os.chmod(self.root, 0o755)
        for folder in (self.download, self.upload):
            folder.mkdir()
            os.chmod(folder, 0o777)
        keygen(self.root / "host_key")
        os.chmod(self.root / "host_key", 0o600)
        self.host_fingerprint = public_key_fingerprint(self.root / "host_key.pub")
        self.user_key = keygen(self.root / "user_key")
        self.user_key_protected = keygen(self.root / "user_key2", self.passphrase)
        self.other_key = keygen(self.root / "other_key")
        authorized = [
            (self.root / name).read_text() for name in ("user_key.pub", "user_key2.pub")
        ]
        (self.root / "authorized_keys").write_text("".join(authorized))
        os.chmod(self.root / "authorized_keys", 0o644)
        config = self.root / "sshd_config"
        config.write_text(CONFIG.format(port=self.port, root=self.root, user=self.user))
        if os.geteuid() == 0:
            Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [SSHD, "-D", "-e", "-f", str(config), "-E", str(self.root / "sshd.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_ready()
        return self

    def _wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"sshd exited: {self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"sshd did not start within {START_TIMEOUT} s")

    def log(self):
        path = self.root / "sshd.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logins(self):
        """How many sessions the server accepted so far."""
        return self.log().count("Accepted ")

    def sessions(self):
        """Pids of the per-connection processes (descendants of the listener)."""
        children = {}
        for status in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = status.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(status.parent.name))
        found, todo = [], [self.process.pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found

    def kill_sessions(self):
        """Drops every open connection at once, as a line failure would."""
        pids = self.sessions()
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                continue
        return pids

    def settings(self, **overrides):
        """Transport keyword arguments for this server (key authentication)."""
        return {
            "host": "127.0.0.1",
            "port": self.port,
            "username": self.user,
            "private_key": self.user_key,
            "host_key_fingerprint": self.host_fingerprint,
            "download_path": str(self.download),
            "upload_path": str(self.upload),
            "connect_timeout": 5,
            "transfer_timeout": 10,
        } | overrides

    def stop(self):
        if self.process and self.process.poll() is None:
            self.kill_sessions()
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)
