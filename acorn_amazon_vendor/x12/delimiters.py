"""Delimiters and fields of the ISA Interchange Control Header (X12.5 / X12.6).

The ISA is the only fixed-width segment: 106 characters including its terminator. The
element separator is its fourth character, ISA16 is the component separator, the
character after ISA16 is the segment terminator, and from version 00501 on ISA11 is
the repetition separator (when it is not alphanumeric).
"""

import datetime
from dataclasses import dataclass

from .errors import X12Error

ISA_LENGTH = 106

# (element, width, TA1-05 code when invalid) for ISA01..ISA16 (X12.5 ISA segment).
ISA_FIELDS = (
    ("ISA01", 2, "010"),
    ("ISA02", 10, "011"),
    ("ISA03", 2, "012"),
    ("ISA04", 10, "013"),
    ("ISA05", 2, "005"),
    ("ISA06", 15, "006"),
    ("ISA07", 2, "007"),
    ("ISA08", 15, "008"),
    ("ISA09", 6, "014"),
    ("ISA10", 4, "015"),
    ("ISA11", 1, "016"),
    ("ISA12", 5, "017"),
    ("ISA13", 9, "018"),
    ("ISA14", 1, "019"),
    ("ISA15", 1, "020"),
    ("ISA16", 1, "027"),
)

# Offsets of the 16 element separators in a fixed-width ISA.
SEPARATOR_OFFSETS = (3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103)

# ISA01 Authorization Information Qualifier (I01).
AUTHORIZATION_QUALIFIERS = frozenset({"00", "01", "02", "03", "04", "05", "06"})
# ISA03 Security Information Qualifier (I03).
SECURITY_QUALIFIERS = frozenset({"00", "01"})
# ISA05/ISA07 Interchange ID Qualifier (I05).
ID_QUALIFIERS = frozenset(
    [f"{n:02d}" for n in (1, 2, 3, 4)]
    + [f"{n:02d}" for n in range(7, 39)]
    + ["AM", "NR", "SA", "SN", "ZZ"]
)
# ISA14 Acknowledgment Requested (I13).
ACK_REQUESTED_CODES = frozenset({"0", "1"})
# ISA15 Usage Indicator (I14): I information (5010), P production, T test.
USAGE_INDICATORS = frozenset({"P", "T"})
# ISA12 Interchange Control Version Numbers this reader validates (I11).
SUPPORTED_ISA_VERSIONS = frozenset({"00401", "00501"})
# Characters that may follow a segment terminator as layout only.
LAYOUT_WHITESPACE = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Delimiters:
    """The four X12 delimiters of one interchange.

    Attributes:
        element: Data element separator (ISA position 4).
        component: Component element separator (ISA16).
        segment: Segment terminator (the character after ISA16).
        repetition: Repetition separator (ISA11, 5010 and later), or None.
    """

    element: str = "*"
    component: str = ">"
    segment: str = "~"
    repetition: str | None = None

    def characters(self):
        """Returns the delimiters in use as one string."""
        return self.element + self.component + self.segment + (self.repetition or "")


@dataclass(frozen=True, slots=True)
class IsaInfo:
    """What the ISA segment says, before any envelope rule is checked.

    Attributes:
        delimiters: The delimiters it declares.
        elements: ["ISA", ISA01, ..., ISA16] as written (padding kept).
        length: Characters used by the ISA including its terminator.
        problems: (message, TA1 code, element position) found while reading it.
    """

    delimiters: Delimiters
    elements: tuple
    length: int
    problems: tuple


def _fatal(message, code):
    return X12Error(
        message, level="TA1", code=code, segment_position=None, segment_id="ISA"
    )


def _check_separators(text):
    """Raises X12Error when the element separator cannot be used."""
    if len(text) < 4:
        raise _fatal("The file ends inside the ISA segment.", "023")
    separator = text[3]
    if separator.isalnum() or separator in LAYOUT_WHITESPACE:
        raise _fatal(
            f"The ISA element separator {separator!r} is a letter, digit or space.",
            "026",
        )
    return separator


def _split_fixed(text, separator):
    """Returns the 16 ISA values when the ISA is fixed width, else None."""
    if len(text) < ISA_LENGTH:
        return None
    if any(text[offset] != separator for offset in SEPARATOR_OFFSETS):
        return None
    bounds = SEPARATOR_OFFSETS + (ISA_LENGTH - 1,)
    return [text[bounds[i] + 1 : bounds[i + 1]] for i in range(16)]


