"""The ``acorn-edi`` command: check and acknowledge X12 files without a database.

Sub-commands live in ``COMMANDS`` (name -> (add_arguments, run, help)); each ``run``
takes the parsed arguments and returns the exit code. ``validate`` exits 0 when every
file is valid and 1 otherwise; ``ack`` prints the 997s and TA1s for a file; ``show``
prints the documents of each set (one line per PO1, IT1, RMR, LIN or item HL) with
their business checks.
"""

import argparse
import datetime
import json
import sys

from . import validate_file
from .ack import build_acknowledgment, groups_to_acknowledge
from .documents import AckEnvelope
from .errors import X12Error
from .show import check_document, document_dict

# Exit codes: 0 all valid / acknowledged as accepted, 1 anything rejected or unreadable.
EXIT_OK, EXIT_INVALID = 0, 1
# How a set status reads in the human output (AK501 codes).
STATUS_WORDS = {"A": "accepted", "E": "accepted with errors noted", "R": "REJECTED"}
# How far a set was checked (TransactionSet.checked), when not by its grammar.
CHECKED_WORDS = {
    "envelope": "no grammar, envelope checks only",
    "unsupported": "version not supported, envelope read only",
}


def _say(out, text):
    """Writes one line of output."""
    out.write(f"{text}\n")


def _read(path, keep_segments=False):
    """Returns the FileReport of a file, or an X12Error when it cannot be opened."""
    try:
        with open(path, "rb") as handle:
            return validate_file(handle, keep_segments=keep_segments)
    except OSError as error:
        return X12Error(f"Cannot read {path}: {error.strerror or error}.")


def _error_dict(error):
    return error.to_dict()


def _set_dict(transaction):
    return {
        "type": transaction.set_id,
        "version": transaction.version,
        "control_number": transaction.control_number,
        "valid": transaction.valid,
        "status": transaction.status,
        "checked": transaction.checked,
        "errors": [_error_dict(error) for error in transaction.errors],
        "ids": transaction.ids,
        "isa_control": transaction.isa_control,
        "gs_control": transaction.gs_control,
    }


def file_dict(path, report):
    """Returns the ``validate --json`` object for one file."""
    if isinstance(report, X12Error):
        return {"file": path, "valid": False, "errors": [report.to_dict()], "sets": []}
    return {
        "file": path,
        "valid": report.valid,
        "errors": [_error_dict(error) for error in report.envelope_errors()],
        "sets": [_set_dict(transaction) for transaction in report.sets()],
    }


def _print_human(path, report, out):
    if isinstance(report, X12Error):
        _say(out, f"{path}: INVALID\n  {report.message}")
        return
    sets = list(report.sets())
    groups = sum(len(i.groups) for i in report.interchanges)
    word = "valid" if report.valid else "INVALID"
    _say(
        out,
        f"{path}: {word} ({len(report.interchanges)} interchange(s), "
        f"{groups} group(s), "
        f"{len(sets)} set(s))",
    )
    for error in report.envelope_errors():
        _say(out, f"  {error.level} {error.code or '-'} {error}")
    for transaction in sets:
        if not transaction.errors and transaction.checked == "grammar":
            continue
        ids = ", ".join(f"{key}={value}" for key, value in transaction.ids.items())
        checked = CHECKED_WORDS.get(transaction.checked)
        checked = f" ({checked})" if checked else ""
        _say(
            out,
            f"  set {transaction.set_id} {transaction.control_number}"
            f"{f' ({ids})' if ids else ''}: "
            f"{STATUS_WORDS[transaction.status]}{checked}",
        )
        for error in transaction.errors:
            _say(out, f"    {error.level} {error.code or '-'} {error}")


def _add_validate(parser):
    parser.add_argument("files", nargs="+", metavar="FILE", help="X12 files to check")
    parser.add_argument("--json", action="store_true", help="one JSON object per file")


def _run_validate(args, out):
    valid = True
    for path in args.files:
        report = _read(path)
        valid = valid and not isinstance(report, X12Error) and report.valid
        if args.json:
            _say(out, json.dumps(file_dict(path, report), sort_keys=True))
        else:
            _print_human(path, report, out)
    return EXIT_OK if valid else EXIT_INVALID


def _party(text):
    qualifier, _, identifier = text.partition(":")
    if not identifier:
        raise argparse.ArgumentTypeError("expected QUALIFIER:ID, e.g. ZZ:VENDOR")
    return qualifier, identifier


