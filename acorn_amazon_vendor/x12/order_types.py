"""Typed 850 Purchase Order and 855 Purchase Order Acknowledgment (X12 004010, Amazon).

Frozen dataclasses only; parsing, building and checks are in :mod:`.orders` and
:mod:`.order_checks`. 850: BEG, CUR, REF, FOB, CSH, DTM 064/063, MSG, N1, PO1, CTT
(FACTS §3). 855: BAK, PO1, CTP NET, ACK, CTT (FACTS §4).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .grammars.codes import ACK01_ACCEPTED, ACK01_BACKORDERED, ACK01_REJECTED
from .identifiers import Party, ProductId, first_product_id

# ACK01 line statuses ACORN writes (FACTS §4.2; SP-API Accepted/Backordered/Rejected).
ACK_ACCEPTED, ACK_BACKORDERED, ACK_REJECTED = "IA", "IB", "IR"
# ACK04 date qualifier written with a backorder date: 068 current schedule ship [I].
ACK_DATE_QUALIFIER = "068"

__all__ = [
    "ACK01_ACCEPTED",
    "ACK01_BACKORDERED",
    "ACK01_REJECTED",
    "ACK_ACCEPTED",
    "ACK_BACKORDERED",
    "ACK_DATE_QUALIFIER",
    "ACK_REJECTED",
    "AckLine",
    "Party",
    "ProductId",
    "PurchaseOrder",
    "PurchaseOrderAck",
    "PurchaseOrderLine",
]


@dataclass(frozen=True)
class PurchaseOrderLine:
    """One PO1 line of an 850.

    Attributes:
        line_number: PO101 ("" when absent).
        quantity: PO102.
        uom: PO103 (EA, CA, ...).
        unit_price: PO104 (Amazon's cost), or None.
        price_basis: PO105 (PE, RE ...).
        product_ids: PO106/PO107 ... pairs (BP = ASIN, EN, UP, VN, IB, UK, UA).
        segment_position: File-wide position of this PO1.
        set_position: Position of this PO1 in its set (ST = 1).
    """

    line_number: str
    quantity: Decimal
    uom: str
    unit_price: Decimal | None
    price_basis: str
    product_ids: tuple
    segment_position: int
    set_position: int

    def product_id(self, *qualifiers):
        """Returns the first value among ``qualifiers`` (in their order), else ""."""
        return first_product_id(self.product_ids, qualifiers)


@dataclass(frozen=True)
class PurchaseOrder:
    """One 850 transaction set.

    Attributes:
        po_number: BEG03.
        purpose: BEG01 (00 original, 01 cancellation ...).
        order_type: BEG02: NE, CN, NP, RO.
        order_date: BEG05.
        references: (REF01, REF02) pairs of the heading.
        backorder_code: CSH01: "N" no backorder, "Y" backorder allowed.
        window_start: DTM*064 do not deliver before.
        window_end: DTM*063 do not deliver after.
        currency: CUR02 or "".
        ship_to: The N1*ST party, or None.
        parties: Every heading N1 party (ship-to included).
        notes: MSG01 texts of the heading (and its N9 loops).
        lines: The PO1 lines.
        line_count: CTT01, or None.
        hash_total: CTT02, or None.
        control_number: ST02.
        version: GS08.
        fob_payment: FOB01 (CC collect, PP prepaid ...), or "".
        isa_control: ISA13 of the interchange read.
        gs_control: GS06 of the group read.
        locations: Segment key -> (segment position, set position, segment ID),
            kept by the parser for located business checks.
    """

    po_number: str
    purpose: str
    order_type: str
    order_date: datetime.date | None
    references: tuple
    backorder_code: str
    window_start: datetime.date | None
    window_end: datetime.date | None
    currency: str
    ship_to: Party | None
    parties: tuple
    notes: tuple
    lines: tuple
    line_count: int | None
    hash_total: Decimal | None
    control_number: str
    version: str
    fob_payment: str = ""
    isa_control: str = field(default="", compare=False)
    gs_control: str = field(default="", compare=False)
    locations: dict = field(default_factory=dict, compare=False, repr=False)

    def reference(self, qualifier):
        """Returns REF02 of the first heading REF with REF01 ``qualifier``, else ""."""
        return next((value for kind, value in self.references if kind == qualifier), "")


@dataclass(frozen=True)
class AckLine:
    """One acknowledged line: the PO1 echoed from the 850 and one ACK status.

    Several AckLines with the same echo (line number, quantity, unit, price and
    identifiers) in a row are written as one PO1 loop with several ACK segments
    (e.g. 8 accepted and 2 backordered).

    Attributes:
        line_number: Echoed PO101.
        quantity_ordered: Echoed PO102.
        uom: Echoed PO103.
        unit_price: Acked cost (PO104 and CTP NET), or None.
        product_ids: Echoed exactly as received.
        status: ACK01 (IA accepted, IB backordered, IR rejected ...).
        quantity: ACK02.
        date: ACK05 with ACK04 "068" (required for backorders).
        price_basis: PO105, or "".
        date_qualifier: ACK04 written with ``date``.
        segment_position: File position of the ACK (parsed documents).
        set_position: Position of the ACK in its set (parsed documents).
        po1_segment_position: File position of its PO1 (parsed documents).
        po1_set_position: Position of its PO1 in its set (parsed documents).
    """

    line_number: str
    quantity_ordered: Decimal
    uom: str
    unit_price: Decimal | None
    product_ids: tuple
    status: str
    quantity: Decimal
    date: datetime.date | None = None
    price_basis: str = ""
    date_qualifier: str = ACK_DATE_QUALIFIER
    segment_position: int = field(default=0, compare=False)
    set_position: int = field(default=0, compare=False)
    po1_segment_position: int = field(default=0, compare=False)
    po1_set_position: int = field(default=0, compare=False)

    def product_id(self, *qualifiers):
        """Returns the first value among ``qualifiers`` (in their order), else ""."""
        return first_product_id(self.product_ids, qualifiers)

    def echo(self):
        """Returns what its PO1 echoes; equal echoes in a row share one PO1 loop."""
        return (
            self.line_number,
            self.quantity_ordered,
            self.uom,
            self.unit_price,
            self.price_basis,
            self.product_ids,
        )

    @property
    def kind(self):
        """ "accepted", "backordered", "rejected" or "" (unknown ACK01)."""
        if self.status in ACK01_ACCEPTED:
            return "accepted"
        if self.status in ACK01_BACKORDERED:
            return "backordered"
        return "rejected" if self.status in ACK01_REJECTED else ""


@dataclass(frozen=True)
class PurchaseOrderAck:
    """One 855 transaction set.

    Attributes:
        po_number: BAK03.
        po_date: BAK04.
        lines: The AckLines, in PO1 order.
        ack_type: BAK02: AC with detail and change, AD with detail no change.
        purpose: BAK01.
        control_number: ST02 (parsed documents).
        version: GS08 (parsed documents).
        line_count: CTT01 (parsed documents), or None.
        hash_total: CTT02 (parsed documents), or None.
        locations: Segment key -> (segment position, set position, segment ID).
        loop_quantities: PO102 of every PO1 loop read, with or without ACK (None
            when unreadable); empty for built documents.
    """

    po_number: str
    po_date: datetime.date
    lines: tuple
    ack_type: str = "AC"
    purpose: str = "00"
    control_number: str = field(default="", compare=False)
    version: str = field(default="", compare=False)
    line_count: int | None = field(default=None, compare=False)
    hash_total: Decimal | None = field(default=None, compare=False)
    locations: dict = field(default_factory=dict, compare=False, repr=False)
    loop_quantities: tuple = field(default=(), compare=False, repr=False)

    def groups(self):
        """Returns the lines grouped per PO1 loop (consecutive equal echoes)."""
        groups = []
        for line in self.lines:
            if groups and groups[-1][0].echo() == line.echo():
                groups[-1].append(line)
            else:
                groups.append([line])
        return groups
