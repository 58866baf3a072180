"""Transaction set grammars as data, and the validator that walks them (X12.6 syntax).

A grammar, like a bots grammar, is declared per (version, transaction set) as data:

* ``structure``: the segments between ST and SE, as a list of
  ``{ID: "N1", MIN: 0, MAX: 200, LEVEL: [...]}``; an entry with ``LEVEL`` is a loop
  whose first segment is ``ID``, and the loop repeats up to ``MAX`` times;
* ``records``: per segment ID, its elements in order, each an :class:`Element` or a
  :class:`Composite` (type AN, ID, DT, TM, R or N0..N9, usage M, O or X, lengths,
  code list);
* ``rules``: per segment ID, X12 syntax notes such as ``"P0304"`` or ``"R0203"``.

The validator compiles a grammar once per set of delimiters: loops become a tree whose
transitions are cached on first use, and each record becomes one regular expression
for the valid case plus the located checks of :mod:`.syntax` for the others.
"""

import functools
import re
from dataclasses import dataclass, field

from .expressions import compile_fast, segment_pattern
from .syntax import NUMERIC_TYPES, parse_rule

# Keys of a structure entry (as in bots grammars).
ID, MIN, MAX, LEVEL = "ID", "MIN", "MAX", "LEVEL"
# Element usage: M mandatory, O optional, X conditional (see the segment's rules).
USAGES = frozenset({"M", "O", "X"})
# Element data types (X12.6): B binary is read as AN.
TYPES = frozenset({"AN", "ID", "DT", "TM", "R", "B"}) | NUMERIC_TYPES
# What to do with a segment the grammar does not define at all.
UNKNOWN_SEGMENT_POLICIES = frozenset({"error", "ignore"})


@dataclass(frozen=True, slots=True)
class Element:
    """A simple data element of a segment.

    Attributes:
        name: Reference designator, e.g. "BEG03".
        usage: "M", "O" or "X".
        type: "AN", "ID", "DT", "TM", "R", "N0".."N9" or "B".
        min_length: Minimum length (digits for numbers).
        max_length: Maximum length.
        number: X12 data element number (AK4-02), e.g. "324".
        codes: Allowed values (any iterable of str), or None.
        repeat: Maximum repetitions (5010 repetition separator).
        lenient: When True, a value outside ``codes`` is only a warning.
    """

    name: str
    usage: str
    type: str
    min_length: int
    max_length: int
    number: str = ""
    codes: frozenset | None = None
    repeat: int = 1
    lenient: bool = False

    def __post_init__(self):
        if self.codes is not None and not isinstance(self.codes, frozenset):
            object.__setattr__(self, "codes", frozenset(self.codes))

    @property
    def components(self):
        """A simple element has no components."""
        return None


@dataclass(frozen=True, slots=True)
class Composite:
    """A composite data element: components separated by ISA16.

    Attributes:
        name: Reference designator, e.g. "AK401".
        usage: "M", "O" or "X".
        components: The component Elements, in order.
        number: X12 composite number, e.g. "C030".
        repeat: Maximum repetitions.
    """

    name: str
    usage: str
    components: tuple
    number: str = ""
    repeat: int = 1


@dataclass(frozen=True, eq=False)
class TransactionGrammar:
    """The grammar of one transaction set in one version.

    Attributes:
        set_id: ST01, e.g. "850".
        version: GS08 version prefix, e.g. "004010".
        structure: The segments between ST and SE (see the module docstring).
        records: Element definitions per segment ID.
        rules: Syntax notes per segment ID.
        unknown_segments: "error" (AK3 code 6) or "ignore" for lenient grammars.
        source: Where the rules come from.
        tolerated: Declared segment IDs that are read and ignored where the
            structure has no place for them, or beyond their maximum use (standard
            loops we do not map, e.g. REF and DTM under an 820 NM1 loop), instead of
            AK3 codes 7 and 5.
    """

    set_id: str
    version: str
    structure: list
    records: dict
    rules: dict = field(default_factory=dict)
    unknown_segments: str = "error"
    source: str = ""
    tolerated: frozenset = frozenset()


