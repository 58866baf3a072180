"""Envelope rules of X12 (X12.6): GS/GE groups, ST/SE sets, the IEA trailer.

Each check is a pure function of the segment's elements and the counts kept by the
reader, returning ``(message, code, element_position)`` problems; the reader turns them
into located X12Errors at the right level (TA1, AK9 or AK5).
"""

from .grammars import SUPPORTED_VERSIONS, version_key
from .segment import element
from .syntax import value_problem

# GS01 Functional Identifier Code (element 479) -> ST01 values it may carry
# (X12 standard; Amazon usage in FACTS §2.1, RF/RG to be verified there).
FUNCTIONAL_GROUPS = {
    "PO": ("850",),
    "PR": ("855",),
    "SH": ("856",),
    "IN": ("810",),
    "RA": ("820",),
    "IB": ("846",),
    "FA": ("997", "999"),
    "PD": ("852",),
    "RF": ("753",),
    "RG": ("754",),
}
# GS07 Responsible Agency Code (element 455): X accredited X12, T TDCC.
AGENCY_CODES = frozenset({"X", "T"})


class _Field:
    """Minimal element definition for envelope values (see grammar.Element)."""

    __slots__ = ("name", "type", "min_length", "max_length", "codes", "lenient")

    def __init__(self, name, kind, low, high):
        self.name, self.type, self.min_length, self.max_length = name, kind, low, high
        self.codes, self.lenient = None, False


# GS02..GS08 data types and lengths (X12.6 GS segment).
GS_FIELDS = (
    (2, _Field("GS02", "AN", 2, 15)),
    (3, _Field("GS03", "AN", 2, 15)),
    (4, _Field("GS04", "DT", 8, 8)),
    (5, _Field("GS05", "TM", 4, 8)),
    (8, _Field("GS08", "AN", 1, 12)),
)


def is_number(value, low, high):
    """Returns True when ``value`` is ``low`` to ``high`` ASCII digits."""
    return low <= len(value) <= high and value.isascii() and value.isdigit()


def count_matches(value, count):
    """Returns True when ``value`` (leading zeros allowed) equals ``count``."""
    return is_number(value, 1, 10) and int(value) == count


def check_gs(elements, seen_controls, version_5010):
    """Checks a GS header.

    Args:
        elements: The split GS segment.
        seen_controls: GS06 values already used in this interchange.
        version_5010: True when the interchange is 00501 or later.

    Returns:
        list: (message, AK9 code or None, element position) problems.
    """
    problems = []
    functional_id = element(elements, 1)
    if functional_id not in FUNCTIONAL_GROUPS:
        problems.append(
            (f"Functional group {functional_id!r} is not supported.", "1", 1)
        )
    for position, field in GS_FIELDS:
        value = element(elements, position)
        found = value_problem(field, value, "") if value else ("1", "is missing")
        if found:
            problems.append((f"{field.name} {found[1]}: {value!r}.", None, position))
    control = element(elements, 6)
    if not is_number(control, 1, 9):
        problems.append((f"Group control number GS06 {control!r} is invalid.", "6", 6))
    elif control in seen_controls:
        code = "19" if version_5010 else None
        problems.append((f"Group control number {control} is used twice.", code, 6))
    if element(elements, 7) not in AGENCY_CODES:
        problems.append((f"GS07 {element(elements, 7)!r} is not X or T.", None, 7))
    version = element(elements, 8)
    if version and version_key(version) not in SUPPORTED_VERSIONS:
        problems.append((f"Version {version!r} (GS08) is not supported.", "2", 8))
    return problems


