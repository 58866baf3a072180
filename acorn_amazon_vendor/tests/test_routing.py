"""Files not addressed to the account are refused; files for a sibling are routed."""

import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..x12 import parse_acknowledgments
from .common import AmazonOrderCommon, read_data


def readdress(text, **values):
    """Returns an 850 file with ISA05-08 / GS02-03 replaced (``isa06="X"``, ...)."""
    lines = text.split("~")
    isa = lines[0].split("*")
    for position in (5, 6, 7, 8):
        value = values.get(f"isa{position:02d}")
        if value is not None:
            isa[position] = value.ljust(len(isa[position]))
    lines[0] = "*".join(isa)
    gs_index = next(i for i, line in enumerate(lines) if line.lstrip().startswith("GS"))
    gs = lines[gs_index].split("*")
    for position in (2, 3):
        value = values.get(f"gs{position:02d}")
        if value is not None:
            gs[position] = value
    lines[gs_index] = "*".join(gs)
    return "~".join(lines)


@tagged("post_install", "-at_install")
class TestRouting(AmazonOrderCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.single = read_data("amazon_850_single.edi").decode()

    def _send(self, text, account=None, name="routed.edi"):
        account = account or self.account
        ids = account.receive_file(name, base64.b64encode(text.encode()))
        return self.env["acorn.edi.message"].browse(ids)

    def _ack_file(self, document_type, account=None):
        acks = self._outbound(document_type, account)
        self.assertEqual(len(acks.interchange_id), 1)
        found, report = parse_acknowledgments(acks.interchange_id._get_payload())
        self.assertTrue(report.valid, "the acknowledgment is valid X12")
        return acks, found

    def test_isa_receiver_of_nobody_is_refused_with_ta1_008(self):
        message = self._send(readdress(self.single, isa08="VEND9"))
        self.assertRecordValues(
            message, [{"state": "in_error", "sale_order_id": False}]
        )
        self.assertIn("routed.edi: segment 1 (ISA), element 08", message.error_message)
        self.assertIn("ISA08 'VEND9'", message.error_message)
        self.assertIn("[ISA 000000101]", message.error_message)
        self.assertFalse(self._order("3J2KKUAV"))
        self.assertRecordValues(
            message.interchange_id,
            [{"refused": True, "account_id": self.account.id, "received_by_id": False}],
        )
        self.assertIn("ISA08 'VEND9'", message.interchange_id.routing_note)
        acks, found = self._ack_file("TA1")
        self.assertFalse(self._outbound("997"), "a rejected interchange gets no 997")
        self.assertEqual(
            [(a.control_number, a.status, a.note_code) for a in found],
            [("000000101", "R", "008")],
        )
        self.assertEqual(message.ack_message_id, self.env["acorn.edi.message"])
        self.assertEqual(acks.state, "out_generated")

    def test_gs_receiver_not_ours_is_refused_with_997_rejection(self):
        message = self._send(readdress(self.single, gs03="SOMEONE"))
        self.assertRecordValues(
            message, [{"state": "in_error", "sale_order_id": False, "ack_state": "R"}]
        )
        self.assertIn("segment 2 (GS), element 03", message.error_message)
        self.assertIn("GS03 'SOMEONE'", message.error_message)
        self.assertFalse(self._order("3J2KKUAV"))
        self.assertFalse(self._outbound("TA1"), "the envelope itself is fine")
        acks, (functional,) = self._ack_file("997")
        self.assertEqual(message.ack_message_id, acks)
        self.assertEqual(
            (functional.status, functional.included, functional.received),
            ("R", 1, 1),
        )
        self.assertEqual(functional.accepted, 0)
        self.assertEqual(functional.codes, (), "004010 has no AK905 code for GS03")
        self.assertEqual([(s.control_number, s.status) for s in functional.sets],
                         [("0001", "R")])  # fmt: skip

    def test_sender_not_amazon_is_refused_with_ta1_006(self):
        message = self._send(
            readdress(self.single, isa06="NOTAMAZON", gs02="NOTAMAZON")
        )
        self.assertEqual(message.state, "in_error")
        self.assertIn("segment 1 (ISA), element 06", message.error_message)
        self.assertIn("ISA06 'NOTAMAZON'", message.error_message)
        self.assertFalse(self._order("3J2KKUAV"))
        _acks, found = self._ack_file("TA1")
        self.assertEqual([(a.status, a.note_code) for a in found], [("R", "006")])

    def test_wrong_receiver_qualifier_is_ta1_007(self):
        message = self._send(readdress(self.single, isa07="01"))
        self.assertIn("element 07", message.error_message)
        _acks, found = self._ack_file("TA1")
        self.assertEqual([(a.status, a.note_code) for a in found], [("R", "007")])

    def test_file_for_a_sibling_account_is_routed_there(self):
        sibling = self._create_account(self.company, "VEND2")
        sibling.write({"vendor_isa_id": "VEND2ISA", "vendor_gs_id": "VEND2GS"})
        text = readdress(self.single, isa08="VEND2ISA", gs03="VEND2GS")
        message = self._send(text, name="VEND2850.I0001")
        self.assertRecordValues(
            message,
            [{"account_id": sibling.id, "company_id": self.company.id}],
        )
        self.assertNotEqual(message.state, "in_error")
        self.assertRecordValues(
            message.interchange_id,
            [
                {
                    "account_id": sibling.id,
                    "received_by_id": self.account.id,
                    "refused": False,
                }
            ],
        )
        self.assertIn("Amazon VEND2", message.interchange_id.routing_note)
        self.assertFalse(self._order("3J2KKUAV"))
        self.assertEqual(len(self._order("3J2KKUAV", sibling)), 1)
        self.assertFalse(self._outbound("997"))
        self.assertEqual(len(self._outbound("997", sibling)), 1)
        self.assertIn("ZZ*VEND2ISA", self._payload_of(self._outbound("997", sibling)))

    def test_other_vendor_code_in_gs03_routes_to_its_account(self):
        sibling = self._create_account(self.company, "VEND3")
        sibling.write({"vendor_isa_id": "VEND1", "other_vendor_codes": "V3A, V3B"})
        message = self._send(readdress(self.single, gs03="V3B"))
        self.assertEqual(message.account_id, sibling)
        self.assertEqual(len(self._order("3J2KKUAV", sibling)), 1)

    def test_another_companys_account_is_never_imported(self):
        other_company = self.env["res.company"].create({"name": "Other Brand Inc."})
        self._create_account(other_company, "OTHER1")
        message = self._send(readdress(self.single, isa08="OTHER1", gs03="OTHER1"))
        self.assertRecordValues(
            message,
            [{"state": "in_error", "account_id": self.account.id}],
        )
        self.assertIn("another company", message.interchange_id.routing_note)
        self.assertFalse(
            self.env["sale.order"].search([("amz_po_number", "=", "3J2KKUAV")])
        )

    def test_refused_sets_cannot_be_retried(self):
        message = self._send(readdress(self.single, isa08="VEND9"))
        with self.assertRaisesRegex(UserError, "not addressed to this account"):
            message.with_user(self.manager).action_retry()
        self.assertEqual(message.state, "in_error")

    def _payload_of(self, messages):
        return messages.interchange_id._get_payload().decode()
