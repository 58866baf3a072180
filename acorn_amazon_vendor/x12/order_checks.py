"""Business checks of the 850 and the 855 (FACTS §3, §4), beside the grammar's syntax.

Each check returns located X12Errors (level "business", ``code`` the rule name):

* ``check_850(po)``: CTT01 = PO1 count, CTT02 = hash of PO102; DTM 064 and 063
  present and in order; N1*ST present; each PO1 with a quantity above zero, a
  product identifier, and a line number used once.
* ``check_855(ack)``: the ACK codes and dates an 855 needs on its own (a backorder
  carries its date, FACTS §4.3 [C-A]); CTT of a parsed 855.
* ``check_855_against_850(ack, po)``: the 855 answers that 850 (BAK03/BAK04), every
  PO1 line is acknowledged with the same identifiers, quantity and unit; the acked
  cost is not above the PO cost [C-A] SPAPI-ACK; no backorder when CSH01 is N.
"""

from decimal import Decimal

from .checks import check_ctt
from .grammars.codes import ACK01_CODES, BAK02_CODES
from .inbound import business_error, located
from .outbound import decimal_text


def check_850(po):
    """Checks a PurchaseOrder; see the module docstring.

    Returns:
        list[X12Error]: Located problems, empty when the PO is consistent.
    """
    problems = check_ctt(
        po, len(po.lines), [line.quantity for line in po.lines], "PO1 segments"
    )
    for qualifier, value in (("064", po.window_start), ("063", po.window_end)):
        if value is None:
            problems.append(
                business_error(
                    f"DTM*{qualifier} (delivery window) is missing.",
                    "dtm-window",
                    located(po, "BEG"),
                )
            )
    if po.window_start and po.window_end and po.window_start > po.window_end:
        problems.append(
            business_error(
                f"The window starts ({po.window_start}) after it ends "
                f"({po.window_end}).",
                "dtm-window",
                located(po, "DTM:063"),
                element_position=2,
            )
        )
    if po.ship_to is None:
        problems.append(
            business_error(
                "N1*ST (ship-to) is missing.", "n1-ship-to", located(po, "BEG")
            )
        )
    return problems + _po_line_problems(po)


def _po_line_where(po, line):
    return {
        "segment_id": "PO1",
        "segment_position": line.segment_position or None,
        "set_position": line.set_position or None,
        "st_control": po.control_number or None,
    }


def _po_line_problems(po):
    problems, seen = [], set()
    for line in po.lines:
        where = _po_line_where(po, line)
        if line.quantity <= 0:
            problems.append(
                business_error(
                    f"PO1 line {line.line_number or '?'} orders "
                    f"{decimal_text(line.quantity)}.",
                    "po1-quantity",
                    where,
                    element_position=2,
                )
            )
        if not line.product_ids:
            problems.append(
                business_error(
                    f"PO1 line {line.line_number or '?'} has no product identifier.",
                    "po1-product",
                    where,
                    element_position=6,
                )
            )
        if line.line_number and line.line_number in seen:
            problems.append(
                business_error(
                    f"PO1 line number {line.line_number} is used twice.",
                    "po1-duplicate",
                    where,
                    element_position=1,
                )
            )
        seen.add(line.line_number)
    return problems


def ack_layout(ack):
    """Returns (PO1 set position, ACK set position) per AckLine, in order.

    Parsed lines keep their own positions; built ones get the positions the 855
    builder gives them (ST 1, BAK 2, then PO1, CTP NET when priced, ACKs).
    """
    layout, position = [], 2
    for group in ack.groups():
        position += 1
        po1 = position
        position += group[0].unit_price is not None
        for line in group:
            position += 1
            if line.set_position:
                layout.append((line.po1_set_position, line.set_position))
            else:
                layout.append((po1, position))
    return layout


