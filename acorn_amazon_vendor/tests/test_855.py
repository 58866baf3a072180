from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..x12 import validate_file
from .common import AmazonOrderCommon, pyx12_errors


@tagged("post_install", "-at_install")
class Test855(AmazonOrderCommon):
    def _received_order(self, name="amazon_850_single.edi", number="3J2KKUAV"):
        self._receive(name)
        return self._order(number)

    def _payload(self, message):
        return message.interchange_id._get_payload().decode()

    def test_855_accepted_by_the_validator_and_pyx12(self):
        order = self._received_order()
        self.assertEqual(order._amz_check_855(), {})
        order.with_user(self.user).action_amz_send_855()
        message = self._outbound("855")
        self.assertRecordValues(
            message,
            [
                {
                    "state": "out_generated",
                    "po_number": "3J2KKUAV",
                    "sale_order_id": order.id,
                    "ack_state": "pending",
                }
            ],
        )
        self.assertEqual(order.amz_ack_state, "generated")
        text = self._payload(message)
        report = validate_file(text)
        self.assertTrue(report.valid, [str(e) for s in report.sets() for e in s.errors])
        self.assertEqual([s.set_id for s in report.sets()], ["855"])
        errors, count = pyx12_errors(text)
        self.assertEqual(errors, [])
        self.assertGreater(count, 8)
        for echoed in (
            "BP*B07R634M2P",
            "EN*4006381333931",
            "UP*012345678905",
            "VN*ACN-TEA",
        ):
            self.assertIn(echoed, text)
        self.assertIn("*CA*", text)
        self.assertIn("BAK*00*AD*3J2KKUAV*20261127", text)
        self.assertIn("ZZ*VEND1", text)
        self.assertEqual(text.count("ACK*IA*"), 3)

    def test_control_numbers_never_repeat(self):
        order = self._received_order()
        order.action_amz_send_855()
        order.order_line[0].amz_ack_qty = 20
        order.action_amz_send_855()
        messages = self._outbound("855") | self._outbound("997")
        controls = [(m.isa_control, m.gs_control) for m in messages]
        self.assertEqual(len(set(controls)), len(controls))
        isa = sorted(int(m.isa_control) for m in messages)
        self.assertEqual(len(set(isa)), len({m.interchange_id for m in messages}))

    def test_nothing_sent_twice_by_accident(self):
        order = self._received_order()
        order.action_amz_send_855()
        with self.assertRaisesRegex(UserError, "already generated unchanged"):
            order.action_amz_send_855()
        self.assertEqual(len(self._outbound("855")), 1)
        order.order_line[0].write({"amz_ack_qty": 20})
        self.assertTrue(order.amz_ack_dirty)
        order.action_amz_send_855()
        self.assertEqual(len(self._outbound("855")), 2)
        self.assertIn("BAK*00*AC*", self._payload(self._outbound("855")[-1]))

    def test_backorder_needs_a_date_and_a_po_that_allows_it(self):
        order = self._received_order()
        line = order.order_line[0]
        line.amz_ack_status = "IB"
        errors = "\n".join(order._amz_check_855().values())
        self.assertIn("date it will ship", errors)
        self.assertIn("CSH*N", errors)
        with self.assertRaisesRegex(UserError, "can't go out yet"):
            order.action_amz_send_855()
        self.assertFalse(self._outbound("855"))
        order.amz_backorder_allowed = True
        line.amz_ack_date = date(2026, 12, 10)
        self.assertEqual(order._amz_check_855(), {})
        order.action_amz_send_855()
        text = self._payload(self._outbound("855"))
        self.assertIn("ACK*IB*24*EA*068*20261210", text)

    def test_rejected_line_needs_a_reason_then_is_locked(self):
        order = self._received_order()
        line = order.order_line[2]
        line.write({"amz_ack_status": "IR", "amz_ack_qty": 0})
        self.assertIn(
            "why the line is rejected", "\n".join(order._amz_check_855().values())
        )
        line.amz_reject_reason = "ObsoleteProduct"
        order.action_amz_send_855()
        self.assertIn("ACK*IR*0", self._payload(self._outbound("855")))
        with self.assertRaisesRegex(UserError, "sent to Amazon as rejected"):
            line.write({"amz_ack_status": "IA", "amz_ack_qty": 100})
        self.assertEqual(line.amz_ack_status, "IR")

    def test_confirmation_rate_below_80_percent_is_shown(self):
        order = self._received_order()
        order.order_line[0].amz_ack_qty = 18
        self.assertIn("75 % confirmed", order.amz_confirm_warning)
        self.assertEqual(order._amz_check_855(), {})
        order.order_line[0].amz_ack_qty = 20
        self.assertFalse(order.amz_confirm_warning)

    def test_acked_cost_never_above_po_cost(self):
        order = self._received_order()
        order.order_line[0].amz_ack_cost = 13.0
        self.assertIn("exceed the PO cost", "\n".join(order._amz_check_855().values()))

    def test_after_48_hours_only_dates_change(self):
        order = self._received_order()
        order.action_amz_send_855()
        with freeze_time(fields.Datetime.now() + timedelta(hours=49)):
            order.order_line[0].amz_ack_qty = 20
            self.assertIn("48 h", "\n".join(order._amz_check_855().values()))
            order.order_line[0].amz_ack_qty = 24
            self.assertEqual(order._amz_check_855(), {})

    def test_auto_send_policy_and_parallel_run(self):
        self.account.write({"auto_send_855": True, "parallel_run": True})
        order = self._received_order()
        self.assertRecordValues(self._outbound("855"), [{"state": "out_held"}])
        self.assertEqual(order.amz_ack_state, "held")
        self.assertIn("855", order.message_ids[0].body)
        self._receive("amazon_850_unknown_product.edi")
        self.assertEqual(len(self._outbound("855")), 1)

    def test_deadline_escalation_once(self):
        order = self._received_order()
        self.assertGreater(order.amz_ack_hours_left, 23)
        due = self.env.ref("acorn_amazon_vendor.mail_activity_amz_855_due")
        self.env["sale.order"]._cron_amz_escalate_acknowledgments()
        self.assertFalse(
            order.activity_ids.filtered(lambda a: a.activity_type_id == due)
        )
        with freeze_time(fields.Datetime.now() + timedelta(hours=21)):
            order.invalidate_recordset(["amz_ack_hours_left"])
            self.assertLess(order.amz_ack_hours_left, 4)
            self.env["sale.order"]._cron_amz_escalate_acknowledgments()
            self.env["sale.order"]._cron_amz_escalate_acknowledgments()
        self.assertEqual(
            len(order.activity_ids.filtered(lambda a: a.activity_type_id == due)), 1
        )
        order.action_amz_send_855()
        self.assertFalse(
            order.activity_ids.filtered(lambda a: a.activity_type_id == due)
        )
