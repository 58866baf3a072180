"""850 Purchase Order and 855 Purchase Order Acknowledgment, X12 004010 (FACTS §3, §4).

* ``parse_850(transaction) -> PurchaseOrder`` reads BEG, CUR, REF, FOB, CSH,
  DTM 064/063, MSG (heading and N9), N1 loops, PO1 and CTT; ``build_850`` writes the
  same (tests and benchmarks).
* ``build_855(ack, envelope) -> str`` writes BAK, one PO1 loop per acknowledged line
  (PO1 echoed, CTP NET with the acked cost, an ACK per status), CTT; ``parse_855``
  reads it back.
* Checks (:mod:`.order_checks`): ``check_850``, ``check_855``,
  ``check_855_against_850``, each returning located X12Errors.
"""

from .checks import hash_text
from .errors import X12Error
from .identifiers import party_from, party_segments, product_id_elements
from .identifiers import product_ids_from as _product_ids
from .inbound import SetView
from .order_checks import check_850, check_855, check_855_against_850
from .order_types import (
    ACK_ACCEPTED,
    ACK_BACKORDERED,
    ACK_REJECTED,
    AckLine,
    Party,
    ProductId,
    PurchaseOrder,
    PurchaseOrderAck,
    PurchaseOrderLine,
)
from .outbound import OutboundEnvelope, date_text, decimal_text, write_interchange

# Last product ID value position of PO1 (PO106..PO125) and ACK (ACK07..ACK28).
PO1_LAST, ACK_LAST = 25, 28
# Heading segments of an N1 loop (read into its Party).
PARTY_CHILDREN = frozenset({"N2", "N3", "N4", "REF", "PER"})

__all__ = [
    "ACK_ACCEPTED",
    "ACK_BACKORDERED",
    "ACK_REJECTED",
    "AckLine",
    "OutboundEnvelope",
    "Party",
    "ProductId",
    "PurchaseOrder",
    "PurchaseOrderAck",
    "PurchaseOrderLine",
    "build_850",
    "build_855",
    "check_850",
    "check_855",
    "check_855_against_850",
    "parse_850",
    "parse_855",
]


def _po_line(view, index):
    """Reads one PO1 into a PurchaseOrderLine."""
    row = view.rows[index]
    position, set_position = view.location(index)
    return PurchaseOrderLine(
        line_number=view.value(index, 1),
        quantity=view.decimal(index, 2, "PO102 quantity ordered", required=True),
        uom=view.value(index, 3),
        unit_price=view.decimal(index, 4, "PO104 unit price"),
        price_basis=view.value(index, 5),
        product_ids=_product_ids(row, 6, PO1_LAST),
        segment_position=position,
        set_position=set_position,
    )


class _Heading:
    """What the 850 heading holds, collected segment by segment."""

    def __init__(self, view):
        self.view = view
        self.values = {"references": [], "parties": [], "notes": [], "lines": []}
        self.party_rows = None
        self.locations = {}

    def close_party(self):
        if self.party_rows:
            self.values["parties"].append(party_from(self.party_rows))
        self.party_rows = None

    def heading(self, index, row):
        """Reads one heading segment (before the first PO1)."""
        kind, view, values = row[0], self.view, self.values
        if self.party_rows is not None and kind in PARTY_CHILDREN:
            self.party_rows.append(row)
            return
        self.close_party()
        if kind == "REF":
            values["references"].append((view.value(index, 1), view.value(index, 2)))
        elif kind == "CUR":
            values["currency"] = view.value(index, 2)
        elif kind == "FOB":
            values["fob_payment"] = view.value(index, 1)
        elif kind == "CSH":
            values["backorder_code"] = view.value(index, 1)
            self.mark(index, "CSH")
        elif kind == "DTM" and view.value(index, 1) in ("064", "063"):
            key = "window_start" if row[1] == "064" else "window_end"
            values[key] = view.date(index, 2, f"DTM02 ({row[1]})", required=True)
            self.mark(index, f"DTM:{row[1]}")
        elif kind == "MSG" and view.value(index, 1):
            values["notes"].append(view.value(index, 1))
        elif kind == "N1":
            self.party_rows = [row]

    def mark(self, index, key):
        position, set_position = self.view.location(index)
        self.locations.setdefault(key, (position, set_position, key.split(":")[0]))


