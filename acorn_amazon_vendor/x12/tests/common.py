"""Builders of small interchanges and golden-file comparison for the X12 tests."""

import dataclasses
import re
from pathlib import Path

from ..delimiters import Delimiters
from ..segment import format_segment

DATA = Path(__file__).parent / "data"
STAR = Delimiters("*", ">", "~", None)
STAR_5010 = Delimiters("*", ">", "~", "^")

# Placeholders allowed in golden files, each standing for one element's pattern.
PLACEHOLDERS = {
    "{YYMMDD}": r"[0-9]{6}",
    "{CCYYMMDD}": r"[0-9]{8}",
    "{HHMM}": r"[0-9]{4}",
    "{ISA13}": r"[0-9]{9}",
    "{GS06}": r"[0-9]{1,9}",
    "{ST02}": r"[0-9]{4,9}",
}


def po_body(number, lines=2, date="20240105"):
    """Returns the segments (after ST) of a small valid 850."""
    body = [
        ["BEG", "00", "NE", number, "", "20240101"],
        ["REF", "CR", "AMZ" + number],
        ["CSH", "N"],
        ["DTM", "064", date],
        ["DTM", "063", "20240120"],
        ["N1", "ST", "", "92", "RNO1"],
    ]
    for line in range(1, lines + 1):
        body.append(
            [
                "PO1",
                str(line),
                "12",
                "EA",
                "9.99",
                "",
                "UP",
                f"0123456789{line:02d}",
                "VN",
                f"SKU-{line}",
            ]
        )
    body.append(["CTT", str(lines)])
    return body


def transaction(set_id, control, body):
    """Returns ST + body + SE as element lists."""
    segments = [["ST", set_id, control], *body]
    segments.append(["SE", str(len(segments) + 1), control])
    return segments


def group(functional_id, control, sets, version="004010"):
    """Returns GS + sets + GE as element lists."""
    segments = [
        [
            "GS",
            functional_id,
            "AMAZON",
            "VENDOR",
            "20240101",
            "1200",
            str(control),
            "X",
            version,
        ]
    ]
    for one in sets:
        segments += one
    segments.append(["GE", str(len(sets)), str(control)])
    return segments


def isa(control=1, version="00401", delimiters=STAR, usage="P", ack="0"):
    """Returns a fixed-width ISA as element list."""
    standards = delimiters.repetition if version >= "00501" else "U"
    return [
        "ISA",
        "00",
        " " * 10,
        "00",
        " " * 10,
        "ZZ",
        "AMAZON".ljust(15),
        "ZZ",
        "VENDOR".ljust(15),
        "240101",
        "1200",
        standards or "U",
        version,
        str(control).zfill(9),
        ack,
        usage,
        delimiters.component,
    ]


def interchange(
    groups, control=1, version="00401", delimiters=STAR, line_end="", usage="P", ack="0"
):
    """Returns the text of one interchange holding ``groups`` (element lists)."""
    segments = [isa(control, version, delimiters, usage, ack)]
    for one in groups:
        segments += one
    segments.append(["IEA", str(len(groups)), str(control).zfill(9)])
    end = delimiters.segment + line_end
    return "".join(format_segment(s, delimiters) + end for s in segments)


def po_interchange(count=1, lines=2, **options):
    """Returns an interchange with one PO group of ``count`` valid 850s."""
    sets = [
        transaction("850", f"{n:04d}", po_body(f"PO{n:05d}", lines))
        for n in range(1, count + 1)
    ]
    return interchange([group("PO", 1, sets)], **options)


def segments_of(text, terminator="~"):
    """Splits text into stripped, non-empty segments."""
    return [s.strip() for s in text.split(terminator) if s.strip()]


def golden_mismatches(text, name, terminator="~", separator="*"):
    """Compares ``text`` with golden file ``name``, one segment per line.

    Returns:
        list[str]: Differences, empty when every segment matches (placeholders in the
        golden file match their pattern).
    """
    expected = (DATA / name).read_text().split("\n")
    expected = [line for line in expected if line.strip()]
    actual = segments_of(text, terminator)
    problems = []
    if len(expected) != len(actual):
        problems.append(f"{len(actual)} segments, golden has {len(expected)}")
    for number, (want, got) in enumerate(zip(expected, actual, strict=False), 1):
        want_elements = want.rstrip("~").split(separator)
        got_elements = got.split(separator)
        if len(want_elements) != len(got_elements) or not all(
            re.fullmatch(PLACEHOLDERS.get(w, re.escape(w)), g)
            for w, g in zip(want_elements, got_elements, strict=True)
        ):
            problems.append(f"segment {number}: {got!r} != golden {want!r}")
    return problems


def without_positions(document):
    """Returns a parsed 850 with its PO1 positions zeroed (they compare equal)."""
    if not hasattr(document, "po_number") or not hasattr(document, "order_type"):
        return document
    lines = tuple(
        dataclasses.replace(line, segment_position=0, set_position=0)
        for line in document.lines
    )
    return dataclasses.replace(document, lines=lines)
