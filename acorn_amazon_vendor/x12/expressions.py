"""Regular expressions for valid X12 segments and sets (X12.6 element syntax).

Each segment definition compiles to one expression that matches exactly the segments
with no element error (a sufficient condition: a few valid forms, such as February
29th or ".5", are left to the located checks of :mod:`.syntax`). Syntax notes are
compiled in too: the elements a note ties together form a window whose allowed
presence patterns are listed. A match implies the located checks find nothing.
"""

import itertools
import re

from .syntax import NUMERIC_TYPES, TIME_LENGTHS, rule_problem

# Widest run of elements tied by syntax notes compiled into one expression.
MAX_WINDOW = 8
# Decimals a decimal number (R) may have on the hot path (see _value_pattern).
DECIMALS_FAST = 6
_CONTROL = "\\x00-\\x1f"
_TIME_PARTS = {
    4: "(?:[01][0-9]|2[0-3])[0-5][0-9]",
    6: "(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9]",
    7: "(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]",
    8: "(?:[01][0-9]|2[0-3])[0-5][0-9][0-5][0-9][0-9]{2}",
}
# Month and day without February 29th (left to the calendar check).
_MONTH_DAY = (
    "(?:(?:0[13578]|1[02])(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)(?:0[1-9]|[12][0-9]|30)|02(?:0[1-9]|1[0-9]|2[0-8]))"
)


def _value_pattern(element, forbidden):
    """Returns the regex of one valid non-empty value of a simple element."""
    low, high = element.min_length, element.max_length
    kind = element.type
    if kind in NUMERIC_TYPES:
        return f"-?[0-9]{{{low},{high}}}"
    if kind == "R":
        # Stricter than R itself (a sufficient condition): whole numbers, or up to
        # DECIMALS_FAST decimals; other well-formed values go to the full check.
        # Written as leading digits, then decimals or more digits: no backtracking.
        decimals = min(DECIMALS_FAST, high - 1)
        if decimals < 1 or high - decimals < low:
            return f"-?[0-9]{{{low},{high}}}"
        lead = f"[0-9]{{{low},{high - decimals}}}"
        return f"-?{lead}(?:\\.[0-9]{{1,{decimals}}}|[0-9]{{0,{decimals}}})"
    if kind == "TM":
        parts = [_TIME_PARTS[n] for n in TIME_LENGTHS if low <= n <= high]
        return f"(?:{'|'.join(parts)})" if parts else "(?!)"
    if kind == "DT":
        parts = ["[0-9]{2}" + _MONTH_DAY] if low <= 6 <= high else []
        parts += ["[0-9]{4}" + _MONTH_DAY] if low <= 8 <= high else []
        return f"(?:{'|'.join(parts)})" if parts else "(?!)"
    if element.codes is not None:
        codes = sorted(
            (code for code in element.codes if low <= len(code) <= high),
            key=lambda code: (-len(code), code),
        )
        return f"(?:{'|'.join(map(re.escape, codes))})" if codes else "(?!)"
    return f"[^{_CONTROL}{forbidden}]{{{low},{high}}}"


def _optional_chain(patterns, mandatory, separator):
    """Nests patterns so that trailing optional items may be omitted."""
    tail = ""
    needed = False
    for pattern, required in zip(reversed(patterns), reversed(mandatory), strict=True):
        item = pattern if required else f"(?:{pattern})?"
        needed = needed or required
        tail = f"{separator}{item}{tail}" if needed else f"(?:{separator}{item}{tail})?"
    return tail


def _element_pattern(element, delimiters, forbidden):
    if element.components is not None:
        patterns = [_value_pattern(c, forbidden) for c in element.components]
        required = [c.usage == "M" for c in element.components]
        comp = re.escape(delimiters.component)
        chain = _optional_chain(patterns[1:], required[1:], comp)
        first = patterns[0] if required[0] else f"(?:{patterns[0]})?"
        single = first + chain
    else:
        single = _value_pattern(element, forbidden)
    if element.repeat > 1 and delimiters.repetition:
        rep = re.escape(delimiters.repetition)
        single = f"{single}(?:{rep}{single}){{0,{element.repeat - 1}}}"
    return single


