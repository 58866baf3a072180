"""x12.display: a raw file one segment per line, one set highlighted, escaped."""

import unittest

from ..display import file_html, segment_lines, segment_terminator

ISA = (
    "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VEND1          "
    "*260101*1200*U*00401*000000001*0*P*>~"
)
BODY = (
    "GS*PO*AMAZON*VEND1*20260101*1200*1*X*004010~"
    "ST*850*0001~BEG*00*SA*PO<1>&*~SE*3*0001~"
    "ST*850*0002~BEG*00*SA*PO2~SE*3*0002~"
    "GE*2*1~IEA*1*000000001~"
)


class TestDisplay(unittest.TestCase):
    def test_terminator_from_the_isa(self):
        self.assertEqual(segment_terminator(ISA + BODY), "~")
        self.assertEqual(segment_terminator((ISA + BODY).replace("~", "'")), "'")
        self.assertEqual(segment_terminator("not x12"), "~")

    def test_positions_count_from_the_isa_skipping_layout(self):
        lines = segment_lines((ISA + BODY).replace("~", "~\r\n"))
        self.assertEqual(lines[0][0], 1)
        self.assertTrue(lines[0][1].startswith("ISA*"))
        self.assertEqual(lines[5], (6, "ST*850*0002"))
        self.assertEqual(len(lines), 10)

    def test_the_set_is_highlighted_and_the_rest_muted(self):
        html = file_html(ISA + BODY, set_position=6)
        marked = [line for line in html.split("\n") if "o_acorn_x12_set" in line]
        self.assertEqual(len(marked), 3)
        self.assertIn("ST*850*0002~", marked[0])
        self.assertIn("SE*3*0002~", marked[-1])
        self.assertIn('class="text-muted" data-position="3"', html)

    def test_segments_are_escaped(self):
        html = file_html(ISA + BODY, set_position=3)
        self.assertIn("PO&lt;1&gt;&amp;*", html)
        self.assertNotIn("PO<1>", html)

    def test_without_a_set_nothing_is_muted(self):
        html = file_html(ISA + BODY)
        self.assertNotIn("text-muted", html)
        self.assertNotIn("o_acorn_x12_set", html)
