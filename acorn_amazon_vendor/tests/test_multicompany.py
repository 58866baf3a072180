from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AmazonOrderCommon


@tagged("post_install", "-at_install")
class TestMultiCompany(AmazonOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Other Brand Inc."})
        cls.other_account = cls._create_account(cls.other_company, "VEND1")
        cls.other_user = cls.env["res.users"].create(
            {
                "name": "Other brand user",
                "login": "other_brand_user",
                "company_id": cls.other_company.id,
                "company_ids": [(6, 0, [cls.other_company.id])],
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            cls.env.ref("base.group_user").id,
                            cls.env.ref(
                                "acorn_amazon_vendor.group_amazon_vendor_user"
                            ).id,
                        ],
                    )
                ],
            }
        )

    def test_each_company_gets_its_own_orders_and_archive(self):
        self._receive("amazon_850_single.edi")
        other = self._receive("amazon_850_single.edi", account=self.other_account)
        self.assertEqual(other.state, "in_review", "no FC table in the other account")
        self.assertFalse(other.interchange_id.duplicate_of_id)
        mine, theirs = (
            self._order("3J2KKUAV"),
            self._order("3J2KKUAV", self.other_account),
        )
        self.assertRecordValues(
            mine | theirs,
            [{"company_id": self.company.id}, {"company_id": self.other_company.id}],
        )
        self.assertEqual(other.company_id, self.other_company)
        self.assertEqual(
            self._outbound("997", self.other_account).company_id, self.other_company
        )
        self.assertNotEqual(
            self.account.isa_sequence_id, self.other_account.isa_sequence_id
        )
        self.assertEqual(
            self.other_account.isa_sequence_id.company_id, self.other_company
        )

    def test_users_see_only_their_company(self):
        self._receive("amazon_850_single.edi")
        self._receive("amazon_850_single.edi", account=self.other_account)
        Order = self.env["sale.order"].with_user(self.other_user)
        seen = Order.with_context(allowed_company_ids=[self.other_company.id]).search(
            [("amz_po_number", "=", "3J2KKUAV")]
        )
        self.assertEqual(seen.company_id, self.other_company)
        Message = self.env["acorn.edi.message"].with_user(self.other_user)
        self.assertEqual(
            Message.with_context(allowed_company_ids=[self.other_company.id])
            .search([])
            .company_id,
            self.other_company,
        )
        with self.assertRaises(AccessError):
            self.account.with_user(self.other_user).receive_file("x.edi", "")

    def test_identifiers_and_fcs_stay_in_their_account(self):
        self._receive("amazon_850_single.edi", account=self.other_account)
        order = self._order("3J2KKUAV", self.other_account)
        mug_line = order.order_line.filtered(lambda ln: ln.amz_line_number == "1")
        self.assertEqual(mug_line.product_id, self.mug, "matched by its EAN barcode")
        self.assertFalse(
            self.env["acorn.product.identifier"].search(
                [("account_id", "=", self.account.id), ("value", "=", "4006381333931")]
            )
        )
        self.assertEqual(order.partner_shipping_id, self.amazon)
