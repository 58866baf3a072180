"""Writing outbound interchanges: ISA/GS/ST envelopes around built sets (X12.5, X12.6).

Every builder (855, 856, 810, 846, and 850/820 for tests) takes an
``OutboundEnvelope`` with the control numbers the caller reserved; this module writes
the fixed-width ISA (00401 for GS08 004010, 00501 with the ``^`` repetition
separator for 005010), GS, ST/SE with the counted SE01, GE and IEA. Values that hold
a delimiter or a control character are refused with a located X12Error instead of
being written, and what was written is read back with the grammars: a builder
raises the first error our validator would report instead of returning it.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .delimiters import Delimiters
from .errors import X12Error
from .reader import Reader
from .segment import format_segment

# ISA12 per GS08 version prefix (X12.5): 004010 -> 00401, 005010 -> 00501.
ISA_VERSIONS = {"004": "00401", "005": "00501"}
# Widths of the ISA values we write (X12.5 ISA segment).
ISA_QUALIFIER_WIDTH, ISA_ID_WIDTH, ISA_CONTROL_DIGITS = 2, 15, 9
# GS02/GS03 Application Sender's/Receiver's Code lengths (X12.6 GS segment).
GS_ID_LENGTHS = (2, 15)
# Default delimiters: Amazon's guides use * ~ > and ^ from 5010 on (FACTS §2.1).
DEFAULT_DELIMITERS = Delimiters("*", ">", "~", None)
DEFAULT_DELIMITERS_5010 = Delimiters("*", ">", "~", "^")
CENT = Decimal("0.01")
# Characters an X12 value can't hold: our writing delimiters and control characters.
UNSAFE = re.compile(r"[*~>^|\x00-\x1f]+")


@dataclass(frozen=True)
class OutboundEnvelope:
    """What the caller decides for an outbound interchange (one set per builder call).

    Attributes:
        sender_qualifier: ISA05 (e.g. "ZZ").
        sender_id: ISA06 (the vendor's interchange ID).
        receiver_qualifier: ISA07.
        receiver_id: ISA08 ("AMAZON" for US retail, FACTS §2.1).
        gs_sender: GS02.
        gs_receiver: GS03.
        isa_control: ISA13/IEA02.
        gs_control: GS06/GE02.
        st_control: ST02/SE02 (written with at least four digits).
        timestamp: Written in ISA09/ISA10 and GS04/GS05.
        usage: ISA15, "T" test or "P" production.
        version: GS08, "004010" or "005010".
        ack_requested: ISA14, "0" or "1".
        delimiters: Delimiters to write with (default ``* > ~``, plus ``^`` in 5010).
        line_end: Written after each segment terminator.
    """

    sender_qualifier: str
    sender_id: str
    receiver_qualifier: str
    receiver_id: str
    gs_sender: str
    gs_receiver: str
    isa_control: int
    gs_control: int
    st_control: int
    timestamp: datetime.datetime
    usage: str = "P"
    version: str = "004010"
    ack_requested: str = "0"
    delimiters: Delimiters | None = None
    line_end: str = "\n"

    def writing_delimiters(self):
        """Returns the delimiters to write with for this envelope's version."""
        if self.delimiters is not None:
            return self.delimiters
        if self.version >= "005010":
            return DEFAULT_DELIMITERS_5010
        return DEFAULT_DELIMITERS


def _refuse(message, segment_id="ISA", position=None):
    return X12Error(
        message, level="TA1", segment_id=segment_id, element_position=position
    )


def _check_envelope(envelope):
    """Raises X12Error when the envelope cannot be written as X12."""
    if envelope.version[:3] not in ISA_VERSIONS:
        raise _refuse(f"GS08 version {envelope.version!r} is not 004010 or 005010.")
    for position, value, width in (
        (5, envelope.sender_qualifier, ISA_QUALIFIER_WIDTH),
        (6, envelope.sender_id, ISA_ID_WIDTH),
        (7, envelope.receiver_qualifier, ISA_QUALIFIER_WIDTH),
        (8, envelope.receiver_id, ISA_ID_WIDTH),
    ):
        if not value.strip() or len(value) > width:
            raise _refuse(f"ISA{position:02d} {value!r} must be 1 to {width} wide.")
    for name, value in (("GS02", envelope.gs_sender), ("GS03", envelope.gs_receiver)):
        if not GS_ID_LENGTHS[0] <= len(value) <= GS_ID_LENGTHS[1]:
            raise _refuse(f"{name} {value!r} must be 2 to 15 characters.", "GS")
    for name, value in (
        ("ISA13", envelope.isa_control),
        ("GS06", envelope.gs_control),
        ("ST02", envelope.st_control),
    ):
        if not 0 < int(value) < 10**ISA_CONTROL_DIGITS:
            raise _refuse(f"{name} {value!r} must be 1 to 999999999.", name[:-2])
    if envelope.usage not in ("P", "T") or envelope.ack_requested not in ("0", "1"):
        raise _refuse("ISA15 must be P or T and ISA14 0 or 1.")


def isa_segment(envelope, delimiters):
    """Returns the fixed-width ISA as an element list."""
    stamp = envelope.timestamp
    version = ISA_VERSIONS[envelope.version[:3]]
    standards = delimiters.repetition if version >= "00501" else "U"
    return [
        "ISA", "00", " " * 10, "00", " " * 10,
        envelope.sender_qualifier.ljust(2), envelope.sender_id.ljust(15),
        envelope.receiver_qualifier.ljust(2), envelope.receiver_id.ljust(15),
        stamp.strftime("%y%m%d"), stamp.strftime("%H%M"), standards or "U", version,
        str(envelope.isa_control).zfill(9), envelope.ack_requested, envelope.usage,
        delimiters.component,
    ]  # fmt: skip


def _check_values(segment, delimiters, set_position):
    forbidden = delimiters.characters()
    for position, value in enumerate(segment[1:], 1):
        values = value if isinstance(value, tuple) else (value,)
        for text in values:
            if any(char in forbidden or char < " " for char in str(text)):
                raise X12Error(
                    f"{segment[0]}{position:02d} holds a delimiter or control "
                    f"character: {text!r}.",
                    level="AK4",
                    code="6",
                    segment_id=segment[0],
                    set_position=set_position,
                    element_position=position,
                    bad_value=str(text),
                )


def transaction_segments(set_id, control, body):
    """Returns ST + body + SE (SE01 counts ST to SE) as element lists."""
    segments = [["ST", set_id, control], *body]
    segments.append(["SE", str(len(segments) + 1), control])
    return segments


def write_interchange(envelope, functional_id, set_id, bodies):
    """Writes one interchange with one group holding one set per body.

    Args:
        envelope: The OutboundEnvelope (the first set gets ``st_control``, each next
            set one more).
        functional_id: GS01 (PR for 855, SH 856, IN 810, IB 846, PO 850, RA 820).
        set_id: ST01.
        bodies: Per set, its segments between ST and SE as element lists.

    Returns:
        str: The interchange text, ISA to IEA.

    Raises:
        X12Error: When the envelope or a value cannot be written, or the result
            breaks its grammar (located like any validation error).
    """
    _check_envelope(envelope)
    delimiters = envelope.writing_delimiters()
    stamp = envelope.timestamp
    gs_control = str(envelope.gs_control)
    segments = [
        isa_segment(envelope, delimiters),
        ["GS", functional_id, envelope.gs_sender, envelope.gs_receiver,
         stamp.strftime("%Y%m%d"), stamp.strftime("%H%M"), gs_control, "X",
         envelope.version],
    ]  # fmt: skip
    for offset, body in enumerate(bodies):
        control = str(envelope.st_control + offset).zfill(4)
        one = transaction_segments(set_id, control, body)
        for set_position, segment in enumerate(one, 1):
            _check_values(segment, delimiters, set_position)
        segments += one
    segments.append(["GE", str(len(bodies)), gs_control])
    segments.append(["IEA", "1", str(envelope.isa_control).zfill(9)])
    end = delimiters.segment + envelope.line_end
    text = "".join(format_segment(segment, delimiters) + end for segment in segments)
    _refuse_invalid(text)
    return text


def _refuse_invalid(text):
    """Reads what was written with the grammars; raises its first rejecting error.

    A builder never hands out an interchange our validator (and so Amazon's
    syntax check) would reject: a value too long or too short for its element, a
    code outside a strict list, a missing mandatory segment.
    """
    reader = Reader(text)
    for transaction in reader:
        for error in transaction.errors:
            if error.severity == "error":
                raise error
    for error in reader.report.envelope_errors():
        if error.severity == "error":
            raise error


def decimal_text(value):
    """Writes a number as an X12 R value: no exponent, its own decimals ("" for None).

    Args:
        value: Decimal, int or str, or None (Decimal("12.50") -> "12.50").
    """
    if value is None:
        return ""
    text = format(Decimal(value), "f")
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def cents_text(amount):
    """Writes an amount as an N2 value (implied two decimals): 199.34 -> "19934"."""
    return str(int((Decimal(amount) * 100).quantize(Decimal(1), ROUND_HALF_UP)))


def date_text(value):
    """Writes a date as CCYYMMDD ("" for None)."""
    return value.strftime("%Y%m%d") if value is not None else ""


def round_cents(amount):
    """Rounds an amount half up to cents."""
    return Decimal(amount).quantize(CENT, ROUND_HALF_UP)


def to_decimal(value):
    """A float quantity or price (as Odoo stores them) as the Decimal builders take.

    Rounded to 4 decimals; whole numbers without a fraction ("12", not "12.0").
    """
    number = Decimal(str(round(value or 0.0, 4)))
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def x12_text(value, width):
    """A free text as an X12 AN value: delimiters replaced by spaces, cut to width."""
    return UNSAFE.sub(" ", value or "").strip()[:width].strip()
