"""Sample documents written from the Amazon facts (FACTS §3-§8), one per scenario."""

import datetime
from decimal import Decimal as D

from .. import (
    AckLine,
    Adjustment,
    AllowanceCharge,
    InventoryAdvice,
    InventoryLine,
    Invoice,
    InvoiceLine,
    OutboundEnvelope,
    Pack,
    Party,
    PaymentTerms,
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
    sscc_check_digit,
)

STAMP = datetime.datetime(2026, 11, 27, 9, 30)
PO_DATE = datetime.date(2026, 11, 27)
FC = Party("ST", "", "92", "ABE2")
VENDOR_WH = Party("SF", "ACME WAREHOUSE", "92", "ACMEWH1")


def envelope(version="004010", st_control=1, **options):
    """An OutboundEnvelope from vendor VEND1 to Amazon (ZZ/AMAZON, FACTS §2.1)."""
    return OutboundEnvelope(
        "ZZ", "VEND1", "ZZ", "AMAZON", "VEND1", "AMAZON",
        isa_control=options.pop("isa_control", 101), gs_control=7,
        st_control=st_control, timestamp=STAMP, version=version, **options,
    )  # fmt: skip


def sscc(serial):
    """A valid SSCC-18: extension 0, GS1 prefix 0614141, serial, check digit."""
    body = f"00614141{serial:09d}"
    return body + sscc_check_digit(body)


def ids(*pairs):
    return tuple(ProductId(q, v) for q, v in pairs)


ASIN_1 = ids(("BP", "B07R634M2P"), ("EN", "4006381333931"))
ASIN_2 = ids(("BP", "B0SPOON001"), ("VN", "ACN-SPOON"))
ASIN_3 = ids(("UP", "012345678905"), ("VN", "ACN-TEA"))


def purchase_order():
    """850 new order (NE), backorder allowed, window 064/063, ship to ABE2, 3 lines."""
    lines = (
        PurchaseOrderLine("1", D("24"), "EA", D("12.50"), "PE", ASIN_1, 0, 0),
        PurchaseOrderLine("2", D("100"), "EA", D("3.00"), "PE", ASIN_2, 0, 0),
        PurchaseOrderLine("3", D("6"), "CA", D("60.00"), "", ASIN_3, 0, 0),
    )
    return PurchaseOrder(
        "3J2KKUAV", "00", "NE", PO_DATE, (("CR", "AMZ3J2KKUAV"),), "Y",
        datetime.date(2026, 12, 1), datetime.date(2026, 12, 8), "USD", FC, (FC,),
        ("Deliver to dock 4",), lines, 3, D("130"), "0001", "004010", fob_payment="CC",
    )  # fmt: skip


def acknowledgment():
    """855 with change: line 1 accepted, line 2 split 80 accepted / 20 backordered,
    line 3 rejected (FACTS §4.2 IA/IB/IR)."""
    po = purchase_order()
    first, second, third = po.lines

    def echo(line, status, quantity, date=None):
        return AckLine(
            line.line_number, line.quantity, line.uom, line.unit_price,
            line.product_ids, status, quantity, date, price_basis=line.price_basis,
        )  # fmt: skip

    lines = (
        echo(first, "IA", D("24")),
        echo(second, "IA", D("80")),
        echo(second, "IB", D("20"), datetime.date(2026, 12, 5)),
        echo(third, "IR", D("6")),
    )
    return PurchaseOrderAck(po.po_number, PO_DATE, lines, "AC")


def _item(pairs, quantity, line, lot="", expiry=None):
    return ShipmentItem(ids(*pairs), D(quantity), "EA", line, lot=lot, expiry=expiry)


