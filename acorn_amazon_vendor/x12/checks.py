"""Business checks shared by the documents: CTT Transaction Totals (X12 004010/005010).

CTT01 counts the lines (PO1, IT1, LIN, or HL on the 856) and CTT02 is a hash total of
their quantities. X12 defines the hash total as the sum of the values "without regard
to decimal points or signs", truncated on the left to its maximum length (10 digits);
most senders write the plain sum. A written hash total is accepted when it equals
either; we write the plain sum (the digit sum when the plain sum is too long).
"""

from decimal import Decimal

from .inbound import business_error, located
from .outbound import decimal_text

# CTT02 Hash Total (element 347): R, at most 10 digits.
HASH_DIGITS = 10


def _digit_sum(values):
    total = 0
    for value in values:
        digits = format(abs(Decimal(value)), "f").replace(".", "")
        total += int(digits or "0")
    return total % 10**HASH_DIGITS


def hash_text(values):
    """Returns the CTT02 to write for ``values`` (the plain sum, if it fits)."""
    plain = decimal_text(sum((Decimal(v) for v in values), Decimal(0)))
    if len(plain.lstrip("-").replace(".", "")) <= HASH_DIGITS:
        return plain
    return str(_digit_sum(values))


def hash_matches(written, values):
    """Returns True when CTT02 ``written`` is the plain or X12 hash of ``values``."""
    values = [Decimal(value) for value in values]
    plain = sum(values, Decimal(0))
    return written in (plain, abs(plain), Decimal(_digit_sum(values)))


def check_ctt(document, counted, quantities, what, counts=None):
    """Checks CTT01 and CTT02 of a parsed or built document.

    Args:
        document: Has ``line_count``, ``hash_total`` and (parsed) ``locations``.
        counted: The number of lines CTT01 must equal.
        quantities: The quantities CTT02 sums.
        what: Name of the lines counted, for the message (e.g. "PO1 segments").
        counts: Other CTT01 values also accepted (e.g. the 856 item count).

    Returns:
        list[X12Error]: Located at the CTT ("ctt-count", "ctt-hash").
    """
    problems, where = [], located(document, "CTT")
    if document.line_count not in {None, counted, *(counts or ())}:
        problems.append(
            business_error(
                f"CTT01 says {document.line_count} line(s); the set has {counted} "
                f"{what}.",
                "ctt-count",
                where,
                element_position=1,
                bad_value=str(document.line_count),
            )
        )
    if document.hash_total is not None and not hash_matches(
        document.hash_total, quantities
    ):
        problems.append(
            business_error(
                f"CTT02 hash total {decimal_text(document.hash_total)} is not the sum "
                f"of the quantities ({hash_text(quantities)}).",
                "ctt-hash",
                where,
                element_position=2,
                bad_value=decimal_text(document.hash_total),
            )
        )
    return problems
