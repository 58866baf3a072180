"""846 Inventory Inquiry/Advice, X12 004010 (FACTS §8.1): typed advice, build, parse.

Segments: BIA (purpose, report type, reference, date, time), CUR, N1 (the vendor or
warehouse), one LIN loop per item (LIN product ID pairs, CTP NET cost, QTY quantity
with its unit), CTT (LIN count, sum of QTY02). Amazon's 846 usage is inferred from the
guide's sample "Retail Cost And Inventory" [I]: report type and quantity qualifiers
are lenient.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .checks import check_ctt, hash_text
from .identifiers import Party, first_product_id, party_from, party_segments
from .identifiers import product_id_elements as _pairs
from .identifiers import product_ids_from as _product_ids
from .inbound import SetView, business_error
from .outbound import date_text, decimal_text, write_interchange

LIN_LAST = 31


@dataclass(frozen=True)
class InventoryLine:
    """A LIN loop: identifiers, quantity (QTY), optional cost (CTP NET)."""

    product_ids: tuple
    quantity: Decimal
    uom: str = "EA"
    quantity_qualifier: str = "33"
    unit_price: Decimal | None = None
    line_number: str = ""
    segment_position: int = field(default=0, compare=False)
    set_position: int = field(default=0, compare=False)

    def product_id(self, *qualifiers):
        """Returns the first value among ``qualifiers`` (in their order), else ""."""
        return first_product_id(self.product_ids, qualifiers)


@dataclass(frozen=True)
class InventoryAdvice:
    """One 846 transaction set."""

    reference: str
    date: datetime.date
    lines: tuple
    purpose: str = "00"
    report_type: str = "MM"
    time: str = ""
    currency: str = ""
    party: Party | None = None
    control_number: str = field(default="", compare=False)
    version: str = field(default="", compare=False)
    line_count: int | None = field(default=None, compare=False)
    hash_total: Decimal | None = field(default=None, compare=False)
    locations: dict = field(default_factory=dict, compare=False, repr=False)


def _846_body(advice):
    body = [["BIA", advice.purpose, advice.report_type, advice.reference,
             date_text(advice.date), advice.time]]  # fmt: skip
    if advice.currency:
        body.append(["CUR", "SE", advice.currency])
    body += party_segments(advice.party)
    for line in advice.lines:
        body.append(["LIN", line.line_number, *_pairs(line.product_ids)])
        if line.unit_price is not None:
            body.append(["CTP", "", "NET", decimal_text(line.unit_price)])
        body.append(["QTY", line.quantity_qualifier, decimal_text(line.quantity),
                     line.uom])  # fmt: skip
    quantities = [line.quantity for line in advice.lines]
    body.append(["CTT", str(len(advice.lines)), hash_text(quantities)])
    return body


def build_846(advice, envelope):
    """Writes an InventoryAdvice as an 846 interchange (GS01 IB)."""
    return write_interchange(envelope, "IB", "846", [_846_body(advice)])


def _line(view, index, rows, component):
    values = {"quantity": None}
    for child, row in rows:
        if row[0] == "CTP" and view.value(child, 2) in ("NET", ""):
            values["unit_price"] = view.decimal(child, 3, "CTP03 unit price")
        elif row[0] == "QTY" and values["quantity"] is None:
            values["quantity"] = view.decimal(child, 2, "QTY02", required=True)
            values["uom"] = view.value(child, 3).split(component)[0] or "EA"
            values["quantity_qualifier"] = view.value(child, 1)
    if values["quantity"] is None:
        raise view.error(index, "The LIN loop has no QTY.", code="3", level="AK3")
    position, set_position = view.location(index)
    return InventoryLine(
        product_ids=_product_ids(view.rows[index], 2, LIN_LAST),
        line_number=view.value(index, 1),
        segment_position=position,
        set_position=set_position,
        **values,
    )


def _read_846(view):
    """Returns (heading values, LIN loops as (index, [(index, row), ...]))."""
    values, loops, current = {}, [], None
    for index, row in enumerate(view.rows):
        kind = row[0]
        if kind == "LIN":
            current = (index, [])
            loops.append(current)
        elif kind == "CTT":
            current = None
        elif current is not None:
            current[1].append((index, row))
        elif kind == "CUR":
            values["currency"] = view.value(index, 2)
        elif kind == "N1" and "party" not in values:
            rows = [row] + [r for r in view.rows[index + 1 : index + 4] if r[0] in
                            ("N2", "N3", "N4")]  # fmt: skip
            values["party"] = party_from(rows)
    return values, loops


def parse_846(transaction, component=">"):
    """Reads an 846 TransactionSet (kept segments) into an InventoryAdvice.

    Args:
        transaction: The TransactionSet.
        component: The component separator (QTY03 is a composite unit).

    Raises:
        X12Error: Located, when BIA is missing or a LIN loop has no QTY.
    """
    view = SetView(transaction, ("846",))
    bia = view.heading("BIA", "Beginning Segment for Inventory Inquiry/Advice")
    values, loops = _read_846(view)
    ctt = view.find("CTT")
    count = view.implied(ctt, 1, "CTT01", 0) if ctt is not None else None
    return InventoryAdvice(
        reference=view.required(bia, 3, "BIA03 reference"),
        date=view.date(bia, 4, "BIA04 date", required=True),
        lines=tuple(_line(view, index, rows, component) for index, rows in loops),
        purpose=view.value(bia, 1),
        report_type=view.value(bia, 2),
        time=view.value(bia, 5),
        line_count=int(count) if count is not None else None,
        hash_total=view.decimal(ctt, 2, "CTT02") if ctt is not None else None,
        locations={"CTT": (*view.location(ctt), "CTT")} if ctt is not None else {},
        **values,
        **view.envelope(),
    )


def check_846(advice):
    """Checks CTT (LIN count, QTY02 sum) and that quantities are not negative."""
    problems = check_ctt(
        advice,
        len(advice.lines),
        [line.quantity for line in advice.lines],
        "LIN segments",
    )
    for line in advice.lines:
        if line.quantity < 0 or not line.product_ids:
            problems.append(
                business_error(
                    f"LIN {line.line_number or '?'} has a negative quantity or no "
                    "product identifier.",
                    "lin-line",
                    {
                        "segment_id": "LIN",
                        "segment_position": line.segment_position or None,
                        "set_position": line.set_position or None,
                        "st_control": advice.control_number or None,
                    },
                )
            )
    return problems
