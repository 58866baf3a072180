"""The shipping side of a vendor account: SSCC numbering, 856 version, ASN deadline.

GS1 General Specifications §2.2.1 (SSCC): extension digit, GS1 company prefix,
serial reference, mod-10 check digit, 18 digits in all. Amazon wants one SSCC per
carton, equal to the 856 MAN*GM (FACTS §5.1), and the ASN before the freight
arrives (FACTS §5.2).
"""

import dataclasses

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..x12 import make_sscc, valid_sscc

# GS1 company prefixes run from 4 to 12 digits; 7 to 10 are the common US sizes.
GS1_PREFIX_DIGITS = (4, 12)
# GS08 versions of the 856 an account can send (Amazon's current guide is 5010).
VERSIONS_856 = [
    ("005010", "005010 (Amazon's current 856)"),
    ("004010", "004010 (older accounts)"),
]


class AcornVendorAccount(models.Model):
    # A further extension on purpose: shipping has its own file, like the EDI side.
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    amz_gs1_prefix = fields.Char(
        string="GS1 Company Prefix",
        help="Your GS1 company prefix (4 to 12 digits). Every carton and pallet "
        "label gets an SSCC-18 built from it.",
    )
    amz_sscc_extension = fields.Char(
        string="SSCC Extension Digit",
        default="0",
        size=1,
        help="First digit of the SSCC, chosen by you (0-9).",
    )
    amz_sscc_sequence_id = fields.Many2one(
        "ir.sequence", string="SSCC Serial Sequence", readonly=True, copy=False
    )
    amz_856_version = fields.Selection(
        VERSIONS_856, string="856 Version", required=True, default="005010"
    )
    amz_asn_target_hours = fields.Float(
        string="Send 856 Within (h of ship)",
        default=1.0,
        help="Our target: the ASN leaves this many hours after the freight. Amazon "
        "charges back an ASN that arrives after the freight in any case.",
    )
    amz_require_labels = fields.Boolean(
        string="Labels Before 856",
        default=True,
        help="Refuse to send an 856 until every carton and pallet label was "
        "printed and still matches the shipment.",
    )
    amz_default_carrier_id = fields.Many2one(
        "delivery.carrier",
        string="Default Carrier",
        check_company=True,
        help="Carrier of new shipments when their deliveries name none.",
    )

    @api.constrains("amz_gs1_prefix", "amz_sscc_extension")
    def _check_amz_gs1_prefix(self):
        low, high = GS1_PREFIX_DIGITS
        for account in self:
            prefix = account.amz_gs1_prefix or ""
            if prefix and not (prefix.isdigit() and low <= len(prefix) <= high):
                raise ValidationError(
                    self.env._(
                        "The GS1 company prefix of %(account)s must be %(low)s to "
                        "%(high)s digits.",
                        account=account.name,
                        low=low,
                        high=high,
                    )
                )
            extension = account.amz_sscc_extension or ""
            if not (len(extension) == 1 and extension.isdigit()):
                raise ValidationError(
                    self.env._("The SSCC extension digit is one digit, 0 to 9.")
                )

    def _amz_next_sscc(self):
        """Draws the next SSCC-18 of this account (serial from a no-gap sequence)."""
        self.ensure_one()
        if not self.amz_gs1_prefix:
            raise UserError(
                self.env._(
                    "Set the GS1 company prefix of %(account)s (Shipping tab) "
                    "before labelling cartons.",
                    account=self.name,
                )
            )
        account = self.sudo()
        if not account.amz_sscc_sequence_id:
            account.amz_sscc_sequence_id = account.env["ir.sequence"].create(
                {
                    "name": f"Amazon {account.vendor_code} SSCC serial",
                    "implementation": "no_gap",
                    "number_next": 1,
                    "company_id": account.company_id.id,
                }
            )
        serial = int(account.amz_sscc_sequence_id._next())
        try:
            sscc = make_sscc(self.amz_sscc_extension, self.amz_gs1_prefix, serial)
        except ValueError as error:
            raise UserError(
                self.env._(
                    "The SSCC serials of GS1 prefix %(prefix)s are used up: %(error)s",
                    prefix=self.amz_gs1_prefix,
                    error=error,
                )
            ) from error
        if not valid_sscc(sscc):
            raise UserError(self.env._("SSCC %(sscc)s is not valid.", sscc=sscc))
        return sscc

    def _amz_envelope(self, document_type):
        # EXTENDS acorn_vendor_account_edi: the 856 goes out in the account's version.
        envelope = super()._amz_envelope(document_type)
        if document_type == "856":
            envelope = dataclasses.replace(envelope, version=self.amz_856_version)
        return envelope
