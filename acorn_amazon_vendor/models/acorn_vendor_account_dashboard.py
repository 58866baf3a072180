"""The operations cockpit of a vendor account: KPI and time-to-breach tiles.

Tiles form a small registry: ``_cockpit_tiles()`` returns one dict per tile, and
a flow adds its own by overriding it in its own file::

    def _cockpit_tiles(self):
        return super()._cockpit_tiles() + [{"key": "820_matched", ...}]

A tile counts the records of ``model`` matching ``domain`` per account (through
``account_field``); with ``good_domain`` it is a rate (good / domain, in %); with
``activity_type`` (an XML id) its records are exceptions the cockpit cron hands to
the account's responsible as activities. Every count is one grouped query per
tile for all accounts shown, never a loop over records. Definitions:
docs/cockpit.md.
"""

from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

# Amazon scores vendors on trailing four weeks (FACTS §11: PO on-time waiver).
WINDOW_DAYS = 28
# An unacknowledged PO this close to its 24 h deadline is about to breach (FACTS §4.3).
BREACH_HOURS_855 = 4
# Item confirmation rule: confirm at least 80 % of each item (FACTS §4.3).
CONFIRM_TARGET = 80.0
# Outbound documents Amazon answers with a 997 (FACTS §8.3).
ACKNOWLEDGED_TYPES = ("855", "856", "810")
# Tile keys, fields and defaults a tile dict may carry.
TILE_DEFAULTS = {
    "section": "kpi",
    "sequence": 50,
    "good_domain": None,
    "target": None,
    "date_field": "create_date",
    "activity_type": None,
}


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    cockpit_data = fields.Json(
        string="Cockpit",
        compute="_compute_cockpit_data",
        help="The account's KPI and time-to-breach tiles (docs/cockpit.md).",
    )
    is_silent = fields.Boolean(
        string="No File Lately",
        compute="_compute_is_silent",
        search="_search_is_silent",
        help="Live, and no file received within the alert time.",
    )

    # -- registry ---------------------------------------------------------------

    def _cockpit_tiles(self):
        """Returns the tiles of the cockpit, each a dict (see the module docstring).

        Returns:
            list: dicts with key, label, model, account_field, domain and the
            optional TILE_DEFAULTS keys.
        """
        now = fields.Datetime.now()
        since = now - timedelta(days=WINDOW_DAYS)
        return [
            *self._cockpit_edi_tiles(since),
            *self._cockpit_order_tiles(since, now),
            *self._cockpit_item_tiles(since),
            *self._cockpit_shipping_tiles(since),
            *self._cockpit_shipping_breach_tiles(),
            *self._cockpit_account_tiles(),
            *self._cockpit_billing_tiles(since),
        ]

    def _cockpit_edi_tiles(self, since):
        """997 acceptance; 997s overdue, messages in error, no file lately."""
        Message = self.env["acorn.edi.message"]
        edi = {"model": "acorn.edi.message", "account_field": "account_id"}
        breach = {"section": "breach", **edi}
        return [
            {
                **edi,
                "key": "997_accepted",
                "sequence": 10,
                "label": self.env._("997 acceptance"),
                "domain": [
                    ("direction", "=", "outbound"),
                    ("document_type", "in", ACKNOWLEDGED_TYPES),
                    ("ack_state", "in", ("A", "E", "R")),
                    ("create_date", ">=", since),
                ],
                "good_domain": [("ack_state", "in", ("A", "E"))],
                "target": 99.0,
            },
            {
                **breach,
                "key": "997_overdue",
                "sequence": 140,
                "label": self.env._("997s overdue"),
                "domain": [("ack_overdue", "=", True), ("ack_state", "=", "pending")],
                "activity_type": "acorn_amazon_vendor.mail_activity_amz_997_missing",
            },
            {
                **breach,
                "key": "messages_error",
                "sequence": 150,
                "label": self.env._("Messages in error"),
                "domain": [("state", "in", Message._ERROR_STATES)],
            },
        ]

    def _cockpit_order_tiles(self, since, now):
        """855 on time, items confirmed at 80 %; POs whose 855 is due within 4 h."""
        orders = {"model": "sale.order", "account_field": "amz_account_id"}
        due = now + timedelta(hours=BREACH_HOURS_855)
        return [
            {
                **orders,
                "key": "855_on_time",
                "sequence": 20,
                "label": self.env._("855 on time"),
                "domain": [
                    ("amz_received_date", ">=", since),
                    ("state", "!=", "cancel"),
                    "|",
                    ("amz_ack_first_sent", "!=", False),
                    ("amz_ack_deadline", "<", now),
                ],
                "good_domain": [("amz_ack_on_time", "=", True)],
                "target": 100.0,
                "date_field": "amz_received_date",
            },
            {
                **orders,
                "key": "855_due",
                "section": "breach",
                "sequence": 110,
                "label": self.env._("POs: 855 due within 4 h"),
                "domain": [
                    ("amz_ack_state", "=", "to_send"),
                    ("state", "!=", "cancel"),
                    ("amz_ack_deadline", "<=", due),
                ],
                "activity_type": "acorn_amazon_vendor.mail_activity_amz_855_due",
            },
        ]

    def _cockpit_shipping_tiles(self, since):
        """ASN on time and accuracy; ASNs late or due today."""
        shipments = {"model": "acorn.amz.shipment", "account_field": "account_id"}
        shipped = [("state", "=", "shipped"), ("ship_date", ">=", since)]
        return [
            {
                **shipments,
                "key": "asn_on_time",
                "sequence": 40,
                "label": self.env._("ASN on time"),
                "domain": shipped,
                "good_domain": [("asn_late", "=", False)],
                "target": 95.0,
                "date_field": "ship_date",
            },
            {
                **shipments,
                "key": "asn_accurate",
                "sequence": 50,
                "label": self.env._("ASN accuracy"),
                "domain": shipped,
                "good_domain": [("asn_state", "in", ("sent", "accepted", "held"))],
                "target": 95.0,
                "date_field": "ship_date",
            },
        ]

    def _cockpit_item_tiles(self, since):
        """Items confirmed at 80 % or more (FACTS §4.3)."""
        return [
            {
                "key": "855_confirmed",
                "sequence": 30,
                "label": self.env._("Items confirmed ≥ 80 %"),
                "model": "sale.order.line",
                "account_field": "amz_account_id",
                "domain": [
                    ("order_id.amz_received_date", ">=", since),
                    ("amz_sent_status", "!=", False),
                ],
                "good_domain": [("amz_confirm_ok", "=", True)],
                "target": 100.0,
            },
        ]

    def _cockpit_shipping_breach_tiles(self):
        """ASNs late or due before tonight."""
        shipments = {"model": "acorn.amz.shipment", "account_field": "account_id"}
        return [
            {
                **shipments,
                "key": "asn_due",
                "section": "breach",
                "sequence": 120,
                "label": self.env._("ASNs late or due today"),
                "domain": [
                    ("state", "!=", "cancel"),
                    ("asn_state", "in", ("none", "blocked", "to_send")),
                    "|",
                    ("asn_late", "=", True),
                    ("asn_due", "<", self._cockpit_end_of_today()),
                ],
                "activity_type": "acorn_amazon_vendor.mail_activity_amz_asn_late",
            },
        ]

    def _cockpit_account_tiles(self):
        """Live accounts that received no file lately."""
        breach = {"section": "breach"}
        return [
            {
                **breach,
                "key": "silent",
                "sequence": 160,
                "label": self.env._("No file lately (live)"),
                "model": "acorn.vendor.account",
                "account_field": "id",
                "domain": [("is_silent", "=", True)],
                "activity_type": "acorn_amazon_vendor.mail_activity_amz_no_file",
            },
        ]

    def _cockpit_billing_tiles(self, since):
        """Invoice acceptance; invoices rejected."""
        moves = {"model": "account.move", "account_field": "amz_account_id"}
        return [
            {
                **moves,
                "key": "810_accepted",
                "sequence": 60,
                "label": self.env._("Invoice acceptance"),
                "domain": [
                    ("amz_edi_state", "in", ("accepted", "rejected")),
                    ("create_date", ">=", since),
                ],
                "good_domain": [("amz_edi_state", "=", "accepted")],
                "target": 99.0,
            },
            {
                **moves,
                "key": "810_rejected",
                "section": "breach",
                "sequence": 130,
                "label": self.env._("Invoices rejected"),
                "domain": [("amz_edi_state", "=", "rejected")],
                "activity_type": "acorn_amazon_vendor.mail_activity_amz_810_rejected",
            },
        ]

    def _cockpit_end_of_today(self):
        today = fields.Date.context_today(self)
        return datetime.combine(today + timedelta(days=1), time.min)

    def _cockpit_tile_list(self):
        """The tiles the current user may read, defaults filled, in order."""
        tiles = []
        for tile in self._cockpit_tiles():
            model = self.env.get(tile["model"])
            if model is None or not model.has_access("read"):
                continue
            tiles.append({**TILE_DEFAULTS, **tile})
        return sorted(tiles, key=lambda tile: (tile["sequence"], tile["key"]))

    def _cockpit_tile(self, key):
        return next(tile for tile in self._cockpit_tile_list() if tile["key"] == key)

    # -- counting ---------------------------------------------------------------

    def _cockpit_count(self, tile, domain, groupby=()):
        """Counts ``domain`` per account (and ``groupby``) in one grouped query.

        Returns:
            dict: {(account_id, *groups): count}
        """
        model = self.env[tile["model"]]
        field = tile["account_field"]
        domain = expression.AND([domain, [(field, "in", self.ids)]])
        if field == "id":
            return {(account_id,): 1 for account_id in model.search(domain).ids}
        rows = model._read_group(domain, [field, *groupby], ["__count"])
        return {
            (row[0].id, *(self._cockpit_key(value) for value in row[1:-1])): row[-1]
            for row in rows
        }

    @staticmethod
    def _cockpit_key(value):
        return value.isoformat()[:10] if hasattr(value, "isoformat") else value

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_cockpit_data(self):
        if not self.ids:
            self.cockpit_data = []
            return
        data = {account.id: [] for account in self}
        for tile in self._cockpit_tile_list():
            for account_id, entry in self._cockpit_entries(tile).items():
                data[account_id].append(entry)
        for account in self:
            account.cockpit_data = data[account.id]

    def _cockpit_entries(self, tile):
        """The tile's figure for each account of ``self``."""
        totals = self._cockpit_count(tile, tile["domain"])
        entries = {}
        for account in self:
            total = totals.get((account.id,), 0)
            entries[account.id] = {
                "key": tile["key"],
                "label": tile["label"],
                "section": tile["section"],
                "count": total,
                "level": "danger" if total and tile["section"] == "breach" else "ok",
            }
        if tile["good_domain"] is not None:
            self._cockpit_add_rates(tile, totals, entries)
        return entries

    def _cockpit_add_rates(self, tile, totals, entries):
        """Adds the rate, the misses and the weekly trend of a rate tile."""
        good_domain = expression.AND([tile["domain"], tile["good_domain"]])
        goods = self._cockpit_count(tile, good_domain)
        week = f"{tile['date_field']}:week"
        weekly = self._cockpit_count(tile, tile["domain"], [week])
        weekly_good = self._cockpit_count(tile, good_domain, [week])
        for account_id, entry in entries.items():
            total, good = entry["count"], goods.get((account_id,), 0)
            rate = round(100.0 * good / total, 1) if total else None
            entry.update(rate=rate, missed=total - good, target=tile["target"])
            if rate is not None and tile["target"] and rate < tile["target"]:
                entry["level"] = "warning" if rate >= CONFIRM_TARGET else "danger"
            entry["trend"] = [
                {
                    "week": key[1],
                    "rate": round(100.0 * weekly_good.get(key, 0) / count, 1),
                }
                for key, count in sorted(weekly.items(), key=lambda item: item[0][1])
                if key[0] == account_id and key[1]
            ]

    # -- no file lately -----------------------------------------------------------

    def _cockpit_live_domain(self):
        return [
            "|",
            ("environment", "=", "production"),
            ("document_setting_ids.status", "=", "live"),
        ]

    @api.depends("last_receive_date", "heartbeat_hours", "environment")
    def _compute_is_silent(self):
        silent = self.search([("id", "in", self.ids), ("is_silent", "=", True)])
        for account in self:
            account.is_silent = account in silent

    def _search_is_silent(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("'No file lately' can only be searched with = or !=.")
            )
        self.flush_model(["heartbeat_hours", "last_receive_date"])
        self.env.cr.execute(
            """
            SELECT id FROM acorn_vendor_account
             WHERE heartbeat_hours > 0
               AND COALESCE(last_receive_date, create_date)
                   < (now() AT TIME ZONE 'UTC')
                     - heartbeat_hours * interval '1 hour'
            """
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        silent = expression.AND([[("id", "in", ids)], self._cockpit_live_domain()])
        if (operator == "=") == value:
            return silent
        return ["!", *expression.normalize_domain(silent)]
