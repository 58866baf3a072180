"""Reading odd but legal files: delimiters, layouts, several interchanges and groups."""

import io
import unittest

from .. import X12Error, iter_transaction_sets, parse_interchange, validate_file
from ..reader import Reader
from .common import DATA, po_interchange

# scenario file -> (interchanges, groups, sets) it holds
LEGAL_FILES = {
    "pipe_separator_bang_terminator.edi": (1, 1, 2),
    "newline_terminator.edi": (1, 1, 2),
    "crlf_after_terminator.edi": (1, 1, 2),
    "crlf_as_terminator.edi": (1, 1, 1),
    "indented_segments.edi": (1, 1, 2),
    "two_interchanges_different_delimiters.edi": (2, 2, 3),
    "several_groups.edi": (1, 3, 4),
    "repetition_separator_5010.edi": (1, 1, 1),
    "bom_and_blank_lines.edi": (1, 1, 1),
    "no_final_terminator.edi": (1, 1, 1),
}


def _shape(report):
    groups = sum(len(i.groups) for i in report.interchanges)
    return len(report.interchanges), groups, len(list(report.sets()))


class TestLegalFiles(unittest.TestCase):
    def test_every_legal_file_is_valid_with_its_shape(self):
        for name, shape in LEGAL_FILES.items():
            with self.subTest(name=name):
                report = validate_file((DATA / name).read_bytes())
                problems = [str(e) for e in report.envelope_errors()]
                problems += [str(e) for s in report.sets() for e in s.errors]
                self.assertTrue(report.valid, problems)
                self.assertEqual(_shape(report), shape)

    def test_sets_are_checked_by_grammar_and_keep_their_ids(self):
        report = parse_interchange((DATA / "indented_segments.edi").read_text())
        sets = list(report.sets())
        self.assertEqual([s.checked for s in sets], ["grammar", "grammar"])
        self.assertEqual(sets[1].ids, {"po_number": "PO00002"})
        self.assertEqual(sets[0].elements()[1][:4], ["BEG", "00", "NE", "PO00001"])

    def test_second_interchange_uses_its_own_delimiters(self):
        report = parse_interchange(
            (DATA / "two_interchanges_different_delimiters.edi").read_text()
        )
        second = report.interchanges[1]
        self.assertEqual(second.header.delimiters.element, "^")
        self.assertEqual(second.header.delimiters.segment, "'")
        self.assertEqual(second.header.control_number, "000000002")
        self.assertEqual(second.groups[0].sets[1].ids["po_number"], "PO00002")

    def test_5010_repetition_separator_comes_from_isa11(self):
        report = validate_file((DATA / "repetition_separator_5010.edi").read_text())
        self.assertEqual(report.interchanges[0].header.delimiters.repetition, "^")
        self.assertEqual(report.interchanges[0].header.delimiters.component, ":")

    def test_missing_final_terminator_is_a_warning(self):
        report = validate_file((DATA / "no_final_terminator.edi").read_text())
        self.assertEqual([e.severity for e in report.errors], ["warning"])
        self.assertEqual(report.errors[0].segment_id, "IEA")

    def test_positions_count_from_the_first_isa(self):
        sets = list(iter_transaction_sets(po_interchange(2, lines=1)))
        # ISA=1, GS=2, first ST=3; each set is ST + 7 + SE = 9 segments.
        self.assertEqual([s.position for s in sets], [3, 13])


