"""997 Functional Acknowledgment and TA1 Interchange Acknowledgment: build and parse.

A 997 answers one inbound functional group (AK1 echoes GS01 and GS06, and GS08 in
AK103 from 005010; the 997's own GS08 is the inbound GS08). Each set gets an AK2 loop:
AK3 notes per segment (AK4 per element) and AK5 with its status; AK9 closes with the
group status and counts. A TA1 answers the interchange envelope (ISA/IEA). No 997 is
ever built for a 997 (FA group).
"""

from .delimiters import Delimiters
from .documents import ElementNote, FunctionalAck, SegmentNote, SetAck
from .reader import Reader
from .segment import element, format_segments

# AK5/AK9 error codes listed at most (AK502-AK506, AK905-AK909).
MAX_CODES = 5
# AK4 notes allowed per AK3 (997 table: AK4 max use 99).
MAX_ELEMENT_NOTES = 99


def _codes(errors):
    codes = []
    for error in errors:
        if error.code and error.code not in codes:
            codes.append(error.code)
    return codes[:MAX_CODES]


def _bad_value(value, delimiters):
    if not value or any(char in delimiters.characters() for char in value):
        return ""
    return value[:99]


def _ak3(error, set_position, code):
    loop_id = error.loop_id or ""
    return ["AK3", error.segment_id, str(set_position), loop_id, code]


def _ak4(error, delimiters):
    where = str(error.element_position)
    if error.component_position is not None:
        where = (where, str(error.component_position))
    bad_value = _bad_value(error.bad_value, delimiters)
    return ["AK4", where, error.element_reference or "", error.code, bad_value]


def _segment_notes(transaction, delimiters):
    """Returns the AK3/AK4 segments for one set's segment and element errors.

    Structure errors give their own AK3; the element errors of one segment give one
    AK3 with code 8 followed by their AK4s (at most 99); notes follow set order.
    """
    notes, by_segment = [], {}
    for error in transaction.errors:
        if error.level == "AK3":
            notes.append(
                (error.set_position, _ak3(error, error.set_position, error.code))
            )
        elif error.level == "AK4":
            by_segment.setdefault(error.set_position, []).append(error)
    for set_position, errors in by_segment.items():
        notes.append((set_position, _ak3(errors[0], set_position, "8")))
        notes += [
            (set_position, _ak4(e, delimiters)) for e in errors[:MAX_ELEMENT_NOTES]
        ]
    notes.sort(key=lambda note: note[0])
    return [segment for _, segment in notes]


def _set_loop(transaction, version_5010, delimiters):
    ak2 = ["AK2", transaction.set_id, transaction.control_number]
    if version_5010 and transaction.implementation:
        ak2.append(transaction.implementation)
    segments = [ak2, *_segment_notes(transaction, delimiters)]
    set_errors = [error for error in transaction.errors if error.level == "AK5"]
    codes = _codes(set_errors)
    if any(
        e.level in ("AK3", "AK4") and e.severity == "error" for e in transaction.errors
    ):
        codes = (codes + ["5"])[:MAX_CODES] if "5" not in codes else codes
    segments.append(["AK5", transaction.status, *codes])
    return segments


def build_997(group, control_number, delimiters=None):
    """Builds the 997 transaction set (ST to SE) acknowledging one functional group.

    Args:
        group: The GroupReport read from the inbound file (with its sets).
        control_number: ST02/SE02 of the 997, from the caller.
        delimiters: Used only to drop AK404 values that contain a delimiter.

    Returns:
        list[list]: Segments as element lists (a composite AK401 is a tuple).
    """
    delimiters = delimiters or Delimiters()
    header = group.header
    version_5010 = header.version >= "005010"
    ak1 = ["AK1", header.functional_id, header.control_number]
    if version_5010:
        ak1.append(header.version)
    segments = [["ST", "997", control_number], ak1]
    for transaction in group.sets:
        segments += _set_loop(transaction, version_5010, delimiters)
    received = len(group.sets)
    trailer = group.trailer_count or ""
    included = str(_number(trailer)) if _number(trailer) is not None else str(received)
    segments.append(
        [
            "AK9",
            group.status,
            included,
            str(received),
            str(group.accepted_count),
            *_codes(group.errors),
        ]
    )
    segments.append(["SE", str(len(segments) + 1), control_number])
    return segments


def build_ta1(interchange):
    """Builds the TA1 segment for an inbound interchange.

    Args:
        interchange: The InterchangeReport.

    Returns:
        list: ["TA1", ISA13, ISA09, ISA10, TA104 status, TA105 note code].
    """
    header = interchange.header
    errors = sorted(interchange.errors, key=lambda e: e.severity != "error")
    note = next((error.code for error in errors if error.code), "000")
    return [
        "TA1",
        header.control_number,
        header.date,
        header.time,
        interchange.status,
        note,
    ]