def parse_850(transaction):
    """Reads an 850 TransactionSet (kept segments) into a PurchaseOrder.

    Args:
        transaction: A TransactionSet with ST01 850, read with its segments.

    Returns:
        PurchaseOrder: Its lines keep their file and set positions.

    Raises:
        X12Error: Located, when BEG is missing or a value the document needs cannot be
            read (PO102 not a number, a date that is not a date ...).
    """
    view = SetView(transaction, ("850",))
    state = _Heading(view)
    beg = view.heading("BEG", "Beginning Segment for Purchase Order")
    state.mark(beg, "BEG")
    detail = False
    for index, row in enumerate(view.rows[1:], 1):
        kind = row[0]
        if kind == "PO1":
            state.close_party()
            detail = True
            state.values["lines"].append(_po_line(view, index))
        elif kind == "CTT":
            state.mark(index, "CTT")
        elif not detail and kind not in ("BEG", "SE"):
            state.heading(index, row)
    state.close_party()
    return _purchase_order(view, beg, state)


def _purchase_order(view, beg, state):
    values, ctt = state.values, view.find("CTT")
    parties = tuple(values["parties"])
    ship_to = next((party for party in parties if party.role == "ST"), None)
    count = view.implied(ctt, 1, "CTT01", 0) if ctt is not None else None
    transaction = view.transaction
    return PurchaseOrder(
        po_number=view.required(beg, 3, "BEG03 purchase order number"),
        purpose=view.value(beg, 1),
        order_type=view.value(beg, 2),
        order_date=view.date(beg, 5, "BEG05 purchase order date"),
        references=tuple(values["references"]),
        backorder_code=values.get("backorder_code", ""),
        window_start=values.get("window_start"),
        window_end=values.get("window_end"),
        currency=values.get("currency", ""),
        ship_to=ship_to,
        parties=parties,
        notes=tuple(values["notes"]),
        lines=tuple(values["lines"]),
        line_count=int(count) if count is not None else None,
        hash_total=view.decimal(ctt, 2, "CTT02") if ctt is not None else None,
        fob_payment=values.get("fob_payment", ""),
        isa_control=transaction.isa_control,
        gs_control=transaction.gs_control,
        locations=state.locations,
        **view.envelope(),
    )


def _850_body(po):
    body = [["BEG", po.purpose, po.order_type, po.po_number, "",
             date_text(po.order_date)]]  # fmt: skip
    if po.currency:
        body.append(["CUR", "BY", po.currency])
    body += [["REF", kind, value] for kind, value in po.references]
    if po.fob_payment:
        body.append(["FOB", po.fob_payment])
    body.append(["CSH", po.backorder_code])
    for qualifier, value in (("064", po.window_start), ("063", po.window_end)):
        if value is not None:
            body.append(["DTM", qualifier, date_text(value)])
    body += [["MSG", note] for note in po.notes]
    parties = po.parties or ((po.ship_to,) if po.ship_to else ())
    for party in parties:
        body += party_segments(party)
    for line in po.lines:
        body.append(
            ["PO1", line.line_number, decimal_text(line.quantity), line.uom,
             decimal_text(line.unit_price), line.price_basis,
             *product_id_elements(line.product_ids)]
        )  # fmt: skip
    quantities = [line.quantity for line in po.lines]
    body.append(["CTT", str(len(po.lines)), hash_text(quantities)])
    return body


def build_850(po, envelope):
    """Writes a PurchaseOrder as an 850 interchange (tests, benchmarks, simulators).

    CTT01/CTT02 are computed from the lines (``line_count``/``hash_total`` ignored).

    Returns:
        str: The interchange, ISA to IEA (GS01 PO).
    """
    return write_interchange(envelope, "PO", "850", [_850_body(po)])


def _855_body(ack):
    body = [["BAK", ack.purpose, ack.ack_type, ack.po_number, date_text(ack.po_date)]]
    groups = ack.groups()
    for group in groups:
        first = group[0]
        basis = first.price_basis if first.unit_price is not None else ""
        body.append(
            ["PO1", first.line_number, decimal_text(first.quantity_ordered),
             first.uom, decimal_text(first.unit_price), basis,
             *product_id_elements(first.product_ids)]
        )  # fmt: skip
        if first.unit_price is not None:
            body.append(["CTP", "", "NET", decimal_text(first.unit_price)])
        for line in group:
            segment = ["ACK", line.status, decimal_text(line.quantity), line.uom]
            if line.date is not None:
                segment += [line.date_qualifier, date_text(line.date)]
            body.append(segment)
    quantities = [group[0].quantity_ordered for group in groups]
    body.append(["CTT", str(len(groups)), hash_text(quantities)])
    return body


