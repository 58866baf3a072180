"""The X12 reader: ISA/IEA, GS/GE and ST/SE nesting over the segment stream (X12.6).

One pass, one transaction set in memory at a time: segments inside a set go through
the hot path (append + grammar validation); envelope segments go through the checks of
:mod:`.envelope`. Every problem becomes a located X12Error, collected at its level.
"""

import dataclasses

from .documents import GroupHeader, InterchangeAck, InterchangeHeader
from .envelope import (
    GroupState,
    InterchangeState,
    SetState,
    check_ge,
    check_gs,
    check_iea,
    check_se,
    check_st,
)
from .errors import X12Error
from .grammar import compile_grammar
from .grammars import SUPPORTED_VERSIONS, get_grammar, version_key
from .report import (
    FileReport,
    GroupReport,
    InterchangeReport,
    TransactionSet,
    heading_ids,
)
from .segment import element
from .tokenizer import CHUNK_SIZE, PLAIN_EXCEPT, SegmentStream
from .validator import validate_set

# Segments handled by the envelope, never passed to a set's grammar.
ENVELOPE_IDS = frozenset({"ISA", "IEA", "GS", "GE", "ST", "SE", "TA1"})


class Reader:
    """Reads a file set by set; ``report`` holds the FileReport once iterated.

    Iterating yields each TransactionSet (with its segments) when its SE is read, or
    when it is cut short. Data problems never raise: they are collected in the report,
    and a problem that stops reading (e.g. no usable ISA) is its file-level error
    ``fatal``.
    """

    def __init__(
        self, source, keep_segments=False, keep_sets=True, chunk_size=CHUNK_SIZE
    ):
        """Prepares reading.

        Args:
            source: str, bytes or a file object (see tokenizer.iter_chunks).
            keep_segments: Keep each set's segments in the report too.
            keep_sets: Keep set summaries in the report (needed for 997s).
            chunk_size: Read size.
        """
        self._stream = SegmentStream(source, chunk_size)
        self._keep_segments, self._keep_sets = keep_segments, keep_sets
        self._interchange = self._group = self._set = None
        self._separator = "*"
        self._interchanges, self._errors, self._isa_controls = [], [], set()
        self._stray = False
        self._handlers = {
            "GS": self._on_gs,
            "ST": self._on_st,
            "SE": self._on_se,
            "GE": self._on_ge,
            "IEA": self._on_iea,
            "TA1": self._on_ta1,
        }
        self.fatal = None
        self.report = None

    def __iter__(self):
        try:
            yield from self._read()
        except X12Error as error:
            self.fatal = error
            self._errors.append(error)
        yield from self._close_interchange(self._stream.position, missing=True)
        self._errors += self._stream.warnings
        if not self._interchanges and not self._errors:
            self._errors.append(X12Error("The file holds no interchange (no ISA)."))
        self.report = FileReport(tuple(self._interchanges), tuple(self._errors))

    @property
    def delimiters(self):
        """Delimiters of the interchange being read (None before the first ISA)."""
        return self._stream.delimiters

    def _read(self):
        envelope = ENVELOPE_IDS
        stream = self._stream
        current, separator = None, self._separator
        for raw in stream:
            if raw.__class__ is list:
                # A run of segments whose ID cannot be an envelope ID.
                if current is not None:
                    current.segments += raw
                else:
                    self._outside_run(raw, stream.position)
                continue
            if current is not None and raw[0] not in PLAIN_EXCEPT:
                current.segments.append(raw)
                continue
            end = raw.find(separator)
            segment_id = raw[:end] if end >= 0 else raw
            if (
                current is not None
                and segment_id not in envelope
                and len(segment_id) < 4
            ):
                current.segments.append(raw)
                continue
            done = self._dispatch(raw, stream.position)
            if done:
                yield from done
            current, separator = self._set, self._separator

    def _outside_run(self, run, last):
        """Reports plain segments read outside any set (they yield nothing)."""
        for offset, raw in enumerate(run, last - len(run) + 1):
            self._dispatch(raw, offset)

    def _dispatch(self, raw, position):
        if position == self._stream.isa_position:
            return self._on_isa(raw, position)
        elements = raw.split(self._separator)
        if self._interchange is None:
            return self._on_outside(elements, position)
        handler = self._handlers.get(elements[0], self._on_stray)
        return handler(raw, elements, position)

    def _where(self):
        where = {}
        if self._interchange is not None and self._interchange.header is not None:
            where["isa_control"] = self._interchange.header.control_number
        if self._group is not None:
            where["gs_control"] = self._group.header.control_number
        if self._set is not None:
            where["st_control"] = self._set.control
        return where

    def _error(self, message, level, code, position, segment_id, element_position=None):
        return X12Error(
            message,
            level=level,
            code=code,
            segment_position=position,
            segment_id=segment_id,
            element_position=element_position,
            **self._where(),
        )

    def _on_isa(self, raw, position):
        done = self._close_interchange(position, missing=True)
        isa = self._stream.isa
        header = InterchangeHeader.from_elements(isa.elements, isa.delimiters)
        self._interchange = InterchangeState(header, position, isa.delimiters)
        self._separator = isa.delimiters.element
        self._stray = False
        errors = self._interchange.errors
        for message, code, element_position in isa.problems:
            errors.append(
                self._error(message, "TA1", code, position, "ISA", element_position)
            )
        if header.control_number in self._isa_controls:
            message = (
                f"Interchange control number {header.control_number} is used twice."
            )
            errors.append(self._error(message, "TA1", "025", position, "ISA", 13))
        self._isa_controls.add(header.control_number)
        return done

    def _on_gs(self, raw, elements, position):
        done = self._close_group(position, missing=True)
        interchange = self._interchange
        header = GroupHeader.from_elements(elements)
        version_5010 = interchange.header.version >= "00501"
        problems = check_gs(elements, interchange.controls, version_5010)
        supported = version_key(header.version) in SUPPORTED_VERSIONS
        self._group = GroupState(header, position, supported)
        interchange.controls.add(header.control_number)
        for message, code, element_position in problems:
            error = self._error(message, "AK9", code, position, "GS", element_position)
            self._group.errors.append(error)
        self._stray = False
        return done

    def _on_st(self, raw, elements, position):
        done = self._close_set(position, missing=True)
        self._stray = False
        self._set = current = SetState(elements, raw, position)
        group = self._group
        if group is None:
            message = "Transaction set outside a functional group (no GS)."
            self._interchange.errors.append(
                self._error(message, "TA1", "024", position, "ST")
            )
            return done
        for message, code, element_position in check_st(
            elements, group.header.functional_id, group.controls
        ):
            current.errors.append(
                self._error(message, "AK5", code, position, "ST", element_position)
            )
        group.controls.add(current.control)
        if not group.supported:
            current.checked = "unsupported"
            message = (
                f"Version {group.header.version!r} is not supported; the set was read "
                "at envelope level only."
            )
            current.errors.append(self._error(message, "AK5", "1", position, "ST"))
            return done
        compiled = self._compiled(group, current.set_id)
        if compiled is not None:
            current.compiled, current.checked = compiled, "grammar"
        return done

    def _compiled(self, group, set_id):
        """Returns the CompiledGrammar of ``set_id`` in ``group``, or None (cached)."""
        compiled = group.grammars.get(set_id, False)
        if compiled is False:
            grammar = get_grammar(group.header.version, set_id)
            delimiters = self._interchange.delimiters
            compiled = None if grammar is None else compile_grammar(grammar, delimiters)
            group.grammars[set_id] = compiled
        return compiled

    def _on_se(self, raw, elements, position):
        current = self._set
        if current is None:
            return self._on_stray(raw, elements, position)
        current.segments.append(raw)
        count = len(current.segments)
        for message, code, element_position in check_se(
            elements, current.control, count
        ):
            current.errors.append(
                self._error(message, "AK5", code, position, "SE", element_position)
            )
        return self._close_set(position, missing=False)

    def _on_ge(self, raw, elements, position):
        done = self._close_set(position, missing=True)
        group = self._group
        if group is None:
            message = "GE without a GS."
            self._interchange.errors.append(
                self._error(message, "TA1", "024", position, "GE")
            )
            return done
        problems = check_ge(elements, group.header.control_number, len(group.sets))
        for message, code, element_position in problems:
            group.errors.append(
                self._error(message, "AK9", code, position, "GE", element_position)
            )
        return done + self._close_group(
            position, missing=False, trailer=element(elements, 1)
        )

    def _on_iea(self, raw, elements, position):
        done = self._close_group(position, missing=True)
        interchange = self._interchange
        problems = check_iea(
            elements, interchange.header.control_number, len(interchange.groups)
        )
        for message, code, element_position in problems:
            error = self._error(message, "TA1", code, position, "IEA", element_position)
            interchange.errors.append(error)
        return done + self._close_interchange(position, missing=False)

    def _on_ta1(self, raw, elements, position):
        done = self._close_group(position, missing=True)
        values = [element(elements, n) for n in range(1, 6)]
        self._interchange.acks.append(
            InterchangeAck(*values, isa_control=self._interchange.header.control_number)
        )
        return done

    def _on_outside(self, elements, position):
        if not self._stray:
            self._stray = True
            message = (
                f"Segment {elements[0][:20]!r} follows the IEA of its interchange."
            )
            self._errors.append(
                X12Error(message, segment_position=position, segment_id=elements[0][:3])
            )
        return []

    def _on_stray(self, raw, elements, position):
        if not self._stray:
            self._stray = True
            segment_id = elements[0][:3]
            message = f"Segment {elements[0][:20]!r} is outside any transaction set."
            if self._group is not None:
                self._group.errors.append(
                    self._error(message, "AK9", None, position, segment_id)
                )
            else:
                error = self._error(message, "TA1", "024", position, segment_id)
                self._interchange.errors.append(error)
        return []

    def _close_set(self, position, missing):
        current = self._set
        if current is None:
            return []
        if missing:
            message = "The transaction set has no SE trailer."
            current.errors.append(self._error(message, "AK5", "2", position, "SE"))
        if current.compiled is not None:
            validate_set(current, not missing, self._where)
        group, interchange = self._group, self._interchange
        self._set = None
        if group is None:
            return []
        separator = interchange.delimiters.element
        found = TransactionSet(
            set_id=current.set_id,
            control_number=current.control,
            implementation=current.implementation,
            version=group.header.version,
            functional_id=group.header.functional_id,
            position=current.position,
            segments=tuple(current.segments),
            separator=separator,
            errors=tuple(current.errors),
            checked=current.checked,
            ids=heading_ids(current.segments, separator),
            isa_control=interchange.header.control_number,
            gs_control=group.header.control_number,
        )
        if self._keep_sets:
            kept = (
                found
                if self._keep_segments
                else dataclasses.replace(found, segments=())
            )
            group.sets.append(kept)
        return [found]

    def _close_group(self, position, missing, trailer=None):
        done = self._close_set(position, missing=True)
        group = self._group
        if group is None:
            return done
        if missing:
            message = (
                f"Functional group {group.header.control_number} has no GE trailer."
            )
            group.errors.append(self._error(message, "AK9", "3", position, "GE"))
        self._interchange.groups.append(
            GroupReport(
                header=group.header,
                position=group.position,
                sets=tuple(group.sets),
                errors=tuple(group.errors),
                trailer_count=trailer,
                isa_control=self._interchange.header.control_number,
            )
        )
        self._group = None
        return done

    def _close_interchange(self, position, missing):
        interchange = self._interchange
        if interchange is None:
            return []
        done = self._close_group(position, missing=True)
        if missing:
            message = "The interchange has no IEA trailer (premature end of file)."
            interchange.errors.append(
                self._error(message, "TA1", "023", position, "IEA")
            )
        self._interchanges.append(
            InterchangeReport(
                header=interchange.header,
                position=interchange.position,
                groups=tuple(interchange.groups),
                errors=tuple(interchange.errors),
                acknowledgments=tuple(interchange.acks),
            )
        )
        self._interchange = None
        return done
