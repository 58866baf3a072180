"""Inbound tolerance: unknown codes are warnings, unmapped standard loops are read and
ignored, and a set that fails its grammar still shows its lines (docs/x12-core.md)."""

import datetime
import io
import json
import unittest

from .. import AckEnvelope, build_acknowledgment, parse_acknowledgments, validate_file
from ..cli import main
from ..remittances import check_820, parse_820
from ..show import check_document, document_dict
from .common import DATA, group, interchange, po_body, transaction

RETAILER_820 = DATA / "other_820_adx_ref_dtm_pipe_crlf.edi"
OTHER_855 = DATA / "other_855_no_ack_lines.edi"


def _only_set(source):
    report = validate_file(source, keep_segments=True)
    (one,) = list(report.sets())
    return report, one


def _850(body):
    return interchange([group("PO", 1, [transaction("850", "0001", body)])])


class TestRetailer820(unittest.TestCase):
    def test_adx_loops_with_ref_and_dtm_are_accepted_with_warnings(self):
        report, one = _only_set(RETAILER_820.read_bytes())
        self.assertTrue(report.valid)
        self.assertEqual(one.status, "E")
        self.assertEqual(
            [(e.severity, e.level, e.code, e.segment_id, e.element_position)
             for e in one.errors],
            [("warning", "AK4", "7", "ADX", 2)] * 2,
        )  # fmt: skip
        self.assertIn("'ZZ'", one.errors[0].message)

    def test_its_997_says_accepted_with_errors_noted(self):
        report, _one = _only_set(RETAILER_820.read_bytes())
        stamp = datetime.datetime(2026, 12, 15, 9, 30)
        envelope = AckEnvelope(1, 1, 1, stamp, ("ZZ", "VENDOR"), ("ZZ", "RETAILCO"))
        text = build_acknowledgment(report.interchanges[0], envelope)
        (functional,), ack_report = parse_acknowledgments(text)
        self.assertTrue(ack_report.valid)
        self.assertEqual((functional.status, functional.accepted), ("E", 1))
        self.assertEqual([s.status for s in functional.sets], ["E"])

    def test_the_remittance_is_read_and_balances(self):
        _report, one = _only_set(RETAILER_820.read_bytes())
        remittance = parse_820(one)
        self.assertEqual(
            [(i.reference, i.po_number, str(i.paid)) for i in remittance.items],
            [("INV-20261101", "4500123456", "1500.00"),
             ("INV-20261108", "4500123999", "468.75")],
        )  # fmt: skip
        self.assertEqual(
            [(str(a.amount), a.reason) for a in remittance.adjustments],
            [("-125.00", "ZZ")],
        )
        self.assertEqual(
            [(str(a.amount), a.reason, a.reference)
             for a in remittance.items[1].adjustments],
            [("-25.00", "ZZ", "SHORT-0042")],
        )  # fmt: skip
        self.assertEqual(remittance.items[1].date, datetime.date(2026, 11, 8))
        self.assertEqual(check_820(remittance), [])


class TestStructurePolicy(unittest.TestCase):
    def test_extra_and_misplaced_references_and_dates_are_ignored(self):
        body = po_body("TOLERANT", lines=2)
        body.insert(6, ["N3", "410 TERRY AVE N"])  # after N1: in place
        # a line-level N1 loop, then a DTM and REF after it (the 4010 table has
        # them before the N1 loop): read and ignored
        body[8:8] = [
            ["N1", "SF", "ACME DC"],
            ["N4", "RENO", "NV", "89502"],
            ["DTM", "002", "20240110"],
            ["REF", "IA", "LINE-REF"],
        ]
        body += [["REF", "ZZ", "AFTER-CTT"], ["NTE", "GEN", "THANK YOU"]]
        body += [["DTM", f"{n:03d}", "20240110"] for n in range(100, 111)]
        _report, one = _only_set(_850(body))
        self.assertNotIn("error", [e.severity for e in one.errors], one.errors)
        self.assertEqual(one.status, "E", "REF01 IA in the line N1 loop is noted")

    def test_a_misplaced_segment_the_flow_needs_is_still_an_error(self):
        body = po_body("MISPLACED", lines=1)
        body.insert(len(body) - 1, body.pop(0))  # BEG moved after the PO1
        _report, one = _only_set(_850(body))
        self.assertEqual(one.status, "R")
        found = [(e.level, e.code, e.segment_id) for e in one.errors]
        self.assertIn(("AK3", "7", "BEG"), found)

    def test_a_purpose_the_flow_depends_on_is_a_located_error(self):
        body = po_body("PURPOSE9", lines=1)
        body[0][1] = "99"
        _report, one = _only_set(_850(body))
        (error,) = one.errors
        self.assertEqual(
            (error.severity, error.code, error.segment_id, error.element_position),
            ("error", "7", "BEG", 1),
        )


class TestBestEffort(unittest.TestCase):
    def test_non_amazon_855_shows_its_po1_loops(self):
        _report, one = _only_set(OTHER_855.read_bytes())
        self.assertEqual(one.status, "R", "BAK02 AT and PO1 loops without ACK")
        shown = document_dict(one, *check_document(one))
        self.assertFalse(shown["valid"])
        self.assertEqual(
            [(line["line_number"], line["quantity"], line["uom"], line["acks"])
             for line in shown["lines"]],
            [("1", "48", "EA", []), ("2", "12", "CA", []), ("3", "6", "EA", [])],
        )  # fmt: skip
        self.assertEqual(shown["lines"][0]["product_ids"],
                         [["UP", "012345678905"], ["IN", "556677"]])  # fmt: skip
        messages = [problem["message"] for problem in shown["problems"]]
        self.assertFalse([m for m in messages if "CTT01" in m], messages)

    def test_a_set_that_cannot_be_parsed_shows_its_line_segments(self):
        body = [segment for segment in po_body("NOBEG", 2) if segment[0] != "BEG"]
        _report, one = _only_set(_850(body))
        document, problems = check_document(one)
        self.assertIsNone(document)
        shown = document_dict(one, document, problems)
        self.assertTrue(shown["best_effort"])
        self.assertEqual(
            [(row["segment"], row["elements"][:3]) for row in shown["lines"]],
            [("PO1", ["1", "12", "EA"]), ("PO1", ["2", "12", "EA"])],
        )

    def test_show_command_says_best_effort(self):
        out = io.StringIO()
        code = main(["show", str(OTHER_855)], out=out)
        self.assertEqual(code, 1)
        self.assertIn("855 0001 po_number=RC4500123456 INVALID", out.getvalue())
        self.assertEqual(out.getvalue().count('"acks": []'), 3)
        out = io.StringIO()
        main(["show", "--json", str(OTHER_855)], out=out)
        (shown,) = json.loads(out.getvalue())["sets"]
        self.assertEqual(len(shown["lines"]), 3)
