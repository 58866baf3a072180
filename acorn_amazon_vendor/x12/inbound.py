"""Reading typed documents out of a TransactionSet: values, positions, located errors.

Shared by the document parsers (850, 855, 856, 810, 820, 846). Values follow the
X12.6 data types: R decimal, Nn implied decimals, DT CCYYMMDD or YYMMDD; element
values are stripped of surrounding blanks (layout some senders pad with). Every
problem is an X12Error located by segment position in the file, position in the
set (ST = 1), segment ID and element position.
"""

import datetime
import re
from decimal import Decimal

from .errors import X12Error

# Level of the business checks (beside the acknowledgment levels TA1/AK9/AK5/AK3/AK4).
BUSINESS = "business"
# An X12 R (decimal) value: optional minus, digits with at most one decimal point.
DECIMAL_TEXT = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# The century given to a YYMMDD date (X12.6 leaves it to the parties; 2000s).
CENTURY = "20"


class SetView:
    """The segments of one TransactionSet split into elements, with their positions.

    Attributes:
        transaction: The TransactionSet (read with its segments).
        rows: ``[segment_id, element_1, ...]`` per segment, ST first.
    """

    __slots__ = ("transaction", "rows")

    def __init__(self, transaction, set_ids):
        """Splits the set; raises X12Error when it is not one of ``set_ids``."""
        self.transaction = transaction
        self.rows = []
        if transaction.set_id not in set_ids:
            raise self.error(
                0,
                f"Transaction set {transaction.set_id!r} is not a {'/'.join(set_ids)}.",
                level="AK5",
                code="6",
            )
        if not transaction.segments:
            raise X12Error(
                "The transaction set was read without its segments "
                "(use parse_interchange or iter_transaction_sets).",
                level="AK5",
                st_control=transaction.control_number,
            )
        separator = transaction.separator
        self.rows = [
            [value.strip() for value in raw.split(separator)]
            for raw in transaction.segments
        ]

    def where(self, index):
        """Returns the X12Error location keywords of segment ``index`` (ST = 0)."""
        transaction = self.transaction
        segment_id = self.rows[index][0] if index < len(self.rows) else "ST"
        return {
            "segment_position": transaction.position + index,
            "set_position": index + 1,
            "segment_id": segment_id,
            "isa_control": transaction.isa_control or None,
            "gs_control": transaction.gs_control or None,
            "st_control": transaction.control_number,
        }

    def error(self, index, message, element=None, value=None, **options):
        """Returns an X12Error located at segment ``index`` (ST = 0).

        Args:
            index: Index of the segment in the set.
            message: The sentence.
            element: Element position, or None.
            value: The bad value, or None.
            **options: level (default AK4), code, severity.
        """
        options.setdefault("level", "AK4")
        return X12Error(
            message,
            element_position=element,
            bad_value=value,
            **options,
            **self.where(index),
        )

    def value(self, index, position):
        """Returns element ``position`` of segment ``index``, or ""."""
        row = self.rows[index]
        return row[position] if position < len(row) else ""

    def required(self, index, position, name):
        """Returns a mandatory element; raises a located X12Error when it is empty."""
        value = self.value(index, position)
        if not value:
            raise self.error(index, f"{name} is missing.", position, code="1")
        return value

    def decimal(self, index, position, name, required=False):
        """Returns an R element as Decimal (None when empty and not required)."""
        value = self.value(index, position)
        if not value:
            if required:
                raise self.error(index, f"{name} is missing.", position, code="1")
            return None
        if not DECIMAL_TEXT.fullmatch(value):
            raise self.error(
                index, f"{name} is not a number: {value!r}.", position, value, code="6"
            )
        return Decimal(value)

    def implied(self, index, position, name, decimals=2, required=False):
        """Returns an Nn element (``decimals`` implied decimals) as Decimal."""
        value = self.value(index, position)
        if not value and not required:
            return None
        unsigned = value[1:] if value.startswith("-") else value
        if not unsigned.isascii() or not unsigned.isdigit():
            raise self.error(
                index,
                f"{name} is not a whole number (N{decimals}): {value!r}.",
                position,
                value,
                code="6" if value else "1",
            )
        return Decimal(value).scaleb(-decimals)

    def date(self, index, position, name, required=False):
        """Returns a DT element (CCYYMMDD or YYMMDD) as a date."""
        value = self.value(index, position)
        if not value:
            if required:
                raise self.error(index, f"{name} is missing.", position, code="1")
            return None
        parsed = parse_date(value)
        if parsed is None:
            raise self.error(
                index,
                f"{name} is not a calendar date: {value!r}.",
                position,
                value,
                code="8",
            )
        return parsed

    def find(self, segment_id, start=0, stop=None):
        """Returns the index of the first ``segment_id`` in rows[start:stop] or None."""
        rows = self.rows
        for index in range(start, len(rows) if stop is None else stop):
            if rows[index][0] == segment_id:
                return index
        return None

    def heading(self, segment_id, name):
        """Returns the index of a mandatory heading segment; raises when absent."""
        index = self.find(segment_id)
        if index is None:
            raise X12Error(
                f"The {name} segment {segment_id} is missing.",
                level="AK3",
                code="3",
                segment_id=segment_id,
                segment_position=self.transaction.position,
                set_position=1,
                st_control=self.transaction.control_number,
            )
        return index

    def location(self, index):
        """Returns (segment_position, set_position) of segment ``index``."""
        return (self.transaction.position + index, index + 1)

    def envelope(self):
        """Returns the envelope keywords of the documents (control numbers, version)."""
        transaction = self.transaction
        return {
            "control_number": transaction.control_number,
            "version": transaction.version,
        }


def parse_date(value):
    """Returns the date of a CCYYMMDD or YYMMDD text, or None when it is not one."""
    if len(value) == 6:
        value = CENTURY + value
    if len(value) != 8 or not value.isascii() or not value.isdigit():
        return None
    try:
        return datetime.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def business_error(message, rule, where=None, severity="error", **location):
    """Returns a business-check X12Error.

    Args:
        message: The sentence.
        rule: Short name of the rule broken (the error's ``code``), e.g. "ctt-count".
        where: Location keywords (``SetView.where`` or a document's), or None.
        severity: "error" (a receiver rejects it) or "warning" (lenient rule).
        **location: More location keywords (element_position ...).
    """
    keywords = dict(where or {})
    keywords.update(location)
    return X12Error(message, level=BUSINESS, code=rule, severity=severity, **keywords)


def located(document, key):
    """Returns the X12Error location keywords a parsed document recorded for ``key``.

    Documents parsed from a set keep ``locations``: key -> (segment_position,
    set_position, segment_id); built documents have none, and the location is then
    the segment ID only.
    """
    where = {"st_control": getattr(document, "control_number", "") or None}
    found = getattr(document, "locations", {}).get(key)
    if found is None:
        where["segment_id"] = key.split(":")[0]
        return where
    where["segment_position"], where["set_position"], where["segment_id"] = found
    return where
