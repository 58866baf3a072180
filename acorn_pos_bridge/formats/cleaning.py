"""The cleaning rules: which sales lines of an export count as demand.

Each rule is a pure function of the rows (and of what earlier imports already
hold); :func:`clean` applies them in the order of ``RULES`` and the first rule
that holds a line out names it. Nothing is deleted: the ORM keeps every line with
its verdict, so each decision stays visible and reversible.

- ``test``: a test or training transaction (the export's test flag);
- ``voided``: a line voided on the receipt (the export's void flag);
- ``duplicate``: a receipt line whose key (receipt, line) was already seen, in an
  earlier import of the store or earlier in the same file;
- ``refund_unmatched``: a refund (negative quantity) whose original sale, named by
  ``refund_of`` with the same SKU, is in neither this file nor earlier imports;
  flagged rather than counted as negative demand;
- ``unknown_product``: a SKU no product answers to; queued for mapping, and
  counted once mapped.
"""

from dataclasses import dataclass

OK = "ok"
RULES = ("test", "voided", "duplicate", "refund_unmatched", "unknown_product")


@dataclass(frozen=True)
class Verdict:
    """What the rules decided for one row: ``rule`` is ``OK`` or a ``RULES`` code.

    ``first_row`` is set for a duplicate seen earlier in the same file.
    """

    rule: str
    first_row: int | None = None

    @property
    def counted(self):
        return self.rule == OK


def is_test(row):
    """A test or training transaction."""
    return row.test


def is_voided(row):
    """A line voided on its receipt."""
    return row.voided


def duplicate_rows(rows, seen_keys=frozenset()):
    """Maps the index of each duplicate row to the file row first holding its key.

    Args:
        rows: the file's :class:`~.sales.SaleRow` list.
        seen_keys: ``(receipt, line)`` keys already imported for the store.

    Returns:
        ``{index: first_row or None}``; None when an earlier import holds the key.
    """
    first, duplicates = {}, {}
    for index, row in enumerate(rows):
        if row.key in seen_keys:
            duplicates[index] = None
        elif row.key in first:
            duplicates[index] = first[row.key]
        else:
            first[row.key] = row.row
    return duplicates


def sales_of(rows):
    """The ``(receipt, sku)`` pairs of real sales among the rows."""
    return {
        (row.receipt, row.sku)
        for row in rows
        if row.quantity > 0 and not row.test and not row.voided
    }


def is_unmatched_refund(row, sales):
    """A refund whose original sale (``refund_of`` receipt, same SKU) is unknown."""
    return row.is_refund and (row.refund_of, row.sku) not in sales


def is_unknown_product(row, known_skus):
    """A SKU that no product of the store answers to."""
    return row.sku not in known_skus


def clean(rows, seen_keys=frozenset(), known_sales=frozenset(), known_skus=None):
    """Applies every rule to an export's rows.

    Args:
        rows: the :class:`~.sales.SaleRow` list of one file or request.
        seen_keys: ``(receipt, line)`` keys earlier imports of the store hold.
        known_sales: ``(receipt, sku)`` sales earlier imports of the store hold.
        known_skus: the SKUs that resolve to a product; None skips the rule.

    Returns:
        One :class:`Verdict` per row, in order.
    """
    duplicates = duplicate_rows(rows, seen_keys)
    sales = sales_of(rows) | set(known_sales)
    verdicts = []
    for index, row in enumerate(rows):
        if is_test(row):
            verdict = Verdict("test")
        elif is_voided(row):
            verdict = Verdict("voided")
        elif index in duplicates:
            verdict = Verdict("duplicate", duplicates[index])
        elif is_unmatched_refund(row, sales):
            verdict = Verdict("refund_unmatched")
        elif known_skus is not None and is_unknown_product(row, known_skus):
            verdict = Verdict("unknown_product")
        else:
            verdict = Verdict(OK)
        verdicts.append(verdict)
    return verdicts


def clean_report(rows, seen_keys=frozenset(), known_skus=None):
    """Applies the rules that concern Vendor Central report rows.

    A report has no test, voided or refund rows: only a period and ASIN already
    imported (``duplicate``) and an ASIN no product answers to
    (``unknown_product``) hold a row out.

    Args:
        rows: :class:`~.amazon_reports.ReportRow` list.
        seen_keys: ``(period, asin)`` keys earlier imports of the account hold.
        known_skus: the ASINs that resolve to a product; None skips the rule.

    Returns:
        One :class:`Verdict` per row.
    """
    duplicates = duplicate_rows(rows, seen_keys)
    verdicts = []
    for index, row in enumerate(rows):
        if index in duplicates:
            verdicts.append(Verdict("duplicate", duplicates[index]))
        elif known_skus is not None and is_unknown_product(row, known_skus):
            verdicts.append(Verdict("unknown_product"))
        else:
            verdicts.append(Verdict(OK))
    return verdicts
