"""Element syntax of one segment: X12.6 data types, lengths, usage, codes, syntax notes.

The located checks that give the AK4-03 codes; they run only when the expressions of
:mod:`.expressions` (the hot path) do not match.
"""

import datetime
import re
from dataclasses import dataclass

# X12.6 data types: AN string, ID identifier, DT date, TM time, R decimal,
# Nn numeric with n implied decimals, B binary (treated as AN here).
NUMERIC_TYPES = frozenset(f"N{n}" for n in range(10))
# Lengths a time (TM) may have: HHMM, HHMMSS, HHMMSSd, HHMMSSdd.
TIME_LENGTHS = (4, 6, 7, 8)
# X12 syntax notes: P paired, R required (one of), E exclusion, C conditional,
# L list conditional (X12.6 section on relational conditions).
RULE_KINDS = frozenset("PRECL")
# Lengths a date (DT) may have: YYMMDD, CCYYMMDD.
DATE_LENGTHS = (6, 8)

_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


@dataclass(frozen=True, slots=True)
class Problem:
    """One element-level finding, ready to become an AK4 note.

    Attributes:
        position: Element position in the segment (1-based).
        component: Component position in a composite, or None.
        code: AK4-03 data element syntax error code.
        message: What is wrong, in words.
        bad_value: The offending value, or "".
        reference: X12 data element number, or "".
        severity: "error" or "warning".
    """

    position: int
    component: int | None
    code: str
    message: str
    bad_value: str = ""
    reference: str = ""
    severity: str = "error"


def _length_problem(element, size, value):
    if size < element.min_length:
        return ("4", f"is too short ({size} < {element.min_length})")
    if size > element.max_length:
        return ("5", f"is too long ({size} > {element.max_length})")
    return None


def _date_problem(element, value):
    if not _DIGITS.fullmatch(value):
        return ("8", "is not a date (digits CCYYMMDD or YYMMDD)")
    problem = _length_problem(element, len(value), value)
    if problem or len(value) not in DATE_LENGTHS:
        return problem or ("8", "is not a date (CCYYMMDD or YYMMDD)")
    full = value if len(value) == 8 else ("20" if value[:2] < "50" else "19") + value
    try:
        datetime.date(int(full[:4]), int(full[4:6]), int(full[6:]))
    except ValueError:
        return ("8", "is not a calendar date")
    return None


def _time_problem(element, value):
    if not _DIGITS.fullmatch(value):
        return ("9", "is not a time (digits HHMM[SS[dd]])")
    problem = _length_problem(element, len(value), value)
    if problem or len(value) not in TIME_LENGTHS:
        return problem or ("9", "is not a time (HHMM, HHMMSS, HHMMSSd or HHMMSSdd)")
    seconds = value[4:6] or "00"
    if value[:2] > "23" or value[2:4] > "59" or seconds > "59":
        return ("9", "is not a valid time of day")
    return None


def _number_problem(element, value):
    unsigned = value[1:] if value.startswith("-") else value
    if element.type == "R":
        if not _DECIMAL.fullmatch(value):
            return ("6", "is not a decimal number")
        return _length_problem(element, len(unsigned.replace(".", "")), value)
    if not _DIGITS.fullmatch(unsigned):
        return ("6", f"is not a whole number (type {element.type})")
    return _length_problem(element, len(unsigned), value)


def value_problem(element, value, forbidden):
    """Checks one non-empty simple value.

    Args:
        element: Its Element definition.
        value: The value as written.
        forbidden: Delimiter characters that may not appear in it.

    Returns:
        tuple | None: (AK4-03 code, description) or None when valid.
    """
    kind = element.type
    if kind == "DT":
        return _date_problem(element, value)
    if kind == "TM":
        return _time_problem(element, value)
    if kind == "R" or kind in NUMERIC_TYPES:
        return _number_problem(element, value)
    if any(char in forbidden or char < " " for char in value):
        return ("6", "contains a delimiter or control character")
    problem = _length_problem(element, len(value), value)
    if problem is None and element.codes is not None and value not in element.codes:
        problem = ("7", "is not one of the allowed codes")
    return problem


def _problem(element, position, component, found, value):
    code, text = found
    severity = "warning" if code == "7" and element.lenient else "error"
    return Problem(
        position,
        component,
        code,
        f"{element.name} {text}: {value[:40]!r}.",
        value,
        element.number,
        severity,
    )