def _ack_where(ack, line, set_position, segment_id, po1=False):
    file_position = line.po1_segment_position if po1 else line.segment_position
    return {
        "segment_id": segment_id,
        "segment_position": file_position or None,
        "set_position": set_position,
        "st_control": ack.control_number or None,
    }


def _line_name(line):
    """Names a PO or ack line by its number and identifiers, for messages."""
    ids = ", ".join(f"{p.qualifier} {p.value}" for p in line.product_ids) or "no ID"
    return f"line {line.line_number or '?'} ({ids})"


def check_855(ack):
    """Checks a PurchaseOrderAck on its own; see the module docstring.

    Returns:
        list[X12Error]: Located at the 855 segments (set positions of the built or
        parsed 855).
    """
    problems = []
    if ack.ack_type not in BAK02_CODES:
        problems.append(
            business_error(
                f"BAK02 {ack.ack_type!r} is not AC or AD.",
                "bak-type",
                located(ack, "BAK"),
                element_position=2,
            )
        )
    if not ack.lines:
        problems.append(
            business_error(
                "The 855 acknowledges no line.", "ack-lines", located(ack, "BAK")
            )
        )
    for line, (_, position) in zip(ack.lines, ack_layout(ack), strict=True):
        problems += _ack_line_problems(
            ack, line, _ack_where(ack, line, position, "ACK")
        )
    if ack.line_count is not None or ack.hash_total is not None:
        problems += _ack_ctt(ack)
    return problems


def _ack_ctt(ack):
    """CTT of an 855: PO1 loops as read (with or without ACK), else as built."""
    if ack.loop_quantities:
        quantities = [q for q in ack.loop_quantities if q is not None]
        counted = len(ack.loop_quantities)
    else:
        quantities = [group[0].quantity_ordered for group in ack.groups()]
        counted = len(quantities)
    return check_ctt(ack, counted, quantities, "PO1 loops")


def _ack_line_problems(ack, line, where):
    problems = []
    if line.status not in ACK01_CODES:
        problems.append(
            business_error(
                f"ACK01 {line.status!r} of {_line_name(line)} is not a known status.",
                "ack-status",
                where,
                severity="warning",
                element_position=1,
            )
        )
    if line.kind == "backordered" and line.date is None:
        problems.append(
            business_error(
                f"The backorder of {_line_name(line)} has no date (ACK04/ACK05).",
                "ack-date",
                where,
                element_position=5,
            )
        )
    if line.quantity < 0:
        problems.append(
            business_error(
                f"ACK02 of {_line_name(line)} is negative.",
                "ack-quantity",
                where,
                element_position=2,
            )
        )
    return problems + _no_change_problems(ack, line, where)


def _no_change_problems(ack, line, where):
    """BAK02 AD says no line changes: each must be accepted as ordered."""
    if ack.ack_type != "AD" or (
        line.kind == "accepted" and line.quantity == line.quantity_ordered
    ):
        return []
    return [
        business_error(
            f"BAK02 AD (no change) but {_line_name(line)} is {line.status} "
            f"{decimal_text(line.quantity)} of {decimal_text(line.quantity_ordered)}.",
            "bak-type",
            where,
            severity="warning",
        )
    ]


def _match(po, line):
    """Returns the PO line an AckLine answers: by line number, else by identifier."""
    if line.line_number:
        for po_line in po.lines:
            if po_line.line_number == line.line_number:
                return po_line
    wanted = set(line.product_ids)
    for po_line in po.lines:
        if wanted & set(po_line.product_ids) and (
            not line.line_number or not po_line.line_number
        ):
            return po_line
    return None


