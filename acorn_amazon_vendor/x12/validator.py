"""Validation of one transaction set (ST to SE) against its compiled grammar (X12.6).

Reports, as located X12Errors, what AK3 and AK4 carry: segments out of place, missing,
or over their maximum use (AK3-04 codes 1 to 7), and element errors (AK3-04 code 8
with AK4-03 codes).
"""

from .errors import X12Error
from .grammar import find_transition
from .segment import is_segment_id
from .syntax import check_segment

# Cached transition of a segment that cannot appear where it is.
UNEXPECTED = (None, False, (), 0, ())


def _step(current, segment_id):
    """Returns the cached step for ``segment_id`` from ``current``.

    A step is (target, repeat, missing, keep, watched): the node reached, whether it
    repeats an open node, the mandatory nodes skipped, how many open levels stay open,
    and the closed levels whose node has a minimum above 1 (index, node).
    """
    found = find_transition(current, segment_id)
    if found is None:
        return UNEXPECTED
    target, repeat, missing = found
    keep = target.depth if repeat else target.depth - 1
    chain, node = [], current
    while node.parent is not None:
        chain.append(node)
        node = node.parent
    chain.reverse()
    watched = tuple(
        (index, node)
        for index, node in enumerate(chain)
        if index >= keep and node.min > 1
    )
    return target, repeat, missing, keep, watched


class SetValidator:
    """Validates the segments of one transaction set against a compiled grammar.

    Feed it every segment after ST (SE included, through :meth:`finish`); the errors
    (AK3 and AK4 levels) are appended to the list given at construction.
    """

    __slots__ = ("_compiled", "_current", "_counts", "_errors", "_where")

    def __init__(self, compiled, errors, where):
        """Starts a set.

        Args:
            compiled: The CompiledGrammar.
            errors: List the X12Errors are appended to.
            where: X12Error keyword arguments naming the set (isa/gs/st controls).
        """
        self._compiled = compiled
        self._current = compiled.root
        self._counts = []
        self._errors = errors
        self._where = where

    def feed(self, raw, segment_id, position, set_position):
        """Validates one segment (its place in the set and its elements)."""
        current = self._current
        step = current.transitions.get(segment_id)
        if step is None:
            step = _step(current, segment_id)
            if is_segment_id(segment_id):
                current.transitions[segment_id] = step
        if step is UNEXPECTED:
            self._unexpected(raw, segment_id, position, set_position, current)
            return
        target, repeat, missing, keep, watched = step
        if missing:
            self._report_missing(missing, segment_id, position, set_position)
        counts = self._counts
        if watched:
            self._check_minimum(watched, position, set_position)
        del counts[keep:]
        if repeat:
            counts[-1] += 1
            if counts[-1] == target.max + 1:
                self._over_maximum(target, position, set_position)
        else:
            counts.append(1)
        self._current = target
        record = target.record
        if record is not None and not record.passes(raw):
            self._check_elements(record, raw, position, set_position, target.loop_id)

    def finish(self, position, set_position):
        """Closes the set at its SE: reports mandatory segments never seen."""
        self.feed("SE", "SE", position, set_position)

    def _error(self, message, level, code, **location):
        self._errors.append(
            X12Error(message, level=level, code=code, **self._where, **location)
        )

    def _check_minimum(self, watched, position, set_position):
        for index, node in watched:
            count = self._counts[index]
            if count < node.min:
                kind = "loop" if node.children else "segment"
                self._error(
                    f"The {kind} {node.id} occurs {count} time(s); at least {node.min} "
                    "are required.",
                    "AK3",
                    "3",
                    segment_id=node.id,
                    segment_position=position,
                    set_position=set_position,
                    loop_id=node.loop_id,
                )

    def _over_maximum(self, target, position, set_position):
        if not target.children and target.id in self._compiled.grammar.tolerated:
            return
        kind, code = ("Loop", "4") if target.children else ("Segment", "5")
        self._error(
            f"{kind} {target.id} occurs more than its maximum of {target.max}.",
            "AK3",
            code,
            segment_id=target.id,
            segment_position=position,
            set_position=set_position,
            loop_id=target.loop_id,
        )

    def _report_missing(self, missing, segment_id, position, set_position):
        for node in missing:
            kind = "loop" if node.children else "segment"
            self._error(
                f"Mandatory {kind} {node.id} is missing (expected before "
                f"{segment_id}).",
                "AK3",
                "3",
                segment_id=node.id,
                segment_position=position,
                set_position=set_position,
                loop_id=node.loop_id,
            )

    def _unexpected(self, raw, segment_id, position, set_position, current):
        compiled = self._compiled
        if not is_segment_id(segment_id):
            code, text = "1", f"{segment_id[:20]!r} is not a segment ID."
        elif segment_id not in compiled.segment_ids:
            if compiled.grammar.unknown_segments == "ignore":
                return
            code, text = (
                "6",
                f"Segment {segment_id} is not defined in this transaction set.",
            )
        elif segment_id in compiled.grammar.tolerated:
            return
        else:
            code, text = "7", f"Segment {segment_id} is not in its proper place here."
        self._error(
            text,
            "AK3",
            code,
            segment_id=segment_id[:3],
            segment_position=position,
            set_position=set_position,
            loop_id=current.loop_id,
        )

    def _check_elements(self, record, raw, position, set_position, loop_id):
        compiled = self._compiled
        elements = raw.split(compiled.delimiters.element)
        problems = check_segment(
            elements,
            record.definitions,
            record.rules,
            compiled.delimiters,
            compiled.version_5010,
        )
        for problem in problems:
            self._error(
                problem.message,
                "AK4",
                problem.code,
                segment_id=record.id,
                segment_position=position,
                set_position=set_position,
                loop_id=loop_id,
                element_position=problem.position,
                component_position=problem.component,
                element_reference=problem.reference or None,
                bad_value=problem.bad_value[:99],
                severity=problem.severity,
            )


def validate_set(current, with_trailer, where):
    """Validates a set against its grammar: one match, else the located checks.

    Args:
        current: The reader's SetState (segments ST to SE, ``compiled`` grammar).
        with_trailer: False when the set was cut short (no SE).
        where: Returns the X12Error keyword arguments naming the set (called only
            when the set does not match its expression).
    """
    compiled = current.compiled
    segments = current.segments
    body = segments[1:-1] if with_trailer else segments[1:]
    if with_trailer and compiled.set_fast is not None:
        terminator = compiled.delimiters.segment
        text = terminator.join(body) + terminator if body else ""
        if compiled.set_fast.fullmatch(text):
            return
    validator = SetValidator(compiled, current.errors, where())
    separator = compiled.delimiters.element
    for index, raw in enumerate(body, 2):
        position = current.position + index - 1
        validator.feed(raw, raw.partition(separator)[0], position, index)
    if with_trailer:
        validator.finish(current.position + len(segments) - 1, len(segments))
