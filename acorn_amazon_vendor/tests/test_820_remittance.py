from odoo.tests import tagged

from .remittance_common import AmazonRemittanceCommon


def amazon_spelling(move):
    """How Amazon writes our number back: no separators, lower case."""
    return move.name.replace("/", "").lower()


@tagged("post_install", "-at_install")
class Test820Remittance(AmazonRemittanceCommon):
    def test_full_payment_books_one_payment_and_pays_both_invoices(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        self.account.auto_post_remittances = True
        message = self._receive_820(
            "amazon_820_full_payment.edi",
            {"INV1": amazon_spelling(inv1), "INV2": inv2.name.replace("/", "-")},
        )
        remittance = self._remittance("TRC7001")
        self.assertRecordValues(
            message,
            [{"document_type": "820", "state": "in_processed",
              "res_model": "acorn.amz.remittance", "res_id": remittance.id,
              "ack_state": "A"}],
        )  # fmt: skip
        self.assertRecordValues(
            remittance,
            [{"state": "posted", "amount": 1500.0, "payment_method": "ACH",
              "line_count": 2, "open_count": 0, "match_rate": 100.0,
              "payee_code": "VEND1"}],
        )  # fmt: skip
        self.assertEqual(str(remittance.payment_date), "2026-12-01")
        self.assertRecordValues(
            remittance.line_ids,
            [{"move_id": inv1.id, "match_method": "invoice_number",
              "state": "matched"},
             {"move_id": inv2.id, "match_method": "invoice_number",
              "state": "matched"}],
        )  # fmt: skip
        payment = remittance.payment_id
        self.assertRecordValues(
            payment,
            [{"amount": 1500.0, "journal_id": self.bank.id, "state": "paid",
              "payment_type": "inbound", "partner_id": self.amazon.id,
              "payment_reference": "TRC7001"}],
        )  # fmt: skip
        self.assertEqual((inv1 + inv2).mapped("payment_state"), ["paid", "paid"])
        self.assertEqual(payment.invoice_ids, inv1 + inv2)
        self.assertEqual(payment.move_id.state, "posted")
        self.assertEqual(inv1.amz_remittance_line_count, 1)
        action = inv1.action_amz_view_remittance_lines()
        self.assertEqual(action["domain"], [("move_id", "=", inv1.id)])

    def test_short_pay_books_three_deduction_types_on_their_accounts(self):
        inv1, inv2 = self._invoice(1000), self._invoice(400)
        coop = self._ledger("AMZCOOP", "Amazon co-op")
        damage = self._ledger("AMZDMG", "Amazon damage allowance")
        shortage = self._ledger("AMZSHORT", "Amazon shortage claims")
        self.types["coop"].write({"booking_account_id": coop.id, "reason_codes": "72"})
        self.types["damage_allowance"].write(
            {"booking_account_id": damage.id, "reason_codes": "22, 04"}
        )
        self.types["shortage_claim"].booking_account_id = shortage
        self._receive_820(
            "amazon_820_short_pay_pipe.edi", {"INV1": inv1.name, "INV2": inv2.name}
        )
        remittance = self._remittance("TRC7002")
        self.assertEqual(remittance.state, "matched")  # auto-post is off
        self.assertRecordValues(
            remittance.line_ids,
            [{"state": "matched", "match_method": "invoice_number",
              "po_number": "PO-A1", "deduction_type_id": False,
              "related_move_id": False},
             {"state": "typed", "match_method": "reference_pattern", "po_number": False,
              "deduction_type_id": self.types["shortage_claim"].id,
              "related_move_id": inv2.id}],
        )  # fmt: skip
        self.assertRecordValues(
            remittance.adjustment_ids.sorted("amount"),
            [{"amount": 20.0, "source": "adx", "reason_code": "22",
              "deduction_type_id": self.types["damage_allowance"].id},
             {"amount": 36.0, "source": "reference", "reason_code": False,
              "deduction_type_id": self.types["shortage_claim"].id},
             {"amount": 50.0, "source": "adx", "reason_code": "72",
              "deduction_type_id": self.types["coop"].id}],
        )  # fmt: skip
        remittance.with_user(self.accountant).action_post()
        self.assertEqual(remittance.state, "posted")
        lines = self._payment_lines(remittance)
        self.assertEqual(
            (lines["AMZCOOP"], lines["AMZDMG"], lines["AMZSHORT"]), (50.0, 20.0, 36.0)
        )
        self.assertEqual(remittance.payment_id.amount, 894.0)
        self.assertEqual(inv1.payment_state, "paid")
        self.assertEqual(inv2.payment_state, "not_paid")
        self.assertIn("Co-op: $", remittance.deduction_summary)

    def test_chargeback_unknown_references_and_overpayment(self):
        inv1 = self._invoice(1000)
        inv2 = self._invoice(140, date="2026-11-28")
        self._receive_820("amazon_820_chargeback_unknown_crlf.edi", {"INV1": inv1.name})
        remittance = self._remittance("TRC7003")
        self.assertEqual(remittance.state, "partial")
        chargeback, unknown, unpaid = remittance.line_ids[1:]
        self.assertRecordValues(
            chargeback + unknown + unpaid,
            [{"state": "typed", "move_id": False, "suggested_move_id": False,
              "deduction_type_id": self.types["compliance_chargeback"].id},
             {"state": "open", "move_id": False, "suggested_move_id": False,
              "deduction_type_id": False},
             {"state": "open", "move_id": False, "suggested_move_id": inv2.id,
              "deduction_type_id": False}],
        )  # fmt: skip
        self.assertEqual(remittance.open_count, 2)
        activity = remittance.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertIn("XQ-998877", activity.note)
        self.assertEqual(inv2.payment_state, "not_paid")  # a suggestion only
        unpaid.with_user(self.accountant).action_accept_suggestion()
        self.assertRecordValues(
            unpaid, [{"move_id": inv2.id, "match_method": "manual", "state": "matched"}]
        )
        self.assertEqual((remittance.open_count, remittance.state), (1, "partial"))
        remittance.with_user(self.accountant).action_post()
        lines = remittance.payment_id.move_id.line_ids
        to_identify = lines.filtered(
            lambda line: line.account_id == self.account.deduction_account_id
        )
        self.assertRecordValues(
            to_identify, [{"balance": 15.0, "name": "XQ-998877 (TRC7003)"}]
        )
        self.assertEqual((inv1 + inv2).mapped("payment_state"), ["paid", "paid"])
        # The overpayment of the first invoice stays as outstanding credit.
        counterpart = lines.filtered(lambda line: line.account_id == self.receivable)
        self.assertAlmostEqual(sum(counterpart.mapped("amount_residual")), -100.0)
        self.assertEqual(self._payment_lines(remittance)["AMZDED"], 12.40)
        # The unknown deduction is booked, still to identify: the activity stays.
        self.assertEqual(remittance.activity_ids, activity)

    def test_credit_note_discount_and_payment_level_coop(self):
        invoice = self._invoice(1000)
        credit = self._invoice(240, refund=True)
        self.types["coop"].reason_codes = "72"
        self.account.auto_post_remittances = True
        self._receive_820(
            "amazon_820_credit_note.edi", {"INV1": invoice.name, "CN1": credit.name}
        )
        remittance = self._remittance("TRC7004")
        self.assertEqual(remittance.state, "posted", remittance.error_message)
        self.assertRecordValues(
            remittance.line_ids,
            [{"move_id": invoice.id, "qualifier": "IV", "amount_paid": 990.0,
              "discount": 10.0},
             {"move_id": credit.id, "qualifier": "CR", "amount_paid": -240.0,
              "discount": 0.0}],
        )  # fmt: skip
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(credit.payment_state, "paid")
        self.assertRecordValues(
            remittance.adjustment_ids.sorted("amount"),
            [{"source": "discount", "amount": 10.0,
              "line_id": remittance.line_ids[0].id, "reference": invoice.name,
              "deduction_type_id": self.types["other"].id},
             {"source": "adx", "amount": 25.0, "line_id": False,
              "reference": "COOP-Q4-2026", "deduction_type_id": self.types["coop"].id}],
        )  # fmt: skip
        self.assertEqual(self._payment_lines(remittance)["AMZDED"], 35.0)
        self.assertEqual(remittance.payment_id.amount, 725.0)
