"""Business checks: each inconsistency a receiver would reject, with its location."""

import dataclasses
import unittest
from decimal import Decimal as D

from .. import (
    build_850,
    build_855,
    build_856,
    check_850,
    check_855_against_850,
    check_856,
    check_856_against_acks,
    check_856_hierarchy,
    check_document,
    parse_850,
    parse_855,
    parse_856,
    parse_interchange,
    sscc_check_digit,
    valid_sscc,
)
from ..checks import hash_matches, hash_text
from . import samples as S


def _one(text):
    (transaction,) = parse_interchange(text).sets()
    return transaction


def _where(problem):
    return (problem.code, problem.segment_id, problem.set_position,
            problem.element_position)  # fmt: skip


def _po_text():
    return build_850(S.purchase_order(), S.envelope())


class TestCtt(unittest.TestCase):
    def test_hash_total_accepts_plain_and_x12_sums(self):
        values = [D("18.01"), D(".0018")]
        self.assertTrue(hash_matches(D("18.0118"), values))
        self.assertTrue(hash_matches(D("1819"), values))  # 1801 + 18, X12.6
        self.assertFalse(hash_matches(D("18"), values))
        self.assertEqual(hash_text([D("12"), D("3")]), "15")
        self.assertEqual(hash_text([D("99999999999")]), "9999999999")

    def test_850_line_count_and_hash_are_located_at_ctt(self):
        text = _po_text().replace("CTT*3*130", "CTT*2*131")
        problems = check_850(parse_850(_one(text)))
        self.assertEqual(
            sorted(_where(p) for p in problems),
            [("ctt-count", "CTT", 14, 1), ("ctt-hash", "CTT", 14, 2)],
        )
        self.assertEqual(problems[0].segment_position, 16)
        self.assertIn("CTT01 says 2 line(s); the set has 3 PO1", problems[0].message)


class TestPurchaseOrder(unittest.TestCase):
    def test_window_ship_to_and_lines(self):
        text = (
            _po_text()
            .replace("DTM*063*20261208~\n", "")
            .replace("N1*ST**92*ABE2~\n", "")
            .replace("PO1*2*100*EA", "PO1*1*0*EA")
        )
        problems = check_850(parse_850(_one(text)))
        codes = sorted(p.code for p in problems)
        self.assertEqual(
            codes,
            ["ctt-hash", "dtm-window", "n1-ship-to", "po1-duplicate", "po1-quantity"],
        )
        duplicate = next(p for p in problems if p.code == "po1-duplicate")
        self.assertEqual(_where(duplicate), ("po1-duplicate", "PO1", 10, 1))


