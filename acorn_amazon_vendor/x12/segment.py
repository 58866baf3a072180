"""X12 segments as lists of element strings (X12.6 segment and element syntax).

A segment is kept as its raw text while it is read; these helpers split it into
``[segment_id, element_1, ...]`` when needed and write element lists back to text.
"""

import re

# Segment IDs: two or three upper-case letters or digits, starting with a letter.
SEGMENT_ID = re.compile(r"[A-Z][A-Z0-9]{1,2}")


def is_segment_id(text):
    """Returns True when ``text`` is a syntactically valid segment ID."""
    return SEGMENT_ID.fullmatch(text) is not None


def segment_id(raw, separator):
    """Returns the segment ID of a raw segment (the text before the first separator)."""
    end = raw.find(separator)
    return raw if end < 0 else raw[:end]


def split_segment(raw, separator):
    """Splits a raw segment into ``[segment_id, element_1, ...]``."""
    return raw.split(separator)


def element(elements, position, default=""):
    """Returns element ``position`` (1-based) of a split segment, or ``default``."""
    return elements[position] if position < len(elements) else default


def format_segment(elements, delimiters):
    """Writes one segment without terminator, dropping trailing empty elements.

    Args:
        elements: ``[segment_id, element_1, ...]``; an element may be a tuple of
            components, written with the component separator.
        delimiters: The Delimiters to write with.

    Returns:
        str: The segment text.
    """
    values = [
        delimiters.component.join(value) if isinstance(value, tuple) else str(value)
        for value in elements
    ]
    while len(values) > 1 and values[-1] == "":
        values.pop()
    return delimiters.element.join(values)


def format_segments(segments, delimiters, line_end=""):
    """Writes segments, each followed by the terminator and ``line_end``."""
    end = delimiters.segment + line_end
    return "".join(format_segment(elements, delimiters) + end for elements in segments)
