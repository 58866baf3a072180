"""820 Payment Order/Remittance Advice, X12 004010 (FACTS §7, §14): parse, build, check.

Segments read: BPR (handling, amount, credit/debit, method, BPR16 date), TRN (trace
number), CUR, REF, DTM, N1 loops (PR payer, PE payee), then ENT loops holding ADX
adjustments of the entity and RMR lines (RMR01 qualifier, RMR02 reference, RMR04
paid, RMR05 invoiced, RMR06 discount) with their REF (PO), DTM and ADX adjustments.
Amazon's RMR qualifiers and ADX reasons are not public (gap §12.5): the lists are
lenient and the balance checks are warnings. Deduction references are classified by
the patterns of FACTS §14 (``<invoice>SC`` shortage claim ...).
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .grammars.codes import DEDUCTION_PATTERNS
from .identifiers import Party, party_from, party_segments
from .inbound import SetView, business_error, located
from .outbound import date_text, decimal_text, write_interchange

# Runs of letters or digits of a document number; anything else is a separator.
_TOKENS = re.compile(r"[A-Z]+|[0-9]+")


def invoice_number_keys(number):
    """Spellings of a document number, strictest first, for matching an RMR02.

    1. letters and digits only, upper case (``inv/2026/0042`` -> ``INV20260042``);
    2. the same with each digit run's leading zeros dropped (``INV-2026-42``);
    3. as 2 without the leading letters, the journal prefix (``2026-42``).

    A key is empty when the number has nothing left at that level, and key 3 is
    empty when the number has no prefix to drop. Trailing letters stay, so
    ``INV-2026-0042SC`` (a shortage claim) never meets ``INV/2026/0042``.
    """
    tokens = _TOKENS.findall((number or "").upper())
    plain = [t.lstrip("0") or "0" if t.isdigit() else t for t in tokens]
    start = 0
    while start < len(plain) and plain[start].isalpha():
        start += 1
    unprefixed = "-".join(plain[start:]) if 0 < start < len(plain) else ""
    return "".join(tokens), "-".join(plain), unprefixed


def classify_reference(reference, qualifier="IV"):
    """Returns (kind, invoice number) of an RMR reference (FACTS §14 patterns).

    ``"123SC"`` -> ("shortage_claim", "123"); a plain invoice -> ("invoice", ref);
    RMR01 CR -> ("credit", ref).
    """
    for test, kind in DEDUCTION_PATTERNS:
        where, _, text = test.partition(":")
        if (
            where == "suffix"
            and reference.endswith(text)
            and len(reference) > len(text)
        ):
            return kind, reference[: -len(text)]
        if where == "prefix" and reference.startswith(text):
            return kind, ""
    return ("credit" if qualifier == "CR" else "invoice"), reference


@dataclass(frozen=True)
class Adjustment:
    """An ADX: ADX01 amount (negative reduces the payment), ADX02 reason, ADX03/04."""

    amount: Decimal
    reason: str
    reference_qualifier: str = ""
    reference: str = ""


@dataclass(frozen=True)
class RemittanceItem:
    """An RMR line with its REF*PO, DTM and ADX adjustments."""

    reference: str
    paid: Decimal | None
    reference_qualifier: str = "IV"
    invoiced: Decimal | None = None
    discount: Decimal | None = None
    adjustments: tuple = ()
    po_number: str = ""
    date: datetime.date | None = None
    entity: str = ""
    segment_position: int = field(default=0, compare=False)
    set_position: int = field(default=0, compare=False)

    @property
    def kind(self):
        """invoice, credit, shortage_claim, shortage_claim_reversal, ... (§14)."""
        return classify_reference(self.reference, self.reference_qualifier)[0]

    @property
    def invoice_number(self):
        """The invoice a deduction or payment refers to ("" if none is named)."""
        return classify_reference(self.reference, self.reference_qualifier)[1]


@dataclass(frozen=True)
class Remittance:
    """One 820 transaction set (see the module docstring)."""

    trace_number: str
    amount: Decimal
    items: tuple
    payment_date: datetime.date | None = None
    handling: str = "C"
    credit_debit: str = "C"
    payment_method: str = "ACH"
    payer_id: str = ""
    currency: str = ""
    payer: Party | None = None
    payee: Party | None = None
    dates: tuple = ()
    adjustments: tuple = ()
    control_number: str = field(default="", compare=False)
    version: str = field(default="", compare=False)
    locations: dict = field(default_factory=dict, compare=False, repr=False)


def _adx(view, index):
    return Adjustment(
        amount=view.decimal(index, 1, "ADX01 amount", required=True),
        reason=view.value(index, 2),
        reference_qualifier=view.value(index, 3),
        reference=view.value(index, 4),
    )


def _rmr(view, index, entity, rows):
    values, in_adjustment = {"adjustments": []}, False
    for child, row in rows:
        if row[0] == "ADX":
            values["adjustments"].append(_adx(view, child))
            in_adjustment = True
        elif in_adjustment:
            continue  # REF / DTM of the ADX loop describe the adjustment
        elif row[0] == "REF" and view.value(child, 1) == "PO":
            values["po_number"] = view.value(child, 2)
        elif row[0] == "DTM" and "date" not in values:
            values["date"] = view.date(child, 2, "DTM02")
    values["adjustments"] = tuple(values["adjustments"])
    position, set_position = view.location(index)
    return RemittanceItem(
        reference=view.value(index, 2),
        paid=view.decimal(index, 4, "RMR04 amount paid"),
        reference_qualifier=view.value(index, 1),
        invoiced=view.decimal(index, 5, "RMR05 invoice amount"),
        discount=view.decimal(index, 6, "RMR06 discount"),
        entity=entity,
        segment_position=position,
        set_position=set_position,
        **values,
    )


def _heading(view, index, row, values):
    kind, first = row[0], view.value(index, 1)
    if kind == "CUR":
        values["currency"] = view.value(index, 2)
    elif kind == "DTM":
        values["dates"].append((first, view.date(index, 2, "DTM02")))
    elif kind == "N1" and first in ("PR", "PE"):
        rows = [row]
        for next_row in view.rows[index + 1 : index + 4]:
            if next_row[0] not in ("N2", "N3", "N4"):
                break
            rows.append(next_row)
        values["payer" if first == "PR" else "payee"] = party_from(rows)


def _detail(view):
    """Returns (items, entity-level adjustments) of the ENT loops."""
    items, adjustments, entity, current = [], [], None, None
    for index, row in enumerate(view.rows):
        kind = row[0]
        if kind == "ENT":
            entity, current = view.value(index, 1), None
        elif kind == "RMR":
            current = (index, entity or "", [])
            items.append(current)
        elif current is not None and kind in ("REF", "DTM", "ADX"):
            current[2].append((index, row))
        elif kind == "ADX" and entity is not None:
            adjustments.append(_adx(view, index))
    built = [_rmr(view, index, name, rows) for index, name, rows in items]
    return tuple(built), tuple(adjustments)


def parse_820(transaction):
    """Reads an 820 TransactionSet (kept segments) into a Remittance.

    Raises:
        X12Error: Located, when BPR or TRN is missing or an amount is not a number.
    """
    view = SetView(transaction, ("820",))
    bpr = view.heading("BPR", "Beginning Segment for Payment Order/Remittance Advice")
    trn = view.heading("TRN", "Trace")
    values = {"dates": []}
    first_ent = view.find("ENT")
    for index, row in enumerate(view.rows[: first_ent or len(view.rows)]):
        _heading(view, index, row, values)
    values["dates"] = tuple(values["dates"])
    items, adjustments = _detail(view)
    return Remittance(
        trace_number=view.required(trn, 2, "TRN02 trace number"),
        amount=view.decimal(bpr, 2, "BPR02 amount", required=True),
        items=items,
        payment_date=view.date(bpr, 16, "BPR16 date"),
        handling=view.value(bpr, 1),
        credit_debit=view.value(bpr, 3),
        payment_method=view.value(bpr, 4),
        payer_id=view.value(trn, 3),
        adjustments=adjustments,
        locations={"BPR": (*view.location(bpr), "BPR")},
        **values,
        **view.envelope(),
    )


def _820_body(remittance):
    body = [["BPR", remittance.handling, decimal_text(remittance.amount),
             remittance.credit_debit, remittance.payment_method,
             *[""] * 11, date_text(remittance.payment_date)]]  # fmt: skip
    body.append(["TRN", "1", remittance.trace_number, remittance.payer_id])
    if remittance.currency:
        body.append(["CUR", "PR", remittance.currency])
    body += [["DTM", kind, date_text(value)] for kind, value in remittance.dates]
    for party in (remittance.payer, remittance.payee):
        body += party_segments(party)
    entity = None
    for adjustment in remittance.adjustments:
        if entity is None:
            entity = "1"
            body.append(["ENT", entity])
        body.append(_adx_segment(adjustment))
    for item in remittance.items:
        if item.entity != entity:
            entity = item.entity
            body.append(["ENT", entity])
        body.append(["RMR", item.reference_qualifier, item.reference, "",
                     decimal_text(item.paid), decimal_text(item.invoiced),
                     decimal_text(item.discount)])  # fmt: skip
        if item.po_number:
            body.append(["REF", "PO", item.po_number])
        if item.date is not None:
            body.append(["DTM", "003", date_text(item.date)])
        body += [_adx_segment(adjustment) for adjustment in item.adjustments]
    return body


def _adx_segment(adjustment):
    return ["ADX", decimal_text(adjustment.amount), adjustment.reason,
            adjustment.reference_qualifier, adjustment.reference]  # fmt: skip


def build_820(remittance, envelope):
    """Writes a Remittance as an 820 interchange (GS01 RA), for tests and benchmarks.

    Items keep their ``entity`` (ENT01); a new ENT starts when it changes (items
    with entity "" are written under ``ENT*1`` when entity-level adjustments exist).
    """
    return write_interchange(envelope, "RA", "820", [_820_body(remittance)])


def check_820(remittance):
    """Checks that the remittance balances (warnings: Amazon's usage is [I]).

    BPR02 = sum of RMR04 + entity-level ADX01 (when every RMR has RMR04), and per
    RMR with RMR05: RMR05 - RMR06 + its ADX01 = RMR04.

    Returns:
        list[X12Error]: Rules "bpr-total" and "rmr-balance".
    """
    problems = []
    items = remittance.items
    if items and all(item.paid is not None for item in items):
        total = sum((item.paid for item in items), Decimal(0))
        total += sum((adx.amount for adx in remittance.adjustments), Decimal(0))
        if total not in (remittance.amount, -remittance.amount):
            problems.append(
                business_error(
                    f"BPR02 {decimal_text(remittance.amount)} is not the sum of RMR04 "
                    f"and ADX01: {decimal_text(total)}.",
                    "bpr-total",
                    located(remittance, "BPR"),
                    severity="warning",
                    element_position=2,
                )
            )
    return problems + [_rmr_problem(remittance, i) for i in items if _unbalanced(i)]


def _unbalanced(item):
    if item.invoiced is None or item.paid is None:
        return False
    return _expected_paid(item) != item.paid


def _expected_paid(item):
    expected = item.invoiced - (item.discount or 0)
    return expected + sum((adx.amount for adx in item.adjustments), Decimal(0))


def _rmr_problem(remittance, item):
    return business_error(
        f"RMR {item.reference}: invoiced {decimal_text(item.invoiced)} - discount + "
        f"adjustments = {decimal_text(_expected_paid(item))}, paid "
        f"{decimal_text(item.paid)}.",
        "rmr-balance",
        {
            "segment_id": "RMR",
            "segment_position": item.segment_position or None,
            "set_position": item.set_position or None,
            "st_control": remittance.control_number or None,
        },
        severity="warning",
        element_position=4,
    )
