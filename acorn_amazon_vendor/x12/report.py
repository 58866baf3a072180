"""What reading a file found: interchanges (ISA/IEA), groups (GS/GE), sets (ST/SE).

Statuses follow the acknowledgment codes: a set is "A" accepted, "E" accepted with
errors noted (warnings only) or "R" rejected (AK501); a group adds "P" partially
accepted (AK901); an interchange is "A", "E" or "R" (TA104).
"""

from dataclasses import dataclass, field

from .documents import GroupHeader, InterchangeHeader
from .segment import element

# Business keys shown for a set: segment ID -> ((key, element position), ...)
# (BEG03 / BAK03 PO number, BSN02 shipment ID, BIG02 invoice number, TRN02 trace).
HEADING_IDS = {
    "BEG": (("po_number", 3),),
    "BAK": (("po_number", 3),),
    "BSN": (("shipment_id", 2),),
    "BIG": (("invoice_number", 2),),
    "TRN": (("trace_number", 2),),
}
# How far into a set the heading keys are looked for (ST is 1).
HEADING_DEPTH = 6


def _status(errors):
    if not errors:
        return "A"
    if any(error.severity == "error" for error in errors):
        return "R"
    return "E"


def heading_ids(segments, separator):
    """Returns the business keys of the first heading segment found in a set."""
    for raw in segments[1:HEADING_DEPTH]:
        keys = HEADING_IDS.get(raw.partition(separator)[0])
        if keys:
            elements = raw.split(separator)
            ids = {}
            for key, position in keys:
                ids[key] = element(elements, position)
            return ids
    return {}


# Not frozen: one is built per set in the reader's hot loop, by keyword, and a
# frozen dataclass pays an object.__setattr__ per field there (about twice the
# cost of the whole construction). Nothing writes to it after it is built; it is
# never hashed (``ids`` is a dict).
@dataclass(slots=True)
class TransactionSet:
    """One transaction set (ST to SE) with what was found in it.

    Attributes:
        set_id: ST01.
        control_number: ST02.
        implementation: ST03 (5010), or "".
        version: GS08 of its group.
        functional_id: GS01 of its group.
        position: File position of its ST segment.
        segments: Raw segment texts, ST to SE (empty when not kept).
        separator: The element separator, to split ``segments``.
        errors: X12Errors of levels AK5, AK3 and AK4.
        checked: "grammar", "envelope" (no grammar) or "unsupported" (version).
        ids: Business keys from the heading (see ``HEADING_IDS``).
        isa_control: ISA13 of its interchange.
        gs_control: GS06 of its group.
    """

    set_id: str
    control_number: str
    implementation: str
    version: str
    functional_id: str
    position: int
    segments: tuple
    separator: str
    errors: tuple
    checked: str
    ids: dict = field(default_factory=dict)
    isa_control: str = ""
    gs_control: str = ""

    @property
    def status(self):
        """AK501: "A", "E" or "R"."""
        return _status(self.errors)

    @property
    def valid(self):
        """True unless rejected."""
        return self.status != "R"

    def elements(self):
        """Returns the segments split into ``[segment_id, element_1, ...]`` lists."""
        separator = self.separator
        return [raw.split(separator) for raw in self.segments]


@dataclass(frozen=True, slots=True)
class GroupReport:
    """One functional group (GS to GE).

    Attributes:
        header: The GS segment.
        position: File position of the GS.
        sets: Its TransactionSets (segments dropped unless kept).
        errors: AK9-level X12Errors.
        trailer_count: GE01 as written, or None when the GE is missing.
        isa_control: ISA13 of its interchange.
    """

    header: GroupHeader
    position: int
    sets: tuple
    errors: tuple
    trailer_count: str | None
    isa_control: str = ""

    @property
    def accepted_count(self):
        """AK904: sets accepted, with or without errors noted."""
        return sum(1 for one in self.sets if one.status != "R")

    @property
    def status(self):
        """AK901: "A", "E", "P" or "R"."""
        own = _status(self.errors)
        if own == "R":
            return "R"
        statuses = {one.status for one in self.sets}
        if "R" in statuses:
            return "R" if statuses == {"R"} else "P"
        return "E" if own == "E" or "E" in statuses else "A"

    @property
    def valid(self):
        """True when every set and the group itself are accepted."""
        return self.status in ("A", "E")


@dataclass(frozen=True, slots=True)
class InterchangeReport:
    """One interchange (ISA to IEA).

    Attributes:
        header: The ISA segment, or None when it could not be read.
        position: File position of the ISA.
        groups: Its GroupReports.
        errors: TA1-level X12Errors.
        acknowledgments: TA1 segments it carries (InterchangeAck).
    """

    header: InterchangeHeader | None
    position: int
    groups: tuple
    errors: tuple
    acknowledgments: tuple = ()

    @property
    def status(self):
        """TA104: "A", "E" or "R"."""
        return _status(self.errors)

    @property
    def valid(self):
        """True when the envelope and every group are accepted."""
        return self.status != "R" and all(group.valid for group in self.groups)


@dataclass(frozen=True, slots=True)
class FileReport:
    """Everything found in one file.

    Attributes:
        interchanges: The InterchangeReports, in file order.
        errors: File-level X12Errors (unreadable text, no interchange, ...).
    """

    interchanges: tuple
    errors: tuple

    @property
    def valid(self):
        """True when nothing in the file is rejected."""
        if any(error.severity == "error" for error in self.errors):
            return False
        return bool(self.interchanges) and all(i.valid for i in self.interchanges)

    def sets(self):
        """Yields every TransactionSet of the file."""
        for _interchange, _group, transaction in self.located_sets():
            yield transaction

    def located_sets(self):
        """Yields every set of the file with its envelopes, in file order.

        Yields:
            tuple: (InterchangeReport, GroupReport, TransactionSet); the
            interchange's ``header`` gives ISA13 and the partner, the group's
            GS06 and version, for each set.
        """
        for interchange in self.interchanges:
            for group in interchange.groups:
                for transaction in group.sets:
                    yield interchange, group, transaction

    def envelope_errors(self):
        """Returns the errors that belong to no set (file, TA1 and AK9 levels)."""
        errors = list(self.errors)
        for interchange in self.interchanges:
            errors += interchange.errors
            for group in interchange.groups:
                errors += group.errors
        return errors
