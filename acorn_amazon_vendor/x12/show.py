"""Documents of any set (850, 855, 856, 810, 820, 846, 997): parse, check, describe.

``parse_document(transaction)`` picks the parser by ST01; ``check_document`` parses
and runs the business checks, returning located X12Errors (a document that cannot be
parsed gives its parse error); ``document_dict`` is the ``acorn-edi show --json``
shape: ``{"type", "control_number", "ids", "lines": [...]}`` with one line per PO1
(850; the 855 one per PO1 loop, with or without ACK), IT1 (810), RMR (820), LIN
(846), item HL (856) and AK2 (997). Best effort: a set that cannot be read into its
document (it failed its grammar so far that a value the document needs is missing
or unreadable) still shows its line segments as read, one row each
(``"best_effort": true``), so a user sees what the partner sent.
"""

from decimal import Decimal, InvalidOperation

from .ack import parse_997
from .errors import X12Error
from .inventory import check_846, parse_846
from .invoices import check_810, parse_810
from .orders import check_850, check_855, parse_850, parse_855
from .outbound import decimal_text
from .remittances import check_820, parse_820
from .shipment_checks import check_856, check_856_hierarchy
from .shipments import parse_856

PARSERS = {
    "850": parse_850,
    "855": parse_855,
    "856": parse_856,
    "810": parse_810,
    "820": parse_820,
    "846": parse_846,
}
# The segments shown, one row each, for a set that cannot be read into its document.
LINE_SEGMENTS = {
    "850": ("PO1",),
    "855": ("PO1", "ACK"),
    "856": ("HL", "LIN", "SN1"),
    "810": ("IT1",),
    "820": ("RMR", "ADX"),
    "846": ("LIN", "QTY"),
    "997": ("AK2", "AK5"),
}
CHECKS = {
    "850": check_850,
    "855": check_855,
    "856": check_856,
    "810": check_810,
    "820": check_820,
    "846": check_846,
}


def parse_document(transaction, component=">"):
    """Returns the typed document of a set (kept segments), or None for other sets.

    Raises:
        X12Error: Located, when the set cannot be read into its document.
    """
    if transaction.set_id == "997":
        return parse_997(transaction, component)
    if transaction.set_id == "846":
        return parse_846(transaction, component)
    parser = PARSERS.get(transaction.set_id)
    return parser(transaction) if parser else None


def check_document(transaction, component=">"):
    """Parses a set and runs its business checks.

    Returns:
        tuple: (document or None, list of X12Error).
    """
    problems = []
    if transaction.set_id == "856":
        problems += check_856_hierarchy(transaction)
        if problems:
            return None, problems
    try:
        document = parse_document(transaction, component)
    except X12Error as error:
        return None, problems + [error]
    check = CHECKS.get(transaction.set_id)
    return document, problems + (check(document) if check else [])


def _number(value):
    return decimal_text(value) if value is not None else None


def _date(value):
    return value.isoformat() if value is not None else None


def _ids(product_ids):
    return [[product.qualifier, product.value] for product in product_ids]


def _po_lines(po):
    return [
        {"line_number": line.line_number, "quantity": _number(line.quantity),
         "uom": line.uom, "unit_price": _number(line.unit_price),
         "price_basis": line.price_basis, "product_ids": _ids(line.product_ids)}
        for line in po.lines
    ]  # fmt: skip


def _ack_row(group):
    return {
        "line_number": group[0].line_number,
        "quantity": _number(group[0].quantity_ordered), "uom": group[0].uom,
        "unit_price": _number(group[0].unit_price),
        "product_ids": _ids(group[0].product_ids),
        "acks": [{"status": line.status, "quantity": _number(line.quantity),
                  "date": _date(line.date)} for line in group],
    }  # fmt: skip


def _text_number(value):
    try:
        return decimal_text(Decimal(value)) if value else None
    except InvalidOperation:
        return value


def _po1_row(elements):
    """A PO1 loop without ACK, read from its elements as written."""
    values = list(elements) + [""] * 6
    pairs = elements[6:]
    return {
        "line_number": values[1], "quantity": _text_number(values[2]),
        "uom": values[3], "unit_price": _text_number(values[4]),
        "product_ids": [list(pairs[i:i + 2]) for i in range(0, len(pairs) - 1, 2)
                        if pairs[i] or pairs[i + 1]],
        "acks": [],
    }  # fmt: skip


