"""Addressing: which mailbox an interchange names, and the TA1/997 of a refusal."""

import datetime
import unittest

from .. import AckEnvelope, build_acknowledgment, parse_acknowledgments, validate_file
from ..addressing import Mailbox, check_addressing, find_mailbox, refuse
from .common import group, interchange, po_body, po_interchange, transaction

VENDOR = Mailbox.of([("ZZ", "VENDOR")], ["VENDOR"])
AMAZON = Mailbox.of([("ZZ", "AMAZON")], ["AMAZON"])
STAMP = datetime.datetime(2024, 2, 3, 4, 5)


def _interchange(text):
    report = validate_file(text, keep_segments=True)
    assert report.valid, report.envelope_errors()
    return report.interchanges[0]


def _ack(one):
    envelope = AckEnvelope(9, 90, 900, STAMP, ("ZZ", "VENDOR"), ("ZZ", "AMAZON"))
    acks, report = parse_acknowledgments(build_acknowledgment(one, envelope))
    assert report.valid
    return acks


def _readdressed(text, old, new):
    return text.replace(old, new, 1)


class TestAddressing(unittest.TestCase):
    def test_mailbox_of_strips_padding_and_blanks(self):
        box = Mailbox.of([("ZZ", "VENDOR   "), ("ZZ", " ")], ["V1 ", "", None])
        self.assertEqual(box, Mailbox(frozenset({("ZZ", "VENDOR")}), frozenset({"V1"})))

    def test_a_file_addressed_to_us_has_no_error(self):
        one = _interchange(po_interchange())
        self.assertEqual(check_addressing(one, VENDOR, AMAZON), ([], {}))

    def test_find_mailbox_prefers_the_one_holding_every_gs03(self):
        one = _interchange(po_interchange())
        same_isa = Mailbox.of([("ZZ", "VENDOR")], ["OTHER"])
        exact = Mailbox.of([("ZZ", "VENDOR")], ["OTHER", "VENDOR"])
        found = find_mailbox(one, [("a", same_isa), ("b", exact)])
        self.assertEqual(found, "b")
        self.assertEqual(find_mailbox(one, [("a", same_isa)]), "a")
        self.assertIsNone(find_mailbox(one, [("a", AMAZON)]))

    def test_isa_receiver_not_ours_is_ta1_008_and_no_997(self):
        text = _readdressed(po_interchange(), "VENDOR         ", "SOMEONEELSE    ")
        one = _interchange(text)
        isa_errors, group_errors = check_addressing(one, VENDOR, AMAZON)
        self.assertEqual(group_errors, {}, "GS03 VENDOR is still ours")
        (error,) = isa_errors
        self.assertEqual(
            (error.level, error.code, error.segment_id, error.element_position),
            ("TA1", "008", "ISA", 8),
        )
        self.assertIn("segment 1 (ISA), element 08 [ISA 000000001]", str(error))
        refused = refuse(one, isa_errors, group_errors)
        self.assertEqual(refused.status, "R")
        (ta1,) = _ack(refused)
        self.assertEqual((ta1.status, ta1.note_code), ("R", "008"))

    def test_sender_and_qualifiers(self):
        cases = {
            "sender ID": ("ZZ*AMAZON         ", "ZZ*NOTAMAZON      ", "006", 6),
            "sender qualifier": ("ZZ*AMAZON         ", "01*AMAZON         ", "005", 5),
            "receiver qualifier": ("ZZ*VENDOR  ", "12*VENDOR  ", "007", 7),
        }
        for name, (old, new, code, position) in cases.items():
            with self.subTest(name):
                one = _interchange(_readdressed(po_interchange(), old, new))
                (error,), _groups = check_addressing(one, VENDOR, AMAZON)
                self.assertEqual((error.code, error.element_position), (code, position))

    def test_gs_receiver_not_ours_rejects_the_group_in_its_997(self):
        text = _readdressed(po_interchange(2), "*AMAZON*VENDOR*", "*AMAZON*ELSE*")
        one = _interchange(text)
        isa_errors, group_errors = check_addressing(one, VENDOR, AMAZON)
        self.assertEqual(isa_errors, [])
        (error,) = group_errors[one.groups[0].position]
        self.assertEqual(
            (error.level, error.code, error.segment_id, error.element_position),
            ("AK9", None, "GS", 3),
        )
        refused = refuse(one, isa_errors, group_errors)
        self.assertEqual(refused.status, "A", "the envelope itself is fine")
        self.assertEqual([s.status for s in refused.groups[0].sets], ["R", "R"])
        self.assertIn("element 03", str(refused.groups[0].sets[0].errors[0]))
        (functional,) = _ack(refused)
        self.assertEqual(
            (functional.status, functional.received, functional.accepted),
            ("R", 2, 0),
        )
        self.assertEqual(functional.codes, ())
        self.assertEqual([s.status for s in functional.sets], ["R", "R"])

    def test_gs02_of_another_sender_is_refused_too(self):
        text = _readdressed(po_interchange(), "*AMAZON*VENDOR*", "*WALMART*VENDOR*")
        one = _interchange(text)
        _isa, group_errors = check_addressing(one, VENDOR, AMAZON)
        (error,) = group_errors[one.groups[0].position]
        self.assertEqual(error.element_position, 2)
        self.assertIn("GS02 'WALMART'", error.message)

    def test_ak905_codes_only_where_the_version_lists_them(self):
        body = [transaction("850", "0001", po_body("PO1"))]
        for version, code in (("004010", None), ("005010", None), ("005040", "8")):
            with self.subTest(version):
                text = interchange([group("PO", 1, body, version)])
                report = validate_file(
                    _readdressed(text, "*AMAZON*VENDOR*", "*AMAZON*X*")
                )
                one = report.interchanges[0]
                _isa, group_errors = check_addressing(one, VENDOR, AMAZON)
                (error,) = group_errors[one.groups[0].position]
                self.assertEqual(error.code, code)
