import base64
import datetime
import io
from decimal import Decimal

from odoo import Command
from odoo.tests import tagged

from ..x12 import Remittance, RemittanceItem, build_820
from .billing_common import AmazonBillingCommon
from .common import read_data
from .remittance_common import AmazonRemittanceCommon, amazon_envelope

# Invoices paid by the one big 820 of the ledger tests: enough for one payment
# with hundreds of reconciliations; bench/bench_820.py measures 1,000 to 10,000.
BIG_REMITTANCE = 300


@tagged("post_install", "-at_install")
class Test820Flow(AmazonBillingCommon):
    def test_850_to_810_to_the_820_that_pays_it(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        self._send(invoice)
        self.assertEqual(invoice.amz_edi_state, "generated")
        amount = f"{invoice.amount_total:.2f}"
        text = (
            read_data("amazon_820_pays_3J2KKUAV.edi")
            .decode()
            .replace("{INV}", invoice.name)
            .replace("{AMOUNT}", amount)
            .replace("{PAID}", f"{invoice.amount_total - 25:.2f}")
        )
        self.account.auto_post_remittances = True
        messages = self._receive_text(text, "RA9001.edi")
        remittance = self.env["acorn.amz.remittance"].browse(messages.res_id)
        self.assertRecordValues(
            remittance.line_ids,
            [{"move_id": invoice.id, "match_method": "invoice_number",
              "po_number": "3J2KKUAV", "state": "matched"},
             {"move_id": False, "match_method": "reference_pattern",
              "po_number": False, "state": "typed"}],
        )  # fmt: skip
        self.assertEqual(remittance.state, "posted", remittance.error_message)
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(remittance.payment_id.amount, invoice.amount_total - 25)
        self.assertEqual(remittance.deduction_total, 25.0)
        self.assertEqual(remittance.line_ids[1].related_move_id, invoice)
        self.assertEqual(order.invoice_ids, invoice)

    def test_a_line_naming_only_the_po_is_matched_by_the_po(self):
        order = self._acked_order()
        self._ship(order)
        invoice = self._invoice(order)
        text = (
            read_data("amazon_820_pays_3J2KKUAV.edi")
            .decode()
            .replace("RMR*IV*{INV}**", "RMR*IV*AMZ77120**")
            .replace("{INV}", "AMZ77120")
            .replace("{AMOUNT}", f"{invoice.amount_total:.2f}")
            .replace("{PAID}", f"{invoice.amount_total - 25:.2f}")
        )
        messages = self._receive_text(text, "RA9001.edi")
        remittance = self.env["acorn.amz.remittance"].browse(messages.res_id)
        self.assertRecordValues(
            remittance.line_ids[0],
            [{"move_id": invoice.id, "match_method": "po_number", "state": "matched"}],
        )


@tagged("post_install", "-at_install")
class Test820Ledger(AmazonRemittanceCommon):
    def test_foreign_currency_settles_with_exchange_differences(self):
        euro = self.env.ref("base.EUR")
        euro.active = True
        self.env["res.currency.rate"].create(
            [
                {"name": "2026-11-20", "rate": 0.9, "currency_id": euro.id},
                {"name": "2026-12-10", "rate": 0.8, "currency_id": euro.id},
            ]
        )
        account = self._create_account(self.company, "VEND2")
        account.currency_id = euro
        inv1 = self._invoice(1000, currency=euro)
        inv2 = self._invoice(800, currency=euro)
        self._receive_820(
            "amazon_820_partial_eur.edi",
            {"INV1": inv1.name, "INV2": inv2.name},
            account=account,
        )
        remittance = self._remittance("TRC7005EU", account)
        self.assertEqual(remittance.currency_id, euro)
        remittance.with_user(self.accountant).action_post()
        self.assertEqual(remittance.state, "posted", remittance.error_message)
        self.assertEqual(inv1.payment_state, "paid")
        self.assertEqual(inv2.payment_state, "partial")
        self.assertAlmostEqual(inv2.amount_residual, 500.0)
        payment_move = remittance.payment_id.move_id
        self.assertAlmostEqual(
            sum(payment_move.line_ids.filtered("debit").mapped("debit")), 1625.0
        )
        exchange = self.env["account.move"].search(
            [("journal_id", "=", self.company.currency_exchange_journal_id.id)]
        )
        self.assertTrue(exchange)
        gain = self.company.income_currency_exchange_account_id
        self.assertAlmostEqual(
            -sum(
                exchange.line_ids.filtered(lambda line: line.account_id == gain).mapped(
                    "balance"
                )
            ),
            round(1000 / 0.8 - 1000 / 0.9, 2) + round(300 / 0.8 - 300 / 0.9, 2),
            places=1,
        )

    def test_the_bank_statement_line_is_reconciled_with_the_payment(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        statement_line = self.env["account.bank.statement.line"].create(
            {
                "journal_id": self.bank.id,
                "date": "2026-12-02",
                "payment_ref": "AMAZON.COM SVCS ACH TRC7001",
                "amount": 1500.0,
            }
        )
        self.account.auto_post_remittances = True
        self._receive_820(
            "amazon_820_full_payment.edi", {"INV1": inv1.name, "INV2": inv2.name}
        )
        remittance = self._remittance("TRC7001")
        self.assertEqual(remittance.statement_line_id, statement_line)
        self.assertTrue(statement_line.is_reconciled)
        self.assertTrue(remittance.payment_id.is_matched)

    def test_a_remittance_of_many_invoices(self):
        """BIG_REMITTANCE invoices paid by one 820, a tenth of them short."""
        invoices = self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": self.amazon.id,
                    "invoice_date": "2026-11-20",
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Goods", "quantity": 1, "price_unit": 100 + n,
                             "tax_ids": [Command.clear()]}
                        )
                    ],
                }
                for n in range(BIG_REMITTANCE)
            ]
        )  # fmt: skip
        invoices.action_post()
        # Statistics for the rows just made, as a live database has them; without
        # them PostgreSQL plans Odoo's payment-state query for a handful of rows.
        self.env.flush_all()
        self.env.cr.execute(
            "ANALYZE account_move, account_move_line, account_partial_reconcile"
        )
        items = []
        for n, invoice in enumerate(invoices):
            total = Decimal(100 + n)
            paid = total - 10 if n % 10 == 0 else total
            items.append(
                RemittanceItem(invoice.name.replace("/", "-"), paid, invoiced=total)
            )
        remittance = Remittance(
            trace_number="BIG1000",
            amount=sum((item.paid for item in items), Decimal(0)),
            items=tuple(items),
            currency="USD",
            payment_date=datetime.date(2026, 12, 15),
            dates=(("097", datetime.date(2026, 12, 15)),),
        )
        text = build_820(remittance, amazon_envelope(8001))
        self.account.auto_post_remittances = True
        self.account.receive_file("big.edi", base64.b64encode(text.encode()))
        booked = self._remittance("BIG1000")
        self.assertRecordValues(
            booked,
            [{"state": "posted", "line_count": BIG_REMITTANCE, "match_rate": 100.0}],
        )
        partial = invoices.filtered(lambda move: move.payment_state == "partial")
        self.assertEqual(len(partial), BIG_REMITTANCE // 10)
        self.assertEqual(set(partial.mapped("amount_residual")), {10.0})
        self.assertEqual(
            len(invoices.filtered(lambda m: m.payment_state == "paid")),
            BIG_REMITTANCE - BIG_REMITTANCE // 10,
        )
        # Liquidity, the counterpart of those paid in full, one line per partial.
        self.assertEqual(
            len(booked.payment_id.move_id.line_ids), 2 + BIG_REMITTANCE // 10
        )

    def test_workbooks_of_a_remittance_and_a_period(self):
        from openpyxl import load_workbook

        inv1, inv2 = self._invoice(1000), self._invoice(500)
        self._receive_820(
            "amazon_820_full_payment.edi", {"INV1": inv1.name, "INV2": inv2.name}
        )
        remittance = self._remittance("TRC7001")
        action = remittance.with_user(self.user).action_export_xlsx()
        attachment = remittance.env["ir.attachment"].search(
            [("res_model", "=", remittance._name), ("res_id", "=", remittance.id)]
        )
        self.assertEqual(action["url"], f"/web/content/{attachment.id}?download=true")
        book = load_workbook(io.BytesIO(attachment.raw))
        self.assertEqual(book.sheetnames, ["Summary", "Lines", "Deductions"])
        lines = book["Lines"]
        self.assertEqual(lines.freeze_panes, "A2")
        self.assertEqual(lines["C1"].value, "Reference")
        self.assertEqual(lines["C2"].value, inv1.name)
        self.assertEqual(lines["J2"].value, "Invoice number")
        self.assertEqual(lines["L2"].value, 1000.0)
        self.assertEqual((lines["A4"].value, lines["H4"].value), ("Total", 1500.0))
        self.assertEqual(lines["H2"].number_format, "#,##0.00;[Red]-#,##0.00")
        summary_wizard = self.env["acorn.amz.remittance.summary"].create(
            {"date_from": "2026-12-01", "date_to": "2026-12-31"}
        )
        summary_wizard.action_export()
        book = load_workbook(io.BytesIO(summary_wizard.attachment_id.raw))
        rows = list(book["Remittances"].values)
        self.assertEqual(rows[1][1], "TRC7001")
        self.assertEqual(rows[-1][4], 1500.0)
