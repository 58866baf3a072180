"""The billing side of a vendor account: the 810 parties, tax type and policies.

Kept apart from the account's configuration (acorn_vendor_account.py) and its EDI
engine (acorn_vendor_account_edi.py); all define the one model
``acorn.vendor.account``.
"""

from odoo import fields, models

from ..x12 import x12_text

# TXI01 tax type written for the invoice's taxes (X12 element 963, FACTS §6 [I]).
TAX_TYPES = [
    ("ST", "ST - State sales tax"),
    ("LS", "LS - State and local sales tax"),
    ("GS", "GS - Goods and services tax"),
    ("VA", "VA - Value added tax"),
    ("TX", "TX - All taxes"),
]
# N102 Name is AN 1-60 (X12 element 93).
NAME_WIDTH = 60


class AcornVendorAccount(models.Model):
    # A second extension on purpose: billing has its own file, like the EDI side.
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    amz_bill_to_code = fields.Char(
        string="Amazon Bill-To Code",
        tracking=True,
        help="N1*BT N104: the Amazon entity billed, as Amazon gave it to you.",
    )
    amz_bill_to_name = fields.Char(
        string="Amazon Bill-To Name",
        help="N1*BT N102; the Amazon customer's name when empty.",
    )
    amz_remit_to_code = fields.Char(
        string="Remit-To Code",
        tracking=True,
        help="N1*RI N104: where Amazon pays you, as registered in Vendor Central.",
    )
    amz_ship_from_code = fields.Char(
        string="Ship-From Code",
        tracking=True,
        help="N1*SF N104: the warehouse code Amazon knows for the goods' origin.",
    )
    amz_tax_type = fields.Selection(
        TAX_TYPES,
        string="810 Tax Type",
        default="ST",
        required=True,
        help="TXI01 written for the invoice's taxes.",
    )
    amz_invoice_approval = fields.Boolean(
        string="Invoices Need a Second Person",
        tracking=True,
        help="Maker-checker: an Amazon invoice leaves only once someone other "
        "than the person who posted it has approved it.",
    )
    amz_invoice_count = fields.Integer(compute="_compute_amz_invoice_count")

    def _compute_amz_invoice_count(self):
        counts = dict(
            self.env["account.move"]._read_group(
                [("amz_account_id", "in", self.ids)], ["amz_account_id"], ["__count"]
            )
        )
        for account in self:
            account.amz_invoice_count = counts.get(account, 0)

    def _amz_810_parties(self):
        """The N1 loops of this account's 810s: (bill-to, remit-to, ship-from)."""
        from ..x12 import Party

        self.ensure_one()
        bill_name = self.amz_bill_to_name or self.partner_id.name
        ship_name = self.warehouse_id.name or self.company_id.name
        return (
            Party("BT", x12_text(bill_name, NAME_WIDTH), "92", self.amz_bill_to_code),
            Party(
                "RI",
                x12_text(self.company_id.name, NAME_WIDTH),
                "92",
                self.amz_remit_to_code,
            ),
            Party("SF", x12_text(ship_name, NAME_WIDTH), "92", self.amz_ship_from_code),
        )

    def _amz_missing_codes(self):
        """{key: label} of the 810 party codes this account lacks."""
        self.ensure_one()
        labels = {
            "amz_bill_to_code": self.env._("bill-to code (N1*BT)"),
            "amz_remit_to_code": self.env._("remit-to code (N1*RI)"),
            "amz_ship_from_code": self.env._("ship-from code (N1*SF)"),
        }
        return {name: label for name, label in labels.items() if not self[name]}

    def action_view_amz_invoices(self):
        return self._action_open_edi(
            "acorn_amazon_vendor.action_amz_invoice", [], field="amz_account_id"
        )
