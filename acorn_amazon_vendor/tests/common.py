from odoo.tests import TransactionCase, new_test_user


class AmazonVendorCommon(TransactionCase):
    """An Amazon vendor account, its customer, and a user and a manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.amazon = cls.env["res.partner"].create(
            {"name": "Amazon.com Services LLC", "is_company": True}
        )
        cls.account = cls._create_account(cls.company, "VEND1")
        cls.user = new_test_user(
            cls.env,
            login="amz_user",
            groups="base.group_user,acorn_amazon_vendor.group_amazon_vendor_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="amz_manager",
            groups="base.group_user,acorn_amazon_vendor.group_amazon_vendor_manager",
        )

    @classmethod
    def _create_account(cls, company, vendor_code):
        return cls.env["acorn.vendor.account"].create(
            {
                "name": f"Amazon {vendor_code}",
                "company_id": company.id,
                "vendor_code": vendor_code,
                "partner_id": cls.amazon.id,
                "currency_id": company.currency_id.id,
                "vendor_isa_id": vendor_code,
                "vendor_gs_id": vendor_code,
            }
        )

    @classmethod
    def _create_message(cls, account, **values):
        return cls.env["acorn.edi.message"].create(
            {
                "account_id": account.id,
                "company_id": account.company_id.id,
                "direction": "inbound",
                "document_type": "850",
                "state": "in_received",
                **values,
            }
        )
