"""Property tests: documents generated from their dataclasses build, validate, and
parse back equal, with no business problem (every set: 850, 855, 856, 810, 820, 846)."""

import dataclasses
import string
import unittest
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from .. import (
    ACK_ACCEPTED,
    ACK_BACKORDERED,
    ACK_REJECTED,
    AckLine,
    Adjustment,
    AllowanceCharge,
    InventoryAdvice,
    InventoryLine,
    Invoice,
    InvoiceLine,
    Pack,
    Party,
    ProductId,
    PurchaseOrder,
    PurchaseOrderAck,
    PurchaseOrderLine,
    Remittance,
    RemittanceItem,
    Shipment,
    ShipmentItem,
    ShipmentOrder,
    Tare,
    Tax,
    build_810,
    build_820,
    build_846,
    build_850,
    build_855,
    build_856,
    check_document,
    parse_document,
    parse_interchange,
)
from . import samples as S
from .common import without_positions

SETTINGS = settings(derandomize=True, max_examples=40, deadline=None)
WORD = st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=12)
NAME = st.text(string.ascii_uppercase + " .", min_size=1, max_size=20).filter(
    lambda text: text == text.strip()
)
DATES = st.dates(S.PO_DATE, S.PO_DATE.replace(year=2030))
QUANTITY = st.integers(1, 99999).map(Decimal)
PRICE = st.decimals("0.01", "9999.99", places=2)
PRODUCT_IDS = st.lists(
    st.builds(ProductId, st.sampled_from(["BP", "EN", "UP", "VN", "UK"]), WORD),
    min_size=1,
    max_size=3,
    unique_by=lambda product: product.qualifier,
).map(tuple)
CODE = st.text(string.ascii_uppercase + string.digits, min_size=2, max_size=8)
PARTY = st.builds(Party, st.just("ST"), st.just(""), st.just("92"), CODE)


def _round_trip(test, builder, document, version="004010"):
    """Builds, validates and parses back; returns the parsed document."""
    text = builder(document, S.envelope(version))
    report = parse_interchange(text)
    (transaction,) = report.sets()
    test.assertTrue(report.valid, [str(e) for e in transaction.errors])
    parsed, problems = check_document(transaction)
    test.assertEqual([str(p) for p in problems if p.severity == "error"], [])
    test.assertEqual(without_positions(parse_document(transaction)), document)
    return parsed


@st.composite
def purchase_orders(draw):
    count = draw(st.integers(1, 6))
    lines = tuple(
        PurchaseOrderLine(str(n), draw(QUANTITY), draw(st.sampled_from(["EA", "CA"])),
                          draw(PRICE), "PE", draw(PRODUCT_IDS), 0, 0)
        for n in range(1, count + 1)
    )  # fmt: skip
    start = draw(DATES)
    ship_to = draw(PARTY)
    return PurchaseOrder(
        draw(WORD), "00", draw(st.sampled_from(["NE", "CN", "NP", "RO"])),
        draw(DATES), (("CR", draw(WORD)),), draw(st.sampled_from("NY")), start,
        start, "", ship_to, (ship_to,), (), lines, count,
        sum(line.quantity for line in lines), "0001", "004010",
    )  # fmt: skip


@st.composite
def acknowledgments(draw):
    po = draw(purchase_orders())
    lines = []
    for line in po.lines:
        status = draw(st.sampled_from([ACK_ACCEPTED, ACK_BACKORDERED, ACK_REJECTED]))
        date = draw(DATES) if status == ACK_BACKORDERED else None
        lines.append(AckLine(line.line_number, line.quantity, line.uom,
                             line.unit_price, line.product_ids, status, line.quantity,
                             date))  # fmt: skip
    return PurchaseOrderAck(po.po_number, po.order_date, tuple(lines),
                            draw(st.sampled_from(["AC"])))  # fmt: skip


SERIALS = iter(range(1, 10**9))


def _items(draw):
    return tuple(
        ShipmentItem(draw(PRODUCT_IDS), draw(QUANTITY), "EA", str(n),
                     lot=draw(st.one_of(st.just(""), WORD)))
        for n in range(1, draw(st.integers(1, 3)) + 1)
    )  # fmt: skip


