"""Every envelope rule (ISA/IEA, GS/GE, ST/SE) with a failing case, located."""

import unittest

from .. import X12Error, validate_file
from .common import (
    STAR_5010,
    group,
    interchange,
    po_body,
    po_interchange,
    transaction,
)


def _isa_value(text, position, value):
    """Replaces ISA element ``position`` (1-16) in a fixed-width ISA."""
    elements = text[:105].split("*")
    elements[position] = value
    return "*".join(elements) + text[105:]


def _all_errors(report):
    errors = list(report.envelope_errors())
    for one in report.sets():
        errors += one.errors
    return errors


def _found(report):
    return {
        (e.level, e.code, e.segment_id, e.element_position) for e in _all_errors(report)
    }


PO = po_interchange(2, lines=1)

# name -> (text, expected (level, code, segment ID, element position))
CASES = {
    "ISA not fixed width": (_isa_value(PO, 6, "AMAZON"), ("TA1", "006", "ISA", 6)),
    "ISA05 qualifier": (_isa_value(PO, 5, "Q1"), ("TA1", "005", "ISA", 5)),
    "ISA06 blank": (_isa_value(PO, 6, " " * 15), ("TA1", "006", "ISA", 6)),
    "ISA08 blank": (_isa_value(PO, 8, " " * 15), ("TA1", "008", "ISA", 8)),
    "ISA09 date": (_isa_value(PO, 9, "241301"), ("TA1", "014", "ISA", 9)),
    "ISA10 time": (_isa_value(PO, 10, "2460"), ("TA1", "015", "ISA", 10)),
    "ISA11 not U in 4010": (_isa_value(PO, 11, "X"), ("TA1", "016", "ISA", 11)),
    "ISA12 not numeric": (_isa_value(PO, 12, "0040A"), ("TA1", "017", "ISA", 12)),
    "ISA12 unsupported": (_isa_value(PO, 12, "00305"), ("TA1", "003", "ISA", 12)),
    "ISA13 not numeric": (
        _isa_value(PO, 13, "00000000A").replace("IEA*1*000000001", "IEA*1*00000000A"),
        ("TA1", "018", "ISA", 13),
    ),
    "ISA14 value": (_isa_value(PO, 14, "2"), ("TA1", "019", "ISA", 14)),
    "ISA15 test indicator": (_isa_value(PO, 15, "X"), ("TA1", "020", "ISA", 15)),
    "ISA16 equals separator": (_isa_value(PO, 16, "*"), ("TA1", "027", "ISA", 16)),
    "IEA02 differs": (
        PO.replace("IEA*1*000000001", "IEA*1*000000009"),
        ("TA1", "001", "IEA", 2),
    ),
    "IEA01 count": (PO.replace("IEA*1*", "IEA*2*"), ("TA1", "021", "IEA", 1)),
    "IEA missing": (PO[: PO.index("IEA")], ("TA1", "023", "IEA", None)),
    "duplicate ISA13": (PO + PO, ("TA1", "025", "ISA", 13)),
    "GS01 unknown": (PO.replace("GS*PO*", "GS*ZZ*"), ("AK9", "1", "GS", 1)),
    "GS04 date": (
        PO.replace("*20240101*1200*1*X", "*20241301*1200*1*X"),
        ("AK9", None, "GS", 4),
    ),
    "GS06 not numeric": (
        PO.replace("*1*X*004010", "*A*X*004010").replace("GE*2*1", "GE*2*A"),
        ("AK9", "6", "GS", 6),
    ),
    "GS07 agency": (PO.replace("*1*X*004010", "*1*Q*004010"), ("AK9", None, "GS", 7)),
    "GS08 version": (PO.replace("X*004010", "X*003040"), ("AK9", "2", "GS", 8)),
    "GE02 differs": (PO.replace("GE*2*1", "GE*2*7"), ("AK9", "4", "GE", 2)),
    "GE01 count": (PO.replace("GE*2*1", "GE*3*1"), ("AK9", "5", "GE", 1)),
    "GE missing": (PO.replace("GE*2*1~", ""), ("AK9", "3", "GE", None)),
    "ST01 wrong for GS01": (
        PO.replace("ST*850*0002", "ST*855*0002"),
        ("AK5", "6", "ST", 1),
    ),
    "ST01 not a set ID": (
        PO.replace("ST*850*0002", "ST*85X*0002"),
        ("AK5", "6", "ST", 1),
    ),
    "ST02 too short": (PO.replace("0002", "002"), ("AK5", "7", "ST", 2)),
    "ST02 duplicate": (PO.replace("0002", "0001"), ("AK5", "23", "ST", 2)),
    "SE02 differs": (PO.replace("SE*10*0002", "SE*10*0003"), ("AK5", "3", "SE", 2)),
    "SE01 count": (PO.replace("SE*10*0002", "SE*9*0002"), ("AK5", "4", "SE", 1)),
    "SE missing": (PO.replace("SE*10*0002~", ""), ("AK5", "2", "SE", None)),
    "ST outside a group": (PO.replace("GS*", "XX*", 1), ("TA1", "024", "ST", None)),
    "segment outside a set": (
        PO.replace("ST*850*0002~", ""),
        ("AK9", None, "BEG", None),
    ),
}


