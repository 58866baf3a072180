import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..x12 import validate_file
from .common import AmazonOrderCommon, pyx12_errors, read_data


@tagged("post_install", "-at_install")
class TestReceiveFile(AmazonOrderCommon):
    def test_receive_archives_processes_and_returns_plain_ids(self):
        ids = self.account.receive_file(
            "VEND1850.I0001", base64.b64encode(read_data("amazon_850_single.edi"))
        )
        self.assertIsInstance(ids, list)
        self.assertTrue(all(isinstance(one, int) for one in ids))
        message = self.env["acorn.edi.message"].browse(ids)
        order = self._order("3J2KKUAV")
        self.assertRecordValues(
            message,
            [
                {
                    "direction": "inbound",
                    "document_type": "850",
                    "state": "in_processed",
                    "isa_control": "000000101",
                    "gs_control": "101",
                    "st_control": "0001",
                    "po_number": "3J2KKUAV",
                    "sale_order_id": order.id,
                    "res_model": "sale.order",
                    "res_id": order.id,
                    "ack_state": "A",
                }
            ],
        )
        self.assertEqual(message.attachment_id.raw, read_data("amazon_850_single.edi"))
        self.assertEqual(message.interchange_id.filename, "VEND1850.I0001")

    def test_a_997_answers_each_group_and_is_valid_x12(self):
        messages = self._receive("amazon_850_two_groups_crlf.edi")
        self.assertEqual(len(messages), 2)
        acks = self._outbound("997")
        self.assertEqual(len(acks), 2)
        self.assertEqual(len(acks.interchange_id), 1)
        self.assertEqual(messages.ack_message_id, acks)
        self.assertRecordValues(
            acks,
            [
                {"state": "out_generated", "parent_id": messages[0].id},
                {"state": "out_generated", "parent_id": messages[1].id},
            ],
        )
        text = acks.interchange_id._get_payload().decode()
        report = validate_file(text)
        self.assertTrue(report.valid)
        self.assertEqual([s.set_id for s in report.sets()], ["997", "997"])
        self.assertIn("AK1*PO*103", text)
        self.assertIn("AK1*PO*104", text)
        self.assertIn("ZZ*VEND1", text)
        errors, count = pyx12_errors(text)
        self.assertEqual(errors, [])
        self.assertEqual(count, len(text.strip().split("~")) - 1)

    def test_odd_but_legal_files_become_orders(self):
        for name, numbers in (
            ("amazon_850_two_pos_pipe.edi", ["6FCFLAJO", "15FAWSDW"]),
            ("amazon_850_two_groups_crlf.edi", ["7GROUPA1", "7GROUPB2"]),
            ("amazon_850_minimal_optional.edi", ["1MINIMAL"]),
        ):
            with self.subTest(file=name):
                messages = self._receive(name)
                self.assertEqual(messages.mapped("po_number"), numbers)
                for number in numbers:
                    self.assertEqual(len(self._order(number)), 1)
        rush = self._order("15FAWSDW")
        self.assertRecordValues(
            rush,
            [
                {
                    "amz_po_type": "RO",
                    "amz_backorder_allowed": True,
                    "amz_fc_code": "ABE2",
                }
            ],
        )
        self.assertEqual(rush.order_line.product_id, self.spoon | self.tea)
        minimal = self._order("1MINIMAL")
        self.assertRecordValues(
            minimal.order_line,
            [
                {
                    "product_id": self.mug.id,
                    "amz_line_number": False,
                    "product_uom_qty": 12,
                },
                {
                    "product_id": self.spoon.id,
                    "amz_line_number": False,
                    "product_uom_qty": 3,
                },
            ],
        )
        self.assertIn("Deliver to dock 4", minimal.amz_notes)

    def test_same_file_again_is_a_duplicate_and_creates_nothing(self):
        first = self._receive("amazon_850_single.edi")
        orders = self.env["sale.order"].search_count([])
        again = self._receive("amazon_850_single.edi")
        self.assertEqual(again.interchange_id.duplicate_of_id, first.interchange_id)
        self.assertRecordValues(
            again, [{"state": "in_duplicate", "po_number": "3J2KKUAV"}]
        )
        self.assertEqual(self.env["sale.order"].search_count([]), orders)
        self.assertEqual(len(self._outbound("997")), 1)

    def test_same_po_resent_under_new_numbers_is_a_duplicate(self):
        self._receive("amazon_850_single.edi")
        again = self._receive("amazon_850_single_resent_crlf.edi")
        self.assertRecordValues(
            again,
            [{"state": "in_duplicate", "sale_order_id": self._order("3J2KKUAV").id}],
        )
        self.assertEqual(len(self._order("3J2KKUAV").order_line), 3)

    def test_malformed_file_is_located_creates_nothing_and_is_rejected(self):
        orders = self.env["sale.order"].search_count([])
        message = self._receive("amazon_850_malformed.edi")
        self.assertEqual(message.state, "in_error")
        text = message.error_message
        self.assertIn("amazon_850_malformed.edi", text)
        self.assertIn("segment 4 (BEG, #2 in set 0001), element 05", text)
        self.assertIn("ST 0001", text)
        self.assertIn("SE01", text)
        self.assertEqual(self.env["sale.order"].search_count([]), orders)
        ack = self._outbound("997")
        self.assertEqual(message.ack_state, "R")
        payload = ack.interchange_id._get_payload().decode()
        self.assertIn("AK5*R", payload)
        self.assertIn("AK9*R*1*1*0", payload)
        self.assertTrue(validate_file(payload).valid)

    def test_unreadable_file_is_kept_with_its_error(self):
        message = self._receive_bytes("garbage.edi", b"this is not X12 at all")
        self.assertRecordValues(
            message, [{"state": "in_error", "document_type": "other"}]
        )
        self.assertIn("garbage.edi", message.error_message)
        self.assertEqual(message.attachment_id.raw, b"this is not X12 at all")
        self.assertFalse(self._outbound("997"))

    def test_bad_base64_is_refused_before_anything_is_stored(self):
        files = self.env["acorn.edi.interchange"].search_count([])
        with self.assertRaisesRegex(UserError, "base64"):
            self.account.receive_file("x.edi", "not base64 !!")
        self.assertEqual(self.env["acorn.edi.interchange"].search_count([]), files)

    def test_user_receives_outsider_cannot(self):
        messages = self._receive("amazon_850_single.edi", user=self.user)
        self.assertEqual(messages.state, "in_processed")
        outsider = self.env["res.users"].create(
            {
                "name": "Outsider",
                "login": "outsider_rf",
                "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.account.with_user(outsider).receive_file(
                "x.edi", base64.b64encode(read_data("amazon_850_single.edi"))
            )

    def test_parallel_run_holds_the_997(self):
        self.account.parallel_run = True
        self._receive("amazon_850_single.edi")
        self.assertRecordValues(self._outbound("997"), [{"state": "out_held"}])

    def test_upload_wizard_goes_through_receive_file(self):
        wizard = (
            self.env["acorn.edi.upload"]
            .with_user(self.user)
            .create(
                {
                    "account_id": self.account.id,
                    "file": base64.b64encode(read_data("amazon_850_single.edi")),
                    "filename": "manual.edi",
                }
            )
        )
        action = wizard.action_receive()
        messages = self.env["acorn.edi.message"].search(action["domain"])
        self.assertRecordValues(
            messages, [{"po_number": "3J2KKUAV", "state": "in_processed"}]
        )
        self.assertEqual(messages.interchange_id.filename, "manual.edi")

    def _receive_bytes(self, name, payload):
        ids = self.account.receive_file(name, base64.b64encode(payload))
        return self.env["acorn.edi.message"].browse(ids)
