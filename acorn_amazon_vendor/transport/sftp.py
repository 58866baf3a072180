"""SFTP transport over SSH (paramiko), as Amazon's SFTP mailboxes expect it.

- The server's host key is pinned: its SHA256 fingerprint (OpenSSH's format) must
  match the one an administrator confirmed, or nothing else happens — no password
  or key is offered to a server that is not the confirmed one.
- Password or private key (RSA, ECDSA, Ed25519; OpenSSH or PEM, with passphrase).
- Downloads read a whole file, then ``acknowledge`` deletes it (or moves it to a
  remote archive folder) once the caller has stored it.
- Uploads go to a hidden temporary name (``.NAME.part``), then are renamed to
  their final name: a dropped line never leaves half a file under a name the other
  side picks up, and the retry overwrites the leftover.
- One connection per transport object, opened on first use and reused until
  ``close()``; connect and transfer timeouts; a dropped line is reported as
  ``connection_lost`` and the next call connects again.

paramiko is imported where it is used, so the addon loads without it.
"""

import errno
import io
import posixpath
import socket
import stat
import uuid

from .base import RemoteFile, Transport, is_skipped, transport_error
from .keys import load_private_key, normalize_fingerprint

DEFAULT_PORT = 22
CONNECT_TIMEOUT = 20
TRANSFER_TIMEOUT = 60
# SFTP status codes paramiko raises as OSError errno, by reason code.
ERRNO_REASONS = {errno.ENOENT: "folder_missing", errno.EACCES: "permission"}