def check_855_against_850(ack, po):
    """Checks that an 855 answers its 850 line by line; see the module docstring.

    Args:
        ack: The PurchaseOrderAck (built, or parsed with ``parse_855``).
        po: The PurchaseOrder it acknowledges.

    Returns:
        list[X12Error]: Problems located at the 855 segment (BAK, PO1, ACK) or, for
        a PO line never acknowledged, at the 850 PO1.
    """
    problems = _header_problems(ack, po)
    acked, echoed = {}, set()
    for line, (po1, position) in zip(ack.lines, ack_layout(ack), strict=True):
        po_line = _match(po, line)
        where = _ack_where(ack, line, po1, "PO1", po1=True)
        first = po1 not in echoed
        echoed.add(po1)
        if po_line is None and first:
            problems.append(
                business_error(
                    f"Regarding purchase order {po.po_number}, there is no item "
                    f"{_line_name(line)} on the original order.",
                    "ack-unknown-item",
                    where,
                    element_position=7,
                )
            )
        if po_line is None:
            continue
        acked.setdefault(id(po_line), []).append(line)
        problems += _echo_problems(po, po_line, line, where) if first else []
        if line.kind == "backordered" and po.backorder_code == "N":
            problems.append(_backorder_problem(ack, line, position))
    return problems + _coverage_problems(po, acked)


def _backorder_problem(ack, line, position):
    return business_error(
        f"{_line_name(line)} is backordered but the PO allows no backorder (CSH01 N).",
        "ack-backorder-not-allowed",
        _ack_where(ack, line, position, "ACK"),
        element_position=1,
    )


def _header_problems(ack, po):
    problems = []
    if ack.po_number != po.po_number:
        problems.append(
            business_error(
                f"BAK03 {ack.po_number!r} is not the PO number {po.po_number!r}.",
                "bak-po-number",
                located(ack, "BAK"),
                element_position=3,
                bad_value=ack.po_number,
            )
        )
    if po.order_date is not None and ack.po_date != po.order_date:
        problems.append(
            business_error(
                f"BAK04 {ack.po_date} is not the PO date {po.order_date}.",
                "bak-po-date",
                located(ack, "BAK"),
                element_position=4,
            )
        )
    return problems


def _echo_problems(po, po_line, line, where):
    problems = []
    name = _line_name(line)
    if line.product_ids != po_line.product_ids:
        sent = ", ".join(f"{p.qualifier} {p.value}" for p in po_line.product_ids)
        problems.append(
            business_error(
                f"{name} does not echo the identifiers of PO line "
                f"{po_line.line_number or '?'} exactly ({sent}).",
                "ack-identifier",
                where,
                element_position=6,
            )
        )
    if (line.quantity_ordered, line.uom) != (po_line.quantity, po_line.uom):
        problems.append(
            business_error(
                f"{name} echoes {decimal_text(line.quantity_ordered)} {line.uom}; the "
                f"PO ordered {decimal_text(po_line.quantity)} {po_line.uom}.",
                "ack-quantity-ordered",
                where,
                element_position=2,
            )
        )
    price, cost = line.unit_price, po_line.unit_price
    if price is not None and cost is not None and price > cost:
        problems.append(
            business_error(
                f"{name}: acked cost {decimal_text(price)} exceeds the PO cost "
                f"{decimal_text(cost)}.",
                "ack-price",
                where,
                element_position=4,
            )
        )
    return problems


def _coverage_problems(po, acked):
    problems = []
    for po_line in po.lines:
        lines = acked.get(id(po_line))
        where = _po_line_where(po, po_line)
        if not lines:
            problems.append(
                business_error(
                    f"PO {_line_name(po_line)} is not acknowledged; Amazon treats it "
                    "as rejected.",
                    "ack-missing-line",
                    where,
                )
            )
            continue
        total = sum((line.quantity for line in lines), Decimal(0))
        if total != po_line.quantity:
            problems.append(
                business_error(
                    f"PO line {po_line.line_number or '?'} ordered "
                    f"{decimal_text(po_line.quantity)}; the ACKs cover "
                    f"{decimal_text(total)}.",
                    "ack-total",
                    where,
                    severity="error" if total > po_line.quantity else "warning",
                    element_position=2,
                )
            )
    return problems
