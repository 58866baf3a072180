"""Folder transport: inbox, outbox and archive directories on a local or mounted disk.

Writes are atomic (a hidden temporary file renamed into place), so the other side
never reads half a file; hidden and temporary files in the inbox are ignored.
"""

import os
import uuid
from pathlib import Path

from .base import RemoteFile, TransientTransportError, Transport

# Names skipped in an inbox: hidden files and files still being written.
SKIPPED_PREFIXES = (".", "~")
SKIPPED_SUFFIXES = (".tmp", ".part", ".filepart")


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
            message = f"cannot list {self.inbox}: {error}"
            raise TransientTransportError(message) from error
        return [
            RemoteFile(entry.name, entry.stat().st_size)
            for entry in entries
            if entry.is_file()
            and not entry.name.startswith(SKIPPED_PREFIXES)
            and not entry.name.endswith(SKIPPED_SUFFIXES)
        ]

    def fetch(self, name):
        try:
            return (self.inbox / name).read_bytes()
        except FileNotFoundError:
            raise
        except OSError as error:
            raise TransientTransportError(f"cannot read {name}: {error}") from error

    def put(self, name, data):
        if not self.outbox:
            raise TransientTransportError("no outbox directory is configured")
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
            raise TransientTransportError(f"cannot write {name}: {error}") from error

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
