"""Streaming X12 tokenizer: text chunks to segments, interchange by interchange (ISA).

Each interchange declares its own delimiters in its ISA, so the stream reads the ISA,
splits on its segment terminator until the IEA, then looks for the next ISA. Layout
characters (CR, LF, spaces, tabs) after a terminator are dropped, empty segments are
skipped, and only one chunk plus the unfinished segment is held in memory.
"""

import codecs
import io
from typing import NamedTuple

from .delimiters import LAYOUT_WHITESPACE, read_isa
from .errors import X12Error

CHUNK_SIZE = 1 << 20
# Longest text accepted without a segment terminator (no X12 segment comes close).
MAX_SEGMENT_LENGTH = 1 << 20
# What may precede an ISA: layout, and a byte order mark at the start of a file.
BEFORE_ISA = LAYOUT_WHITESPACE + "\ufeff"
# Text read ahead before the ISA is parsed (106 characters plus room for a loose ISA).
ISA_LOOKAHEAD = 256
# First letters of the envelope segment IDs (ISA IEA GS GE ST SE TA1): a segment
# starting with another letter is plain, passed on in runs without a look.
PLAIN_EXCEPT = "GIST"


def iter_chunks(source, chunk_size=CHUNK_SIZE):
    """Yields the text of ``source`` in chunks.

    Bytes are decoded as UTF-8 with invalid bytes replaced, so any input decodes.

    Args:
        source: str, bytes, bytearray, memoryview, or a binary or text file object.
        chunk_size: Characters (or bytes) per chunk.

    Yields:
        str: The next chunk of text.

    Raises:
        X12Error: When ``source`` is none of the accepted types.
    """
    if isinstance(source, str):
        for start in range(0, len(source), chunk_size):
            yield source[start : start + chunk_size]
        return
    if isinstance(source, bytes | bytearray | memoryview):
        source = io.BytesIO(source)
    if not hasattr(source, "read"):
        raise X12Error(f"Cannot read X12 from a {type(source).__name__} object.")
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    while True:
        try:
            chunk = source.read(chunk_size)
        except UnicodeDecodeError as error:
            raise X12Error(f"The file is not readable text: {error}.") from None
        if not chunk:
            break
        yield decoder.decode(chunk) if isinstance(chunk, bytes) else chunk
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail


def _layout_after(text, layout):
    """Returns the layout written after the ISA terminator ("\\n", "\\r\\n" or "")."""
    for suffix in ("\r\n", "\n"):
        if text.startswith(suffix) and not suffix.strip(layout):
            return suffix
    return ""


class _Pieces(NamedTuple):
    """A chunk split on the segment terminator, not yet read from ``start`` on.

    Attributes:
        pieces: The split texts; the last one, the unfinished segment, is popped
            off before reading.
        start: Index of the first piece still to read.
        splitter: The text the chunk was split on (terminator, or terminator and
            its layout), to join the pieces again.
    """

    pieces: list
    start: int
    splitter: str


class _Carry(NamedTuple):
    """The split pieces of a chunk left when an interchange ends inside it.

    The fields of :class:`_Pieces`, plus ``rest``: the unfinished segment after them.
    """

    pieces: list
    start: int
    splitter: str
    rest: str

    def text(self):
        """Returns the unread text, joined again (the slow path)."""
        return self.splitter.join(self.pieces[self.start :] + [self.rest])


def _split(rest, terminator, joined):
    """Splits on the terminator plus its usual layout when all of ``rest`` has it.

    Returns:
        _Pieces: Read from 0; the last piece is the unfinished segment.
    """
    if joined != terminator:
        pieces = rest.split(joined)
        # Every terminator is followed by the layout: one count instead of two.
        if rest.count(terminator) == len(pieces) - 1:
            return _Pieces(pieces, 0, joined)
    return _Pieces(rest.split(terminator), 0, terminator)


