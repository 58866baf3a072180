from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import AmazonVendorCommon


@tagged("post_install", "-at_install")
class TestSecurity(AmazonVendorCommon):
    def test_user_reads_but_cannot_configure(self):
        account = self.account.with_user(self.user)
        self.assertEqual(account.vendor_code, "VEND1")
        with self.assertRaises(AccessError):
            account.write({"vendor_code": "HACK"})
        with self.assertRaises(AccessError):
            self.env["acorn.vendor.account"].with_user(self.user).create(
                {
                    "name": "x",
                    "vendor_code": "X",
                    "partner_id": self.amazon.id,
                    "vendor_isa_id": "X",
                    "vendor_gs_id": "X",
                }
            )

    def test_manager_configures(self):
        self.account.with_user(self.manager).write({"environment": "production"})
        self.assertEqual(self.account.environment, "production")

    def test_user_cannot_retry_or_alter_messages(self):
        message = self._create_message(self.account, state="in_error")
        with self.assertRaises(AccessError):
            message.with_user(self.user).action_retry()
        with self.assertRaises(AccessError):
            message.with_user(self.user).write({"po_number": "X"})
        self.assertEqual(message.state, "in_error")

    def test_non_amazon_user_sees_nothing(self):
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider",
                "login": "outsider",
                "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.env["acorn.edi.message"].with_user(outsider).search([])

    def test_multi_company_isolation(self):
        other_company = self.env["res.company"].create({"name": "Other Brand Inc."})
        other_account = self._create_account(other_company, "OTHER")
        self._create_message(other_account, state="in_error")
        self._create_message(self.account, state="in_error")
        self.manager.write({"company_ids": [(4, other_company.id)]})
        Message = self.env["acorn.edi.message"].with_user(self.manager)
        only_main = Message.with_context(allowed_company_ids=[self.company.id])
        both = Message.with_context(
            allowed_company_ids=[self.company.id, other_company.id]
        )
        self.assertEqual(only_main.search([]).account_id, self.account)
        self.assertEqual(both.search([]).account_id, self.account | other_account)
        self.assertFalse(
            self.env["acorn.vendor.account"]
            .with_user(self.user)
            .with_context(allowed_company_ids=[self.company.id])
            .search([("vendor_code", "=", "OTHER")])
        )

    def test_user_works_orders_but_cannot_configure_fcs(self):
        fc = self.env["acorn.amazon.fc"].create(
            {
                "account_id": self.account.id,
                "code": "ABE2",
                "partner_id": self.amazon.id,
            }
        )
        self.assertEqual(fc.with_user(self.user).code, "ABE2")
        with self.assertRaises(AccessError):
            fc.with_user(self.user).write({"code": "XXX1"})
        identifier = (
            self.env["acorn.product.identifier"]
            .with_user(self.user)
            .create(
                {
                    "account_id": self.account.id,
                    "product_id": self.env["product.product"]
                    .create({"name": "Mapped by a user"})
                    .id,
                    "qualifier": "BP",
                    "value": "B0USERMAP1",
                }
            )
        )
        self.assertEqual(identifier.account_id, self.account)
        with self.assertRaises(AccessError):
            identifier.with_user(self.user).unlink()
        with self.assertRaises(AccessError):
            self.account.with_user(self.user).action_sync_now()

    def test_account_creates_sequences_and_never_emails_amazon(self):
        self.assertRecordValues(
            self.account.isa_sequence_id | self.account.gs_sequence_id,
            [
                {"implementation": "no_gap", "company_id": self.company.id},
                {"implementation": "no_gap", "company_id": self.company.id},
            ],
        )
        self.assertEqual(self.amazon.invoice_sending_method, "manual")
        with self.assertRaisesRegex(ValidationError, "never by e-mail"):
            self.amazon.invoice_sending_method = "email"
