"""Helpers of the 820 tests: invoices to pay, hand-written 820 files filled with
their numbers, and accounting users."""

import base64
import datetime

from odoo import Command, fields
from odoo.tests import new_test_user

from ..x12 import OutboundEnvelope
from .common import AmazonVendorCommon, read_data

ACCOUNTING_GROUPS = (
    "base.group_user,account.group_account_invoice,"
    "acorn_amazon_vendor.group_amazon_vendor_user"
)


def amazon_envelope(control, receiver="VEND1"):
    """The envelope of an interchange Amazon sends to ``receiver``."""
    return OutboundEnvelope(
        "ZZ", "AMAZON", "ZZ", receiver, "AMAZON", receiver,
        isa_control=control, gs_control=control, st_control=1,
        timestamp=datetime.datetime(2026, 12, 15, 6, 0),
    )  # fmt: skip


class AmazonRemittanceCommon(AmazonVendorCommon):
    """An account paid by 820s: bank journal, deduction accounts, an accountant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = new_test_user(
            cls.env, login="amz_accountant", groups=ACCOUNTING_GROUPS
        )
        cls.bank = cls.account.remittance_journal_id
        cls.receivable = cls.amazon.property_account_receivable_id
        cls.types = {t.code: t for t in cls.account.deduction_type_ids}

    @classmethod
    def _ledger(cls, code, name, account_type="expense"):
        return cls.env["account.account"].create(
            {"code": code, "name": name, "account_type": account_type}
        )

    def _invoice(self, amount, date="2026-11-20", refund=False, partner=None,
                 currency=None, company=None):  # fmt: skip
        company = company or self.company
        move = self.env["account.move"].with_company(company).create(
            {
                "move_type": "out_refund" if refund else "out_invoice",
                "partner_id": (partner or self.amazon).id,
                "invoice_date": date,
                "currency_id": (currency or company.currency_id).id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Goods", "quantity": 1, "price_unit": amount,
                         "tax_ids": [Command.clear()]}
                    )
                ],
            }
        )  # fmt: skip
        move.action_post()
        return move

    @staticmethod
    def _renumber(text, old, new):
        """The same interchange under other ISA13/GS06 control numbers."""
        text = text.replace(f"{old:09d}", f"{new:09d}")
        return text.replace(f"*{old}*X*", f"*{new}*X*").replace(
            f"GE*1*{old}~", f"GE*1*{new}~"
        )

    @staticmethod
    def _fill(text, numbers):
        for key, value in numbers.items():
            text = text.replace("{" + key + "}", value)
        return text

    def _receive_820(self, name, numbers=None, account=None, filename=None):
        """Receives a data file with its {KEY} placeholders filled in."""
        text = self._fill(read_data(name).decode(), numbers or {})
        ids = (account or self.account).receive_file(
            filename or name, base64.b64encode(text.encode())
        )
        return self.env["acorn.edi.message"].browse(ids)

    def _remittance(self, trace, account=None):
        return self.env["acorn.amz.remittance"].search(
            [
                ("trace_number", "=", trace),
                ("account_id", "=", (account or self.account).id),
            ]
        )

    def _payment_lines(self, remittance):
        """{account code: (debit - credit)} of the payment's lines, summed."""
        totals = {}
        for line in remittance.payment_id.move_id.line_ids:
            code = line.account_id.code
            totals[code] = round(totals.get(code, 0.0) + line.balance, 2)
        return totals

    def _today(self):
        return fields.Date.context_today(self.env.user)
