"""810 Invoice, X12 004010 (FACTS §6): typed invoice, build, parse and checks.

Segments: BIG (invoice date and number, PO date and number, BIG07 type), CUR, REF,
N1 loops BT/RI/SF (N3/N4), ITD terms, DTM*011 shipped, IT1 lines (same product IDs
and unit cost as the 855) with their SAC/TXI, TDS (total in cents, N2), TXI taxes,
SAC allowances/charges (SAC05 in cents), CTT. Which Amazon codes apply is a gap
(FACTS §12.4): the lists are lenient.

TDS01 = sum of IT102 x IT104 + charges - allowances (line and summary SAC) + TXI02
taxes, rounded to cents; ``check_810`` enforces it and CTT.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .checks import check_ctt, hash_text
from .identifiers import (
    Party,
    first_product_id,
    party_from,
    party_segments,
    product_id_elements,
)
from .identifiers import product_ids_from as _product_ids
from .inbound import SetView, business_error, located
from .outbound import cents_text, date_text, decimal_text, round_cents
from .outbound import write_interchange as _write

# N1 roles of the invoice parties (FACTS §6 [I]).
PARTY_ROLES = (("BT", "bill_to"), ("RI", "remit_to"), ("SF", "ship_from"))
IT1_LAST = 25


@dataclass(frozen=True)
class AllowanceCharge:
    """A SAC: SAC01 A allowance / C charge, SAC02 code, SAC05 amount, SAC15 text."""

    indicator: str
    code: str
    amount: Decimal
    description: str = ""

    @property
    def signed(self):
        """The amount as it counts in TDS: negative for an allowance."""
        return -self.amount if self.indicator == "A" else self.amount


@dataclass(frozen=True)
class Tax:
    """A TXI: TXI01 tax type, TXI02 amount, TXI03 percent."""

    tax_type: str
    amount: Decimal
    percent: Decimal | None = None


@dataclass(frozen=True)
class PaymentTerms:
    """ITD: ITD01 type, ITD02 basis date, ITD03 discount %, ITD05 discount days,
    ITD07 net days, ITD12 description."""

    terms_type: str = "01"
    basis_date: str = "3"
    discount_percent: Decimal | None = None
    discount_days: int | None = None
    net_days: int | None = None
    description: str = ""


@dataclass(frozen=True)
class InvoiceLine:
    """An IT1 line with its line-level SACs and TXIs."""

    quantity: Decimal
    unit_price: Decimal
    product_ids: tuple
    uom: str = "EA"
    line_number: str = ""
    price_basis: str = ""
    allowances: tuple = ()
    taxes: tuple = ()
    segment_position: int = field(default=0, compare=False)
    set_position: int = field(default=0, compare=False)

    @property
    def amount(self):
        """IT102 x IT104 (not rounded)."""
        return self.quantity * self.unit_price

    def product_id(self, *qualifiers):
        """Returns the first value among ``qualifiers`` (in their order), else ""."""
        return first_product_id(self.product_ids, qualifiers)


@dataclass(frozen=True)
class Invoice:
    """One 810 transaction set (see the module docstring for the segments)."""

    invoice_number: str
    invoice_date: datetime.date
    po_number: str
    lines: tuple
    po_date: datetime.date | None = None
    currency: str = "USD"
    transaction_type: str = ""
    bill_to: Party | None = None
    remit_to: Party | None = None
    ship_from: Party | None = None
    terms: PaymentTerms | None = PaymentTerms()
    shipped_date: datetime.date | None = None
    references: tuple = ()
    allowances: tuple = ()
    taxes: tuple = ()
    total: Decimal | None = field(default=None, compare=False)
    control_number: str = field(default="", compare=False)
    version: str = field(default="", compare=False)
    line_count: int | None = field(default=None, compare=False)
    hash_total: Decimal | None = field(default=None, compare=False)
    locations: dict = field(default_factory=dict, compare=False, repr=False)

    def computed_total(self, round_lines=False):
        """Lines + charges - allowances + taxes, rounded half up to cents.

        Args:
            round_lines: Round each line amount to cents first (how some
                accounting systems total).
        """
        total = Decimal(0)
        for line in self.lines:
            amount = round_cents(line.amount) if round_lines else line.amount
            total += amount + sum((s.signed for s in line.allowances), Decimal(0))
            total += sum((tax.amount for tax in line.taxes), Decimal(0))
        total += sum((s.signed for s in self.allowances), Decimal(0))
        total += sum((tax.amount for tax in self.taxes), Decimal(0))
        return round_cents(total)


def _sac(sac):
    segment = ["SAC", sac.indicator, sac.code, "", "", cents_text(sac.amount)]
    if sac.description:
        segment += [""] * 9 + [sac.description]
    return segment


def _txi(tax):
    return ["TXI", tax.tax_type, decimal_text(tax.amount), decimal_text(tax.percent)]


def _itd(terms):
    terms = terms or PaymentTerms()
    discount_days = "" if terms.discount_days is None else str(terms.discount_days)
    net_days = "" if terms.net_days is None else str(terms.net_days)
    return ["ITD", terms.terms_type, terms.basis_date,
            decimal_text(terms.discount_percent), "", discount_days, "", net_days,
            "", "", "", "", terms.description]  # fmt: skip


def _810_body(invoice):
    body = [["BIG", date_text(invoice.invoice_date), invoice.invoice_number,
             date_text(invoice.po_date), invoice.po_number, "", "",
             invoice.transaction_type]]  # fmt: skip
    body.append(["CUR", "BT", invoice.currency])
    body += [["REF", kind, value] for kind, value in invoice.references]
    for _, name in PARTY_ROLES:
        body += party_segments(getattr(invoice, name))
    body.append(_itd(invoice.terms))
    if invoice.shipped_date is not None:
        body.append(["DTM", "011", date_text(invoice.shipped_date)])
    for line in invoice.lines:
        body.append(["IT1", line.line_number, decimal_text(line.quantity), line.uom,
                     decimal_text(line.unit_price), line.price_basis,
                     *product_id_elements(line.product_ids)])  # fmt: skip
        body += [_txi(tax) for tax in line.taxes]
        body += [_sac(sac) for sac in line.allowances]
    total = invoice.total if invoice.total is not None else invoice.computed_total()
    body.append(["TDS", cents_text(total)])
    body += [_txi(tax) for tax in invoice.taxes]
    body += [_sac(sac) for sac in invoice.allowances]
    quantities = [line.quantity for line in invoice.lines]
    body.append(["CTT", str(len(invoice.lines)), hash_text(quantities)])
    return body


def build_810(invoice, envelope):
    """Writes an Invoice as an 810 interchange (GS01 IN).

    TDS01 is ``invoice.total`` when given (to write what an accounting system
    booked), else the computed total; ``check_810`` compares the two.
    """
    return _write(envelope, "IN", "810", [_810_body(invoice)])


def _read_sac(view, index):
    return AllowanceCharge(
        indicator=view.value(index, 1),
        code=view.value(index, 2),
        amount=view.implied(index, 5, "SAC05 amount", 2) or Decimal(0),
        description=view.value(index, 15),
    )


def _read_txi(view, index):
    return Tax(
        tax_type=view.value(index, 1),
        amount=view.decimal(index, 2, "TXI02 amount") or Decimal(0),
        percent=view.decimal(index, 3, "TXI03 percent"),
    )


def _read_itd(view, index):
    days = view.implied(index, 5, "ITD05", 0)
    net = view.implied(index, 7, "ITD07", 0)
    return PaymentTerms(
        terms_type=view.value(index, 1),
        basis_date=view.value(index, 2),
        discount_percent=view.decimal(index, 3, "ITD03"),
        discount_days=int(days) if days is not None else None,
        net_days=int(net) if net is not None else None,
        description=view.value(index, 12),
    )


class _Reader:
    """Collects an 810 segment by segment (heading, IT1 loops, summary)."""

    def __init__(self, view):
        self.view, self.values, self.lines = view, {"references": []}, []
        self.line, self.summary, self.locations = None, False, {}
        self.allowances, self.taxes = [], []

    def close_line(self):
        if self.line is not None:
            index, sacs, taxes = self.line
            self.lines.append(_read_line(self.view, index, sacs, taxes))
        self.line = None

    def feed(self, index, row):
        kind, view = row[0], self.view
        if kind == "IT1":
            self.close_line()
            self.line = (index, [], [])
        elif kind in ("SAC", "TXI"):
            item = _read_sac(view, index) if kind == "SAC" else _read_txi(view, index)
            target = self.line if self.line and not self.summary else None
            if target is not None:
                target[1 if kind == "SAC" else 2].append(item)
            else:
                (self.allowances if kind == "SAC" else self.taxes).append(item)
        elif kind in ("TDS", "CTT"):
            self.close_line()
            self.summary = True
            self.locations[kind] = (*view.location(index), kind)
        elif self.line is None and not self.summary:
            self.heading(index, row)

    def heading(self, index, row):
        kind, view, values = row[0], self.view, self.values
        if kind == "CUR":
            values["currency"] = view.value(index, 2)
        elif kind == "REF":
            values["references"].append((view.value(index, 1), view.value(index, 2)))
        elif kind == "ITD" and "terms" not in values:
            values["terms"] = _read_itd(view, index)
        elif kind == "DTM" and view.value(index, 1) == "011":
            values["shipped_date"] = view.date(index, 2, "DTM02 (011)")
        elif kind == "N1":
            name = dict(PARTY_ROLES).get(view.value(index, 1))
            rows = [row]
            for next_row in view.rows[index + 1 : index + 4]:
                if next_row[0] not in ("N2", "N3", "N4"):
                    break
                rows.append(next_row)
            if name:
                values[name] = party_from(rows)


def _read_line(view, index, sacs, taxes):
    position, set_position = view.location(index)
    return InvoiceLine(
        quantity=view.decimal(index, 2, "IT102 quantity", required=True),
        unit_price=view.decimal(index, 4, "IT104 unit price", required=True),
        product_ids=_product_ids(view.rows[index], 6, IT1_LAST),
        uom=view.value(index, 3),
        line_number=view.value(index, 1),
        price_basis=view.value(index, 5),
        allowances=tuple(sacs),
        taxes=tuple(taxes),
        segment_position=position,
        set_position=set_position,
    )


def parse_810(transaction):
    """Reads an 810 TransactionSet (kept segments) into an Invoice.

    Raises:
        X12Error: Located, when BIG is missing or a needed value cannot be read.
    """
    view = SetView(transaction, ("810",))
    big = view.heading("BIG", "Beginning Segment for Invoice")
    reader = _Reader(view)
    for index, row in enumerate(view.rows[big + 1 :], big + 1):
        reader.feed(index, row)
    reader.close_line()
    tds, ctt = view.find("TDS"), view.find("CTT")
    count = view.implied(ctt, 1, "CTT01", 0) if ctt is not None else None
    values = reader.values
    values["references"] = tuple(values["references"])
    return Invoice(
        invoice_number=view.required(big, 2, "BIG02 invoice number"),
        invoice_date=view.date(big, 1, "BIG01 invoice date", required=True),
        po_number=view.value(big, 4),
        lines=tuple(reader.lines),
        po_date=view.date(big, 3, "BIG03 purchase order date"),
        transaction_type=view.value(big, 7),
        allowances=tuple(reader.allowances),
        taxes=tuple(reader.taxes),
        total=view.implied(tds, 1, "TDS01", 2) if tds is not None else None,
        line_count=int(count) if count is not None else None,
        hash_total=view.decimal(ctt, 2, "CTT02") if ctt is not None else None,
        locations=reader.locations,
        **values,
        **view.envelope(),
    )


def check_810(invoice):
    """Checks an Invoice: TDS01 = lines and SAC and TXI, CTT, BIG04, lines.

    Returns:
        list[X12Error]: Located problems (rules "tds-total", "ctt-count",
        "ctt-hash", "big-po", "it1-product", "it1-quantity").
    """
    problems = check_ctt(
        invoice,
        len(invoice.lines),
        [line.quantity for line in invoice.lines],
        "IT1 segments",
    )
    computed = invoice.computed_total()
    accepted = (computed, invoice.computed_total(round_lines=True))
    if invoice.total is not None and invoice.total not in accepted:
        problems.append(
            business_error(
                f"TDS01 {cents_text(invoice.total)} (cents) is not the sum of the "
                f"lines, SAC and TXI: {cents_text(computed)}.",
                "tds-total",
                located(invoice, "TDS"),
                element_position=1,
                bad_value=cents_text(invoice.total),
            )
        )
    if not invoice.po_number:
        problems.append(
            business_error(
                "BIG04 (Amazon PO number) is empty; Amazon invoices one PO per "
                "810 [I].",
                "big-po",
                located(invoice, "BIG"),
                severity="warning",
                element_position=4,
            )
        )
    return problems + _line_problems(invoice)


def _line_problems(invoice):
    problems = []
    for line in invoice.lines:
        where = {
            "segment_id": "IT1",
            "segment_position": line.segment_position or None,
            "set_position": line.set_position or None,
            "st_control": invoice.control_number or None,
        }
        if not line.product_ids:
            problems.append(
                business_error(
                    f"IT1 line {line.line_number or '?'} has no product identifier.",
                    "it1-product",
                    where,
                    element_position=6,
                )
            )
        if line.quantity <= 0 or line.unit_price < 0:
            problems.append(
                business_error(
                    f"IT1 line {line.line_number or '?'} invoices "
                    f"{decimal_text(line.quantity)} at "
                    f"{decimal_text(line.unit_price)}.",
                    "it1-quantity",
                    where,
                    element_position=2,
                )
            )
    return problems
