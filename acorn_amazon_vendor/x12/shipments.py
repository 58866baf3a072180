"""856 Ship Notice/Manifest: build (005010 for Amazon, 004010 too) and parse (both).

Segments written (FACTS §5): BSN, DTM 011/017, HL S with TD1, TD5, REF BM/CN/AO and
N1 SF/ST; HL O with PRF; HL T and HL P with MAN*GM (SSCC); HL I with LIN, SN1,
REF*LT, DTM*036; CTT (HL count, sum of SN102). HL01 numbers from 1 in writing order,
HL02 names the parent, HL04 says whether children follow. Checks are in
:mod:`.shipment_checks`.
"""

from .checks import hash_text
from .errors import X12Error
from .grammars.codes import HL_PARENTS
from .identifiers import party_from, party_segments, product_id_elements
from .identifiers import product_ids_from as _product_ids
from .inbound import SetView
from .outbound import date_text, decimal_text, write_interchange
from .shipment_types import Pack, Shipment, ShipmentItem, ShipmentOrder, Tare

# LIN02..LIN31 product ID pairs.
LIN_LAST = 31
# REF01 of the shipment references [C-S] BM; CN, AO [I] (see grammars.codes).
SHIPMENT_REFS = (("BM", "bill_of_lading"), ("CN", "pro_number"), ("AO", "arn"))
# BSN05 per hierarchy: 0001 shipment/order/packaging/item (X12), 0004 S/O/I [I].
STRUCTURE_CODES = {"SOI": "0004"}
DEFAULT_STRUCTURE = "0001"


class _HLWriter:
    """Numbers HL segments and appends them with their content."""

    def __init__(self):
        self.body, self.count = [], 0

    def add(self, parent, level, has_children, content):
        self.count += 1
        number = str(self.count)
        child = "1" if has_children else "0"
        self.body += [["HL", number, parent, level, child], *content]
        return number

    def items(self, parent, items):
        for item in items:
            content = [
                ["LIN", item.line_number, *product_id_elements(item.product_ids)]
            ]
            sn1 = ["SN1", "", decimal_text(item.quantity), item.uom]
            if item.quantity_ordered is not None:
                sn1 += ["", decimal_text(item.quantity_ordered), item.uom]
            content.append(sn1)
            if item.lot:
                content.append(["REF", "LT", item.lot])
            if item.expiry is not None:
                content.append(["DTM", "036", date_text(item.expiry)])
            self.add(parent, "I", False, content)

    def packs(self, parent, packs):
        for pack in packs:
            number = self.add(parent, "P", bool(pack.items), [["MAN", "GM", pack.sscc]])
            self.items(number, pack.items)


def _shipment_level(shipment):
    packs = sum(
        len(order.packs) + sum(len(tare.packs) for tare in order.tares)
        for order in shipment.orders
    )
    tares = sum(len(order.tares) for order in shipment.orders)
    code = shipment.packaging_code or ("CTN25" if packs or not tares else "PLT94")
    count = shipment.lading_quantity
    if count is None:
        count = packs or tares
    td1 = ["TD1", code, str(count)]
    if shipment.weight is not None:
        td1 += ["", "", "", "G", decimal_text(shipment.weight), shipment.weight_uom]
    qualifier = "2" if shipment.scac else ""  # TD502 2: SCAC
    content = [td1, ["TD5", "", qualifier, shipment.scac, shipment.transport_method]]
    for qualifier, name in SHIPMENT_REFS:
        if getattr(shipment, name):
            content.append(["REF", qualifier, getattr(shipment, name)])
    for party in (shipment.ship_from, shipment.ship_to):
        content += party_segments(party)
    return content


def _structure(shipment):
    if shipment.structure:
        return shipment.structure
    shapes = set().union(*(order.hierarchy() for order in shipment.orders))
    return STRUCTURE_CODES.get("".join(sorted(shapes)), DEFAULT_STRUCTURE)


def _856_body(shipment):
    body = [["BSN", shipment.purpose, shipment.shipment_id, date_text(shipment.date),
             shipment.time, _structure(shipment)]]  # fmt: skip
    for qualifier, value in (
        ("011", shipment.shipped_date),
        ("017", shipment.estimated_delivery),
    ):
        if value is not None:
            body.append(["DTM", qualifier, date_text(value)])
    writer = _HLWriter()
    top = writer.add("", "S", bool(shipment.orders), _shipment_level(shipment))
    for order in shipment.orders:
        prf = ["PRF", order.po_number, "", "", date_text(order.po_date)]
        number = writer.add(top, "O", True, [prf])
        for tare in order.tares:
            children = bool(tare.packs or tare.items)
            tare_number = writer.add(number, "T", children, [["MAN", "GM", tare.sscc]])
            writer.packs(tare_number, tare.packs)
            writer.items(tare_number, tare.items)
        writer.packs(number, order.packs)
        writer.items(number, order.items)
    quantities = [item.quantity for _, item in shipment.items()]
    return body + writer.body + [["CTT", str(writer.count), hash_text(quantities)]]