class TestEnvelopeRules(unittest.TestCase):
    def test_every_rule_has_a_located_failure(self):
        valid = validate_file(PO)
        self.assertTrue(valid.valid, [str(e) for e in _all_errors(valid)])
        for name, (text, expected) in CASES.items():
            with self.subTest(rule=name):
                report = validate_file(text)
                self.assertFalse(report.valid)
                self.assertIn(expected, _found(report))
                for error in _all_errors(report):
                    self.assertIsNotNone(error.segment_position, str(error))

    def test_control_numbers_locate_set_errors(self):
        report = validate_file(PO.replace("SE*10*0002", "SE*9*0002"))
        (error,) = [e for e in _all_errors(report) if e.level == "AK5"]
        self.assertEqual(
            (error.isa_control, error.gs_control, error.st_control),
            ("000000001", "1", "0002"),
        )
        self.assertEqual(error.segment_position, 22)
        self.assertIn("segment 22 (SE)", str(error))
        self.assertIn("[ISA 000000001 / GS 1 / ST 0002]", str(error))

    def test_duplicate_group_control_code_depends_on_version(self):
        sets = [transaction("850", "0001", po_body("P1", 1))]
        twice = [group("PO", 5, sets), group("PO", 5, sets)]
        v4010 = validate_file(interchange(twice))
        v5010 = validate_file(interchange(twice, version="00501", delimiters=STAR_5010))
        self.assertIn(("AK9", None, "GS", 6), _found(v4010))
        self.assertIn(("AK9", "19", "GS", 6), _found(v5010))

    def test_unusable_delimiters_stop_reading_with_a_located_error(self):
        cases = {
            "element separator is a letter": (PO.replace("*", "A"), "026"),
            "terminator is a letter": (PO[:105] + "Z" + PO[106:], "004"),
            "too few ISA elements": ("ISA*00*" + "x" * 300, "022"),
            "file ends inside ISA": ("ISA*00*   ", "023"),
        }
        for name, (text, code) in cases.items():
            with self.subTest(case=name):
                report = validate_file(text)
                self.assertFalse(report.valid)
                (error,) = report.errors
                self.assertIsInstance(error, X12Error)
                self.assertEqual(
                    (error.level, error.code, error.segment_position), ("TA1", code, 1)
                )

    def test_files_that_are_not_x12(self):
        for text in ("", "   \n", "hello world", "GS*PO*A*B~"):
            with self.subTest(text=text):
                report = validate_file(text)
                self.assertFalse(report.valid)
                self.assertEqual(len(report.errors), 1)
                self.assertEqual(report.errors[0].level, "file")

    def test_inbound_ta1_is_read(self):
        ta1 = ["TA1", "000000042", "240101", "1200", "R", "001"]
        text = po_interchange(1).replace("GS*", "*".join(ta1) + "~GS*", 1)
        report = validate_file(text)
        self.assertTrue(report.valid)
        (ack,) = report.interchanges[0].acknowledgments
        self.assertEqual(
            (ack.control_number, ack.status, ack.note_code), ("000000042", "R", "001")
        )


class TestX12Error(unittest.TestCase):
    def test_is_not_a_builtin_error_subclass(self):
        builtin = [
            cls
            for cls in X12Error.__mro__
            if cls.__module__ == "builtins"
            and cls not in (Exception, BaseException, object)
        ]
        self.assertEqual(builtin, [])
        self.assertFalse(issubclass(X12Error, ValueError))

    def test_str_is_located(self):
        error = X12Error(
            "BEG03 is missing.",
            level="AK4",
            code="1",
            segment_position=4,
            set_position=2,
            segment_id="BEG",
            element_position=3,
            isa_control="000000001",
            gs_control="1",
            st_control="0001",
        )
        self.assertEqual(
            str(error),
            "segment 4 (BEG, #2 in set 0001), element 03 "
            "[ISA 000000001 / GS 1 / ST 0001]: BEG03 is missing.",
        )
        self.assertEqual(error.to_dict()["element_position"], 3)
