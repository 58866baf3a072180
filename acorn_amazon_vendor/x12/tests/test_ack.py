"""997 and TA1: golden files, statuses, parsing back, pyx12 reading what we write."""

import datetime
import io
import unittest

from pyx12.x12file import X12Reader

from .. import (
    AckEnvelope,
    build_997,
    build_acknowledgment,
    parse_acknowledgments,
    validate_file,
)
from ..delimiters import Delimiters
from .common import (
    DATA,
    golden_mismatches,
    group,
    interchange,
    po_body,
    po_interchange,
    transaction,
)

STAMP = datetime.datetime(2024, 2, 3, 4, 5)
COLON_5010 = Delimiters("*", ":", "~", "^")


def _ack(text, **options):
    report = validate_file(text)
    (one,) = report.interchanges
    return build_acknowledgment(one, AckEnvelope(77, 5, 9, STAMP, **options))


def _partially_accepted():
    sets = [transaction("850", f"{n:04d}", po_body(f"PO{n}", 1)) for n in (1, 2, 3)]
    sets[1][1][1] = "0Z"
    sets[1][7][4] = "9.9x"
    sets[2][-1][1] = "99"
    return interchange([group("PO", 1, sets)])


SCENARIOS = {
    "golden_997_850_accepted.edi": (po_interchange(2, lines=1), {}),
    "golden_997_850_partially_accepted.edi": (_partially_accepted(), {}),
    "golden_997_5010_ship_notice.edi": (
        interchange(
            [
                group(
                    "SH",
                    7,
                    [
                        transaction(
                            "856",
                            "0001",
                            [
                                ["BSN", "00", "SHIP1", "20240101", "1200"],
                                ["HL", "1", "", "S"],
                            ],
                        )
                    ],
                    "005010",
                )
            ],
            version="00501",
            delimiters=COLON_5010,
        ).replace("ST*856*0001", "ST*856*0001*X"),
        {},
    ),
    "golden_ta1_interchange_control_mismatch.edi": (
        po_interchange(1).replace("IEA*1*000000001", "IEA*1*000000002"),
        {},
    ),
    "golden_ta1_requested_and_997.edi": (po_interchange(1, usage="T", ack="1"), {}),
}


def _pyx12_problems(text):
    """Reads ``text`` with pyx12's reader; returns its errors and segment count."""
    with X12Reader(io.StringIO(text)) as reader:
        count = sum(1 for _ in reader)
        reader.cleanup()
        return reader.pop_errors(), count


class TestGoldenAcknowledgments(unittest.TestCase):
    def test_each_scenario_matches_its_golden_file(self):
        for name, (text, options) in SCENARIOS.items():
            with self.subTest(golden=name):
                ack = _ack(text, **options)
                self.assertEqual(golden_mismatches(ack, name), [])

    def test_every_acknowledgment_is_valid_x12_read_by_pyx12_and_by_us(self):
        for name, (text, options) in SCENARIOS.items():
            with self.subTest(golden=name):
                ack = _ack(text, **options)
                errors, count = _pyx12_problems(ack)
                self.assertEqual(errors, [])
                self.assertEqual(count, len((DATA / name).read_text().split("~")) - 1)
                report = validate_file(ack)
                self.assertTrue(
                    report.valid, [str(e) for s in report.sets() for e in s.errors]
                )

    def test_test_builders_write_what_pyx12_reads(self):
        for text in (
            po_interchange(3),
            po_interchange(2, version="00501"),
            (DATA / "repetition_separator_5010.edi").read_text(),
            (DATA / "several_groups.edi").read_text(),
        ):
            errors, count = _pyx12_problems(text)
            self.assertEqual(errors, [])
            self.assertGreater(count, 5)


class TestAcknowledgmentRules(unittest.TestCase):
    def test_997_is_never_built_for_a_997(self):
        text = (DATA / "several_groups.edi").read_text()
        ack = _ack(text)
        self.assertEqual(ack.count("ST*997"), 2)
        self.assertNotIn("AK1*FA", ack)
        only_fa = (DATA / "repetition_separator_5010.edi").read_text()
        self.assertIsNone(_ack(only_fa))

    def test_gs08_is_echoed(self):
        segments = build_997(
            validate_file((DATA / "repetition_separator_5010.edi").read_text())
            .interchanges[0]
            .groups[0],
            "0001",
        )
        self.assertEqual(segments[1], ["AK1", "FA", "9", "005010"])

    def test_rejected_group_and_warnings(self):
        text = po_interchange(1).replace("GE*1*1", "GE*2*1")
        (group_report,) = validate_file(text).interchanges[0].groups
        segments = build_997(group_report, "0001")
        self.assertEqual(segments[-2], ["AK9", "R", "2", "1", "1", "5"])
        lenient = po_interchange(1).replace("BEG*00*NE", "BEG*00*ZZ")
        (group_report,) = validate_file(lenient).interchanges[0].groups
        segments = build_997(group_report, "0001")
        self.assertIn(["AK5", "E"], segments)
        self.assertEqual(segments[-2][:2], ["AK9", "E"])

    def test_callers_parties_and_delimiters_are_used(self):
        ack = _ack(
            po_interchange(1),
            sender=("01", "123456789"),
            receiver=("ZZ", "AMZ"),
            delimiters=Delimiters("|", "^", "\n"),
        )
        first = ack.split("\n")[0].split("|")
        self.assertEqual(first[5:9], ["01", "123456789      ", "ZZ", "AMZ            "])
        self.assertEqual(first[13], "000000077")
        self.assertEqual(
            validate_file(ack).interchanges[0].groups[0].header.control_number, "5"
        )


class TestParseAcknowledgments(unittest.TestCase):
    def test_round_trip_of_a_rejection(self):
        ack = _ack(_partially_accepted())
        (functional,), report = parse_acknowledgments(ack)
        self.assertTrue(report.valid)
        self.assertEqual(
            (
                functional.functional_id,
                functional.group_control_number,
                functional.status,
                functional.included,
                functional.received,
                functional.accepted,
            ),
            ("PO", "1", "P", 3, 3, 1),
        )
        second = functional.sets[1]
        self.assertEqual(
            (second.control_number, second.status, second.codes), ("0002", "R", ("5",))
        )
        note = second.segments[1]
        self.assertEqual(
            (note.segment_id, note.position, note.loop_id, note.code),
            ("PO1", 8, "PO1", "8"),
        )
        self.assertEqual(
            (
                note.elements[0].position,
                note.elements[0].reference,
                note.elements[0].code,
                note.elements[0].bad_value,
            ),
            (4, "212", "6", "9.9x"),
        )
        self.assertEqual(functional.sets[2].codes, ("4",))

    def test_inbound_5010_997_and_ta1(self):
        text = (DATA / "repetition_separator_5010.edi").read_text()
        (functional,), _ = parse_acknowledgments(text)
        (one,) = functional.sets
        self.assertEqual((functional.version, one.implementation), ("005010", "X"))
        element = one.segments[0].elements[0]
        self.assertEqual((element.position, element.component_position), (2, 1))
        ta1_text = _ack(po_interchange(1).replace("IEA*1*000000001", "IEA*1*9"))
        (ta1,), _ = parse_acknowledgments(ta1_text)
        self.assertEqual(
            (ta1.control_number, ta1.status, ta1.note_code), ("000000001", "R", "001")
        )
