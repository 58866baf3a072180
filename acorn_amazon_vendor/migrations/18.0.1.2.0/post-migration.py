"""Folder settings of vendor accounts become ``acorn.edi.transport`` records.

Up to 18.0.1.1.0 an account held its transport in four columns (``transport``,
``inbox_path``, ``outbox_path``, ``archive_path``). They are still in the table
when this runs (Odoo drops the columns of removed fields only at the end of the
upgrade); each account that used the folder transport gets one folder transport
that receives and sends, with the same three folders. An account that already has
a transport is left alone, so running this twice changes nothing.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

LEGACY_COLUMNS = ("transport", "inbox_path", "outbox_path", "archive_path")


def legacy_columns_exist(cr):
    cr.execute(
        SQL(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = %s AND column_name IN %s",
            "acorn_vendor_account",
            LEGACY_COLUMNS,
        )
    )
    return cr.fetchone()[0] == len(LEGACY_COLUMNS)


def migrate_folder_transports(env):
    """Creates the folder transports; returns them."""
    if not legacy_columns_exist(env.cr):
        return env["acorn.edi.transport"]
    env.cr.execute(
        SQL(
            "SELECT id, inbox_path, outbox_path, archive_path FROM %s "
            "WHERE transport = %s ORDER BY id",
            SQL.identifier("acorn_vendor_account"),
            "folder",
        )
    )
    rows = env.cr.fetchall()
    accounts = env["acorn.vendor.account"].with_context(active_test=False)
    values = []
    for account_id, inbox, outbox, archive in rows:
        account = accounts.browse(account_id)
        if account.transport_ids or not (inbox or outbox):
            continue
        values.append(
            {
                "account_id": account_id,
                "kind": "folder",
                "direction": "both" if inbox and outbox else ("in" if inbox else "out"),
                "download_path": inbox or False,
                "upload_path": outbox or False,
                "archive_path": archive or False,
            }
        )
    transports = env["acorn.edi.transport"].create(values)
    _logger.info("%s folder transport(s) created from account settings", len(values))
    return transports


def migrate(cr, version):
    if not version:
        return
    migrate_folder_transports(api.Environment(cr, SUPERUSER_ID, {}))
