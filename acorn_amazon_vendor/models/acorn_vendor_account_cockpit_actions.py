"""Acting on the cockpit's tiles: open the records behind a figure, raise activities.

``action_cockpit_open(key, part)`` opens the records a tile counts (``all``) or the
ones a rate misses (``missed``) in list, graph (by week) and pivot views. The
cockpit cron walks the breach tiles of ``_cockpit_tiles()`` that name an
``activity_type`` and schedules one activity of that type on each record found,
for the account's EDI responsible, unless an open activity of the same type is
already on it. One account or tile that fails is logged and skipped.
"""

import logging

from odoo import api, fields, models
from odoo.osv import expression

_logger = logging.getLogger(__name__)

# Records handled per tile and run; the rest wait for the next run.
CRON_BATCH = 500


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    def action_cockpit_open(self, key, part="all"):
        """The records behind one figure of a tile, with weekly graph and pivot.

        Args:
            key: The tile's key.
            part: ``all`` (every record counted) or ``missed`` (a rate's misses).
        """
        self.ensure_one()
        tile = self._cockpit_tile(key)
        domain = list(tile["domain"])
        if part == "missed" and tile["good_domain"] is not None:
            domain = expression.AND(
                [domain, ["!", *expression.normalize_domain(tile["good_domain"])]]
            )
        field = tile["account_field"]
        domain = expression.AND([domain, [(field, "=", self.id)]])
        week = f"{tile['date_field']}:week"
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.name}: {tile['label']}",
            "res_model": tile["model"],
            "views": [
                (False, "list"),
                (False, "graph"),
                (False, "pivot"),
                (False, "form"),
            ],
            "domain": domain,
            "context": {
                "create": False,
                "graph_groupbys": [week],
                "pivot_row_groupby": [week],
            },
            "target": "current",
        }

    @api.model
    def _cron_cockpit_exceptions(self):
        """Raises the activities of every breach tile, once per record."""
        accounts = self.sudo().search([("active", "=", True)])
        tiles = [
            tile
            for tile in accounts._cockpit_tile_list()
            if tile["section"] == "breach" and tile["activity_type"]
        ]
        created = 0
        for tile in tiles:
            try:
                with self.env.cr.savepoint():
                    created += accounts._cockpit_raise_activities(tile)
            except Exception:  # noqa: BLE001 - a cron never raises; next tile
                _logger.exception("Cockpit: tile %s failed", tile["key"])
        _logger.info("Cockpit: %s activities raised", created)
        return created

    def _cockpit_raise_activities(self, tile):
        """Schedules the tile's activity on its records that have none open.

        Returns:
            int: activities created.
        """
        activity_type = self.env.ref(tile["activity_type"], raise_if_not_found=False)
        if not activity_type:
            return 0
        field = tile["account_field"]
        model = self.env[tile["model"]].sudo()
        domain = expression.AND([tile["domain"], [(field, "in", self.ids)]])
        records = model.search(domain, limit=CRON_BATCH)
        if not records:
            return 0
        busy_ids = self._cockpit_busy_ids(records, activity_type)
        todo = records.filtered(lambda record: record.id not in busy_ids)
        for record in todo:
            account = record if field == "id" else record[field]
            user = account.user_id or self.env.ref("base.user_admin")
            record.activity_schedule(
                tile["activity_type"],
                date_deadline=fields.Date.context_today(self),
                summary=tile["label"],
                note=self.env._(
                    "Raised by the Amazon Vendor cockpit: %(tile)s.", tile=tile["label"]
                ),
                user_id=user.id,
            )
        return len(todo)

    def _cockpit_busy_ids(self, records, activity_type):
        """Ids of ``records`` that already hold an open activity of the type."""
        busy = (
            self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", records._name),
                    ("res_id", "in", records.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        )
        return {res_id for (res_id,) in busy}