def _isa(envelope, header, delimiters):
    """Returns the ISA of the acknowledgment, fixed width."""
    sender = envelope.sender or (header.receiver_qualifier, header.receiver_id)
    receiver = envelope.receiver or (header.sender_qualifier, header.sender_id)
    stamp = envelope.timestamp
    version = header.version if header.version in ("00401", "00501") else "00401"
    repetition = delimiters.repetition if version >= "00501" else None
    parties = [sender[0].ljust(2)[:2], sender[1].ljust(15)[:15]]
    parties += [receiver[0].ljust(2)[:2], receiver[1].ljust(15)[:15]]
    return [
        "ISA", "00", " " * 10, "00", " " * 10, *parties,
        stamp.strftime("%y%m%d"), stamp.strftime("%H%M"), repetition or "U", version,
        str(envelope.isa_control).zfill(9)[-9:], "0",
        envelope.usage or header.usage or "P", delimiters.component,
    ]  # fmt: skip


def _fa_group(group, control, st_control, timestamp, delimiters):
    """Returns GS, the 997 and GE acknowledging one inbound group."""
    header = group.header
    gs = ["GS", "FA", header.receiver, header.sender, timestamp.strftime("%Y%m%d")]
    gs += [timestamp.strftime("%H%M"), control, "X", header.version]
    return [gs, *build_997(group, st_control, delimiters), ["GE", "1", control]]


def groups_to_acknowledge(interchange):
    """Returns the groups that get a 997: all but FA; none if the ISA is rejected."""
    if interchange.status == "R":
        return []
    return [group for group in interchange.groups if group.header.functional_id != "FA"]


def build_acknowledgment(interchange, envelope):
    """Builds the acknowledgment interchange for one inbound interchange.

    A TA1 when the envelope has errors or ISA14 asks for one; then a 997 per inbound
    group other than FA, unless the envelope is rejected.

    Args:
        interchange: The inbound InterchangeReport (read with its sets).
        envelope: AckEnvelope: control numbers, parties, time and delimiters.

    Returns:
        str | None: The interchange text, or None when there is nothing to send.
    """
    header = interchange.header
    delimiters = envelope.delimiters or header.delimiters
    groups = groups_to_acknowledge(interchange)
    with_ta1 = interchange.status != "A" or header.ack_requested == "1"
    if not groups and not with_ta1:
        return None
    segments = [_isa(envelope, header, delimiters)]
    segments += [build_ta1(interchange)] if with_ta1 else []
    for offset, group in enumerate(groups):
        control = str(int(envelope.gs_control) + offset)
        st = str(int(envelope.st_control) + offset).zfill(4)
        segments += _fa_group(group, control, st, envelope.timestamp, delimiters)
    isa_control = str(envelope.isa_control).zfill(9)[-9:]
    segments.append(["IEA", str(len(groups)), isa_control])
    return format_segments(segments, delimiters, envelope.line_end)


def _number(value):
    return (
        int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None
    )


def _element_note(elements, component):
    where = element(elements, 1).split(component)
    numbers = [_number(part) for part in where] + [None, None, None]
    return ElementNote(
        numbers[0],
        numbers[1],
        numbers[2],
        element(elements, 2),
        element(elements, 3),
        element(elements, 4),
    )


def _close_set(current, notes, elements):
    segments = tuple(
        SegmentNote(
            element(ak3, 1),
            _number(element(ak3, 2)),
            element(ak3, 3),
            element(ak3, 4),
            tuple(ak4s),
        )
        for ak3, ak4s in notes
    )
    codes = tuple(value for value in elements[2:7] if value)
    return SetAck(
        element(current, 1),
        element(current, 2),
        element(current, 3),
        element(elements, 1),
        codes,
        segments,
    )


def parse_997(transaction, component=">"):
    """Parses one 997 TransactionSet (read with its segments) into a FunctionalAck."""
    ak1, ak9, sets = [], [], []
    current, notes = None, []
    for elements in transaction.elements():
        kind = elements[0]
        if kind == "AK1":
            ak1 = elements
        elif kind == "AK2":
            current, notes = elements, []
        elif kind == "AK3":
            notes.append((elements, []))
        elif kind == "AK4" and notes:
            notes[-1][1].append(_element_note(elements, component))
        elif kind == "AK5" and current is not None:
            sets.append(_close_set(current, notes, elements))
            current, notes = None, []
        elif kind == "AK9":
            ak9 = elements
    return FunctionalAck(
        element(ak1, 1),
        element(ak1, 2),
        element(ak1, 3) or transaction.version,
        element(ak9, 1),
        _number(element(ak9, 2)),
        _number(element(ak9, 3)),
        _number(element(ak9, 4)),
        tuple(value for value in ak9[5:10] if value),
        tuple(sets),
        transaction.isa_control,
        transaction.gs_control,
        transaction.control_number,
    )


def parse_acknowledgments(source):
    """Reads every TA1 and 997 in a file.

    Args:
        source: str, bytes or file object.

    Returns:
        tuple: (acknowledgments, report): InterchangeAck and FunctionalAck objects in
        file order, and the FileReport of the file itself (its own errors).
    """
    reader = Reader(source)
    found = []
    for transaction in reader:
        if transaction.set_id == "997":
            component = reader.delimiters.component
            found.append((transaction.position, parse_997(transaction, component)))
    report = reader.report
    for interchange in report.interchanges:
        found += [(interchange.position, ack) for ack in interchange.acknowledgments]
    found.sort(key=lambda pair: pair[0])
    return tuple(ack for _, ack in found), report