def build_856(shipment, envelope):
    """Writes a Shipment as an 856 interchange (GS08 from the envelope: Amazon's
    retail 856 is 005010, FACTS §1; 004010 is written the same way).

    Raises:
        X12Error: When the shipment has no order or a value cannot be written
            (``check_856`` lists the business problems without raising).
    """
    if not shipment.orders:
        raise X12Error("A ship notice needs at least one order.", level="business")
    return write_interchange(envelope, "SH", "856", [_856_body(shipment)])


def hl_tree(view):
    """Groups an 856's segments per HL.

    Returns:
        tuple: (loops, problems): loops in set order, each
        ``{"index", "id", "parent", "level", "rows": [(index, row), ...]}``, and the
        located X12Errors of broken links (unknown or later parent, HL01 twice).
    """
    loops, by_id, problems = [], {}, []
    for index, row in enumerate(view.rows):
        if row[0] == "HL":
            loop = {"index": index, "id": view.value(index, 1), "rows": []}
            loop["parent"], loop["level"] = view.value(index, 2), view.value(index, 3)
            if loop["id"] in by_id:
                problems.append(
                    view.error(index, f"HL01 {loop['id']!r} is used twice.", 1,
                               loop["id"], level="business", code="hl-duplicate")
                )  # fmt: skip
            if loop["parent"] and loop["parent"] not in by_id:
                problems.append(
                    view.error(index, f"HL02 parent {loop['parent']!r} is not an "
                               "earlier HL.", 2, loop["parent"], level="business",
                               code="hl-parent")
                )  # fmt: skip
            problems += _level_problems(view, index, loop, by_id)
            by_id.setdefault(loop["id"], loop)
            loops.append(loop)
        elif loops and row[0] not in ("SE", "CTT"):
            loops[-1]["rows"].append((index, row))
    return loops, problems


def _level_problems(view, index, loop, by_id):
    """Checks that an HL's level may sit under its parent's (HL_PARENTS)."""
    allowed = HL_PARENTS.get(loop["level"])
    parent = by_id.get(loop["parent"])
    if allowed is None or (loop["parent"] and parent is None):
        return []
    parent_level = parent["level"] if parent else ""
    if parent_level in allowed:
        return []
    where = f"under {parent_level!r} HL {loop['parent']}" if parent else "at the top"
    return [
        view.error(index, f"An HL {loop['level']!r} cannot sit {where}.", 3,
                   loop["level"], level="business", code="hl-level")
    ]  # fmt: skip


def _item(view, loop):
    values = {"product_ids": (), "quantity": None, "uom": "", "line_number": ""}
    for index, row in loop["rows"]:
        if row[0] == "LIN":
            values["line_number"] = view.value(index, 1)
            values["product_ids"] = _product_ids(row, 2, LIN_LAST)
        elif row[0] == "SN1":
            values["quantity"] = view.decimal(index, 2, "SN102", required=True)
            values["uom"] = view.value(index, 3)
            values["quantity_ordered"] = view.decimal(index, 5, "SN105")
        elif row[0] == "REF" and view.value(index, 1) == "LT":
            values["lot"] = view.value(index, 2)
        elif row[0] == "DTM" and view.value(index, 1) == "036":
            values["expiry"] = view.date(index, 2, "DTM02 (036)")
    if values["quantity"] is None:
        raise view.error(loop["index"], "The item HL has no SN1.", code="3",
                         level="AK3")  # fmt: skip
    return ShipmentItem(**values, **_where(view, loop))


def _where(view, loop):
    position, set_position = view.location(loop["index"])
    return {"hl_id": loop["id"], "segment_position": position,
            "set_position": set_position}  # fmt: skip


def _sscc(view, loop):
    for index, row in loop["rows"]:
        if row[0] == "MAN":
            return view.value(index, 2)
    return ""


