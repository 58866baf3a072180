from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "-standard", "acorn_demo")
class TestDemoData(TransactionCase):
    """Smoke test run on the demo database only: the demo shows every flow."""

    def test_demo_account_ready(self):
        account = self.env.ref("acorn_amazon_vendor.vendor_account_us_demo")
        self.assertRecordValues(
            account,
            [{"vendor_code": "ACORN", "marketplace": "US", "environment": "test"}],
        )
        self.assertEqual(account.partner_id.name, "Amazon.com Services LLC")