def _windows(rules, size):
    """Groups element positions tied by syntax notes into disjoint ranges."""
    spans = sorted((min(p), max(p)) for _, p in rules if max(p) <= size)
    merged = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return merged


def _window_options(low, high, elements, rules):
    """Lists the presence patterns allowed in one window ({position: present})."""
    names = [""] * 100
    inside = [(kind, p) for kind, p in rules if low <= min(p) and max(p) <= high]
    options = []
    for mask in itertools.product((True, False), repeat=high - low + 1):
        present = dict(zip(range(low, high + 1), mask, strict=True))
        if any(elements[p - 1].usage == "M" and not present[p] for p in present):
            continue
        if any(rule_problem(kind, p, present.get, names) for kind, p in inside):
            continue
        options.append(present)
    return options


def _units(windows, size):
    """Splits positions 1..size into (low, high, is_window) units, in order."""
    units, position = [], 1
    for low, high in windows + [[size + 1, size + 1]]:
        units += [(single, single, False) for single in range(position, low)]
        if low <= size:
            units.append((low, high, True))
        position = high + 1
    return units


def _unit_pattern(unit, tokens, elements, rules, separator):
    """Returns the pattern of one unit that starts with a separator.

    The case where the unit starts at the end of the segment is left out: it is the
    "all absent to the end" branch of :func:`segment_pattern`.

    Returns:
        tuple: (pattern, True when every element of the unit may be absent).
    """
    low, high, window = unit
    if not window:
        if elements[low - 1].usage == "M":
            return tokens[low][0], False
        return f"(?:{tokens[low][0]}|{separator})", True
    options = [
        tuple(option.values()) for option in _window_options(low, high, elements, rules)
    ]
    # The first element absent is a separator here (not the end of the segment).
    window = [(tokens[low][0], separator)]
    window += [tokens[p] for p in range(low + 1, high + 1)]
    return _option_tree(options, window), (False,) * len(window) in options


def _option_tree(options, tokens):
    """Returns the options of a window as a prefix tree (one test per element).

    Args:
        options: Allowed presence patterns, tuples of bools.
        tokens: (present, absent) patterns of the window's elements, in order.
    """
    if not options:
        return "(?!)"
    if not tokens:
        return ""
    branches = []
    for flag in (True, False):
        rest = [option[1:] for option in options if option[0] is flag]
        if rest:
            token = tokens[0][0 if flag else 1]
            branches.append(token + _option_tree(rest, tokens[1:]))
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def segment_pattern(segment_id, elements, rules, delimiters):
    """Returns the regex source of a segment with no element error, or None.

    The expression is exact for syntax notes too: the elements a note ties together
    form a window whose allowed presence patterns are listed. It ends each segment
    at the segment terminator or the end of the text, so it also serves inside a
    whole-set expression. None when a window would be too wide to list.

    Units (single elements and windows) nest from the last one, each unit either
    present or empty after its separator, or the end of the segment when every
    element from there on may be absent: trailing absent elements cost one failed
    separator test instead of one test each.
    """
    forbidden = re.escape(delimiters.characters())
    separator = re.escape(delimiters.element)
    end = f"(?={re.escape(delimiters.segment)}|\\Z)"
    tokens = {}
    for position, element in enumerate(elements, 1):
        value = _element_pattern(element, delimiters, forbidden)
        if element.components is not None:
            value = f"(?!{separator}|{end}){value}"
        tokens[position] = (f"{separator}{value}", f"(?:{separator}|{end})")
    windows = _windows(rules, len(elements))
    if any(high - low + 1 > MAX_WINDOW for low, high in windows):
        return None
    tail, optional = end, True
    for unit in reversed(_units(windows, len(elements))):
        pattern, absent = _unit_pattern(unit, tokens, elements, rules, separator)
        optional = optional and absent
        tail = f"(?:{pattern}{tail}|{end})" if optional else pattern + tail
    return re.escape(segment_id) + tail


def compile_fast(segment_id, elements, rules, delimiters):
    """Compiles :func:`segment_pattern` (a never-matching expression when None)."""
    pattern = segment_pattern(segment_id, elements, rules, delimiters)
    return re.compile(pattern if pattern is not None else "(?!)", re.DOTALL)
