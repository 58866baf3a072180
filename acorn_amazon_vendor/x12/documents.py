"""Frozen dataclasses for X12 envelopes (ISA, GS) and acknowledgments (997, TA1).

Business documents (850, 855, 856, 810, 820, 846) are added here as they are mapped.
"""

import datetime
from dataclasses import dataclass, field

from .delimiters import Delimiters


@dataclass(frozen=True, slots=True)
class InterchangeHeader:
    """The ISA segment, values stripped of their fixed-width padding.

    Attributes:
        sender_qualifier: ISA05.
        sender_id: ISA06.
        receiver_qualifier: ISA07.
        receiver_id: ISA08.
        date: ISA09 (YYMMDD).
        time: ISA10 (HHMM).
        standards_id: ISA11 as written (a repetition separator from 00501 on).
        version: ISA12.
        control_number: ISA13.
        ack_requested: ISA14.
        usage: ISA15, "T" test or "P" production.
        delimiters: The delimiters the ISA declares.
    """

    sender_qualifier: str
    sender_id: str
    receiver_qualifier: str
    receiver_id: str
    date: str
    time: str
    standards_id: str
    version: str
    control_number: str
    ack_requested: str
    usage: str
    delimiters: Delimiters = field(default_factory=Delimiters)

    @classmethod
    def from_elements(cls, elements, delimiters):
        """Builds the header from ``["ISA", ISA01, ..., ISA16]``."""
        values = [value.strip() for value in elements[1:16]]
        return cls(
            *values[4:8], *values[8:10], elements[11], *values[11:15], delimiters
        )


@dataclass(frozen=True, slots=True)
class GroupHeader:
    """The GS segment.

    Attributes:
        functional_id: GS01 (e.g. "PO" for 850).
        sender: GS02 application sender's code.
        receiver: GS03 application receiver's code.
        date: GS04 (CCYYMMDD).
        time: GS05.
        control_number: GS06.
        agency: GS07 ("X").
        version: GS08 (e.g. "004010").
    """

    functional_id: str
    sender: str
    receiver: str
    date: str
    time: str
    control_number: str
    agency: str
    version: str

    @classmethod
    def from_elements(cls, elements):
        """Builds the header from ``["GS", GS01, ..., GS08]`` (missing values empty)."""
        values = list(elements[1:9]) + [""] * (9 - len(elements))
        return cls(*values[:8])


@dataclass(frozen=True, slots=True)
class AckEnvelope:
    """What the caller decides for an acknowledgment interchange.

    Attributes:
        isa_control: ISA13/IEA02.
        gs_control: GS06 of the first FA group; each next group adds 1.
        st_control: ST02 of the first 997; each next 997 adds 1.
        timestamp: datetime written in ISA09/ISA10 and GS04/GS05.
        sender: ISA05/ISA06 (qualifier, ID); None for the inbound receiver.
        receiver: ISA07/ISA08 (qualifier, ID); None for the inbound sender.
        usage: ISA15; None for the inbound one.
        delimiters: Delimiters to write with; None for the inbound ones.
        line_end: Written after each segment terminator.
    """

    isa_control: int
    gs_control: int
    st_control: int
    timestamp: datetime.datetime
    sender: tuple | None = None
    receiver: tuple | None = None
    usage: str | None = None
    delimiters: Delimiters | None = None
    line_end: str = "\n"


@dataclass(frozen=True, slots=True)
class ElementNote:
    """One AK4 Data Element Note.

    Attributes:
        position: AK401-1 element position in segment.
        component_position: AK401-2, or None.
        repetition_position: AK401-3 (5010), or None.
        reference: AK402 data element reference number, or "".
        code: AK403 data element syntax error code.
        bad_value: AK404 copy of bad data element, or "".
    """

    position: int | None
    component_position: int | None
    repetition_position: int | None
    reference: str
    code: str
    bad_value: str


@dataclass(frozen=True, slots=True)
class SegmentNote:
    """One AK3 Data Segment Note with its AK4 notes.

    Attributes:
        segment_id: AK301.
        position: AK302 segment position in the transaction set (ST = 1).
        loop_id: AK303, or "".
        code: AK304 segment syntax error code, or "".
        elements: The AK4 notes that follow it.
    """

    segment_id: str
    position: int | None
    loop_id: str
    code: str
    elements: tuple = ()


@dataclass(frozen=True, slots=True)
class SetAck:
    """One AK2 loop: the response for one transaction set.

    Attributes:
        set_id: AK201 transaction set identifier (e.g. "855").
        control_number: AK202 (the ST02 acknowledged).
        implementation: AK203 (5010), or "".
        status: AK501 "A" accepted, "E" accepted with errors, "R" rejected, ...
        codes: AK502..AK506 transaction set syntax error codes.
        segments: The AK3 notes.
    """

    set_id: str
    control_number: str
    implementation: str
    status: str
    codes: tuple = ()
    segments: tuple = ()


@dataclass(frozen=True, slots=True)
class FunctionalAck:
    """A 997 Functional Acknowledgment for one functional group.

    Attributes:
        functional_id: AK101 (GS01 of the group acknowledged).
        group_control_number: AK102 (GS06 acknowledged).
        version: AK103 (5010) or the 997's own GS08.
        status: AK901 "A", "E", "P" partially accepted, "R" rejected, ...
        included: AK902 number of transaction sets included.
        received: AK903 number of received transaction sets.
        accepted: AK904 number of accepted transaction sets.
        codes: AK905..AK909 functional group syntax error codes.
        sets: The AK2 loops.
        isa_control: ISA13 of the interchange carrying the 997.
        gs_control: GS06 of the group carrying the 997.
        st_control: ST02 of the 997.
    """

    functional_id: str
    group_control_number: str
    version: str
    status: str
    included: int | None
    received: int | None
    accepted: int | None
    codes: tuple = ()
    sets: tuple = ()
    isa_control: str = ""
    gs_control: str = ""
    st_control: str = ""


@dataclass(frozen=True, slots=True)
class InterchangeAck:
    """A TA1 Interchange Acknowledgment.

    Attributes:
        control_number: TA101 (the ISA13 acknowledged).
        date: TA102 (YYMMDD of the interchange acknowledged).
        time: TA103 (HHMM).
        status: TA104 "A" accepted, "E" accepted with errors, "R" rejected.
        note_code: TA105 interchange note code ("000" no error).
        isa_control: ISA13 of the interchange carrying the TA1.
    """

    control_number: str
    date: str
    time: str
    status: str
    note_code: str
    isa_control: str = ""
