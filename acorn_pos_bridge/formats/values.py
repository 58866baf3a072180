"""Cell values as exports write them: numbers with a decimal comma, dates, flags.

Each parser takes what a reader gives (text from CSV or JSON, native numbers,
dates and booleans from XLSX or JSON) and returns a plain value, or raises
``ValueError`` with a message fit to show the sender.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

# Characters exports put around amounts that carry no value: currency signs and
# spaces (including the no-break and narrow no-break spaces of French exports).
NOISE = str.maketrans("", "", "$€£¥ \u00a0\u202f")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# Text that means "yes" in a flag column, whatever the POS.
TRUE_WORDS = frozenset({"1", "true", "yes", "y", "x", "t", "oui", "ja", "si"})
ISO_FORMATS = ("%Y-%m-%d", "%Y%m%d")


def _is_number(value):
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def parse_number(value, decimal="."):
    """Reads a quantity or an amount.

    Args:
        value: text (``"1.234,50"``, ``"$1,234.50"``, ``"(3.00)"``) or a number.
        decimal: the decimal separator of text values, ``"."`` or ``","``; empty
            for strict JSON-style text (a point, no grouping).

    Returns:
        A ``Decimal``.

    Raises:
        ValueError: the value is empty or not a number.
    """
    if _is_number(value):
        return Decimal(str(value))
    text = str(value or "").translate(NOISE)
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()")
    if decimal:
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace("'", "").replace(decimal, ".")
    text = text.removeprefix("+")
    if not NUMBER.match(text):
        raise ValueError(f"not a number: {value!r}")
    try:
        number = Decimal(text)
    except InvalidOperation as error:  # pragma: no cover - the regex already checked
        raise ValueError(f"not a number: {value!r}") from error
    return -number if negative else number


def _separator_evidence(text):
    """Returns the decimal separator one text proves, or None when ambiguous."""
    marks = [(i, c) for i, c in enumerate(text) if c in ".,"]
    if not marks:
        return None
    position, last = marks[-1]
    if any(c != last for _i, c in marks[:-1]):
        return last  # "1.234,5" or "1,234.5": the last mark is the decimal one
    digits_after = len(text) - position - 1
    if len(marks) > 1:
        return "," if last == "." else "."  # "1.234.567": thousands only
    return last if digits_after != 3 else None  # "1,5" proves; "1,234" does not


def sniff_decimal(values, delimiter=","):
    """Guesses the decimal separator of a file from its number cells.

    Args:
        values: the text cells of the file's number columns.
        delimiter: the CSV delimiter; ``;`` files come from decimal-comma locales.

    Returns:
        ``","`` or ``"."``.
    """
    for value in values:
        if isinstance(value, str):
            found = _separator_evidence(value.translate(NOISE).strip("()"))
            if found:
                return found
    return "," if delimiter == ";" else "."


def parse_date(value, formats=()):
    """Reads a day; a time part is ignored (exports write the store's local time).

    Args:
        value: a ``date``/``datetime`` or text in ISO 8601 or one of ``formats``.
        formats: extra ``strptime`` formats to try, e.g. ``("%d/%m/%Y",)``.

    Returns:
        A ``datetime.date``.

    Raises:
        ValueError: the value matches no known format.
    """
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    for fmt in (*formats, *ISO_FORMATS):
        for candidate in (text, text.split(" ")[0], text.split("T")[0]):
            try:
                return datetime.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return _parse_iso_date(text, value)


def _parse_iso_date(text, value):
    """ISO 8601 with a time and offset, as JSON senders write timestamps."""
    try:
        return datetime.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"not a date: {value!r}") from None


def parse_flag(value, true_words=()):
    """Reads a yes/no column: empty means no.

    Args:
        value: a bool, a number (non-zero is yes) or text.
        true_words: further lower-case words that mean yes (``"void"``, ``"T"``).

    Returns:
        A bool.
    """
    if isinstance(value, bool):
        return value
    if _is_number(value):
        return value != 0
    text = str(value or "").strip().lower()
    return text in TRUE_WORDS or text in {word.lower() for word in true_words}


def parse_text(value):
    """Reads an identifier: integral numbers lose a spreadsheet's ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None:
        return ""
    return str(value).strip()
