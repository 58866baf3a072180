"""18.0.1.2.0: the account's folder settings become a folder transport record."""

from pathlib import Path

from odoo.modules.migration import load_script
from odoo.tests import tagged
from odoo.tools import SQL

from .common import AmazonVendorCommon

SCRIPT = Path(__file__).parents[1] / "migrations/18.0.1.2.0/post-migration.py"


@tagged("post_install", "-at_install")
class TestTransportMigration(AmazonVendorCommon):
    def _legacy(self, account, transport, inbox, outbox, archive):
        """Writes the pre-18.0.1.2.0 columns, as the upgrade finds them."""
        for column in ("transport", "inbox_path", "outbox_path", "archive_path"):
            self.env.cr.execute(
                SQL(
                    "ALTER TABLE acorn_vendor_account "
                    "ADD COLUMN IF NOT EXISTS %s varchar",
                    SQL.identifier(column),
                )
            )
        self.env.cr.execute(
            SQL(
                "UPDATE acorn_vendor_account SET transport = %s, inbox_path = %s, "
                "outbox_path = %s, archive_path = %s WHERE id = %s",
                transport,
                inbox,
                outbox,
                archive,
                account.id,
            )
        )

    def test_folder_settings_migrate_once(self):
        manual = self._create_account(self.company, "VEND2")
        self._legacy(self.account, "folder", "/srv/in", "/srv/out", "/srv/done")
        self._legacy(manual, "none", None, None, None)
        script = load_script(str(SCRIPT), "acorn_post_migration_18_0_1_2_0")
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertRecordValues(
            self.account.transport_ids,
            [
                {
                    "kind": "folder",
                    "direction": "both",
                    "download_path": "/srv/in",
                    "upload_path": "/srv/out",
                    "archive_path": "/srv/done",
                }
            ],
        )
        self.assertFalse(manual.transport_ids)
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(len(self.account.transport_ids), 1, "run twice, made once")
        script.migrate(self.env.cr, None)  # a fresh install has nothing to migrate
