"""The transport protocol: list / fetch / put / acknowledge.

A received file is acknowledged (moved out of the inbox) only after the database
transaction that archived it has committed, so a crash in between makes the file
come in again, where its SHA-256 marks it as a duplicate: nothing is lost and
nothing is processed twice.
"""

from dataclasses import dataclass


class TransientTransportError(Exception):
    """A failure worth retrying later (network down, disk full, remote busy)."""


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
    """Base class of every transport; subclasses implement the four verbs."""

    def list(self):
        """Returns the RemoteFiles waiting in the inbox, oldest name first."""
        raise NotImplementedError

    def fetch(self, name):
        """Returns the bytes of one inbox file.

        Raises:
            FileNotFoundError: When another worker took it away meanwhile.
            TransientTransportError: When it cannot be read right now.
        """
        raise NotImplementedError

    def put(self, name, data):
        """Delivers bytes under ``name``; putting the same bytes again is harmless.

        Raises:
            FileExistsError: When a different file already has that name.
            TransientTransportError: When it cannot be written right now.
        """
        raise NotImplementedError

    def acknowledge(self, name):
        """Takes a fetched file out of the inbox once it is stored safely."""
        raise NotImplementedError
