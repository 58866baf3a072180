import base64

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import read_data
from .remittance_common import AmazonRemittanceCommon


@tagged("post_install", "-at_install")
class Test820Safety(AmazonRemittanceCommon):
    def _full_payment(self, inv1, inv2, **kwargs):
        return self._receive_820(
            "amazon_820_full_payment.edi",
            {"INV1": inv1.name, "INV2": inv2.name},
            **kwargs,
        )

    def test_the_same_820_twice_books_once(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        self.account.auto_post_remittances = True
        first = self._full_payment(inv1, inv2)
        same_bytes = self._full_payment(inv1, inv2, filename="again.edi")
        # Resent with new control numbers: other bytes, same content.
        text = self._fill(
            read_data("amazon_820_full_payment.edi").decode(),
            {"INV1": inv1.name, "INV2": inv2.name},
        )
        text = self._renumber(text, 7001, 7101)
        resent = self.env["acorn.edi.message"].browse(
            self.account.receive_file("resent.edi", base64.b64encode(text.encode()))
        )
        remittance = self._remittance("TRC7001")
        self.assertEqual(len(remittance), 1)
        self.assertEqual(remittance.state, "posted")
        self.assertRecordValues(
            first + same_bytes + resent,
            [{"state": "in_processed", "res_id": remittance.id},
             {"state": "in_duplicate", "res_id": 0},
             {"state": "in_duplicate", "res_id": remittance.id}],
        )  # fmt: skip
        self.assertIn("booked once", resent.error_message)
        payments = self.env["account.payment"].search(
            [("payment_reference", "=", "TRC7001")]
        )
        self.assertEqual(len(payments), 1)
        # Same trace number, other content: kept for review, never booked.
        changed = self._renumber(text, 7101, 7201)
        changed = changed.replace("1500.00*C", "1400.00*C").replace(
            "500.00*500.00", "400.00*500.00"
        )
        other = self.env["acorn.edi.message"].browse(
            self.account.receive_file("changed.edi", base64.b64encode(changed.encode()))
        )
        self.assertEqual(other.state, "in_review")
        self.assertIn("other content", other.error_message)
        self.assertEqual(len(self._remittance("TRC7001")), 1)

    def test_a_failed_booking_rolls_back_and_posts_after_the_fix(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        journal = self.account.remittance_journal_id
        cash = self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.company.id)], limit=1
        )
        self.account.write(
            {"auto_post_remittances": True, "remittance_journal_id": cash.id}
        )
        message = self._full_payment(inv1, inv2)
        remittance = self._remittance("TRC7001")
        self.assertEqual(message.state, "in_processed")
        self.assertRecordValues(remittance, [{"state": "error", "payment_id": False}])
        self.assertIn("Remittance TRC7001: ", remittance.error_message)
        self.assertIn("bank journal", remittance.error_message)
        self.assertFalse(
            self.env["account.payment"].search([("payment_reference", "=", "TRC7001")])
        )
        self.assertEqual((inv1 + inv2).mapped("payment_state"), ["not_paid"] * 2)
        self.account.remittance_journal_id = journal
        remittance.with_user(self.accountant).action_post()
        self.assertRecordValues(
            remittance, [{"state": "posted", "error_message": False}]
        )
        self.assertEqual((inv1 + inv2).mapped("payment_state"), ["paid"] * 2)

    def test_an_unbalanced_820_is_not_booked(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        text = self._fill(
            read_data("amazon_820_full_payment.edi").decode(),
            {"INV1": inv1.name, "INV2": inv2.name},
        ).replace("BPR*C*1500.00", "BPR*C*1550.00")
        self.account.receive_file("bad.edi", base64.b64encode(text.encode()))
        remittance = self._remittance("TRC7001")
        remittance.with_user(self.accountant).action_post()
        self.assertEqual(remittance.state, "error")
        self.assertIn("BPR02 $\xa01,550.00 is not the sum", remittance.error_message)
        self.assertFalse(remittance.payment_id)

    def test_currency_and_customer_mismatches_are_refused(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        text = self._fill(
            read_data("amazon_820_full_payment.edi").decode(),
            {"INV1": inv1.name, "INV2": inv2.name},
        )
        euro = self.account.receive_file(
            "eur.edi",
            base64.b64encode(text.replace("CUR*PR*USD", "CUR*PR*EUR").encode()),
        )
        message = self.env["acorn.edi.message"].browse(euro)
        self.assertEqual(message.state, "in_error")
        self.assertIn("is in EUR (CUR02)", message.error_message)
        self.assertFalse(self._remittance("TRC7001"))
        stranger = self.env["res.partner"].create({"name": "Another Retailer"})
        theirs = self._invoice(700, partner=stranger)
        text = self._renumber(
            self._fill(
                read_data("amazon_820_full_payment.edi").decode(),
                {"INV1": inv1.name, "INV2": theirs.name},
            ),
            7001,
            7301,
        )
        message = self.env["acorn.edi.message"].browse(
            self.account.receive_file("theirs.edi", base64.b64encode(text.encode()))
        )
        self.assertEqual(message.state, "in_error")
        self.assertIn(f"RMR {theirs.name} (segment 13)", message.error_message)
        self.assertIn("another customer", message.error_message)
        self.assertFalse(self._remittance("TRC7001"))

    def test_amazon_users_read_and_accountants_post(self):
        inv1, inv2 = self._invoice(1000), self._invoice(500)
        upload = (
            self.env["acorn.edi.upload"]
            .with_user(self.manager)
            .create(
                {
                    "account_id": self.account.id,
                    "filename": "upload.edi",
                    "file": base64.b64encode(
                        self._fill(
                            read_data("amazon_820_full_payment.edi").decode(),
                            {"INV1": inv1.name, "INV2": inv2.name},
                        ).encode()
                    ),
                }
            )
        )
        upload.action_receive()
        remittance = self._remittance("TRC7001").with_user(self.user)
        self.assertEqual(remittance.state, "matched")
        self.assertEqual(remittance.line_ids.move_id, inv1 + inv2)
        with self.assertRaises(AccessError):
            remittance.action_post()
        with self.assertRaises(AccessError):
            remittance.write({"trace_number": "X"})
        remittance.with_user(self.accountant).action_post()
        self.assertEqual(remittance.state, "posted")

    def test_each_company_books_its_own_remittance(self):
        other = self.env["res.company"].create({"name": "Acorn Europe"})
        self.env["account.chart.template"].try_loading(
            "generic_coa", company=other, install_demo=False
        )
        other_account = self._create_account(other, "VEND1")
        self.assertTrue(other_account.deduction_type_ids)
        self.assertEqual(other_account.remittance_journal_id.company_id, other)
        self.env.user.company_ids += other
        mine = (self._invoice(1000), self._invoice(500))
        theirs = (self._invoice(1000, company=other), self._invoice(500, company=other))
        self._full_payment(*mine)
        self._full_payment(*theirs, account=other_account, filename="other.edi")
        remittances = self._remittance("TRC7001") + self._remittance(
            "TRC7001", other_account
        )
        self.assertEqual(remittances.company_id, self.company + other)
        self.assertEqual(remittances[1].line_ids.move_id, theirs[0] + theirs[1])
        remittances.with_user(self.accountant).with_context(
            allowed_company_ids=(self.company + other).ids
        )
        self.accountant.company_ids = [Command.link(other.id)]
        for remittance in remittances:
            remittance.with_user(self.accountant).with_context(
                allowed_company_ids=remittance.company_id.ids
            ).action_post()
        self.assertEqual(remittances.payment_id.company_id, self.company + other)
        seen = (
            self.env["acorn.amz.remittance"]
            .with_user(self.accountant)
            .with_context(allowed_company_ids=self.company.ids)
            .search([("trace_number", "=", "TRC7001")])
        )
        self.assertEqual(seen, remittances[0])