@st.composite
def shipments(draw):
    orders = []
    for _ in range(draw(st.integers(1, 3))):
        shape = draw(st.sampled_from(["SOPI", "SOTPI", "SOTI"]))
        packs = tuple(Pack(S.sscc(next(SERIALS)), _items(draw))
                      for _ in range(draw(st.integers(1, 2))))  # fmt: skip
        if shape == "SOPI":
            order = ShipmentOrder(draw(WORD), draw(DATES), packs=packs)
        elif shape == "SOTPI":
            order = ShipmentOrder(
                draw(WORD), None, tares=(Tare(S.sscc(next(SERIALS)), packs),)
            )
        else:
            tare = Tare(S.sscc(next(SERIALS)), items=_items(draw))
            order = ShipmentOrder(draw(WORD), None, tares=(tare,))
        orders.append(order)
    return Shipment(draw(CODE), draw(DATES), "0930", tuple(orders),
                    scac=draw(st.text(string.ascii_uppercase, min_size=2,
                                      max_size=4)),
                    bill_of_lading=draw(WORD), ship_to=draw(PARTY))  # fmt: skip


@st.composite
def invoices(draw):
    lines = tuple(
        InvoiceLine(draw(QUANTITY), draw(PRICE), draw(PRODUCT_IDS), "EA", str(n))
        for n in range(1, draw(st.integers(1, 5)) + 1)
    )
    sacs = tuple(
        AllowanceCharge(draw(st.sampled_from("AC")), "D240", draw(PRICE))
        for _ in range(draw(st.integers(0, 2)))
    )
    taxes = tuple(Tax("ST", draw(PRICE)) for _ in range(draw(st.integers(0, 1))))
    return Invoice(draw(WORD), draw(DATES), draw(WORD), lines, allowances=sacs,
                   taxes=taxes)  # fmt: skip


@st.composite
def remittances(draw):
    items = []
    for _ in range(draw(st.integers(1, 5))):
        invoiced = draw(PRICE)
        adjustment = -draw(st.decimals("0", "5", places=2))
        items.append(RemittanceItem(draw(WORD), invoiced + adjustment, "IV",
                                    invoiced, None, (Adjustment(adjustment, "01"),),
                                    entity="1"))  # fmt: skip
    total = sum(item.paid for item in items)
    return Remittance(draw(WORD), total, tuple(items), draw(DATES),
                      payee=Party("PE", draw(NAME), "92", draw(CODE)),
                      dates=(("097", draw(DATES)),))  # fmt: skip


@st.composite
def inventories(draw):
    lines = tuple(
        InventoryLine(draw(PRODUCT_IDS), draw(st.integers(0, 99999).map(Decimal)),
                      unit_price=draw(st.one_of(st.none(), PRICE)))
        for _ in range(draw(st.integers(1, 6)))
    )  # fmt: skip
    return InventoryAdvice(draw(WORD), draw(DATES), lines)


class TestGeneratedDocuments(unittest.TestCase):
    @SETTINGS
    @given(purchase_orders())
    def test_850(self, po):
        _round_trip(self, build_850, po)

    @SETTINGS
    @given(acknowledgments())
    def test_855(self, ack):
        _round_trip(self, build_855, ack)

    @SETTINGS
    @given(shipments(), st.sampled_from(["005010", "004010"]))
    def test_856(self, shipment, version):
        parsed = _round_trip(self, build_856, shipment, version)
        self.assertEqual(len(parsed.items()), len(shipment.items()))

    @SETTINGS
    @given(invoices())
    def test_810(self, invoice):
        parsed = _round_trip(self, build_810, invoice)
        self.assertEqual(parsed.total, invoice.computed_total())

    @SETTINGS
    @given(remittances())
    def test_820(self, remittance):
        _round_trip(self, build_820, remittance)

    @SETTINGS
    @given(inventories())
    def test_846(self, advice):
        _round_trip(self, build_846, advice)

    @SETTINGS
    @given(invoices(), st.integers(1, 99))
    def test_810_wrong_total_is_always_caught(self, invoice, cents):
        wrong = dataclasses.replace(
            invoice, total=invoice.computed_total() + Decimal(cents) / 100
        )
        text = build_810(wrong, S.envelope())
        (transaction,) = parse_interchange(text).sets()
        codes = [p.code for p in check_document(transaction)[1]]
        self.assertEqual(codes, ["tds-total"])
