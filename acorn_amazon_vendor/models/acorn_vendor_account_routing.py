"""The identifiers an account receives files under, and those of its partner.

Kept apart from the account's configuration (acorn_vendor_account.py); both define
the one model ``acorn.vendor.account``. The addressing rules themselves are pure
(``x12/addressing.py``).
"""

from odoo import models

from ..x12.addressing import Mailbox


def split_codes(text):
    """Returns the vendor codes of a comma-separated list, blanks dropped."""
    return [code.strip() for code in (text or "").split(",") if code.strip()]


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    def _amz_mailbox(self):
        """What Amazon writes to reach this account.

        ISA07/ISA08 is our ISA qualifier and ID; GS03 is our GS ID or one of the
        account's vendor codes.
        """
        self.ensure_one()
        codes = [self.vendor_gs_id, self.vendor_code]
        return Mailbox.of(
            [(self.vendor_isa_qualifier, self.vendor_isa_id)],
            codes + split_codes(self.other_vendor_codes),
        )

    def _amz_partner_mailbox(self):
        """Who may send to this account: Amazon's ISA05/ISA06 and GS02."""
        self.ensure_one()
        return Mailbox.of(
            [(self.amazon_isa_qualifier, self.amazon_isa_id)], [self.amazon_gs_id]
        )
