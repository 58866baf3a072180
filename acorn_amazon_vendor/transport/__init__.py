"""Transports that move X12 files between Amazon and ACORN (pure, no Odoo import).

Every transport offers the same four verbs (see ``base.Transport``): ``list`` the
files waiting, ``fetch`` one, ``put`` one, ``acknowledge`` one once it is safely
stored, plus ``check`` (what "Test Connection" runs) and ``close``.
``folder.FolderTransport`` works on local (or mounted) directories,
``sftp.SftpTransport`` on an SFTP server (paramiko).
"""

from .base import (
    REASONS,
    RemoteFile,
    TransientTransportError,
    Transport,
    TransportConfigError,
    TransportError,
)
from .folder import FolderTransport
from .keys import normalize_fingerprint
from .sftp import SftpTransport

__all__ = [
    "REASONS",
    "FolderTransport",
    "RemoteFile",
    "SftpTransport",
    "TransientTransportError",
    "Transport",
    "TransportConfigError",
    "TransportError",
    "normalize_fingerprint",
]
