"""The remittance side of a vendor account: bank journal, posting policy, deduction
types and Amazon reference patterns (the 820, FACTS §7, §14).

Kept apart from the account's configuration (acorn_vendor_account.py); all files
define the one model ``acorn.vendor.account``.
"""

from odoo import Command, api, fields, models

from .acorn_amz_deduction_type import DEDUCTION_KINDS
from .acorn_amz_reference_pattern import DEFAULT_PATTERNS

# Ledger accounts made for a company the first time it gets a vendor account:
# field -> (code, name, account type, reconcilable).
DEFAULT_ACCOUNTS = {
    "deductions": ("AMZDED", "Amazon deductions", "expense", False),
    "to_identify": ("AMZIDENT", "Amazon deductions to identify", "asset_current", True),
}


class AcornVendorAccount(models.Model):
    # A feature file of its own, like billing and shipping.
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    remittance_journal_id = fields.Many2one(
        "account.journal",
        string="Remittance Bank Journal",
        check_company=True,
        domain="[('type', '=', 'bank')]",
        help="Amazon's payments (820 BPR) are booked on this bank journal. A new "
        "account gets its company's first bank journal.",
    )
    auto_post_remittances = fields.Boolean(
        string="Post Remittances Automatically",
        tracking=True,
        help="Book a remittance as soon as every line is matched to an invoice or "
        "typed as a deduction; otherwise an accountant posts it.",
    )
    deduction_account_id = fields.Many2one(
        "account.account",
        string="Deductions to Identify",
        check_company=True,
        help="Deductions whose reason is unknown are booked here, each with its "
        "Amazon reference, until someone identifies them.",
    )
    deduction_type_ids = fields.One2many(
        "acorn.amz.deduction.type", "account_id", string="Deduction Types"
    )
    reference_pattern_ids = fields.One2many(
        "acorn.amz.reference.pattern", "account_id", string="Reference Patterns"
    )
    remittance_count = fields.Integer(compute="_compute_remittance_count")

    @api.model
    def _default_remittance_journal(self):
        Journal = self.env["account.journal"].sudo()
        return Journal.search(
            [
                *Journal._check_company_domain(self.env.company),
                ("type", "=", "bank"),
            ],
            order="sequence, id",
            limit=1,
        )

    def _compute_remittance_count(self):
        counts = dict(
            self.env["acorn.amz.remittance"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.remittance_count = counts.get(account, 0)

    @api.model_create_multi
    def create(self, vals_list):
        # EXTENDS acorn_amazon_vendor: the journal of the account's own company,
        # and the default tables.
        for vals in vals_list:
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            if not vals.get("remittance_journal_id"):
                vals["remittance_journal_id"] = (
                    self.with_company(company)._default_remittance_journal().id
                )
        accounts = super().create(vals_list)
        accounts._amz_remittance_defaults()
        return accounts

    def _amz_remittance_defaults(self):
        """Gives accounts without them a bank journal of their company, the
        deduction types and the FACTS §14 patterns (also for accounts made before
        remittances existed: called again when an 820 arrives)."""
        for account in self.filtered(lambda a: not a.remittance_journal_id):
            account.remittance_journal_id = account.with_company(
                account.company_id
            )._default_remittance_journal()
        for account in self.filtered(lambda a: not a.deduction_type_ids):
            company = account.company_id
            if not company.chart_template:
                continue
            deductions = account._amz_ledger_account("deductions")
            account.write(
                {
                    "deduction_account_id": account.deduction_account_id.id
                    or account._amz_ledger_account("to_identify").id,
                    "deduction_type_ids": [
                        Command.create(
                            {
                                "code": code,
                                "name": label,
                                "sequence": 10 * (index + 1),
                                "booking_account_id": deductions.id,
                            }
                        )
                        for index, (code, label) in enumerate(DEDUCTION_KINDS)
                    ],
                }
            )
            by_code = {t.code: t for t in account.deduction_type_ids}
            account.write(
                {
                    "reference_pattern_ids": [
                        Command.create(
                            {
                                "name": name,
                                "pattern": pattern,
                                "sequence": 10 * (index + 1),
                                "deduction_type_id": by_code[kind].id,
                            }
                        )
                        for index, (name, pattern, kind) in enumerate(DEFAULT_PATTERNS)
                    ]
                }
            )

    def _amz_ledger_account(self, key):
        """The company's default Amazon ledger account ``key``, made if missing."""
        self.ensure_one()
        code, name, account_type, reconcile = DEFAULT_ACCOUNTS[key]
        Account = self.env["account.account"].sudo().with_company(self.company_id)
        found = Account.search(
            [*Account._check_company_domain(self.company_id), ("code", "=", code)],
            limit=1,
        )
        return found or Account.create(
            {
                "code": code,
                "name": name,
                "account_type": account_type,
                "reconcile": reconcile,
                "company_ids": [Command.set(self.company_id.ids)],
            }
        )

    def action_amz_remittance_defaults(self):
        """Button: load the default deduction types and patterns."""
        self._amz_remittance_defaults()
        return True

    def action_view_remittances(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_amz_remittance"
        )
        action["domain"] = [("account_id", "=", self.id)]
        action["context"] = {"default_account_id": self.id}
        return action
