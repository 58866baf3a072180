"""Grammar-driven validation: segment order, loops, usage, element syntax, notes."""

import unittest

from hypothesis import example, given, settings
from hypothesis import strategies as st

from .. import (
    ID,
    LEVEL,
    MAX,
    MIN,
    REGISTRY,
    Composite,
    Element,
    TransactionGrammar,
    check_grammar,
    validate_file,
)
from ..delimiters import Delimiters
from ..grammar import compile_grammar
from ..syntax import check_segment
from .common import group, interchange, po_body, transaction

DELIMITERS = Delimiters("*", ":", "~", "^")

TOY = TransactionGrammar(
    "850",
    "005010",
    [
        {ID: "BEG", MIN: 1, MAX: 1},
        {ID: "DTM", MIN: 2, MAX: 3},
        {
            ID: "N1",
            MIN: 0,
            MAX: 2,
            LEVEL: [
                {ID: "N3", MIN: 1, MAX: 1},
            ],
        },
        {ID: "PO1", MIN: 1, MAX: 3},
        {ID: "CTT", MIN: 1, MAX: 1},
    ],
    {
        "BEG": (
            Element("BEG01", "M", "ID", 2, 2, "353", {"00", "05"}),
            Element("BEG02", "M", "ID", 2, 2, "92", {"NE"}, lenient=True),
            Element("BEG03", "M", "AN", 1, 5, "324"),
            Element("BEG04", "O", "N2", 1, 4, "328"),
            Element("BEG05", "O", "DT", 8, 8, "373"),
            Element("BEG06", "O", "TM", 4, 6, "337"),
        ),
        "DTM": (
            Element("DTM01", "M", "ID", 3, 3, "374"),
            Element("DTM02", "X", "DT", 6, 8, "373"),
            Element("DTM03", "X", "TM", 4, 8, "337"),
        ),
        "N1": (
            Element("N101", "M", "ID", 2, 3),
            Element("N102", "X", "AN", 1, 10),
            Element("N103", "X", "ID", 1, 2),
            Element("N104", "X", "AN", 2, 5),
        ),
        "N3": (Element("N301", "M", "AN", 1, 5, repeat=2),),
        "PO1": (
            Element("PO101", "O", "AN", 1, 5),
            Element("PO102", "M", "R", 1, 4, "330"),
            Composite(
                "PO103",
                "O",
                (Element("C1", "M", "ID", 2, 2), Element("C2", "O", "R", 1, 3)),
            ),
        ),
        "CTT": (Element("CTT01", "M", "N0", 1, 3),),
    },
    {"DTM": ("R0203",), "N1": ("R0203", "P0304", "E0203")},
)

GOOD = [
    "BEG*00*NE*P1*1234*20240229*1200",
    "DTM*002*240101",
    "DTM*003**2359",
    "N1*ST*NAME",
    "N3*A^B",
    "N1*BT**92*ABC",
    "N3*X",
    "PO1*1*-1.5*EA:2.5",
    "PO1**.5",
    "CTT*3",
]


def _validate(body):
    compiled = compile_grammar(TOY, DELIMITERS)
    from ..validator import SetValidator

    errors = []
    validator = SetValidator(compiled, errors, {"st_control": "0001"})
    for index, raw in enumerate(body, 2):
        validator.feed(raw, raw.split("*")[0], index + 10, index)
    validator.finish(len(body) + 12, len(body) + 2)
    return [
        (e.level, e.code, e.segment_id, e.set_position, e.element_position)
        for e in errors
    ]