class _Node:
    """One structure entry, compiled; ``transitions`` caches where segment IDs lead."""

    __slots__ = (
        "id",
        "min",
        "max",
        "children",
        "parent",
        "index",
        "depth",
        "loop_id",
        "transitions",
        "record",
    )

    def __init__(self, entry, parent, index, records):
        self.id = entry[ID]
        self.min = entry.get(MIN, 0)
        self.max = entry.get(MAX, 1)
        self.parent = parent
        self.index = index
        self.depth = parent.depth + 1 if parent else 0
        self.record = records.get(self.id)
        self.transitions = {}
        level = entry.get(LEVEL)
        if level is not None and parent is not None:
            self.loop_id = self.id
        else:
            self.loop_id = parent.loop_id if parent is not None else ""
        self.children = None
        if level is not None:
            self.children = [_Node(e, self, i, records) for i, e in enumerate(level)]


class _Record:
    """A segment definition compiled for one set of delimiters.

    ``fast`` matches exactly the segments with no element error (syntax notes
    included), so ``passes(raw)`` is a single C-speed match on the hot path.
    """

    __slots__ = ("id", "definitions", "rules", "pattern", "fast")

    def __init__(self, segment_id, definitions, rules, delimiters):
        self.id = segment_id
        self.definitions = tuple(definitions)
        self.rules = tuple(parse_rule(rule) for rule in rules)
        self.pattern = segment_pattern(
            segment_id, self.definitions, self.rules, delimiters
        )
        self.fast = compile_fast(segment_id, self.definitions, self.rules, delimiters)

    def passes(self, raw):
        """Returns True when the segment has no element error."""
        return self.fast.fullmatch(raw) is not None


class CompiledGrammar:
    """A TransactionGrammar ready to validate sets written with given delimiters."""

    __slots__ = (
        "grammar",
        "delimiters",
        "root",
        "segment_ids",
        "version_5010",
        "set_fast",
    )

    def __init__(self, grammar, delimiters):
        """Compiles ``grammar``; see :func:`compile_grammar`."""
        self.grammar = grammar
        self.delimiters = delimiters
        self.version_5010 = grammar.version >= "005010"
        records = {
            sid: _Record(sid, definitions, grammar.rules.get(sid, ()), delimiters)
            for sid, definitions in grammar.records.items()
        }
        body = list(grammar.structure) + [{ID: "SE", MIN: 1, MAX: 1}]
        self.root = _Node({ID: "ST", MIN: 1, MAX: 1, LEVEL: body}, None, 0, records)
        self.root.record = None
        self.root.children[-1].record = None
        self.segment_ids = frozenset(records) | _structure_ids(grammar.structure)
        self.set_fast = _set_expression(self)


def _unknown_expression(compiled):
    """Regex of any run of segments the grammar does not declare (lenient grammars)."""
    if compiled.grammar.unknown_segments != "ignore":
        return ""
    separator = re.escape(compiled.delimiters.element)
    terminator = re.escape(compiled.delimiters.segment)
    declared = "|".join(sorted(compiled.segment_ids, key=len, reverse=True))
    return (
        f"(?:(?!(?:{declared})(?:{separator}|{terminator}))[A-Z][A-Z0-9]{{1,2}}"
        f"(?:{separator}[^{terminator}]*)?{terminator})*?"
    )


def _set_expression(compiled):
    """Compiles the regex of a valid set body (the segments between ST and SE).

    Each segment is followed by the terminator; a match means the set has no
    structure or element error, so the located checks run only when it fails.

    Returns:
        re.Pattern | None: None when a segment definition has no exact expression.
    """
    separator = re.escape(compiled.delimiters.element)
    terminator = re.escape(compiled.delimiters.segment)
    unknown = _unknown_expression(compiled)

    def node_expression(node):
        record = node.record
        if record is None:
            segment = f"{re.escape(node.id)}(?:{separator}[^{terminator}]*)?"
        elif record.pattern is None:
            return None
        else:
            segment = record.pattern
        parts = [f"{segment}{terminator}{unknown}"]
        parts += [node_expression(child) for child in node.children or ()]
        if None in parts:
            return None
        return _repeat("".join(parts), re.escape(node.id), node.min, node.max)

    parts = [unknown] + [node_expression(c) for c in compiled.root.children[:-1]]
    return None if None in parts else re.compile("".join(parts), re.DOTALL)


