"""Cockpit tiles of the flows that came after the cockpit: intake, transports, 820.

Each flow adds its tiles to ``acorn.vendor.account._cockpit_tiles()`` the way
docs/cockpit.md shows: one override, one grouped query per tile. The quarantine
and transport alarms raise their own activities where they happen (intake and the
transport sync), so these tiles only count and open them.
"""

from datetime import timedelta

from odoo import fields, models

from .acorn_vendor_account_dashboard import WINDOW_DAYS


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    def _cockpit_tiles(self):
        # EXTENDS acorn_amazon_vendor (acorn_vendor_account_dashboard.py)
        since = fields.Datetime.now() - timedelta(days=WINDOW_DAYS)
        return [
            *super()._cockpit_tiles(),
            *self._cockpit_intake_tiles(),
            *self._cockpit_remittance_tiles(since),
        ]

    def _cockpit_intake_tiles(self):
        """Files quarantined; transports failing."""
        breach = {"section": "breach", "account_field": "account_id"}
        return [
            {
                **breach,
                "model": "acorn.edi.interchange",
                "key": "files_quarantined",
                "sequence": 170,
                "label": self.env._("Files quarantined"),
                "domain": [("intake_state", "=", "quarantined")],
            },
            {
                **breach,
                "model": "acorn.edi.transport",
                "key": "transports_failing",
                "sequence": 180,
                "label": self.env._("Transports failing"),
                "domain": [("state", "=", "error")],
            },
        ]

    def _cockpit_remittance_tiles(self, since):
        """Payment match rate of the 820 lines; open deductions."""
        return [
            {
                "model": "acorn.amz.remittance.line",
                "account_field": "account_id",
                "key": "820_matched",
                "sequence": 70,
                "label": self.env._("Payment match rate"),
                "domain": [("create_date", ">=", since)],
                "good_domain": [("state", "in", ("matched", "typed"))],
                "target": 100.0,
            },
            {
                "model": "acorn.amz.remittance.adjustment",
                "account_field": "account_id",
                "section": "breach",
                "key": "deductions_open",
                "sequence": 190,
                "label": self.env._("Open deductions"),
                "domain": [("resolution", "=", "open")],
                "date_field": "payment_date",
            },
        ]