class SftpTransport(Transport):
    """Lists, downloads, acknowledges and uploads files on an SFTP server.

    Args:
        host: Server name or address.
        port: TCP port (22).
        username: Login.
        password: Password, when no private key is used.
        private_key: Private key text (OpenSSH or PEM).
        passphrase: The private key's passphrase, if it has one.
        host_key_fingerprint: The confirmed ``SHA256:…`` fingerprint; without it
            every connection stops at the host key with reason
            ``host_key_unknown`` (the error carries the fingerprint seen).
        download_path: Remote folder Amazon puts files in.
        upload_path: Remote folder we put files in.
        archive_path: Remote folder fetched files move to (default: deleted).
        connect_timeout: Seconds for TCP connect, SSH handshake and login.
        transfer_timeout: Seconds without progress before a transfer fails.
    """

    def __init__(self, host, port=DEFAULT_PORT, username="", **options):
        self.host = host
        self.port = int(port or DEFAULT_PORT)
        self.username = username
        self._password = options.get("password") or None
        self._private_key = options.get("private_key") or None
        self._passphrase = options.get("passphrase") or None
        self.host_key_fingerprint = normalize_fingerprint(
            options.get("host_key_fingerprint")
        )
        self.download_path = options.get("download_path") or None
        self.upload_path = options.get("upload_path") or None
        self.archive_path = options.get("archive_path") or None
        self.connect_timeout = options.get("connect_timeout") or CONNECT_TIMEOUT
        self.transfer_timeout = options.get("transfer_timeout") or TRANSFER_TIMEOUT
        self.seen_fingerprint = None
        self.connections = 0
        self._ssh = self._sftp = None

    def __repr__(self):  # never shows a secret
        return f"<SftpTransport {self.username}@{self.host}:{self.port}>"

    # Connection ------------------------------------------------------------

    def connect(self):
        """The SFTP client, connecting first if needed."""
        if self._sftp is not None and self._ssh.is_active():
            return self._sftp
        self.close()
        sock = self._open_socket()
        try:
            ssh = self._handshake(sock)
            try:
                self._verify_host_key(ssh)
                self._authenticate(ssh)
                sftp = self._open_sftp(ssh)
            except BaseException:
                ssh.close()
                raise
        except BaseException:
            sock.close()
            raise
        self._ssh, self._sftp = ssh, sftp
        self.connections += 1
        return sftp

    def close(self):
        sftp, ssh, self._sftp, self._ssh = self._sftp, self._ssh, None, None
        if sftp is not None:
            sftp.close()
        if ssh is not None:
            ssh.close()

    def _open_socket(self):
        where = f"{self.host}:{self.port}"
        try:
            addresses = socket.getaddrinfo(
                self.host, self.port, type=socket.SOCK_STREAM
            )
        except (socket.gaierror, UnicodeError) as error:
            message = f"the host name {self.host} does not resolve: {error}"
            raise transport_error(message, "dns") from error
        family, kind, proto, _name, address = addresses[0]
        sock = socket.socket(family, kind, proto)
        sock.settimeout(self.connect_timeout)
        try:
            sock.connect(address)
        except ConnectionRefusedError as error:
            sock.close()
            raise transport_error(
                f"{where} refused the connection", "refused"
            ) from error
        except TimeoutError as error:
            sock.close()
            message = f"{where} did not answer within {self.connect_timeout} s"
            raise transport_error(message, "timeout") from error
        except OSError as error:
            sock.close()
            message = f"{where} can't be reached: {error.strerror or error}"
            raise transport_error(message, "unreachable") from error
        return sock

    def _handshake(self, sock):
        import paramiko

        ssh = paramiko.Transport(sock)
        ssh.banner_timeout = ssh.handshake_timeout = self.connect_timeout
        ssh.auth_timeout = self.connect_timeout
        try:
            ssh.start_client(timeout=self.connect_timeout)
        except (paramiko.SSHException, EOFError, OSError) as error:
            ssh.close()
            silent = isinstance(error, TimeoutError) or isinstance(
                error.__context__, TimeoutError
            )
            message = f"no SSH session with {self.host}:{self.port}: {error}"
            raise transport_error(
                message, "timeout" if silent else "protocol"
            ) from error
        if not ssh.initial_kex_done:  # start_client gives up silently on timeout
            ssh.close()
            message = (
                f"{self.host}:{self.port} did not complete an SSH handshake within "
                f"{self.connect_timeout} s"
            )
            raise transport_error(message, "timeout")
        return ssh

    def _verify_host_key(self, ssh):
        import paramiko

        try:
            key = ssh.get_remote_server_key()
        except paramiko.SSHException as error:
            message = f"no host key from {self.host}:{self.port}: {error}"
            raise transport_error(message, "protocol") from error
        self.seen_fingerprint = normalize_fingerprint(key.fingerprint)
        if not self.host_key_fingerprint:
            message = (
                f"the host key of {self.host} ({key.get_name()} "
                f"{self.seen_fingerprint}) is not confirmed yet"
            )
            raise transport_error(message, "host_key_unknown", self.seen_fingerprint)
        if self.seen_fingerprint != self.host_key_fingerprint:
            message = (
                f"the host key of {self.host} changed: it shows "
                f"{self.seen_fingerprint}, the confirmed one is "
                f"{self.host_key_fingerprint}"
            )
            raise transport_error(message, "host_key_changed", self.seen_fingerprint)

    def _authenticate(self, ssh):
        import paramiko

        if not (self._password or self._private_key):
            raise transport_error("neither a password nor a private key is set", "auth")
        try:
            if self._private_key:
                key = load_private_key(self._private_key, self._passphrase)
                ssh.auth_publickey(self.username, key)
            else:
                ssh.auth_password(self.username, self._password)
        except paramiko.AuthenticationException as error:
            method = "private key" if self._private_key else "password"
            message = f"{self.host} refused user {self.username} with this {method}"
            raise transport_error(message, "auth") from error
        except (paramiko.SSHException, EOFError, OSError) as error:
            raise transport_error(
                f"login failed: {error}", "connection_lost"
            ) from error

    def _open_sftp(self, ssh):
        import paramiko

        try:
            sftp = paramiko.SFTPClient.from_transport(ssh)
        except (paramiko.SSHException, EOFError, OSError) as error:
            message = f"the server refused the SFTP subsystem: {error}"
            raise transport_error(message, "protocol") from error
        sftp.get_channel().settimeout(self.transfer_timeout)
        return sftp

    def _failure(self, what, error):
        """The TransportError for an OSError or SSH error raised during ``what``."""
        dropped = not isinstance(error, OSError)  # EOFError, SSHException
        if dropped or self._ssh is None or not self._ssh.is_active():
            self.close()
            return transport_error(f"{what}: the connection dropped", "connection_lost")
        if isinstance(error, TimeoutError):
            self.close()
            message = f"{what}: no progress within {self.transfer_timeout} s"
            return transport_error(message, "timeout")
        reason = ERRNO_REASONS.get(getattr(error, "errno", None), "io")
        detail = getattr(error, "strerror", None) or error
        return transport_error(f"{what}: {detail}", reason)

    def _errors(self):
        import paramiko

        return (OSError, EOFError, paramiko.SSHException)

    def _path(self, folder, name):
        return posixpath.join(folder, name)

    # The four verbs --------------------------------------------------------

    def list(self):
        if not self.download_path:
            return []
        sftp = self.connect()
        try:
            entries = sftp.listdir_attr(self.download_path)
        except self._errors() as error:
            what = f"cannot list {self.download_path}"
            raise self._failure(what, error) from error
        return sorted(
            (
                RemoteFile(entry.filename, entry.st_size or 0)
                for entry in entries
                if stat.S_ISREG(entry.st_mode or 0) and not is_skipped(entry.filename)
            ),
            key=lambda remote: remote.name,
        )

    def fetch(self, name):
        sftp = self.connect()
        buffer = io.BytesIO()
        try:
            self._download(sftp, self._path(self.download_path, name), buffer)
        except FileNotFoundError:
            raise
        except self._errors() as error:
            raise self._failure(f"cannot download {name}", error) from error
        return buffer.getvalue()

    def _download(self, sftp, path, buffer):
        """Reads ``path`` whole into ``buffer`` (pipelined reads)."""
        sftp.getfo(path, buffer)

    def put(self, name, data):
        if not self.upload_path:
            raise transport_error("no upload folder is configured", "settings")
        sftp = self.connect()
        final = self._path(self.upload_path, name)
        # One temporary name per file: a retry after a dropped line overwrites
        # what the broken attempt left, then renames it (callers never put the
        # same name from two places at once).
        temporary = self._path(self.upload_path, f".{name}.part")
        try:
            self._upload(sftp, data, temporary)
            self._rename(sftp, temporary, final, data)
        except FileExistsError:
            raise
        except self._errors() as error:
            self._discard(temporary)
            raise self._failure(f"cannot upload {name}", error) from error

    def _upload(self, sftp, data, path):
        """Writes ``data`` to ``path`` (pipelined writes, size confirmed)."""
        sftp.putfo(io.BytesIO(data), path, len(data), confirm=True)

    def _rename(self, sftp, temporary, final, data):
        """Renames into place; SFTP refuses when ``final`` exists: compare then."""
        try:
            sftp.rename(temporary, final)
            return
        except OSError:
            if not self._ssh.is_active():
                raise
            try:
                existing = sftp.stat(final)
            except OSError:
                existing = None
            if existing is None:
                raise
        self._discard(temporary)
        if existing.st_size == len(data):
            buffer = io.BytesIO()
            sftp.getfo(final, buffer)
            if buffer.getvalue() == data:
                return
        raise FileExistsError(f"{final} already holds a different file")

    def _discard(self, path):
        """Removes a temporary file if the line still allows it."""
        if self._sftp is None or not self._ssh.is_active():
            return
        try:
            self._sftp.remove(path)
        except self._errors():
            return

    def acknowledge(self, name):
        sftp = self.connect()
        source = self._path(self.download_path, name)
        try:
            if self.archive_path:
                sftp.rename(source, self._archive_target(sftp, name))
            else:
                sftp.remove(source)
        except FileNotFoundError:
            return
        except self._errors() as error:
            raise self._failure(f"cannot take {name} out", error) from error

    def _archive_target(self, sftp, name):
        """Where a fetched file goes in the remote archive: never over another."""
        target = self._path(self.archive_path, name)
        try:
            sftp.stat(target)
        except FileNotFoundError:
            return target
        return f"{target}.{uuid.uuid4().hex[:8]}"

    def check(self, receive=True, send=True):
        self.connect()
        lines = [
            f"connected to {self.host}:{self.port} as {self.username}, "
            f"host key {self.seen_fingerprint}"
        ]
        if receive:
            if not self.download_path:
                raise transport_error("no download folder is configured", "settings")
            waiting = self.list()
            lines.append(
                f"download folder {self.download_path}: {len(waiting)} file(s)"
            )
        if send:
            self._check_upload()
            lines.append(f"upload folder {self.upload_path}: writable")
        if self.archive_path:
            try:
                self._sftp.stat(self.archive_path)
            except self._errors() as error:
                what = f"archive folder {self.archive_path}"
                raise self._failure(what, error) from error
        return lines

    def _check_upload(self):
        """Writes and removes a hidden empty file, as every upload starts."""
        if not self.upload_path:
            raise transport_error("no upload folder is configured", "settings")
        probe = self._path(self.upload_path, f".acorn-check-{uuid.uuid4().hex}.part")
        try:
            self._upload(self._sftp, b"", probe)
            self._sftp.remove(probe)
        except self._errors() as error:
            what = f"cannot write in {self.upload_path}"
            raise self._failure(what, error) from error