def build_855(ack, envelope):
    """Writes a PurchaseOrderAck as an 855 interchange.

    Consecutive lines with the same PO1 echo share one PO1 loop (one ACK each); CTT01
    counts the PO1 loops and CTT02 sums their PO102.

    Args:
        ack: The PurchaseOrderAck.
        envelope: OutboundEnvelope with the control numbers to use.

    Returns:
        str: The interchange, ISA to IEA (GS01 PR).

    Raises:
        X12Error: When ``check_855`` finds an error (e.g. a backorder without date),
            or a value cannot be written.
    """
    errors = [error for error in check_855(ack) if error.severity == "error"]
    if errors:
        raise errors[0]
    return write_interchange(envelope, "PR", "855", [_855_body(ack)])


def _ack_line(view, po1, index):
    """Reads one ACK (with the PO1 and CTP NET of its loop) into an AckLine."""
    row = view.rows[po1]
    price = view.decimal(po1, 4, "PO104 unit price")
    ctp = view.find("CTP", po1 + 1, index)
    if ctp is not None and view.value(ctp, 2) == "NET":
        price = view.decimal(ctp, 3, "CTP03 unit price")
    segment_position, set_position = view.location(index)
    po1_position, po1_set_position = view.location(po1)
    return AckLine(
        line_number=view.value(po1, 1),
        quantity_ordered=view.decimal(po1, 2, "PO102 quantity", required=True),
        uom=view.value(po1, 3),
        unit_price=price,
        product_ids=_product_ids(row, 6, PO1_LAST),
        status=view.required(index, 1, "ACK01 line item status"),
        quantity=view.decimal(index, 2, "ACK02 quantity") or 0,
        date=view.date(index, 5, "ACK05 date"),
        price_basis=view.value(po1, 5) if price is not None else "",
        date_qualifier=view.value(index, 4) or "068",
        segment_position=segment_position,
        set_position=set_position,
        po1_segment_position=po1_position,
        po1_set_position=po1_set_position,
    )


def parse_855(transaction):
    """Reads an 855 TransactionSet (kept segments) into a PurchaseOrderAck.

    Each ACK gives one AckLine carrying the PO1 of its loop (a PO1 without ACK gives
    none: ``check_855_against_850`` then reports its line as not acknowledged); every
    PO1 loop is counted in ``loop_quantities`` for CTT.

    Raises:
        X12Error: Located, when BAK is missing or a needed value cannot be read.
    """
    view = SetView(transaction, ("855",))
    bak = view.heading("BAK", "Beginning Segment for Purchase Order Acknowledgment")
    lines, po1, locations, loops = [], None, {}, []
    for index, row in enumerate(view.rows):
        if row[0] == "PO1":
            po1 = index
            loops.append(_loop_quantity(view, index))
        elif row[0] == "ACK" and po1 is not None:
            lines.append(_ack_line(view, po1, index))
        elif row[0] in ("BAK", "CTT"):
            locations[row[0]] = (*view.location(index), row[0])
    ctt = view.find("CTT")
    count = view.implied(ctt, 1, "CTT01", 0) if ctt is not None else None
    return PurchaseOrderAck(
        po_number=view.required(bak, 3, "BAK03 purchase order number"),
        po_date=view.date(bak, 4, "BAK04 purchase order date", required=True),
        lines=tuple(lines),
        ack_type=view.value(bak, 2),
        purpose=view.value(bak, 1),
        line_count=int(count) if count is not None else None,
        hash_total=view.decimal(ctt, 2, "CTT02") if ctt is not None else None,
        locations=locations,
        loop_quantities=tuple(loops),
        **view.envelope(),
    )


def _loop_quantity(view, index):
    """PO102 of a PO1 loop, or None when it cannot be read (the grammar says why)."""
    try:
        return view.decimal(index, 2, "PO102 quantity")
    except X12Error:
        return None