def shipment(shape="SOPI"):
    """856 for PO 3J2KKUAV (and a second PO) in one of Amazon's hierarchies."""
    a = _item((("BP", "B07R634M2P"), ("EN", "4006381333931")), 24, "1")
    b = _item((("BP", "B0SPOON001"), ("VN", "ACN-SPOON")), 80, "2", "LOT7",
              datetime.date(2027, 6, 30))  # fmt: skip
    if shape == "SOPI":
        orders = (
            ShipmentOrder("3J2KKUAV", PO_DATE, packs=(Pack(sscc(1), (a,)),
                          Pack(sscc(2), (b,)))),
            ShipmentOrder("6FCFLAJO", PO_DATE, packs=(Pack(sscc(3), (a,)),)),
        )  # fmt: skip
    elif shape == "SOTPI":
        pallet = Tare(sscc(10), packs=(Pack(sscc(11), (a,)), Pack(sscc(12), (b,))))
        orders = (ShipmentOrder("3J2KKUAV", PO_DATE, tares=(pallet,)),)
    else:
        orders = (ShipmentOrder("3J2KKUAV", PO_DATE, tares=(Tare(sscc(20),
                  items=(a, b)),)),)  # fmt: skip
    return Shipment(
        "ASN3J2KKUAV1", datetime.date(2026, 12, 1), "1400", orders,
        shipped_date=datetime.date(2026, 12, 1),
        estimated_delivery=datetime.date(2026, 12, 4), scac="UPSN",
        transport_method="M", bill_of_lading="BOL778899", pro_number="PRO4455",
        arn="ARN1234567", weight=D("412.5"), ship_from=VENDOR_WH, ship_to=FC,
    )  # fmt: skip


def invoice():
    """810 for lines 1 and 2 of the PO at the acked cost, a freight charge, a
    promotion allowance on line 2 and sales tax (STEDI-810R "Example with Tax")."""
    lines = (
        InvoiceLine(D("24"), D("12.50"), ASIN_1, "EA", "1", "PE"),
        InvoiceLine(D("80"), D("3.00"), ASIN_2, "EA", "2", "PE",
                    allowances=(AllowanceCharge("A", "C310", D("4.00"), "Promo"),)),
    )  # fmt: skip
    return Invoice(
        "INV-2026-0042", datetime.date(2026, 12, 2), "3J2KKUAV", lines,
        po_date=PO_DATE, bill_to=Party("BT", "AMAZON.COM", "92", "AMZN"),
        remit_to=Party("RI", "ACME INC", "92", "ACME", ("1 MAIN ST",), "SEATTLE",
                       "WA", "98101", "US"),
        ship_from=VENDOR_WH, terms=PaymentTerms(net_days=60, description="NET 60"),
        shipped_date=datetime.date(2026, 12, 1),
        allowances=(AllowanceCharge("C", "D240", D("25.00"), "Freight"),),
        taxes=(Tax("ST", D("21.00"), D("7")),),
    )  # fmt: skip


def remittance():
    """820 paying an invoice, deducting a shortage claim and a chargeback (§14)."""
    items = (
        RemittanceItem("INV-2026-0042", D("562.00"), "IV", D("582.00"), D("0"),
                       (Adjustment(D("-20.00"), "22"),), "3J2KKUAV",
                       datetime.date(2026, 12, 2), "1"),
        RemittanceItem("INV-2026-0042SC", D("-36.00"), "IV", entity="1"),
        RemittanceItem("5561234VCBSINV", D("-12.40"), "IV", entity="1"),
    )  # fmt: skip
    return Remittance(
        "ACH0000987", D("513.60"), items, datetime.date(2027, 1, 31),
        payer=Party("PR", "AMAZON.COM SERVICES", "92", "AMAZON"),
        payee=Party("PE", "ACME INC", "92", "VEND1"), currency="USD",
        dates=(("097", datetime.date(2027, 1, 31)),),
    )  # fmt: skip


def inventory():
    """846 "Retail Cost And Inventory": on-hand quantity and cost per item [I]."""
    lines = (
        InventoryLine(ASIN_1, D("480"), unit_price=D("12.50")),
        InventoryLine(ASIN_2, D("0"), unit_price=D("3.00")),
        InventoryLine(ASIN_3, D("35"), "CA"),
    )
    return InventoryAdvice(
        "INV20261201", datetime.date(2026, 12, 1), lines, time="0600",
        currency="USD", party=Party("SU", "ACME INC", "92", "VEND1"),
    )  # fmt: skip
