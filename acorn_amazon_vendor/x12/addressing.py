"""Interchange addressing (X12.5 ISA05-ISA08, X12.6 GS02-GS03): sender and receiver.

A received interchange names its sender in ISA05/ISA06 and its receiver in
ISA07/ISA08; each functional group names them again in GS02 (application sender's
code) and GS03 (application receiver's code). ``find_mailbox`` picks, among the
mailboxes a company trades through, the one an interchange is addressed to;
``check_addressing`` returns the located errors of an interchange that is not
addressed to a given mailbox or not sent by the expected partner; ``refuse`` folds
those errors into the report, so the acknowledgment built from it says so:

* ISA level, a TA1 with TA104 ``R`` and TA105 (element I18): 005 invalid sender
  qualifier, 006 invalid sender ID, 007 invalid receiver qualifier, 008 invalid
  receiver ID; the groups of a rejected interchange get no 997.
* GS level, a 997 whose AK9 is ``R`` with no set accepted and whose AK5s are ``R``.
  AK905 (element 716) names the problem only where the group's version has a code
  for it: 7 invalid application sender's code and 8 invalid application receiver's
  code exist from release 005040 on; in 004010 and 005010 the element's list has no
  such code, so AK905 is left out there and the located error carries the reason.
"""

import dataclasses
from dataclasses import dataclass

from .errors import X12Error

# TA105 Interchange Note Codes (element I18) for addressing problems.
TA1_SENDER_QUALIFIER, TA1_SENDER_ID = "005", "006"
TA1_RECEIVER_QUALIFIER, TA1_RECEIVER_ID = "007", "008"
# AK905 Functional Group Syntax Error Codes (element 716) for GS02 / GS03, and the
# first release whose code list has them (absent from 004010 and 005010).
AK9_SENDER_CODE, AK9_RECEIVER_CODE = "7", "8"
AK9_ADDRESSING_SINCE = "005040"


@dataclass(frozen=True, slots=True)
class Mailbox:
    """The identifiers one side of a trading relationship receives files under.

    Attributes:
        isa: ISA qualifier and ID pairs (ISA07/ISA08 when receiving), e.g.
            ``frozenset({("ZZ", "VEND1")})``.
        gs: Application codes accepted in GS03.
    """

    isa: frozenset
    gs: frozenset

    @classmethod
    def of(cls, isa_pairs, gs_codes):
        """Builds a mailbox, dropping blank values and padding."""
        isa = frozenset(
            (qualifier.strip(), value.strip())
            for qualifier, value in isa_pairs
            if qualifier and value and value.strip()
        )
        gs = frozenset(code.strip() for code in gs_codes if code and code.strip())
        return cls(isa, gs)


def _receiver(header):
    return header.receiver_qualifier, header.receiver_id


def _gs_receivers(interchange):
    return {group.header.receiver for group in interchange.groups}


def find_mailbox(interchange, mailboxes):
    """Returns the key of the mailbox an interchange is addressed to.

    Args:
        interchange: An InterchangeReport with a header.
        mailboxes: (key, Mailbox) pairs, in order of preference.

    Returns:
        The key of the first mailbox whose ISA pair is ISA07/ISA08 and whose GS codes
        hold every GS03 of the interchange; else the first whose ISA pair matches;
        else None.
    """
    receiver = _receiver(interchange.header)
    gs_receivers = _gs_receivers(interchange)
    first = None
    for key, mailbox in mailboxes:
        if receiver not in mailbox.isa:
            continue
        if gs_receivers <= mailbox.gs:
            return key
        if first is None:
            first = key
    return first


def _isa_error(interchange, message, code, element_position):
    return X12Error(
        message,
        level="TA1",
        code=code,
        segment_position=interchange.position,
        segment_id="ISA",
        element_position=element_position,
        isa_control=interchange.header.control_number,
    )


