"""Property tests: valid interchanges stay valid; mutations give only X12Error."""

import datetime
import unittest

from hypothesis import given, settings
from hypothesis import strategies as st

from .. import (
    AckEnvelope,
    X12Error,
    build_acknowledgment,
    check_document,
    iter_transaction_sets,
    parse_acknowledgments,
    validate_file,
)
from ..delimiters import Delimiters
from ..reader import Reader
from .common import group, interchange, po_body, transaction

# Characters usable as delimiters with the test data (none occurs in its values).
DELIMITER_CHARS = "*|^!~+`:;>'@#$%&"
LAYOUTS = ("", "\n", "\r\n", "\n    ", "\t")
SETTINGS = settings(derandomize=True, max_examples=60, deadline=None)


@st.composite
def delimiters(draw, version):
    chars = draw(st.permutations(DELIMITER_CHARS))
    terminator = draw(st.sampled_from([chars[2], "\n", "\r"]))
    repetition = chars[3] if version >= "00501" else None
    return Delimiters(chars[0], chars[1], terminator, repetition)


@st.composite
def interchanges(draw):
    """Returns (text, number of sets) of a valid file of one to three interchanges."""
    texts, total = [], 0
    for control in range(1, draw(st.integers(1, 3)) + 1):
        version = draw(st.sampled_from(["00401", "00501"]))
        used = draw(delimiters(version))
        layout = draw(st.sampled_from(LAYOUTS))
        if used.segment in layout:
            layout = ""
        groups = []
        for number in range(1, draw(st.integers(1, 3)) + 1):
            counts = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
            sets = [
                transaction("850", f"{n:04d}", po_body(f"P{control}{number}{n}", lines))
                for n, lines in enumerate(counts, 1)
            ]
            groups.append(group("PO", number, sets))
            total += len(sets)
        texts.append(interchange(groups, control, version, used, layout))
    return "".join(texts), total


ENVELOPE = AckEnvelope(1, 1, 1, datetime.datetime(2024, 1, 1))


def _exercise(text):
    """Runs every public reader on ``text``; only X12Error may come out."""
    report = validate_file(text)
    for one in report.interchanges:
        build_acknowledgment(one, ENVELOPE)
    parse_acknowledgments(text)
    try:
        for one in iter_transaction_sets(text.encode("utf-8", "surrogatepass")):
            check_document(one)
    except X12Error as error:
        return report, error
    return report, None


class TestGeneratedInterchanges(unittest.TestCase):
    @SETTINGS
    @given(interchanges())
    def test_valid_interchanges_are_valid(self, generated):
        text, total = generated
        report = validate_file(text)
        problems = [str(e) for e in report.envelope_errors()]
        problems += [str(e) for s in report.sets() for e in s.errors]
        self.assertEqual(problems, [])
        self.assertTrue(report.valid)
        self.assertEqual(len(list(report.sets())), total)

    @SETTINGS
    @given(interchanges(), st.integers(1, 300))
    def test_chunking_does_not_matter(self, generated, size):
        text, _ = generated
        whole = [s.elements() for s in Reader(text)]
        chunked = [s.elements() for s in Reader(text, chunk_size=size)]
        self.assertEqual(chunked, whole)

    @SETTINGS
    @given(interchanges(), st.data())
    def test_mutations_raise_nothing_but_x12error(self, generated, data):
        text, _ = generated
        position = data.draw(st.integers(0, len(text)))
        kind = data.draw(
            st.sampled_from(["delete", "insert", "replace", "cut", "swap"])
        )
        char = data.draw(st.characters(codec="utf-8"))
        if kind == "delete":
            mutated = text[:position] + text[position + 1 :]
        elif kind == "insert":
            mutated = text[:position] + char + text[position:]
        elif kind == "replace":
            mutated = text[:position] + char + text[position + 1 :]
        elif kind == "cut":
            mutated = text[:position]
        else:
            mutated = text[position:] + text[:position]
        _exercise(mutated)

    @SETTINGS
    @given(st.binary(max_size=400))
    def test_random_bytes_raise_nothing_but_x12error(self, data):
        report = validate_file(data)
        self.assertFalse(report.valid)
