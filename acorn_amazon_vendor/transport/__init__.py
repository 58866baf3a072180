"""Transports that move X12 files between Amazon and ACORN (pure, no Odoo import).

Every transport offers the same four verbs (see ``base.Transport``): ``list`` the
files waiting, ``fetch`` one, ``put`` one, ``acknowledge`` one once it is safely
stored. ``folder.FolderTransport`` works on local (or mounted) directories.
"""

from .base import RemoteFile, Transport, TransientTransportError
from .folder import FolderTransport

__all__ = ["FolderTransport", "RemoteFile", "Transport", "TransientTransportError"]