class SegmentStream:
    """Iterates the raw segments of a file, one interchange after the other.

    Each item is a segment's text, or a list of plain segments (see :meth:`_runs`):
    segments whose first letter cannot start an envelope ID come in runs, so the hot
    path handles a list per run, not an item per segment.

    Attributes:
        isa: IsaInfo of the current interchange (set when its ISA is yielded).
        isa_position: Position of the current interchange's ISA segment.
        delimiters: Delimiters of the current interchange.
        warnings: X12Error warnings about layout (e.g. no final terminator).
        position: Position of the last segment yielded (the first ISA is 1).
    """

    __slots__ = ("_chunks", "isa", "isa_position", "delimiters", "warnings", "position")

    def __init__(self, source, chunk_size=CHUNK_SIZE):
        """Prepares the stream; nothing is read until iteration."""
        self._chunks = iter_chunks(source, chunk_size)
        self.isa = None
        self.isa_position = None
        self.delimiters = None
        self.warnings = []
        self.position = 0

    def _next_chunk(self):
        return next(self._chunks, None)

    def _start_interchange(self, buffer):
        """Reads ahead to the next ISA; returns the buffer starting there, or None."""
        buffer = buffer.lstrip(BEFORE_ISA)
        while len(buffer) < ISA_LOOKAHEAD:
            chunk = self._next_chunk()
            if chunk is None:
                break
            buffer = (buffer + chunk).lstrip(BEFORE_ISA)
        if not buffer:
            return None
        if not buffer.startswith("ISA"):
            raise X12Error(
                f"Expected an ISA segment, found {buffer[:20]!r}.",
                level="file",
                segment_position=self.position + 1,
            )
        return buffer

    def __iter__(self):
        """Yields segment texts (without terminator or layout) and plain runs."""
        buffer, carry = "", None
        while True:
            if carry is not None:
                resumed = self._resume(carry)
                if resumed is not None:
                    isa_text, pieces = resumed
                    yield isa_text
                    carry = yield from self._segments(carry.rest, pieces)
                    continue
                buffer, carry = carry.text(), None
            buffer = self._start_interchange(buffer)
            if buffer is None:
                return
            self._enter(buffer, self.position + 1)
            yield buffer[: self.isa.length - 1]
            left = yield from self._segments(buffer[self.isa.length :])
            buffer, carry = (left, None) if isinstance(left, str) else ("", left)

    def _enter(self, text, position):
        """Reads the ISA at the start of ``text`` and makes it the current one."""
        try:
            self.isa = read_isa(text)
        except X12Error as error:
            error.segment_position = position
            raise
        self.delimiters = self.isa.delimiters
        self.position += 1
        self.isa_position = self.position

    def _resume(self, carry):
        """Starts the next interchange on segments already split, when it can.

        When an interchange ends inside a chunk, the rest of the chunk is already
        split on the terminator; if the next ISA declares the same element
        separator and terminator, reading goes on from those pieces instead of
        joining and splitting the chunk again (many small interchanges per file).

        Returns:
            tuple | None: (ISA text, _Pieces after it) or None to fall back to
            reading the joined text.
        """
        pieces, start = carry.pieces, carry.start
        while start < len(pieces) and not pieces[start].strip(BEFORE_ISA):
            start += 1
        if start == len(pieces) or not pieces[start].startswith("ISA"):
            return None
        piece = pieces[start]
        after = pieces[start + 1] if start + 1 < len(pieces) else carry.rest
        try:
            info = read_isa(piece + carry.splitter + after[:ISA_LOOKAHEAD])
        except X12Error:
            return None
        old = self.delimiters
        same = (info.delimiters.segment, info.delimiters.element) == (
            old.segment,
            old.element,
        )
        if not same or info.length - 1 != len(piece) or info.problems:
            return None
        self.isa, self.delimiters = info, info.delimiters
        self.position += 1
        self.isa_position = self.position
        return piece, _Pieces(pieces, start + 1, carry.splitter)

    def _segments(self, rest, carried=None):
        """Yields segments up to the IEA (or a new ISA), see :meth:`_runs`.

        Args:
            rest: Text not split yet (after the ISA, or after ``carried``).
            carried: _Pieces already split from the chunk being read, or None.

        Returns:
            str | _Carry: The text left at the end of input, or the pieces of the
            chunk still to read when the interchange ended inside it.
        """
        terminator = self.delimiters.segment
        layout = LAYOUT_WHITESPACE.replace(terminator, "")
        ends = ("IEA" + self.delimiters.element, "ISA" + self.delimiters.element)
        special = frozenset(("", *layout, *PLAIN_EXCEPT))
        suffix = "" if carried is not None else _layout_after(rest, layout)
        joined = carried.splitter if carried is not None else terminator + suffix
        while True:
            if carried is None:
                carried = _split(rest, terminator, joined)
                rest = carried.pieces.pop()
            pieces, start, splitter = carried
            carried = None
            end = yield from self._runs(pieces, start, special, layout, ends)
            if end is not None:
                return _Carry(pieces, end, splitter, rest)
            chunk = self._next_chunk()
            if chunk is None:
                return (yield from self._final(rest.strip(layout)))
            if len(rest) > MAX_SEGMENT_LENGTH:
                raise self._no_terminator(rest, terminator)
            rest += chunk

    def _runs(self, pieces, start, special, layout, ends):
        """Yields the segments of ``pieces`` from ``start``.

        Plain segments (their first character is not in ``special``: no envelope ID,
        no layout) come as lists, one per run, in one slice; the others one by one,
        without their leading layout, empty ones skipped. ``position`` is the
        position of the last segment yielded.

        Returns:
            int | None: Where the next interchange starts in ``pieces`` (after an
            IEA, or at an ISA), or None when all pieces were read.
        """
        run = start
        for index in range(start, len(pieces)):
            if pieces[index][:1] not in special:
                continue
            if run < index:
                self.position += index - run
                yield pieces[run:index]
            run = index + 1
            piece = pieces[index].lstrip(layout)
            if not piece:
                continue
            if piece[0] == "I" and piece[:4] in ends:
                if piece[:3] == "ISA":
                    return index
                self.position += 1
                yield piece
                return index + 1
            self.position += 1
            yield piece
        if run < len(pieces):
            self.position += len(pieces) - run
            yield pieces[run:]
        return None

    def _no_terminator(self, rest, terminator):
        return X12Error(
            f"No segment terminator {terminator!r} in the last {len(rest)} characters.",
            level="file",
            segment_position=self.position + 1,
        )

    def _final(self, rest):
        """Yields a last segment written without terminator, with a warning."""
        if rest:
            self.position += 1
            self.warnings.append(
                X12Error(
                    f"The last segment has no segment terminator "
                    f"{self.delimiters.segment!r}.",
                    level="file",
                    segment_position=self.position,
                    segment_id=rest.split(self.delimiters.element, 1)[0][:3],
                    severity="warning",
                )
            )
            yield rest
        return ""
