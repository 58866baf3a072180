"""Business checks of the 856 Ship Notice (FACTS §5), beside the grammar's syntax.

* ``check_856(shipment)``: CTT01 = HL count (or item count), CTT02 = sum of SN102;
  every order carries items with a quantity above zero and a product identifier;
  each pack/tare has a valid SSCC-18 (MAN*GM, GS1 check digit) used once
  [C-A] PREP-MANUAL; the hierarchy is one Amazon accepts (S/O/P/I, S/O/T/P/I,
  S/O/T/I [C-T] SUPPLYPIKE; S/O/I is a warning); TD5 names the carrier (SCAC).
* ``check_856_hierarchy(transaction)``: HL links of a received set (HL02 an earlier
  HL, HL01 once, each level under an allowed parent).
* ``check_856_against_acks(shipment, acks)``: per order, the PO was acknowledged,
  each item is on that acknowledgment, and shipped quantities do not exceed what was
  confirmed (accepted or backordered) — the rejections Amazon sends (FACTS §5.3).
"""

from decimal import Decimal

from .checks import check_ctt
from .grammars.codes import HIERARCHIES
from .inbound import SetView, business_error, located
from .outbound import decimal_text
from .shipments import hl_tree
from .sscc import valid_sscc


def _where(shipment, node, segment_id="HL"):
    return {
        "segment_id": segment_id,
        "segment_position": node.segment_position or None,
        "set_position": node.set_position or None,
        "st_control": shipment.control_number or None,
    }


def _containers(order):
    for tare in order.tares:
        yield "pallet", tare
        for pack in tare.packs:
            yield "carton", pack
    for pack in order.packs:
        yield "carton", pack


def _sscc_problems(shipment):
    problems, seen = [], set()
    for order in shipment.orders:
        for kind, node in _containers(order):
            where = _where(shipment, node)
            if not valid_sscc(node.sscc):
                problems.append(
                    business_error(
                        f"The {kind} SSCC {node.sscc!r} of PO {order.po_number} is not "
                        "18 digits with a valid check digit (MAN*GM).",
                        "sscc",
                        where,
                        element_position=2,
                        bad_value=node.sscc,
                    )
                )
            elif node.sscc in seen:
                problems.append(
                    business_error(
                        f"SSCC {node.sscc} is used twice.", "sscc-duplicate", where
                    )
                )
            seen.add(node.sscc)
    return problems


def _order_problems(shipment, order):
    problems = []
    items = order.all_items()
    if not items:
        problems.append(
            business_error(
                f"PO {order.po_number} ships no item.",
                "order-items",
                _where(shipment, order),
            )
        )
    for item in items:
        where = _where(shipment, item)
        if item.quantity <= 0:
            problems.append(
                business_error(
                    f"An item of PO {order.po_number} ships "
                    f"{decimal_text(item.quantity)}.",
                    "item-quantity",
                    where,
                )
            )
        if not item.product_ids:
            problems.append(
                business_error(
                    f"An item of PO {order.po_number} has no product identifier.",
                    "item-product",
                    where,
                )
            )
    return problems + _hierarchy_problems(shipment, order)


def _hierarchy_problems(shipment, order):
    shapes = order.hierarchy() - HIERARCHIES
    if not shapes:
        return []
    return [
        business_error(
            f"PO {order.po_number} uses the hierarchy {'/'.join(sorted(shapes))}; "
            "Amazon accepts S/O/P/I, S/O/T/P/I and S/O/T/I.",
            "hierarchy",
            _where(shipment, order),
            severity="warning",
        )
    ]


def check_856(shipment):
    """Checks a Shipment (built or parsed); see the module docstring.

    Returns:
        list[X12Error]: Located problems, empty when the shipment is consistent.
    """
    pairs = shipment.items()
    containers = sum(len(list(_containers(order))) for order in shipment.orders)
    hl_count = 1 + len(shipment.orders) + containers + len(pairs)
    problems = check_ctt(
        shipment,
        hl_count,
        [item.quantity for _, item in pairs],
        "HL segments",
        counts=(len(pairs),),
    )
    if not shipment.scac:
        problems.append(
            business_error(
                "TD5 names no carrier (TD503 SCAC).",
                "td5-scac",
                located(shipment, "HL"),
            )
        )
    for order in shipment.orders:
        problems += _order_problems(shipment, order)
    return problems + _sscc_problems(shipment)


def check_856_hierarchy(transaction):
    """Returns the HL link problems of a received 856 TransactionSet (kept segments)."""
    _, problems = hl_tree(SetView(transaction, ("856",)))
    return problems


def _confirmed(ack):
    """Returns [(AckLine, confirmed quantity)] of an 855, per PO1 loop."""
    confirmed = []
    for group in ack.groups():
        quantity = sum(
            (line.quantity for line in group if line.kind != "rejected"), Decimal(0)
        )
        confirmed.append((group[0], quantity))
    return confirmed


def _ack_for(item, confirmed):
    for line, quantity in confirmed:
        if set(item.product_ids) & set(line.product_ids):
            return line, quantity
    return None, None


def check_856_against_acks(shipment, acks):
    """Checks a Shipment against the 855s of its POs.

    Args:
        shipment: The Shipment.
        acks: PurchaseOrderAcks (the latest per PO).

    Returns:
        list[X12Error]: Located at the 856 order and item HLs.
    """
    by_po = {ack.po_number: _confirmed(ack) for ack in acks}
    problems = []
    for order in shipment.orders:
        confirmed = by_po.get(order.po_number)
        if confirmed is None:
            problems.append(
                business_error(
                    f"PO {order.po_number} on the PRF01 of ASN {shipment.shipment_id} "
                    "is not acknowledged.",
                    "unconfirmed-po",
                    _where(shipment, order),
                )
            )
            continue
        problems += _item_quantity_problems(shipment, order, confirmed)
    return problems


def _item_quantity_problems(shipment, order, confirmed):
    problems, shipped = [], {}
    for item in order.all_items():
        line, quantity = _ack_for(item, confirmed)
        if line is None:
            ids = ", ".join(f"{p.qualifier} {p.value}" for p in item.product_ids)
            problems.append(
                business_error(
                    f"ASN contains a product ID not on PO {order.po_number}: {ids}.",
                    "invalid-product",
                    _where(shipment, item),
                )
            )
            continue
        total = shipped.get(id(line), Decimal(0)) + item.quantity
        shipped[id(line)] = total
        if total > quantity:
            problems.append(
                business_error(
                    f"ASN ships {decimal_text(total)} of "
                    f"{line.product_id('BP', 'EN', 'UP', 'VN') or 'an item'} for PO "
                    f"{order.po_number}; {decimal_text(quantity)} were confirmed.",
                    "excess-quantity",
                    _where(shipment, item),
                    severity="warning",
                )
            )
    return problems