def _party_problems(pair, expected, codes, names):
    """Returns (message, code, position) when ``pair`` is not one of ``expected``."""
    if pair in expected:
        return []
    qualifiers = {qualifier for qualifier, _ in expected}
    ids = {value for _, value in expected}
    shown = ", ".join(f"{q}/{v}" for q, v in sorted(expected)) or "none"
    if pair[1] in ids and pair[0] not in qualifiers:
        return [(f"{names[0]} {pair[0]!r} is not the qualifier of {pair[1]!r} "
                 f"(expected {shown}).", codes[0], names[2])]  # fmt: skip
    return [(f"{names[1]} {pair[1]!r} is not {names[3]} (expected {shown}).",
             codes[1], names[2] + 1)]  # fmt: skip


def _isa_errors(interchange, mailbox, sender):
    header = interchange.header
    problems = _party_problems(
        _receiver(header),
        mailbox.isa,
        (TA1_RECEIVER_QUALIFIER, TA1_RECEIVER_ID),
        ("ISA07", "ISA08", 7, "one of this account's interchange IDs"),
    )
    problems += _party_problems(
        (header.sender_qualifier, header.sender_id),
        sender.isa,
        (TA1_SENDER_QUALIFIER, TA1_SENDER_ID),
        ("ISA05", "ISA06", 5, "the trading partner's interchange ID"),
    )
    return [_isa_error(interchange, *problem) for problem in problems]


def _group_errors(interchange, group, mailbox, sender):
    header = group.header
    coded = header.version[:6] >= AK9_ADDRESSING_SINCE
    found = []
    if header.receiver not in mailbox.gs:
        found.append((3, AK9_RECEIVER_CODE, (
            f"GS03 {header.receiver!r} is not one of this account's application "
            f"codes ({', '.join(sorted(mailbox.gs)) or 'none'}).")))  # fmt: skip
    if header.sender not in sender.gs:
        found.append((2, AK9_SENDER_CODE, (
            f"GS02 {header.sender!r} is not the trading partner's application code "
            f"({', '.join(sorted(sender.gs)) or 'none'}).")))  # fmt: skip
    return [
        X12Error(
            message,
            level="AK9",
            code=code if coded else None,
            segment_position=group.position,
            segment_id="GS",
            element_position=position,
            isa_control=interchange.header.control_number,
            gs_control=header.control_number,
        )
        for position, code, message in found
    ]


def check_addressing(interchange, mailbox, sender):
    """Returns the located addressing errors of one interchange.

    Args:
        interchange: The InterchangeReport (with a header).
        mailbox: The Mailbox it should be addressed to (ISA07/ISA08, GS03).
        sender: The Mailbox of the partner it should come from (ISA05/ISA06, GS02).

    Returns:
        tuple: (ISA-level X12Errors, {group position: AK9-level X12Errors}).
    """
    isa = _isa_errors(interchange, mailbox, sender)
    groups = {}
    for group in interchange.groups:
        errors = _group_errors(interchange, group, mailbox, sender)
        if errors:
            groups[group.position] = errors
    return isa, groups


def _refuse_set(transaction, error):
    refusal = X12Error(
        f"{error.message} The group is refused, so is this set.",
        level="AK5",
        segment_position=error.segment_position,
        segment_id=error.segment_id,
        element_position=error.element_position,
        isa_control=transaction.isa_control,
        gs_control=transaction.gs_control,
        st_control=transaction.control_number,
    )
    return dataclasses.replace(transaction, errors=(refusal, *transaction.errors))


def refuse_group(group, errors):
    """Returns the group rejected with ``errors``, each of its sets rejected too."""
    sets = tuple(_refuse_set(one, errors[0]) for one in group.sets)
    return dataclasses.replace(group, errors=(*errors, *group.errors), sets=sets)


def refuse(interchange, isa_errors, group_errors):
    """Returns the interchange with the addressing errors of ``check_addressing``.

    ISA-level errors come first, so TA105 carries the addressing code.
    """
    groups = tuple(
        refuse_group(group, group_errors[group.position])
        if group.position in group_errors
        else group
        for group in interchange.groups
    )
    return dataclasses.replace(
        interchange,
        errors=(*isa_errors, *interchange.errors),
        groups=groups,
    )
