from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.barcode import check_barcode_encoding

from ..x12 import make_sscc, sscc_check_digit, valid_sscc
from .shipping_common import GS1_PREFIX, AmazonShippingCommon


@tagged("post_install", "-at_install")
class TestSscc(AmazonShippingCommon):
    """SSCC-18 numbers: GS1 check digit, prefix, serial sequence, put in pack."""

    def test_gs1_example_check_digit(self):
        # GS1 General Specifications: (00) 1 0614141 123456789 7.
        self.assertEqual(make_sscc("1", GS1_PREFIX, 123456789), "106141411234567897")
        for serial in (0, 1, 99, 123456789, 999999999):
            sscc = make_sscc("3", GS1_PREFIX, serial)
            with self.subTest(sscc=sscc):
                self.assertEqual(len(sscc), 18)
                self.assertTrue(check_barcode_encoding(sscc, "sscc"))
                self.assertTrue(valid_sscc(sscc))
                self.assertEqual(sscc_check_digit(sscc), sscc[-1])
                wrong = sscc[:-1] + str((int(sscc[-1]) + 1) % 10)
                self.assertFalse(valid_sscc(wrong))
        with self.assertRaises(ValueError):
            make_sscc("0", GS1_PREFIX, 10**9)

    def test_account_numbers_cartons_in_sequence(self):
        first = self.account._amz_next_sscc()
        second = self.account._amz_next_sscc()
        self.assertEqual(first[:8], "0" + GS1_PREFIX)
        self.assertEqual(int(second[8:17]), int(first[8:17]) + 1)
        self.assertTrue(valid_sscc(first) and valid_sscc(second))

    def test_prefix_is_checked_and_required(self):
        with self.assertRaises(ValidationError):
            self.account.amz_gs1_prefix = "12AB"
        with self.assertRaises(ValidationError):
            self.account.amz_sscc_extension = "X"
        other = self._create_account(self.company, "VEND9")
        with self.assertRaisesRegex(UserError, "GS1 company prefix"):
            other._amz_next_sscc()

    def test_put_in_pack_names_the_carton_and_pallets_get_one(self):
        order = self._acked_order()
        picking = self._picking(order)
        (package,) = self._pack(picking, [[(self.mug, 24)]])
        self.assertTrue(valid_sscc(package.name))
        self.assertTrue(package.amz_is_sscc)
        pallet = self._pallet(package)
        self.assertTrue(valid_sscc(pallet.name))
        self.assertNotEqual(pallet.name, package.name)
        with self.assertRaises(ValidationError):
            pallet.name = "123"

    def test_assign_sscc_renames_plain_packages(self):
        order = self._acked_order()
        picking = self._picking(order)
        self.account.amz_gs1_prefix = False
        (package,) = self._pack(picking, [[(self.mug, 24)]])
        self.assertFalse(package.amz_is_sscc)
        self.account.amz_gs1_prefix = GS1_PREFIX
        picking.action_amz_assign_sscc()
        self.assertTrue(valid_sscc(package.name), package.name)