class TestStreaming(unittest.TestCase):
    def test_chunk_size_does_not_change_the_result(self):
        text = (DATA / "two_interchanges_different_delimiters.edi").read_text()
        expected = [s.elements() for s in Reader(text)]
        for size in (1, 2, 7, 105, 106, 107, 4096):
            with self.subTest(size=size):
                sets = list(Reader(io.BytesIO(text.encode()), chunk_size=size))
                self.assertEqual([s.elements() for s in sets], expected)

    def test_segments_passed_in_runs_keep_their_positions(self):
        # Segments that cannot be envelope segments reach the reader in runs: a
        # stray run and an element error in a set are located the same at any chunk
        # size, with or without a line end after each terminator.
        for line_end in ("", "\n", "\r\n"):
            text = po_interchange(3, lines=1, line_end=line_end)
            text = text.replace("ST*850*0002~", "", 1)
            text = text.replace("20240105", "20241305")
            for size in (1, 7, 97, 1 << 20):
                with self.subTest(line_end=line_end, size=size):
                    reader = Reader(io.BytesIO(text.encode()), chunk_size=size)
                    sets = list(reader)
                    stray = reader.report.interchanges[0].groups[0].errors[0]
                    # ISA=1, GS=2, set 1 is 3..12, the stray BEG of set 2 is 13.
                    self.assertEqual(
                        (stray.segment_id, stray.segment_position), ("BEG", 13)
                    )
                    located = [
                        (e.segment_id, e.segment_position, e.set_position)
                        for one in sets
                        for e in one.errors
                    ]
                    self.assertEqual(located, [("DTM", 7, 5), ("DTM", 26, 5)])

    def test_text_file_objects_and_bytes_give_the_same_sets(self):
        text = po_interchange(3)
        from_text = [s.control_number for s in iter_transaction_sets(io.StringIO(text))]
        from_bytes = [s.control_number for s in iter_transaction_sets(text.encode())]
        self.assertEqual(from_text, ["0001", "0002", "0003"])
        self.assertEqual(from_bytes, from_text)

    def test_iterator_raises_x12error_when_reading_cannot_go_on(self):
        text = po_interchange(1) + "GARBAGE"
        sets = []
        with self.assertRaises(X12Error) as caught:
            for one in iter_transaction_sets(text):
                sets.append(one)
        self.assertEqual(len(sets), 1)
        self.assertIn("Expected an ISA", caught.exception.message)

    def test_unsupported_source_type_is_an_x12error(self):
        with self.assertRaises(X12Error):
            list(iter_transaction_sets(12345))

    def test_invalid_utf8_is_replaced_not_raised(self):
        data = (
            po_interchange(1)
            .replace("SKU-1", "SKU-\udcff")
            .encode("utf-8", "surrogateescape")
        )
        report = validate_file(data)
        self.assertTrue(report.valid)


class TestUnsupportedVersion(unittest.TestCase):
    def test_other_versions_are_read_and_reported_not_crashed_on(self):
        report = validate_file((DATA / "unsupported_version_003040.edi").read_text())
        self.assertFalse(report.valid)
        group = report.interchanges[0].groups[0]
        self.assertEqual([(e.level, e.code) for e in group.errors], [("AK9", "2")])
        (one,) = group.sets
        self.assertEqual(one.checked, "unsupported")
        self.assertEqual([(e.level, e.code) for e in one.errors], [("AK5", "1")])


class TestManySmallInterchanges(unittest.TestCase):
    """Interchanges ending inside a chunk go on from the pieces already split."""

    def _file(self):
        star = [po_interchange(1, lines=2, control=n) for n in range(1, 40)]
        pipe = (DATA / "pipe_separator_bang_terminator.edi").read_text()
        crlf = (DATA / "crlf_after_terminator.edi").read_text()
        return (
            "".join(star[:20]) + pipe + "".join(star[20:30]) + crlf + "".join(star[30:])
        )

    def test_positions_and_sets_match_small_chunks(self):
        text = self._file()
        expected = [
            (s.position, s.isa_control, s.elements())
            for s in Reader(text, chunk_size=97)
        ]
        found = [(s.position, s.isa_control, s.elements()) for s in Reader(text)]
        self.assertEqual(found, expected)
        self.assertEqual(len(found), 39 + 2 + 2)
        report = validate_file(text)
        self.assertEqual(len(report.interchanges), 41)
        self.assertEqual(
            [e.code for e in report.envelope_errors()], ["025", "025"]
        )  # the two fixture files reuse ISA13 1 and 2