def _component_problems(element, position, value, delimiters, too_many):
    parts = value.split(delimiters.component)
    components = element.components
    problems = []
    if len(parts) > len(components):
        message = (
            f"{element.name} has {len(parts)} components, at most {len(components)}."
        )
        problems.append(
            Problem(position, len(components) + 1, too_many, message, value)
        )
    forbidden = delimiters.characters()
    for index, component in enumerate(components, 1):
        part = parts[index - 1] if index <= len(parts) else ""
        if not part:
            if component.usage == "M":
                message = f"Mandatory component {component.name} is missing."
                problems.append(
                    Problem(position, index, "1", message, "", component.number)
                )
            continue
        found = value_problem(component, part, forbidden)
        if found:
            problems.append(_problem(component, position, index, found, part))
    return problems


def _single_problems(element, position, value, delimiters, version_5010):
    """Checks one element value (all its repetitions and components)."""
    values = [value]
    if element.repeat > 1 and delimiters.repetition:
        values = value.split(delimiters.repetition)
        if len(values) > element.repeat:
            message = (
                f"{element.name} repeats {len(values)} times, at most {element.repeat}."
            )
            return [Problem(position, None, "12", message, value, element.number)]
    if not any(values):
        if element.usage != "M":
            return []
        message = f"Mandatory element {element.name} is missing."
        return [Problem(position, None, "1", message, "", element.number)]
    problems = []
    forbidden = delimiters.characters()
    for item in filter(None, values):
        if element.components is not None:
            too_many = "13" if version_5010 else "3"
            problems += _component_problems(
                element, position, item, delimiters, too_many
            )
            continue
        found = value_problem(element, item, forbidden)
        if found:
            problems.append(_problem(element, position, None, found, item))
    return problems


def parse_rule(rule):
    """Parses an X12 syntax note such as "P0304" into ("P", (3, 4)).

    Raises:
        ValueError: When the note is malformed (a grammar bug, not bad input).
    """
    kind, digits = rule[:1], rule[1:]
    if (
        kind not in RULE_KINDS
        or len(digits) < 4
        or len(digits) % 2
        or not digits.isdigit()
    ):
        raise ValueError(f"malformed syntax note {rule!r}")
    return kind, tuple(int(digits[i : i + 2]) for i in range(0, len(digits), 2))


def rule_problem(kind, positions, present, names):
    listed = ", ".join(names[p] for p in positions)
    first, others = positions[0], positions[1:]
    if kind == "P" and any(map(present, positions)):
        missing = [p for p in positions if not present(p)]
        return [
            (p, "2", f"{names[p]} is required with {listed} (paired)") for p in missing
        ]
    if kind == "R" and not any(map(present, positions)):
        return [(first, "2", f"at least one of {listed} is required")]
    if kind == "E":
        used = [p for p in positions if present(p)]
        return (
            [(used[1], "10", f"only one of {listed} may be used")]
            if len(used) > 1
            else []
        )
    if kind == "C" and present(first):
        return [
            (p, "2", f"{names[p]} is required when {names[first]} is used")
            for p in others
            if not present(p)
        ]
    if kind == "L" and present(first) and not any(map(present, others)):
        return [
            (others[0], "2", f"one of {listed[len(names[first]) + 2 :]} is required")
        ]
    return []


def rule_problems(elements, rules, names):
    """Checks syntax notes on a split segment.

    Args:
        elements: ``[segment_id, element_1, ...]``.
        rules: Parsed notes, e.g. (("P", (3, 4)),).
        names: Element names by position (index 0 unused).

    Returns:
        list[Problem]: One problem per element the notes find missing or extra.
    """

    def present(position):
        return position < len(elements) and elements[position] != ""

    problems = []
    for kind, positions in rules:
        for position, code, text in rule_problem(kind, positions, present, names):
            value = elements[position] if present(position) else ""
            message = text[0].upper() + text[1:] + "."
            problems.append(Problem(position, None, code, message, value))
    return problems


def check_segment(elements, definitions, rules, delimiters, version_5010):
    """Finds every element-level problem of one split segment.

    Args:
        elements: ``[segment_id, element_1, ...]``.
        definitions: The Element/Composite definitions, in order.
        rules: Parsed syntax notes.
        delimiters: The interchange's Delimiters.
        version_5010: True for 5010 codes (12 and 13).

    Returns:
        list[Problem]: Empty when the segment is valid.
    """
    problems = []
    count, size = len(elements) - 1, len(definitions)
    if count > size:
        message = f"{elements[0]} has {count} elements, at most {size}."
        problems.append(Problem(size + 1, None, "3", message, elements[size + 1][:99]))
    for position, definition in enumerate(definitions, 1):
        value = elements[position] if position <= count else ""
        problems += _single_problems(
            definition, position, value, delimiters, version_5010
        )
    if rules:
        names = [elements[0]] + [d.name for d in definitions]
        names += [f"{elements[0]}{n:02d}" for n in range(len(names), 100)]
        problems += rule_problems(elements, rules, names)
    return problems