def _add_ack(parser):
    parser.add_argument("file", metavar="FILE", help="inbound X12 file")
    parser.add_argument("--isa-control", type=int, default=1, help="first ISA13")
    parser.add_argument("--gs-control", type=int, default=1, help="first GS06")
    parser.add_argument("--st-control", type=int, default=1, help="first 997 ST02")
    parser.add_argument("--sender", type=_party, help="ISA05:ISA06 of the ack")
    parser.add_argument("--receiver", type=_party, help="ISA07:ISA08 of the ack")
    parser.add_argument(
        "--timestamp",
        type=datetime.datetime.fromisoformat,
        help="date and time to write (ISO 8601); default now",
    )


def _run_ack(args, out):
    report = _read(args.file)
    if isinstance(report, X12Error):
        _say(sys.stderr, f"{args.file}: {report.message}")
        return EXIT_INVALID
    for error in report.errors:
        _say(sys.stderr, f"{args.file}: {error}")
    isa, gs, st = args.isa_control, args.gs_control, args.st_control
    stamp = args.timestamp or datetime.datetime.now()
    for interchange in report.interchanges:
        envelope = AckEnvelope(isa, gs, st, stamp, args.sender, args.receiver)
        text = build_acknowledgment(interchange, envelope)
        if text is None:
            continue
        out.write(text)
        acked = len(groups_to_acknowledge(interchange))
        isa, gs, st = isa + 1, gs + acked, st + acked
    return EXIT_OK if report.valid else EXIT_INVALID


def _add_show(parser):
    parser.add_argument("files", nargs="+", metavar="FILE", help="X12 files to show")
    parser.add_argument("--json", action="store_true", help="one JSON object per file")


def _show_sets(report):
    """Yields (transaction, document, problems) for every set of a report."""
    for interchange in report.interchanges:
        header = interchange.header
        component = header.delimiters.component if header is not None else ">"
        for group in interchange.groups:
            for transaction in group.sets:
                yield transaction, *check_document(transaction, component)


def _show_human(path, found, out):
    _say(out, f"{path}:")
    for transaction, shown in found:
        ids = ", ".join(f"{key}={value}" for key, value in transaction.ids.items())
        word = "valid" if shown["valid"] else "INVALID"
        if shown["best_effort"]:
            word += " (best effort: its line segments as read)"
        _say(out, f"  {transaction.set_id} {transaction.control_number} {ids} {word}")
        for line in shown["lines"]:
            _say(out, "    " + json.dumps(line, sort_keys=True))
        for problem in shown["problems"]:
            where = problem["segment_id"] or ""
            rule = problem["code"] or "-"
            _say(out, f"    {problem['severity']} {rule} {where}: {problem['message']}")


def _run_show(args, out):
    valid = True
    for path in args.files:
        report = _read(path, keep_segments=True)
        if isinstance(report, X12Error):
            _say(out, json.dumps(file_dict(path, report)) if args.json else str(report))
            valid = False
            continue
        found = [
            (transaction, document_dict(transaction, document, problems))
            for transaction, document, problems in _show_sets(report)
        ]
        valid = valid and report.valid and all(shown["valid"] for _, shown in found)
        if args.json:
            sets = [shown for _, shown in found]
            errors = [error.to_dict() for error in report.envelope_errors()]
            text = {"file": path, "valid": valid, "errors": errors, "sets": sets}
            _say(out, json.dumps(text, sort_keys=True))
        else:
            _show_human(path, found, out)
    return EXIT_OK if valid else EXIT_INVALID


COMMANDS = {
    "validate": (_add_validate, _run_validate, "check files; exit 1 if any is invalid"),
    "ack": (_add_ack, _run_ack, "print the 997s / TA1 acknowledging a file"),
    "show": (_add_show, _run_show, "print the documents of files (lines, checks)"),
}


def build_parser():
    """Returns the argparse parser with one sub-parser per entry of ``COMMANDS``."""
    parser = argparse.ArgumentParser(
        prog="acorn-edi", description="Check and acknowledge X12 EDI files."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (add_arguments, run, text) in COMMANDS.items():
        sub = commands.add_parser(name, help=text, description=text)
        add_arguments(sub)
        sub.set_defaults(run=run)
    return parser


def main(argv=None, out=None):
    """Runs the command.

    Args:
        argv: Arguments after the command name (default ``sys.argv[1:]``).
        out: Where to print (default stdout).

    Returns:
        int: The exit code.
    """
    args = build_parser().parse_args(argv)
    return args.run(args, out or sys.stdout)
