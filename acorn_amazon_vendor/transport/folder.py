"""Folder transport: inbox, outbox and archive directories on a local or mounted disk.

Writes are atomic (a hidden temporary file renamed into place), so the other side
never reads half a file; hidden and temporary files in the inbox are ignored.
"""

import errno
import os
import uuid
from pathlib import Path

from .base import RemoteFile, Transport, is_skipped, transport_error

# OS error numbers that mean "fix the settings", by reason code.
ERRNO_REASONS = {
    errno.ENOENT: "folder_missing",
    errno.ENOTDIR: "folder_missing",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EROFS: "permission",
}


def _error(what, error):
    reason = ERRNO_REASONS.get(error.errno, "io")
    return transport_error(f"{what}: {error.strerror or error}", reason)


class FolderTransport(Transport):
    """Moves files through three directories.

    Args:
        inbox: Where Amazon's files arrive.
        outbox: Where our files are put for the other side to pick up.
        archive: Where inbox files go once stored (optional: deleted without).
    """

    def __init__(self, inbox, outbox, archive=None):
        self.inbox = Path(inbox) if inbox else None
        self.outbox = Path(outbox) if outbox else None
        self.archive = Path(archive) if archive else None

    def list(self):
        if not self.inbox:
            return []
        try:
            entries = sorted(os.scandir(self.inbox), key=lambda entry: entry.name)
        except OSError as error:
            raise _error(f"cannot list {self.inbox}", error) from error
        return [
            RemoteFile(entry.name, entry.stat().st_size)
            for entry in entries
            if entry.is_file() and not is_skipped(entry.name)
        ]

    def fetch(self, name):
        try:
            return (self.inbox / name).read_bytes()
        except FileNotFoundError:
            raise
        except OSError as error:
            raise _error(f"cannot read {name}", error) from error

    def put(self, name, data):
        if not self.outbox:
            raise transport_error("no outbox directory is configured", "settings")
        target = self.outbox / name
        if target.exists():
            if target.read_bytes() == data:
                return
            raise FileExistsError(f"{target} already holds a different file")
        temporary = self.outbox / f".{name}.{uuid.uuid4().hex}.tmp"
        try:
            temporary.write_bytes(data)
            os.replace(temporary, target)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise _error(f"cannot write {name} in {self.outbox}", error) from error

    def acknowledge(self, name):
        source = self.inbox / name
        if not source.exists():
            return
        if not self.archive:
            source.unlink()
            return
        self.archive.mkdir(parents=True, exist_ok=True)
        target = self.archive / name
        if target.exists():
            target = self.archive / f"{name}.{uuid.uuid4().hex[:8]}"
        os.replace(source, target)

    def check(self, receive=True, send=True):
        lines = []
        if receive:
            waiting = self.list() if self.inbox else None
            if waiting is None:
                raise transport_error("no inbox directory is configured", "settings")
            lines.append(f"inbox {self.inbox}: {len(waiting)} file(s) waiting")
        if send:
            probe = f".acorn-check-{uuid.uuid4().hex}"
            self.put(probe, b"")
            (self.outbox / probe).unlink(missing_ok=True)
            lines.append(f"outbox {self.outbox}: writable")
        if self.archive and not self.archive.is_dir():
            try:
                self.archive.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise _error(f"cannot create {self.archive}", error) from error
        return lines