def _repeat(body, first, low, high):
    """Returns ``body`` repeated ``low`` to ``high`` times, cheap when it is absent.

    An optional entry is an alternation whose first branch starts with a test of its
    segment ID (``first``): the regex engine skips it on one comparison, instead of
    opening a counted repetition at every place the entry may be.
    """
    if low == high == 1:
        return f"(?:{body})"
    if low == 0 and high == 1:
        return f"(?:{body}|)"
    if low == 0:
        return f"(?:(?={first})(?:{body}){{1,{high}}}|)"
    return f"(?:{body}){{{low},{high}}}"


def _structure_ids(structure):
    ids = set()
    for entry in structure:
        ids.add(entry[ID])
        ids |= _structure_ids(entry.get(LEVEL, ()))
    return ids


@functools.lru_cache(maxsize=64)
def compile_grammar(grammar, delimiters):
    """Returns the CompiledGrammar of ``grammar`` for ``delimiters`` (cached)."""
    return CompiledGrammar(grammar, delimiters)


def _mandatory(nodes):
    return tuple(node for node in nodes if node.min > 0)


def find_transition(current, segment_id):
    """Finds where ``segment_id`` leads from ``current``.

    Returns:
        tuple | None: (target node, True when it repeats an open node, mandatory nodes
        skipped on the way), or None when the segment cannot appear here.
    """
    missing = ()
    if current.children:
        for index, child in enumerate(current.children):
            if child.id == segment_id:
                return child, False, _mandatory(current.children[:index])
        missing = _mandatory(current.children)
    node = current
    while node.parent is not None:
        level = node.parent.children
        if node.id == segment_id:
            return node, True, missing
        for index in range(node.index + 1, len(level)):
            if level[index].id == segment_id:
                return (
                    level[index],
                    False,
                    missing + _mandatory(level[node.index + 1 : index]),
                )
        missing += _mandatory(level[node.index + 1 :])
        node = node.parent
    return None


def _check_definitions(segment_id, definitions, problems):
    for definition in definitions:
        parts = definition.components if definition.components is not None else ()
        for element in (definition, *parts):
            if element.usage not in USAGES:
                problems.append(f"{segment_id}: {element.name} usage {element.usage!r}")
        for element in parts or (definition,):
            if element.type not in TYPES:
                problems.append(f"{segment_id}: {element.name} type {element.type!r}")
            if not 1 <= element.min_length <= element.max_length:
                problems.append(f"{segment_id}: {element.name} lengths")


def _check_structure(structure, grammar, problems):
    previous = None
    for entry in structure:
        sid = entry.get(ID)
        if sid not in grammar.records and grammar.unknown_segments == "error":
            problems.append(f"structure: segment {sid!r} has no record")
        if not 0 <= entry.get(MIN, 0) <= entry.get(MAX, 1) or entry.get(MAX, 1) < 1:
            problems.append(f"structure: {sid} MIN/MAX")
        if sid == previous:
            problems.append(f"structure: {sid} follows itself; merge the two entries")
        if LEVEL in entry:
            _check_structure(entry[LEVEL], grammar, problems)
        previous = sid


def check_grammar(grammar):
    """Lists the mistakes in a grammar's data (for tests of grammar modules).

    Returns:
        list[str]: One line per problem; empty when the grammar is consistent.
    """
    problems = []
    if grammar.unknown_segments not in UNKNOWN_SEGMENT_POLICIES:
        problems.append(f"unknown_segments {grammar.unknown_segments!r}")
    _check_structure(grammar.structure, grammar, problems)
    for segment_id, definitions in grammar.records.items():
        _check_definitions(segment_id, definitions, problems)
    for segment_id, rules in grammar.rules.items():
        for rule in rules:
            try:
                parse_rule(rule)
            except ValueError as error:
                problems.append(f"{segment_id}: {error}")
    return problems
