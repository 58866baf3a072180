"""The transport protocol: list / fetch / put / acknowledge, and its errors.

A received file is acknowledged (deleted or moved out of the inbox) only after the
database transaction that archived it has committed, so a crash in between makes
the file come in again, where its SHA-256 marks it as a duplicate: nothing is lost
and nothing is processed twice.

Every failure is a ``TransportError`` carrying a ``reason`` code (see ``REASONS``)
that the application turns into advice for a person; ``TransientTransportError``
means "retry later" (the network), ``TransportConfigError`` means "someone has to
change something" (a key, a password, a folder).
"""

from dataclasses import dataclass

# Why a transport failed, by reason code: retry later (True) or fix first (False).
REASONS = {
    "dns": True,  # the host name does not resolve
    "refused": True,  # nothing listens on that port
    "timeout": True,  # no answer in time (connect or transfer)
    "unreachable": True,  # no route, network down
    "protocol": True,  # not an SSH server, or the handshake failed
    "connection_lost": True,  # the line dropped in the middle
    "io": True,  # a local disk error
    "host_key_unknown": False,  # no host key confirmed yet
    "host_key_changed": False,  # the server shows another key than the pinned one
    "auth": False,  # user name, password or key refused
    "key": False,  # the private key can't be read (format, passphrase)
    "permission": False,  # the server refuses the operation on that folder
    "folder_missing": False,  # the folder does not exist
    "settings": False,  # something required is not filled in
}
# Names skipped in an inbox: hidden files and files still being written.
SKIPPED_PREFIXES = (".", "~")
SKIPPED_SUFFIXES = (".tmp", ".part", ".filepart")


def is_skipped(name):
    """True for names that are never picked up: hidden or still being written."""
    return name.startswith(SKIPPED_PREFIXES) or name.endswith(SKIPPED_SUFFIXES)


class TransportError(Exception):
    """A transport failure with the reason a person can act on.

    Attributes:
        reason: A key of ``REASONS``.
        fingerprint: For host key errors, the SHA256 fingerprint the server showed.
    """

    default_reason = "io"

    def __init__(self, message, reason=None, fingerprint=None):
        super().__init__(message)
        self.reason = reason or self.default_reason
        self.fingerprint = fingerprint


class TransientTransportError(TransportError):
    """A failure worth retrying later (network down, disk full, remote busy)."""


class TransportConfigError(TransportError):
    """A failure that needs a person: host key, credentials, folder, permission."""

    default_reason = "settings"


def transport_error(message, reason, fingerprint=None):
    """The TransportError subclass that fits ``reason``."""
    cls = TransientTransportError if REASONS.get(reason) else TransportConfigError
    return cls(message, reason, fingerprint)


@dataclass(frozen=True)
class RemoteFile:
    """A file waiting in an inbox.

    Attributes:
        name: Its name in the inbox, unique there.
        size: Size in bytes when listed.
    """

    name: str
    size: int = 0


class Transport:
    """Base class of every transport; subclasses implement the four verbs.

    A transport may hold a connection: it opens it on first use, reuses it for
    every later call and releases it in ``close()`` (also on ``with`` exit); a
    call after ``close()`` connects again.
    """

    def list(self):
        """Returns the RemoteFiles waiting in the inbox, oldest name first."""
        raise NotImplementedError

    def fetch(self, name):
        """Returns the bytes of one inbox file.

        Raises:
            FileNotFoundError: When another worker took it away meanwhile.
            TransportError: When it cannot be read right now.
        """
        raise NotImplementedError

    def put(self, name, data):
        """Delivers bytes under ``name``; putting the same bytes again is harmless.

        Raises:
            FileExistsError: When a different file already has that name.
            TransportError: When it cannot be written right now.
        """
        raise NotImplementedError

    def acknowledge(self, name):
        """Takes a fetched file out of the inbox once it is stored safely."""
        raise NotImplementedError

    def check(self, receive=True, send=True):
        """Tries every step a sync needs, without moving any file.

        Args:
            receive: Check the inbox can be listed.
            send: Check the outbox accepts a file (written and removed at once).

        Returns:
            list[str]: What was checked, one line each.

        Raises:
            TransportError: At the first step that fails, with its reason.
        """
        raise NotImplementedError

    def close(self):
        """Releases the connection, if any."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
