from odoo.tests import tagged

from .common import AmazonOrderCommon


@tagged("post_install", "-at_install")
class Test850Import(AmazonOrderCommon):
    def test_po_becomes_one_sale_order(self):
        message = self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        self.assertRecordValues(
            order,
            [
                {
                    "partner_id": self.amazon.id,
                    "partner_shipping_id": self.fc_partner.id,
                    "client_order_ref": "3J2KKUAV",
                    "company_id": self.company.id,
                    "state": "draft",
                    "amz_account_id": self.account.id,
                    "amz_po_type": "NE",
                    "amz_backorder_allowed": False,
                    "amz_fc_code": "ABE2",
                    "amz_in_review": False,
                    "amz_message_id": message.id,
                    "amz_ack_state": "to_send",
                }
            ],
        )
        self.assertEqual(str(order.amz_po_date), "2026-11-27")
        self.assertEqual(str(order.amz_window_start), "2026-12-01")
        self.assertEqual(str(order.amz_window_end), "2026-12-08")
        self.assertEqual(
            order.amz_ack_deadline - order.amz_received_date,
            __import__("datetime").timedelta(hours=24),
        )
        mug, tea, spoon = order.order_line
        self.assertRecordValues(
            mug | spoon,
            [
                {
                    "product_id": self.mug.id,
                    "product_uom_qty": 24,
                    "price_unit": 12.50,
                    "amz_line_number": "1",
                    "amz_uom": "EA",
                    "amz_identifiers": "BP:B07R634M2P|EN:4006381333931",
                    "amz_ack_status": "IA",
                    "amz_ack_qty": 24,
                },
                {
                    "product_id": self.spoon.id,
                    "product_uom_qty": 100,
                    "price_unit": 3.00,
                    "amz_line_number": "3",
                    "amz_uom": "EA",
                    "amz_identifiers": "BP:B0SPOON001|VN:ACN-SPOON",
                    "amz_ack_status": "IA",
                    "amz_ack_qty": 100,
                },
            ],
        )
        self.assertRecordValues(
            tea,
            [
                {
                    "product_id": self.tea.id,
                    "product_uom_qty": 36,
                    "price_unit": 10.00,
                    "product_packaging_id": self.tea_case.id,
                    "amz_uom": "CA",
                    "amz_ordered_qty": 6,
                    "amz_cost": 60.00,
                    "amz_ack_qty": 6,
                    "amz_identifiers": "UP:012345678905|VN:ACN-TEA",
                }
            ],
        )

    def test_identifiers_matched_by_sku_or_barcode_are_learned(self):
        self._receive("amazon_850_single.edi")
        learned = self.env["acorn.product.identifier"].search(
            [("account_id", "=", self.account.id), ("product_id", "=", self.spoon.id)]
        )
        self.assertEqual(
            sorted(learned.mapped(lambda i: (i.qualifier, i.value))),
            [("BP", "B0SPOON001"), ("VN", "ACN-SPOON")],
        )

    def test_unknown_product_goes_to_review_and_is_rejected_in_the_855(self):
        message = self._receive("amazon_850_unknown_product.edi")
        order = self._order("8UNKNOWN")
        self.assertEqual(message.state, "in_review")
        self.assertIn("B00UNKNOWN", message.error_message)
        self.assertRecordValues(order, [{"amz_in_review": True}])
        self.assertIn("no product matches", order.amz_review_reason)
        unknown = order.order_line.filtered(lambda line: line.amz_line_number == "2")
        self.assertRecordValues(
            unknown,
            [
                {
                    "display_type": "line_note",
                    "amz_ordered_qty": 5,
                    "amz_ack_status": "IR",
                    "amz_reject_reason": "InvalidProductIdentifier",
                    "amz_identifiers": "BP:B00UNKNOWN|UP:099999999990",
                }
            ],
        )
        activity = order.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("acorn_amazon_vendor.mail_activity_amz_review"),
        )
        self.assertEqual(order._amz_check_855(), {})

    def test_retry_after_mapping_the_product_matches_it(self):
        message = self._receive("amazon_850_unknown_product.edi")
        bowl = self.env["product.product"].create({"name": "Bowl", "list_price": 9.99})
        self.env["acorn.product.identifier"].create(
            {
                "account_id": self.account.id,
                "product_id": bowl.id,
                "qualifier": "BP",
                "value": "B00UNKNOWN",
            }
        )
        message.with_user(self.manager).action_retry()
        self.env["acorn.edi.message"]._cron_process_received()
        order = self._order("8UNKNOWN")
        self.assertEqual(message.state, "in_processed")
        self.assertFalse(order.amz_in_review)
        line = order.order_line.filtered(lambda ln: ln.amz_line_number == "2")
        self.assertRecordValues(
            line,
            [{"product_id": bowl.id, "display_type": False, "amz_ack_status": "IA"}],
        )
        self.assertEqual(len(order.order_line), 2)

    def test_price_outside_tolerance_goes_to_review(self):
        message = self._receive("amazon_850_price_mismatch.edi")
        order = self._order("9PRICELO")
        self.assertEqual(message.state, "in_review")
        self.assertIn("11.0", order.amz_review_reason)
        self.assertIn("12.5", order.amz_review_reason)
        self.assertRecordValues(
            order.order_line, [{"price_unit": 11.00, "amz_our_price": 12.50}]
        )
        order.with_user(self.user).action_amz_mark_reviewed()
        self.assertFalse(order.amz_in_review)
        self.assertEqual(message.state, "in_processed")

    def test_price_within_tolerance_is_accepted(self):
        self.account.price_tolerance = 15.0
        message = self._receive("amazon_850_price_mismatch.edi")
        self.assertEqual(message.state, "in_processed")

    def test_unknown_fc_goes_to_review(self):
        self.account.fc_ids.unlink()
        message = self._receive("amazon_850_single.edi")
        self.assertEqual(message.state, "in_review")
        self.assertIn("ABE2", message.error_message)
        self.assertEqual(self._order("3J2KKUAV").partner_shipping_id, self.amazon)

    def test_change_waits_for_review_then_applies(self):
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        change = self._receive("amazon_850_single_changed.edi")
        self.assertEqual(change.state, "in_review")
        self.assertRecordValues(
            order, [{"amz_in_review": True, "amz_change_message_id": change.id}]
        )
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [24, 36, 100])
        order.with_user(self.user).action_amz_apply_change()
        self.assertEqual(change.state, "in_processed")
        self.assertRecordValues(
            order,
            [
                {
                    "amz_in_review": False,
                    "amz_change_message_id": False,
                    "amz_message_id": change.id,
                }
            ],
        )
        self.assertEqual(order.order_line.mapped("product_uom_qty"), [36, 36])
        self.assertEqual(
            self.env["sale.order"].search_count([("amz_po_number", "=", "3J2KKUAV")]), 1
        )

    def test_cancel_cancels_an_unshipped_order(self):
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        order.action_confirm()
        cancel = self._receive("amazon_850_single_cancel.edi")
        self.assertEqual(cancel.state, "in_processed")
        self.assertEqual(order.state, "cancel")

    def test_cancel_of_an_unknown_po_waits_for_review(self):
        message = self._receive("amazon_850_single_cancel.edi")
        self.assertEqual(message.state, "in_review")
        self.assertFalse(self._order("3J2KKUAV"))

    def test_older_identifier_warns_until_retired(self):
        old = self.env["acorn.product.identifier"].search(
            [("value", "=", "B07R634M2P"), ("account_id", "=", self.account.id)]
        )
        self.env["acorn.product.identifier"].create(
            {
                "account_id": self.account.id,
                "product_id": self.mug.id,
                "qualifier": "BP",
                "value": "B07NEWASIN",
            }
        )
        self._receive("amazon_850_single.edi")
        line = self._order("3J2KKUAV").order_line[0]
        self.assertEqual(line.product_id, self.mug)
        self.assertIn("older identifier", line.amz_warning)
        old.active = False
        self.mug.barcode = False
        message = self._receive("amazon_850_price_mismatch.edi")
        self.assertEqual(message.state, "in_review")
        self.assertIn("no product matches", message.error_message)

    def test_auto_confirm_policy(self):
        self.account.auto_confirm_orders = True
        self._receive("amazon_850_single.edi")
        self.assertEqual(self._order("3J2KKUAV").state, "sale")
        self._receive("amazon_850_unknown_product.edi")
        self.assertEqual(self._order("8UNKNOWN").state, "draft")
