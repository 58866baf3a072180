import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import AmazonOrderCommon


def ack_997(gs_control, st_control, status="A", isa=900, set_id="855"):
    """A 997 from Amazon acknowledging one of our sets."""
    body = [
        "ST*997*0001",
        f"AK1*PR*{gs_control}",
        f"AK2*{set_id}*{st_control}",
        f"AK5*{status}" + ("*5" if status == "R" else ""),
        f"AK9*{status}*1*1*{0 if status == 'R' else 1}",
        "SE*6*0001",
    ]
    segments = [
        "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VEND1          "
        f"*261127*0900*U*00401*{isa:09d}*0*P*>",
        f"GS*FA*AMAZON*VEND1*20261127*0900*{isa}*X*004010",
        *body,
        f"GE*1*{isa}",
        f"IEA*1*{isa:09d}",
    ]
    return "~\n".join(segments) + "~\n"


@tagged("post_install", "-at_install")
class Test997(AmazonOrderCommon):
    def setUp(self):
        super().setUp()
        self._receive("amazon_850_single.edi")
        self.order = self._order("3J2KKUAV")
        self.order.action_amz_send_855()
        self.sent = self._outbound("855")
        self.sent._set_state("out_sent")

    def _receive_text(self, text, name="997.edi"):
        ids = self.account.receive_file(name, base64.b64encode(text.encode()))
        return self.env["acorn.edi.message"].browse(ids)

    def test_accepting_997_marks_our_855_acked(self):
        ack = self._receive_text(ack_997(self.sent.gs_control, self.sent.st_control))
        self.assertRecordValues(
            ack, [{"document_type": "997", "state": "in_processed"}]
        )
        self.assertEqual(ack.parent_id, self.sent)
        self.assertRecordValues(self.sent, [{"state": "out_acked", "ack_state": "A"}])
        self.assertEqual(self.order.amz_ack_state, "accepted")
        self.assertEqual(len(self._outbound("997")), 1, "no 997 is sent for a 997")

    def test_rejecting_997_marks_our_855_rejected(self):
        self._receive_text(ack_997(self.sent.gs_control, self.sent.st_control, "R"))
        self.assertRecordValues(
            self.sent, [{"state": "out_rejected", "ack_state": "R"}]
        )
        self.assertIn("codes: 5", self.sent.error_message)
        self.assertEqual(self.order.amz_ack_state, "rejected")

    def test_997_for_something_we_never_sent_waits_for_review(self):
        ack = self._receive_text(ack_997("99999", "0001"))
        self.assertEqual(ack.state, "in_review")
        self.assertIn("never sent", ack.error_message)
        self.assertEqual(self.sent.ack_state, "pending")

    def test_missing_997_raises_an_alarm_once(self):
        Message = self.env["acorn.edi.message"]
        Message._cron_check_missing_997()
        self.assertFalse(self.sent.ack_overdue)
        with freeze_time(fields.Datetime.now() + timedelta(hours=25)):
            Message._cron_check_missing_997()
            Message._cron_check_missing_997()
        self.assertTrue(self.sent.ack_overdue)
        missing = self.env.ref("acorn_amazon_vendor.mail_activity_amz_997_missing")
        self.assertEqual(self.sent.activity_ids.activity_type_id, missing)
        self.assertEqual(len(self.sent.activity_ids), 1)
        overdue = self.env.ref(
            "acorn_amazon_vendor.action_acorn_edi_message_ack_overdue"
        )
        self.assertIn("ack_overdue", overdue.context)
        self.assertEqual(Message.search([("ack_overdue", "=", True)]), self.sent)