class TestAckAgainstPo(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.po = parse_850(_one(_po_text()))

    def _ack(self, text):
        return parse_855(_one(text))

    def test_what_we_build_answers_the_po(self):
        ack = S.acknowledgment()
        self.assertEqual(check_855_against_850(ack, self.po), [])
        parsed = self._ack(build_855(ack, S.envelope()))
        self.assertEqual(check_855_against_850(parsed, self.po), [])

    def test_changed_identifier_is_located_at_the_855_po1(self):
        text = build_855(S.acknowledgment(), S.envelope())
        text = text.replace("VN*ACN-SPOON", "VN*67094")
        (problem,) = check_855_against_850(self._ack(text), self.po)
        self.assertEqual(_where(problem), ("ack-identifier", "PO1", 6, 6))
        self.assertEqual(problem.segment_position, 8)
        self.assertEqual(problem.st_control, "0001")

    def test_missing_line_is_located_at_the_850_po1(self):
        ack = S.acknowledgment()
        short = dataclasses.replace(ack, lines=ack.lines[:3])
        (problem,) = check_855_against_850(short, self.po)
        self.assertEqual(_where(problem), ("ack-missing-line", "PO1", 13, None))
        self.assertEqual(problem.segment_position, 15)
        self.assertIn("line 3 (UP 012345678905, VN ACN-TEA)", problem.message)

    def test_unknown_item_price_quantity_and_backorder_policy(self):
        ack = S.acknowledgment()
        first, second, backorder, third = ack.lines
        lines = (
            dataclasses.replace(first, unit_price=D("12.60")),
            dataclasses.replace(second, quantity=D("90")),
            backorder,
            dataclasses.replace(third, line_number="9", product_ids=S.ids(
                ("BP", "B0NOTONPO1"))),
        )  # fmt: skip
        no_backorder = dataclasses.replace(self.po, backorder_code="N")
        problems = check_855_against_850(
            dataclasses.replace(ack, lines=lines, po_number="3J2KKUAX"), no_backorder
        )
        found = sorted((p.code, p.set_position, p.severity) for p in problems)
        self.assertEqual(found, [
            ("ack-backorder-not-allowed", 9, "error"),
            ("ack-missing-line", 13, "error"),
            ("ack-price", 3, "error"),
            ("ack-total", 12, "error"),
            ("ack-unknown-item", 10, "error"),
            ("bak-po-number", None, "error"),
        ])  # fmt: skip
        unknown = next(p for p in problems if p.code == "ack-unknown-item")
        self.assertIn("there is no item line 9 (BP B0NOTONPO1)", unknown.message)

    def test_short_confirmation_is_a_warning(self):
        ack = S.acknowledgment()
        lines = (dataclasses.replace(ack.lines[0], quantity=D("20")), *ack.lines[1:])
        (problem,) = check_855_against_850(dataclasses.replace(ack, lines=lines),
                                           self.po)  # fmt: skip
        self.assertEqual((problem.code, problem.severity), ("ack-total", "warning"))


class TestShipment(unittest.TestCase):
    def test_sscc_check_digit(self):
        self.assertTrue(valid_sscc("106141412345678908"))  # GS1's own example
        self.assertFalse(valid_sscc("106141412345678907"))
        self.assertEqual(sscc_check_digit("10614141234567890"), "8")

    def test_broken_hl_links_are_located(self):
        text = build_856(S.shipment("SOPI"), S.envelope("005010"))
        broken = text.replace("HL*4*3*I*0", "HL*4*8*I*0").replace(
            "HL*9*8*I*0", "HL*9*1*I*0"
        )
        transaction = _one(broken)
        problems = check_856_hierarchy(transaction)
        self.assertEqual(
            [(p.code, p.set_position, p.element_position) for p in problems],
            [("hl-parent", 17, 2), ("hl-level", 31, 3)],
        )
        _, found = check_document(transaction)
        self.assertEqual([str(p) for p in found], [str(p) for p in problems])

    def test_sscc_ctt_and_carrier(self):
        shipment = S.shipment("SOTPI")
        tare = shipment.orders[0].tares[0]
        bad_pack = dataclasses.replace(tare.packs[1], sscc=tare.packs[0].sscc)
        order = dataclasses.replace(
            shipment.orders[0],
            tares=(dataclasses.replace(tare, sscc="123", packs=(tare.packs[0],
                                                                 bad_pack)),),
        )  # fmt: skip
        text = build_856(
            dataclasses.replace(shipment, orders=(order,), scac=""),
            S.envelope("005010"),
        ).replace("CTT*7*104", "CTT*7*105")
        problems = check_856(parse_856(_one(text)))
        self.assertEqual(sorted((p.code, p.set_position) for p in problems), [
            ("ctt-hash", 29), ("sscc", 15), ("sscc-duplicate", 22),
            ("td5-scac", 5),
        ])  # fmt: skip

    def test_quantities_per_order_against_the_acks(self):
        shipment = S.shipment("SOPI")
        parsed = parse_856(_one(build_856(shipment, S.envelope("005010"))))
        ack = S.acknowledgment()
        problems = check_856_against_acks(parsed, [ack])
        self.assertEqual([(p.code, p.segment_id, p.set_position, p.severity)
                          for p in problems],
                         [("unconfirmed-po", "HL", 27, "error")])  # fmt: skip
        lines = (ack.lines[0], dataclasses.replace(ack.lines[1], quantity=D("50")),
                 ack.lines[3])  # fmt: skip
        other = dataclasses.replace(ack, po_number="6FCFLAJO", lines=lines[:1])
        problems = check_856_against_acks(
            parsed, [dataclasses.replace(ack, lines=lines), other]
        )
        (excess,) = problems
        self.assertEqual((excess.code, excess.severity, excess.set_position),
                         ("excess-quantity", "warning", 22))  # fmt: skip
        self.assertIn("ASN ships 80 of B0SPOON001 for PO 3J2KKUAV; 50 were",
                      excess.message)  # fmt: skip

    def test_order_without_items(self):
        shipment = S.shipment("SOPI")
        empty = dataclasses.replace(shipment.orders[1], packs=())
        problems = check_856(
            dataclasses.replace(shipment, orders=(shipment.orders[0], empty))
        )
        self.assertEqual([p.code for p in problems], ["order-items"])  # fmt: skip