def _check_trailer(elements, segment, count, counted, control, header, codes):
    """Checks a trailer's count (element 01) and control number (element 02).

    Args:
        elements: The trailer's elements.
        segment: Its ID ("SE", "GE", "IEA").
        count: What it counts, with the actual number ("segments; the set has 9
            (ST to SE)").
        counted: The actual number.
        control: The control number of its header.
        header: The header element it must match ("ST02", "GS06", "ISA13").
        codes: (code for a wrong count, code for a wrong control number).

    Returns:
        list: (message, code, element position) problems.
    """
    problems = []
    said, echoed = element(elements, 1), element(elements, 2)
    if not count_matches(said, counted):
        problems.append((f"{segment}01 says {said!r} {count}.", codes[0], 1))
    if echoed != control:
        problems.append(
            (
                f"{segment}02 {echoed!r} does not match {header} {control!r}.",
                codes[1],
                2,
            )
        )
    return problems


def check_ge(elements, control, set_count):
    """Checks a GE trailer against its GS06 and the number of sets read (AK9 codes)."""
    count = f"transaction sets; the group has {set_count}"
    return _check_trailer(elements, "GE", count, set_count, control, "GS06", ("5", "4"))


def check_st(elements, functional_id, seen_controls):
    """Checks an ST header.

    Returns:
        list: (message, AK5 code, element position) problems.
    """
    problems = []
    set_id = element(elements, 1)
    allowed = FUNCTIONAL_GROUPS.get(functional_id)
    if not is_number(set_id, 3, 3):
        problems.append((f"ST01 {set_id!r} is not a transaction set ID.", "6", 1))
    elif allowed is not None and set_id not in allowed:
        problems.append(
            (
                f"Transaction set {set_id} does not belong in a {functional_id} group "
                f"(GS01 {functional_id} carries {', '.join(allowed)}).",
                "6",
                1,
            )
        )
    elif allowed is None:
        problems.append((f"Transaction set {set_id} is not supported here.", "1", 1))
    control = element(elements, 2)
    if not 4 <= len(control) <= 9 or not control.strip():
        problems.append((f"ST02 {control!r} is not a control number.", "7", 2))
    elif control in seen_controls:
        problems.append(
            (f"Control number {control} is used twice in this group.", "23", 2)
        )
    return problems


def check_se(elements, control, segment_count):
    """Checks an SE trailer against its ST02 and the segments counted (ST..SE)."""
    count = f"segments; the set has {segment_count} (ST to SE)"
    return _check_trailer(
        elements, "SE", count, segment_count, control, "ST02", ("4", "3")
    )


def check_iea(elements, control, group_count):
    """Checks an IEA trailer.

    Returns:
        list: (message, TA1 code, element position) problems.
    """
    count = f"functional groups; the interchange has {group_count}"
    return _check_trailer(
        elements, "IEA", count, group_count, control, "ISA13", ("021", "001")
    )


class InterchangeState:
    """What the reader keeps of the open interchange (ISA read, IEA not yet)."""

    __slots__ = (
        "header",
        "position",
        "groups",
        "errors",
        "controls",
        "acks",
        "delimiters",
    )

    def __init__(self, header, position, delimiters):
        self.header, self.position, self.delimiters = header, position, delimiters
        self.groups, self.errors, self.controls, self.acks = [], [], set(), []


class GroupState:
    """What the reader keeps of the open functional group.

    ``grammars`` maps each ST01 met in the group to its CompiledGrammar (or None), so
    a set looks its grammar up once per group, not once per set.
    """

    __slots__ = (
        "header",
        "position",
        "sets",
        "errors",
        "controls",
        "supported",
        "grammars",
    )

    def __init__(self, header, position, supported):
        self.header, self.position, self.supported = header, position, supported
        self.sets, self.errors, self.controls = [], [], set()
        self.grammars = {}


class SetState:
    """The open transaction set: its segments so far and its errors.

    ``set_id``, ``control`` and ``implementation`` are ST01, ST02 and ST03 ("" when
    absent).
    """

    __slots__ = (
        "elements",
        "position",
        "segments",
        "errors",
        "compiled",
        "checked",
        "set_id",
        "control",
        "implementation",
    )

    def __init__(self, elements, raw, position):
        self.elements, self.position = elements, position
        self.segments, self.errors = [raw], []
        self.compiled, self.checked = None, "envelope"
        self.set_id, self.control, self.implementation = (elements + ["", "", ""])[1:4]