def _split_loose(text, separator):
    """Returns the 16 ISA values of an ISA that is not fixed width."""
    values, start = [], 4
    for _ in range(15):
        end = text.find(separator, start, start + 120)
        if end < 0 and len(text) < start + 120:
            raise _fatal("The file ends inside the ISA segment.", "023")
        if end < 0:
            raise _fatal(
                "The ISA segment does not have 16 elements; the delimiters cannot be "
                "determined.",
                "022",
            )
        values.append(text[start:end])
        start = end + 1
    if len(text) < start + 2:
        raise _fatal("The file ends inside the ISA segment.", "023")
    values.append(text[start])
    return values, start + 2


def read_isa(text):
    """Reads the ISA segment at the start of ``text``.

    Args:
        text: Text starting with "ISA" (at least 106 characters unless the file ends).

    Returns:
        IsaInfo: Delimiters, elements and the problems found in the ISA itself.

    Raises:
        X12Error: When the delimiters cannot be determined (TA1 level, fatal).
    """
    separator = _check_separators(text)
    values = _split_fixed(text, separator)
    problems = []
    length = ISA_LENGTH
    if values is None:
        values, length = _split_loose(text, separator)
        problems.extend(_width_problems(values))
    terminator = text[length - 1]
    component = values[15]
    if terminator.isalnum() or terminator in (separator, component):
        raise _fatal(f"The ISA segment terminator {terminator!r} is not usable.", "004")
    if component.isalnum() or component in (separator, " "):
        problems.append(
            (f"The component separator ISA16 {component!r} is not usable.", "027", 16)
        )
    repetition = None
    version = values[11]
    if version >= "00501" and not values[10].isalnum():
        repetition = values[10]
        if repetition in (separator, component, terminator, " "):
            problems.append(
                (f"The repetition separator ISA11 {repetition!r} clashes.", "016", 11)
            )
            repetition = None
    problems.extend(_value_problems(values))
    delimiters = Delimiters(separator, component, terminator, repetition)
    return IsaInfo(delimiters, tuple(["ISA", *values]), length, tuple(problems))


def _width_problems(values):
    problems = []
    for value, (name, width, code) in zip(values, ISA_FIELDS, strict=True):
        if len(value) != width:
            problems.append(
                (
                    f"{name} must be exactly {width} characters wide, not {len(value)} "
                    f"({value!r}); the ISA is fixed width.",
                    code,
                    int(name[3:]),
                )
            )
    return problems


def _is_date(value):
    if len(value) != 6 or not value.isascii() or not value.isdigit():
        return False
    try:
        datetime.datetime.strptime(value, "%y%m%d")
    except ValueError:
        return False
    return True


def _is_time(value):
    return (
        len(value) == 4
        and value.isascii()
        and value.isdigit()
        and value[:2] < "24"
        and value[2:] < "60"
    )


def _value_problems(values):
    """Returns (message, TA1 code, position) for ISA values outside their code lists."""
    checks = (
        (1, values[0] in AUTHORIZATION_QUALIFIERS, "010"),
        (3, values[2] in SECURITY_QUALIFIERS, "012"),
        (5, values[4] in ID_QUALIFIERS, "005"),
        (6, bool(values[5].strip()), "006"),
        (7, values[6] in ID_QUALIFIERS, "007"),
        (8, bool(values[7].strip()), "008"),
        (9, _is_date(values[8]), "014"),
        (10, _is_time(values[9]), "015"),
        (11, values[11] >= "00501" or values[10] == "U", "016"),
        (
            12,
            len(values[11]) == 5 and values[11].isascii() and values[11].isdigit(),
            "017",
        ),
        (
            13,
            len(values[12]) == 9 and values[12].isascii() and values[12].isdigit(),
            "018",
        ),
        (14, values[13] in ACK_REQUESTED_CODES, "019"),
        (15, values[14] in USAGE_INDICATORS, "020"),
    )
    problems = [
        (f"ISA{pos:02d} value {values[pos - 1]!r} is invalid.", code, pos)
        for pos, ok, code in checks
        if not ok
    ]
    version_ok = all(pos != 12 for _, _, pos in problems)
    if version_ok and values[11] not in SUPPORTED_ISA_VERSIONS:
        supported = ", ".join(sorted(SUPPORTED_ISA_VERSIONS))
        message = (
            f"Interchange version ISA12 {values[11]!r} is not supported ({supported})."
        )
        problems.append((message, "003", 12))
    return problems