class TestStructure(unittest.TestCase):
    def test_valid_set_has_no_error(self):
        self.assertEqual(_validate(GOOD), [])

    def test_structure_errors_are_located_with_ak3_codes(self):
        cases = {
            "mandatory BEG missing": (GOOD[1:], ("AK3", "3", "BEG", 2, None)),
            "below minimum": (GOOD[:2] + GOOD[3:], ("AK3", "3", "DTM", 4, None)),
            "over maximum": (
                GOOD[:3] + [GOOD[2]] * 2 + GOOD[3:],
                ("AK3", "5", "DTM", 6, None),
            ),
            "loop over maximum": (
                GOOD[:7] + GOOD[3:5] + GOOD[7:],
                ("AK3", "4", "N1", 9, None),
            ),
            "loop child missing": (GOOD[:4] + GOOD[5:], ("AK3", "3", "N3", 6, None)),
            "out of order": (
                GOOD[:1] + GOOD[9:] + GOOD[1:9],
                ("AK3", "7", "DTM", 4, None),
            ),
            "not in set": (
                GOOD[:1] + ["ZZZ*1"] + GOOD[1:],
                ("AK3", "6", "ZZZ", 3, None),
            ),
            "not a segment ID": (
                GOOD[:1] + ["b@d*1"] + GOOD[1:],
                ("AK3", "1", "b@d", 3, None),
            ),
            "CTT missing at SE": (GOOD[:-1], ("AK3", "3", "CTT", 11, None)),
        }
        for name, (body, expected) in cases.items():
            with self.subTest(case=name):
                self.assertIn(expected, _validate(body))

    def test_element_errors_carry_ak4_codes(self):
        cases = {
            "mandatory missing": ("BEG*00*NE**1234", "1", 3),
            "conditional missing": ("DTM*002", "2", 2),
            "too many elements": ("CTT*3*4", "3", 2),
            "too short": ("N1*ST**92*A", "4", 4),
            "too long": ("BEG*00*NE*P12345", "5", 3),
            "invalid character": ("PO1*1*1x", "6", 2),
            "invalid code": ("BEG*01*NE*P1", "7", 1),
            "invalid date": ("BEG*00*NE*P1**20230229", "8", 5),
            "invalid time": ("BEG*00*NE*P1***2400", "9", 6),
            "exclusion": ("N1*ST*NAME*92*ABC", "10", 3),
            "too many repetitions": ("N3*A^B^C", "12", 1),
            "too many components": ("PO1*1*1*EA:1:2", "13", 3),
            "numeric sign only": ("BEG*00*NE*P1*-", "6", 4),
            "decimal too long": ("PO1*1*12.345", "5", 2),
        }
        base = {"BEG": 0, "DTM": 1, "N1": 3, "N3": 4, "PO1": 7, "CTT": 9}
        for name, (raw, code, position) in cases.items():
            with self.subTest(case=name):
                body = list(GOOD)
                body[base[raw.split("*")[0]]] = raw
                found = [e for e in _validate(body) if e[0] == "AK4"]
                self.assertIn(code, [e[1] for e in found])
                self.assertIn(position, [e[4] for e in found if e[1] == code])

    def test_lenient_code_list_is_a_warning(self):
        compiled = compile_grammar(TOY, DELIMITERS)
        elements = "BEG*00*XX*P1".split("*")
        (problem,) = check_segment(
            elements, compiled.root.children[0].record.definitions, (), DELIMITERS, True
        )
        self.assertEqual((problem.code, problem.severity), ("7", "warning"))


VALUES = st.text(alphabet="0123456789.-:^ABNEZ *", max_size=12)


class TestFastPathAgreesWithChecks(unittest.TestCase):
    @settings(derandomize=True, max_examples=400, deadline=None)
    @given(st.sampled_from(sorted(TOY.records)), st.lists(VALUES, max_size=8))
    def test_regex_match_implies_no_problem(self, segment_id, values):
        compiled = compile_grammar(TOY, DELIMITERS)
        raw = "*".join([segment_id, *values])
        from ..grammar import _Record

        record = _Record(segment_id, TOY.records[segment_id], (), DELIMITERS)
        problems = check_segment(
            raw.split("*"), record.definitions, (), DELIMITERS, True
        )
        if record.fast.fullmatch(raw):
            self.assertEqual(problems, [], raw)
        self.assertIsNotNone(compiled)


# Values that exercise the registered grammars: codes, numbers, dates, times, empties.
REGISTERED_VALUES = st.one_of(
    st.sampled_from(
        ["", "", "", "1", "12", "-3", "0.5", "1.25", "12.1234567", "20240101",
         "20240230", "1200", "2400", "EA", "UP", "VN", "BP", "ST", "92", "064",
         "CR", "NE", "00", "A:B", "AB~C"]
    ),
    st.text(alphabet="0123456789.-:ABEPTUVN ", max_size=6),
)  # fmt: skip
REGISTERED_SEGMENTS = sorted(
    (key, segment_id) for key, grammar in REGISTRY.items() for segment_id in
    grammar.records
)  # fmt: skip


