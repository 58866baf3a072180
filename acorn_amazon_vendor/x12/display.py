"""A raw X12 file shown readably: one segment per line, one set highlighted.

Pure formatting, no parsing beyond the delimiters: ``segment_lines`` splits a file
on the segment terminator its ISA declares (positions count from 1, empty pieces
skipped, as the tokenizer counts them); ``file_html`` renders the lines as escaped
HTML, marking the segments from the ST at ``set_position`` to its SE.
"""

import html

from .delimiters import ISA_LENGTH

# Longest file rendered, in segments; the rest is announced, not shown.
MAX_LINES = 5000


def segment_terminator(text):
    """The segment terminator of a file: the character after ISA16, else '~'."""
    stripped = text.lstrip()
    if stripped.startswith("ISA") and len(stripped) >= ISA_LENGTH:
        return stripped[ISA_LENGTH - 1]
    return "~"


def segment_lines(text):
    """Splits a file into its segments.

    Returns:
        list: (position, segment text) pairs, the first segment at position 1.
    """
    terminator = segment_terminator(text)
    pieces = (piece.strip("\r\n\t ") for piece in text.split(terminator))
    return list(enumerate((piece for piece in pieces if piece), start=1))


def set_span(lines, set_position):
    """The positions (first, last) of the set whose ST is at ``set_position``."""
    if not set_position:
        return (0, -1)
    separator = lines[0][1][3] if lines and lines[0][1][:3] == "ISA" else "*"
    for position, segment in lines:
        if position >= set_position and segment.startswith("SE" + separator):
            return (set_position, position)
    return (set_position, lines[-1][0] if lines else -1)


def file_html(text, set_position=0, terminator_shown=True):
    """Renders a file as HTML lines, the set at ``set_position`` highlighted.

    Args:
        text: The file's text.
        set_position: Position of the set's ST segment (0: highlight nothing).
        terminator_shown: Keep the segment terminator at each line's end.

    Returns:
        str: A ``<pre>`` block; every segment is HTML-escaped.
    """
    lines = segment_lines(text)
    first, last = set_span(lines, set_position)
    terminator = segment_terminator(text) if terminator_shown else ""
    out = []
    for position, segment in lines[:MAX_LINES]:
        mark = first <= position <= last
        css = "o_acorn_x12_set fw-bold bg-warning-subtle" if mark else ""
        css = css or ("text-muted" if first else "")
        out.append(
            f'<span class="{css}" data-position="{position}">'
            f"{html.escape(segment + terminator)}</span>"
        )
    if len(lines) > MAX_LINES:
        out.append(f"… {len(lines) - MAX_LINES} more segments")
    return '<pre class="o_acorn_x12_file">' + "\n".join(out) + "</pre>"
