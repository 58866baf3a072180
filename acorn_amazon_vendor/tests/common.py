import base64
import io
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user

DATA = Path(__file__).parent / "data"


def read_data(name):
    return (DATA / name).read_bytes()


def pyx12_errors(text):
    """Reads ``text`` with pyx12's reader; returns its errors and segment count."""
    from pyx12.x12file import X12Reader

    with X12Reader(io.StringIO(text)) as reader:
        count = sum(1 for _ in reader)
        reader.cleanup()
        return reader.pop_errors(), count


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


class AmazonOrderCommon(AmazonVendorCommon):
    """Adds the catalogue the test 850s order from, and the ABE2 FC.

    Mug: ASIN B07R634M2P, EAN 4006381333931, 12.50. Tea: UPC 012345678905, SKU
    ACN-TEA, 10.00 each, sold in cases of 6. Spoon: SKU ACN-SPOON, 3.00.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Product = cls.env["product.product"]
        cls.mug = Product.create(
            {
                "name": "Acorn Mug",
                "default_code": "ACN-MUG",
                "barcode": "4006381333931",
                "list_price": 12.50,
                "is_storable": True,
            }
        )
        cls.tea = Product.create(
            {
                "name": "Acorn Tea",
                "default_code": "ACN-TEA",
                "barcode": "0012345678905",
                "list_price": 10.00,
                "is_storable": True,
            }
        )
        cls.tea_case = cls.env["product.packaging"].create(
            {"name": "Case of 6", "product_id": cls.tea.id, "qty": 6, "sales": True}
        )
        cls.spoon = Product.create(
            {"name": "Acorn Spoon", "default_code": "ACN-SPOON", "list_price": 3.00}
        )
        cls.env["acorn.product.identifier"].create(
            {
                "account_id": cls.account.id,
                "product_id": cls.mug.id,
                "qualifier": "BP",
                "value": "B07R634M2P",
            }
        )
        cls.fc_partner = cls.env["res.partner"].create(
            {"name": "Amazon ABE2", "parent_id": cls.amazon.id, "type": "delivery"}
        )
        cls.env["acorn.amazon.fc"].create(
            {
                "account_id": cls.account.id,
                "code": "ABE2",
                "partner_id": cls.fc_partner.id,
            }
        )

    def _receive(self, name, account=None, user=None):
        account = account or self.account
        if user:
            account = account.with_user(user)
        ids = account.receive_file(name, base64.b64encode(read_data(name)))
        return self.env["acorn.edi.message"].browse(ids)

    def _order(self, po_number, account=None):
        return self.env["sale.order"].search(
            [
                ("amz_po_number", "=", po_number),
                ("amz_account_id", "=", (account or self.account).id),
            ]
        )

    def _outbound(self, document_type, account=None):
        return self.env["acorn.edi.message"].search(
            [
                ("account_id", "=", (account or self.account).id),
                ("direction", "=", "outbound"),
                ("document_type", "=", document_type),
            ],
            order="id",
        )