class TestRegisteredExpressionsAgreeWithChecks(unittest.TestCase):
    @settings(derandomize=True, max_examples=1500, deadline=None)
    @given(
        st.sampled_from(REGISTERED_SEGMENTS),
        st.lists(REGISTERED_VALUES, max_size=12),
        st.booleans(),
    )
    # A syntax note at the end of a segment (N1 R0203), a window cut short (DTM
    # R020305), an unpaired qualifier (PO1 P0607), and elements over the count.
    @example((("004010", "850"), "N1"), ["ST"], False)
    @example((("004010", "850"), "N1"), ["ST", ""], True)
    @example((("004010", "850"), "DTM"), ["064"], False)
    @example((("004010", "850"), "PO1"), ["1", "2", "EA", "3", "", "UP"], False)
    @example((("004010", "850"), "CTT"), ["1"] * 8, False)
    def test_segment_match_implies_no_problem(self, key, values, trailing):
        from ..grammar import _Record

        (version, set_id), segment_id = key
        grammar = REGISTRY[version, set_id]
        rules = grammar.rules.get(segment_id, ())
        record = _Record(segment_id, grammar.records[segment_id], rules, DELIMITERS)
        raw = "*".join([segment_id, *values]) + ("*" if trailing else "")
        problems = check_segment(
            raw.split("*"), record.definitions, record.rules, DELIMITERS, True
        )
        if record.fast.fullmatch(raw):
            self.assertEqual(problems, [], raw)


class TestRegisteredGrammars(unittest.TestCase):
    def test_every_registered_grammar_is_consistent(self):
        self.assertIn(("004010", "997"), REGISTRY)
        self.assertIn(("005010", "997"), REGISTRY)
        self.assertIn(("004010", "850"), REGISTRY)
        for key, grammar in REGISTRY.items():
            with self.subTest(grammar=key):
                self.assertEqual(check_grammar(grammar), [])

    def test_check_grammar_reports_bad_data(self):
        bad = TransactionGrammar(
            "850",
            "004010",
            [
                {ID: "BEG", MIN: 2, MAX: 1},
                {ID: "XX", MIN: 0, MAX: 1},
                {ID: "XX", MIN: 0, MAX: 1},
            ],
            {"BEG": (Element("BEG01", "Q", "ZZ", 3, 2),)},
            {"BEG": ("P01",)},
        )
        problems = check_grammar(bad)
        self.assertEqual(len(problems), 8, problems)

    def test_850_is_validated_end_to_end_and_lenient(self):
        body = po_body("PO1", 1)
        body.insert(1, ["CUR", "BY", "USD"])
        body.insert(-1, ["PID", "F", "", "", "", "Widget"])
        text = interchange([group("PO", 1, [transaction("850", "0001", body)])])
        report = validate_file(text)
        self.assertTrue(report.valid)
        body[0][5] = "20241301"
        text = interchange([group("PO", 1, [transaction("850", "0001", body)])])
        (one,) = validate_file(text).sets()
        self.assertEqual(
            [(e.level, e.code, e.set_position, e.element_position) for e in one.errors],
            [("AK4", "8", 2, 5)],
        )


POOL = GOOD + [
    "BEG*05*NE*P2",
    "BEG*00*XX*P1",
    "DTM*002",
    "DTM*002*20240229",
    "DTM*002*20230229",
    "N1*ST*NAME*92*ABC",
    "N1*ST**92",
    "N3*A^B^C",
    "PO1*1*1.1234567",
    "PO1**1*EA:1:2",
    "PO1*1*1*:",
    "CTT*3*4",
    "ZZZ*1",
]


class TestSetExpressionAgreesWithValidator(unittest.TestCase):
    @settings(derandomize=True, max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(POOL), max_size=14))
    def test_set_match_implies_no_error(self, body):
        compiled = compile_grammar(TOY, DELIMITERS)
        text = "~".join(body) + "~" if body else ""
        errors = _validate(body)
        if compiled.set_fast.fullmatch(text):
            self.assertEqual(errors, [], body)

    def test_valid_set_matches(self):
        compiled = compile_grammar(TOY, DELIMITERS)
        body = [GOOD[0].replace("0229", "0228"), *GOOD[1:]]
        body[8] = "PO1**0.5"
        self.assertTrue(compiled.set_fast.fullmatch("~".join(body) + "~"))
        # February 29th (and ".5") are left to the located checks, which accept them.
        self.assertIsNone(compiled.set_fast.fullmatch("~".join(GOOD) + "~"))
        self.assertEqual(_validate(GOOD), [])
