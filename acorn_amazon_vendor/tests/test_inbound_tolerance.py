"""Inbound tolerance through receive_file: unknown codes are warnings on the message
and the order is still created; a set whose grammar fails still shows its lines."""

import base64

from odoo.tests import tagged

from .common import AmazonOrderCommon, read_data


@tagged("post_install", "-at_install")
class TestInboundTolerance(AmazonOrderCommon):
    def _ack_text(self):
        return self._outbound("997").interchange_id._get_payload().decode()

    def test_unknown_codes_are_warnings_and_the_order_is_created(self):
        message = self._receive("amazon_850_unknown_codes.edi")
        order = self._order("7UNKCODE")
        self.assertEqual(len(order), 1)
        self.assertRecordValues(
            message,
            [{"state": "in_processed", "ack_state": "E", "sale_order_id": order.id}],
        )
        self.assertEqual(len(order.order_line), 2)
        warnings = message.warning_message
        for expected in (
            "amazon_850_unknown_codes.edi: segment 6 (REF, #4 in set 0001), "
            "element 01 [ISA 000000711 / GS 711 / ST 0001]: REF01 is not one of "
            "the allowed codes: 'IA'.",
            "CSH01 is not one of the allowed codes: 'P4'",
            "DTM01 is not one of the allowed codes: '002'",
            "PO105 is not one of the allowed codes: 'QT'",
            "PO108 is not one of the allowed codes: 'IN'",
        ):
            self.assertIn(expected, warnings)
        self.assertFalse(message.error_message)
        text = self._ack_text()
        self.assertIn("AK5*E~", text)
        self.assertIn("AK9*E*1*1*1~", text)

    def test_a_purpose_the_flow_depends_on_is_a_located_error(self):
        text = read_data("amazon_850_unknown_codes.edi").decode()
        text = text.replace("BEG*00*NE*7UNKCODE", "BEG*99*NE*7UNKCODE")
        ids = self.account.receive_file("purpose.edi", base64.b64encode(text.encode()))
        message = self.env["acorn.edi.message"].browse(ids)
        self.assertEqual(message.state, "in_error")
        self.assertIn(
            "segment 4 (BEG, #2 in set 0001), element 01", message.error_message
        )
        self.assertFalse(self._order("7UNKCODE"))

    def test_retailer_style_820_is_accepted_with_warnings(self):
        message = self._receive("amazon_820_adx_ref_dtm_other_style.edi")
        self.assertRecordValues(
            message,
            [{"document_type": "820", "state": "in_processed", "ack_state": "E",
              "res_model": "acorn.amz.remittance"}],
        )  # fmt: skip
        remittance = self.env["acorn.amz.remittance"].browse(message.res_id)
        self.assertEqual(len(remittance.line_ids), 2, "both RMR lines are read")
        self.assertEqual(message.warning_message.count("ADX02 is not one of"), 2)
        self.assertIn("AK5*E~", self._ack_text())
        content = str(message.content_html)
        self.assertIn("INV-20261108", content)
        self.assertIn("4500123999", content)
        self.assertIn("2 line(s) read", content)

    def test_a_set_whose_grammar_fails_shows_its_lines_on_the_form(self):
        message = self._receive("amazon_850_malformed.edi")
        self.assertEqual(message.state, "in_error")
        content = str(message.content_html)
        self.assertIn("best effort", content)
        self.assertIn("B07R634M2P", content)
        self.assertIn("1 line(s) read", content)

    def test_content_of_a_valid_order_lists_its_lines(self):
        message = self._receive("amazon_850_single.edi")
        content = str(message.content_html)
        self.assertIn("3 line(s) read", content)
        self.assertIn("B0SPOON001", content)
        self.assertNotIn("best effort", content)
        self.assertFalse(self._outbound("997").content_html, "outbound: no content")
