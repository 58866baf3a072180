from lxml import etree

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AmazonOrderCommon


@tagged("post_install", "-at_install")
class TestRetry(AmazonOrderCommon):
    def test_one_bad_set_never_rolls_back_another(self):
        self.tea_case.unlink()
        self.tea.packaging_ids.unlink()
        messages = self._receive("amazon_850_two_pos_pipe.edi")
        self.assertEqual(messages.mapped("state"), ["in_processed", "in_review"])
        self.assertTrue(self._order("6FCFLAJO"))
        self.assertIn("no case packaging", self._order("15FAWSDW").amz_review_reason)

    def test_error_inside_one_set_marks_only_that_set(self):
        def explode(*args, **kwargs):
            raise ValueError("boom in one set")

        original = type(self.env["sale.order"])._amz_after_import
        calls = []

        def after_import(order, message, reasons, warnings):
            calls.append(order.amz_po_number)
            if order.amz_po_number == "15FAWSDW":
                explode()
            return original(order, message, reasons, warnings)

        self.patch(type(self.env["sale.order"]), "_amz_after_import", after_import)
        with mute_logger(
            "odoo.addons.acorn_amazon_vendor.models.acorn_edi_message_flow"
        ):
            messages = self._receive("amazon_850_two_pos_pipe.edi")
        self.assertEqual(messages.mapped("state"), ["in_processed", "in_error"])
        self.assertIn("boom in one set", messages[1].error_message)
        self.assertIn("set 0002", messages[1].error_message)
        self.assertEqual(calls, ["6FCFLAJO", "15FAWSDW"])

    def test_retry_processes_again_after_the_data_is_fixed(self):
        self.account.fc_ids.unlink()
        message = self._receive("amazon_850_single.edi")
        self.assertEqual(message.state, "in_review")
        self.env["acorn.amazon.fc"].create(
            {
                "account_id": self.account.id,
                "code": "ABE2",
                "partner_id": self.fc_partner.id,
            }
        )
        message.with_user(self.manager).action_retry()
        self.assertEqual(message.state, "in_received")
        self.env["acorn.edi.message"]._cron_process_received()
        order = self._order("3J2KKUAV")
        self.assertRecordValues(
            message,
            [{"state": "in_processed", "retry_count": 1, "sale_order_id": order.id}],
        )
        self.assertRecordValues(
            order, [{"amz_in_review": False, "partner_shipping_id": self.fc_partner.id}]
        )
        self.assertEqual(len(order.order_line), 3)
        self.assertEqual(
            self.env["sale.order"].search_count([("amz_po_number", "=", "3J2KKUAV")]), 1
        )

    def test_locked_message_is_skipped(self):
        message = self._receive("amazon_850_single.edi")
        message._set_state("in_error", "test")
        message.action_retry()
        self.assertEqual(message._amz_lock_rows("in_received"), message)
        self.assertFalse(message._amz_lock_rows("in_error"))

    def test_retryable_follows_the_retry_map(self):
        Message = self.env["acorn.edi.message"]
        for state, _label in Message._fields["state"].selection:
            with self.subTest(state=state):
                inbound = state.startswith("in_")
                message = self._create_message(
                    self.account,
                    direction="inbound" if inbound else "outbound",
                    document_type="850" if inbound else "855",
                    state=state,
                )
                self.assertEqual(message.retryable, state in Message._RETRY_MAP)
                self.assertEqual(
                    Message.search([("id", "=", message.id), ("retryable", "=", True)]),
                    message if message.retryable else Message,
                )
                self.assertEqual(
                    Message.search(
                        [("id", "=", message.id), ("retryable", "!=", True)]
                    ),
                    Message if message.retryable else message,
                )

    def test_retry_button_shows_only_when_retryable(self):
        failed = self._create_message(self.account, state="in_error")
        self.assertTrue(failed.retryable)
        failed.with_user(self.manager).action_retry()
        self.assertRecordValues(failed, [{"state": "in_received", "retryable": False}])
        arch = self.env["acorn.edi.message"].get_view(
            self.env.ref("acorn_amazon_vendor.acorn_edi_message_view_form").id, "form"
        )["arch"]
        (button,) = etree.fromstring(arch).xpath("//button[@name='action_retry']")
        self.assertEqual(button.get("invisible"), "not retryable")