def _build_node(view, loop, children):
    """Returns the dataclass of one HL loop, its children built first."""
    kids = [_build_node(view, child, children) for child in children[loop["id"]]]
    level = loop["level"]
    items = tuple(kid for kid in kids if isinstance(kid, ShipmentItem))
    packs = tuple(kid for kid in kids if isinstance(kid, Pack))
    if level == "I":
        return _item(view, loop)
    if level == "P":
        return Pack(_sscc(view, loop), items, **_where(view, loop))
    if level == "T":
        return Tare(_sscc(view, loop), packs, items, **_where(view, loop))
    if level == "O":
        tares = tuple(kid for kid in kids if isinstance(kid, Tare))
        return _order(view, loop, tares, packs, items)
    return kids


def _order(view, loop, tares, packs, items):
    prf = next((index for index, row in loop["rows"] if row[0] == "PRF"), None)
    if prf is None:
        raise view.error(loop["index"], "The order HL has no PRF.", code="3",
                         level="AK3")  # fmt: skip
    return ShipmentOrder(
        po_number=view.required(prf, 1, "PRF01 purchase order number"),
        po_date=view.date(prf, 4, "PRF04 purchase order date"),
        tares=tares,
        packs=packs,
        items=items,
        **_where(view, loop),
    )


def _shipment_values(view, loops):
    values, top = {}, next((loop for loop in loops if loop["level"] == "S"), None)
    rows = [(index, row) for index, row in enumerate(view.rows)]
    rows = [pair for pair in rows if pair[0] < (loops[0]["index"] if loops else 0)]
    rows += top["rows"] if top else []
    parties = {"SF": "ship_from", "ST": "ship_to"}
    for position, (index, row) in enumerate(rows):
        kind, first = row[0], view.value(index, 1)
        if kind == "DTM" and first in ("011", "017"):
            key = "shipped_date" if first == "011" else "estimated_delivery"
            values[key] = view.date(index, 2, f"DTM02 ({first})")
        elif kind == "TD1":
            values.update(_td1(view, index))
        elif kind == "TD5":
            values["scac"] = view.value(index, 3)
            values["transport_method"] = view.value(index, 4)
        elif kind == "REF":
            name = dict(SHIPMENT_REFS).get(first)
            if name:
                values[name] = view.value(index, 2)
        elif kind == "N1" and first in parties:
            loop = [row] + [r for _, r in rows[position + 1:position + 4]
                            if r[0] in ("N2", "N3", "N4")]  # fmt: skip
            values[parties[first]] = party_from(loop)
    return values


def _td1(view, index):
    count = view.implied(index, 2, "TD102", 0)
    values = {"packaging_code": view.value(index, 1)}
    values["lading_quantity"] = int(count) if count is not None else None
    values["weight"] = view.decimal(index, 7, "TD107 weight")
    values["weight_uom"] = view.value(index, 8) or "LB"
    return values


def _orders(view, loops):
    """Builds the ShipmentOrders of the HL tree (below the S, or at the top)."""
    children = {loop["id"]: [] for loop in loops}
    roots = []
    for loop in loops:
        (children[loop["parent"]] if loop["parent"] else roots).append(loop)
    orders = []
    for root in roots:
        built = _build_node(view, root, children)
        orders += [one for one in (built if isinstance(built, list) else [built])
                   if isinstance(one, ShipmentOrder)]  # fmt: skip
    return orders


def parse_856(transaction):
    """Reads an 856 TransactionSet (004010 or 005010, kept segments) into a Shipment.

    Raises:
        X12Error: Located, when BSN is missing, an HL link is broken (HL02 not an
            earlier HL, HL01 twice), or a needed value cannot be read.
    """
    view = SetView(transaction, ("856",))
    bsn = view.heading("BSN", "Beginning Segment for Ship Notice")
    loops, problems = hl_tree(view)
    if problems:
        raise problems[0]
    orders = _orders(view, loops)
    ctt = view.find("CTT")
    count = view.implied(ctt, 1, "CTT01", 0) if ctt is not None else None
    locations = {"BSN": (*view.location(bsn), "BSN")}
    if ctt is not None:
        locations["CTT"] = (*view.location(ctt), "CTT")
    if loops:
        locations["HL"] = (*view.location(loops[0]["index"]), "HL")
    return Shipment(
        shipment_id=view.required(bsn, 2, "BSN02 shipment identification"),
        date=view.date(bsn, 3, "BSN03 date", required=True),
        time=view.value(bsn, 4),
        orders=tuple(orders),
        purpose=view.value(bsn, 1),
        structure=view.value(bsn, 5),
        line_count=int(count) if count is not None else None,
        hash_total=view.decimal(ctt, 2, "CTT02") if ctt is not None else None,
        locations=locations,
        **_shipment_values(view, loops),
        **view.envelope(),
    )
