"""Typed 856 Ship Notice/Manifest: shipment -> orders -> tares -> packs -> items.

Amazon accepts the hierarchies S/O/P/I, S/O/T/P/I and S/O/T/I (FACTS §5.1): a
shipment (BSN, TD1, TD5, REF BM/CN, N1 SF/ST) holds one order per PO (PRF), an order
holds pallets (tares, MAN*GM SSCC, optional) and/or cartons (packs, MAN*GM SSCC-18),
and items (LIN, SN1, lot and expiry) sit in packs, in tares without packs, or
directly in the order (S/O/I, read but not Amazon's).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .identifiers import Party, first_product_id


def _position():
    return field(default=0, compare=False)


@dataclass(frozen=True)
class ShipmentItem:
    """An item HL: one product in a pack, tare or order.

    Attributes:
        product_ids: LIN02/LIN03 ... pairs (BP = ASIN, UP, EN, VN ...).
        quantity: SN102 units shipped.
        uom: SN103.
        line_number: LIN01 (the PO1 line shipped), or "".
        quantity_ordered: SN105, or None.
        lot: REF*LT lot number, or "".
        expiry: DTM*036 expiration date, or None.
        hl_id: HL01 (parsed documents).
        segment_position: File position of its HL (parsed documents).
        set_position: Position of its HL in the set (parsed documents).
    """

    product_ids: tuple
    quantity: Decimal
    uom: str = "EA"
    line_number: str = ""
    quantity_ordered: Decimal | None = None
    lot: str = ""
    expiry: datetime.date | None = None
    hl_id: str = field(default="", compare=False)
    segment_position: int = _position()
    set_position: int = _position()

    def product_id(self, *qualifiers):
        """Returns the first value among ``qualifiers`` (in their order), else ""."""
        return first_product_id(self.product_ids, qualifiers)


@dataclass(frozen=True)
class Pack:
    """A carton (HL P) with its SSCC-18 (MAN*GM) and items."""

    sscc: str
    items: tuple = ()
    hl_id: str = field(default="", compare=False)
    segment_position: int = _position()
    set_position: int = _position()


@dataclass(frozen=True)
class Tare:
    """A pallet (HL T) with its SSCC (MAN*GM), its packs, or its items (S/O/T/I)."""

    sscc: str
    packs: tuple = ()
    items: tuple = ()
    hl_id: str = field(default="", compare=False)
    segment_position: int = _position()
    set_position: int = _position()


@dataclass(frozen=True)
class ShipmentOrder:
    """An order HL (one per Amazon PO): PRF01 PO number, PRF04 PO date.

    Attributes:
        po_number: PRF01.
        po_date: PRF04, or None.
        tares: Pallets (S/O/T/P/I, S/O/T/I).
        packs: Cartons directly in the order (S/O/P/I).
        items: Items directly in the order (S/O/I).
    """

    po_number: str
    po_date: datetime.date | None = None
    tares: tuple = ()
    packs: tuple = ()
    items: tuple = ()
    hl_id: str = field(default="", compare=False)
    segment_position: int = _position()
    set_position: int = _position()

    def all_items(self):
        """Returns every item of the order, whatever holds it, in HL order."""
        found = []
        for tare in self.tares:
            for pack in tare.packs:
                found += pack.items
            found += tare.items
        for pack in self.packs:
            found += pack.items
        return found + list(self.items)

    def hierarchy(self):
        """Returns the set of hierarchies used, e.g. {"SOTPI", "SOPI"}."""
        shapes = set()
        for tare in self.tares:
            shapes |= {"SOTPI"} if tare.packs else set()
            shapes |= {"SOTI"} if tare.items or not tare.packs else set()
        shapes |= {"SOPI"} if self.packs else set()
        shapes |= {"SOI"} if self.items else set()
        return shapes


@dataclass(frozen=True)
class Shipment:
    """One 856 transaction set.

    Attributes:
        shipment_id: BSN02 (the ASN ID, unique over 365 days [C-A] SPAPI-SHIP).
        date: BSN03 creation date.
        time: BSN04 creation time (HHMM).
        orders: The ShipmentOrders.
        purpose: BSN01 (00 original, 05 replace).
        structure: BSN05 (0001 S/O/P/I ...); computed on build when "" (derived
            values are left out of equality).
        shipped_date: DTM*011.
        estimated_delivery: DTM*017.
        scac: TD503 carrier SCAC (TD502 "2").
        transport_method: TD504 (M motor, U parcel ...).
        bill_of_lading: REF*BM.
        pro_number: REF*CN.
        arn: Amazon Reference Number, REF*AO [I].
        packaging_code: TD101 (CTN25 cartons, PLT94 pallets); computed when "".
        lading_quantity: TD102; computed (packs, else tares) when None.
        weight: TD107 gross weight (TD106 G), or None.
        weight_uom: TD108 (LB, KG).
        ship_from: N1*SF.
        ship_to: N1*ST (the Amazon FC).
        control_number: ST02 (parsed documents).
        version: GS08 (parsed documents).
        line_count: CTT01 (parsed documents).
        hash_total: CTT02 (parsed documents).
        locations: Segment key -> (segment position, set position, segment ID).
    """

    shipment_id: str
    date: datetime.date
    time: str
    orders: tuple
    purpose: str = "00"
    structure: str = field(default="", compare=False)
    shipped_date: datetime.date | None = None
    estimated_delivery: datetime.date | None = None
    scac: str = ""
    transport_method: str = "M"
    bill_of_lading: str = ""
    pro_number: str = ""
    arn: str = ""
    packaging_code: str = field(default="", compare=False)
    lading_quantity: int | None = field(default=None, compare=False)
    weight: Decimal | None = None
    weight_uom: str = "LB"
    ship_from: Party | None = None
    ship_to: Party | None = None
    control_number: str = field(default="", compare=False)
    version: str = field(default="", compare=False)
    line_count: int | None = field(default=None, compare=False)
    hash_total: Decimal | None = field(default=None, compare=False)
    locations: dict = field(default_factory=dict, compare=False, repr=False)

    def items(self):
        """Returns (order, item) for every item of the shipment."""
        return [(order, item) for order in self.orders for item in order.all_items()]