def _ack_lines(ack, transaction):
    """One row per PO1 loop of the set: its ACKs, or none (shown empty)."""
    if not transaction.segments:
        return [_ack_row(group) for group in ack.groups()]
    by_po1 = {}
    for line in ack.lines:
        by_po1.setdefault(line.po1_set_position, []).append(line)
    rows = []
    for position, elements in enumerate(transaction.elements(), 1):
        if elements[0] == "PO1":
            group = by_po1.get(position)
            rows.append(_ack_row(group) if group else _po1_row(elements))
    return rows


def _shipment_lines(shipment):
    lines = []
    for order in shipment.orders:
        for tare in order.tares:
            lines += _item_rows(order, tare.items, "", tare.sscc)
            for pack in tare.packs:
                lines += _item_rows(order, pack.items, pack.sscc, tare.sscc)
        for pack in order.packs:
            lines += _item_rows(order, pack.items, pack.sscc, "")
        lines += _item_rows(order, order.items, "", "")
    return lines


def _item_rows(order, items, pack, tare):
    return [
        {"po_number": order.po_number, "hl_id": item.hl_id,
         "line_number": item.line_number, "quantity": _number(item.quantity),
         "uom": item.uom, "product_ids": _ids(item.product_ids),
         "pack_sscc": pack, "tare_sscc": tare, "lot": item.lot,
         "expiry": _date(item.expiry)}
        for item in items
    ]  # fmt: skip


def _invoice_lines(invoice):
    return [
        {"line_number": line.line_number, "quantity": _number(line.quantity),
         "uom": line.uom, "unit_price": _number(line.unit_price),
         "amount": _number(line.amount), "product_ids": _ids(line.product_ids),
         "allowances": [[s.indicator, s.code, _number(s.amount)]
                        for s in line.allowances]}
        for line in invoice.lines
    ]  # fmt: skip


def _remittance_lines(remittance):
    return [
        {"reference_qualifier": item.reference_qualifier,
         "reference": item.reference, "kind": item.kind,
         "invoice_number": item.invoice_number, "paid": _number(item.paid),
         "invoiced": _number(item.invoiced), "discount": _number(item.discount),
         "po_number": item.po_number, "date": _date(item.date),
         "adjustments": [[_number(a.amount), a.reason] for a in item.adjustments]}
        for item in remittance.items
    ]  # fmt: skip


def _inventory_lines(advice):
    return [
        {"line_number": line.line_number, "quantity": _number(line.quantity),
         "uom": line.uom, "qualifier": line.quantity_qualifier,
         "unit_price": _number(line.unit_price),
         "product_ids": _ids(line.product_ids)}
        for line in advice.lines
    ]  # fmt: skip


def _ack997_lines(functional):
    return [
        {"set_id": one.set_id, "control_number": one.control_number,
         "status": one.status, "codes": list(one.codes)}
        for one in functional.sets
    ]  # fmt: skip


LINES = {
    "850": _po_lines,
    "856": _shipment_lines,
    "810": _invoice_lines,
    "820": _remittance_lines,
    "846": _inventory_lines,
    "997": _ack997_lines,
}


def _totals(set_id, document):
    if set_id == "810":
        return {"tds": _number(document.total), "computed": _number(
            document.computed_total())}  # fmt: skip
    if set_id == "820":
        return {"amount": _number(document.amount), "trace": document.trace_number}
    if set_id in ("850", "855", "856", "846"):
        return {"ctt_count": document.line_count, "ctt_hash": _number(
            document.hash_total)}  # fmt: skip
    return {}


def segment_lines(transaction):
    """Returns the line segments of a set as read: ``{"segment", "position", ...}``."""
    wanted = LINE_SEGMENTS.get(transaction.set_id, ())
    return [
        {"segment": elements[0], "position": position, "elements": elements[1:]}
        for position, elements in enumerate(transaction.elements(), 1)
        if elements[0] in wanted
    ]


def _lines(transaction, document):
    if document is None:
        return segment_lines(transaction)
    if transaction.set_id == "855":
        return _ack_lines(document, transaction)
    lines = LINES.get(transaction.set_id)
    return lines(document) if lines else []


def document_dict(transaction, document, problems):
    """Returns the ``show --json`` object of one set."""
    errors = list(transaction.errors) + list(problems)
    return {
        "type": transaction.set_id,
        "version": transaction.version,
        "control_number": transaction.control_number,
        "ids": transaction.ids,
        "valid": not any(error.severity == "error" for error in errors),
        "lines": _lines(transaction, document),
        "best_effort": document is None
        and transaction.set_id in LINE_SEGMENTS
        and bool(transaction.segments),
        "totals": _totals(transaction.set_id, document) if document else {},
        "problems": [error.to_dict() for error in errors],
    }
