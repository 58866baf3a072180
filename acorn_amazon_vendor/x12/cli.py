"""The ``acorn-edi`` command: check and acknowledge X12 files without a database.

Sub-commands live in ``COMMANDS`` (name -> (add_arguments, run, help)); each ``run``
takes the parsed arguments and returns the exit code. ``validate`` exits 0 when every
file is valid and 1 otherwise; ``ack`` prints the 997s and TA1s for a file.
"""

import argparse
import datetime
import json
import sys

from . import validate_file
from .ack import build_acknowledgment, groups_to_acknowledge
from .documents import AckEnvelope
from .errors import X12Error

# Exit codes: 0 all valid / acknowledged as accepted, 1 anything rejected or unreadable.
EXIT_OK, EXIT_INVALID = 0, 1
# How a set status reads in the human output (AK501 codes).
STATUS_WORDS = {"A": "accepted", "E": "accepted with errors noted", "R": "REJECTED"}
# How far a set was checked (TransactionSet.checked), when not by its grammar.
CHECKED_WORDS = {
    "envelope": "no grammar, envelope checks only",
    "unsupported": "version not supported, envelope read only",
}


def _read(path):
    """Returns the FileReport of a file, or an X12Error when it cannot be opened."""
    try:
        with open(path, "rb") as handle:
            return validate_file(handle)
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
        print(f"{path}: INVALID\n  {report.message}", file=out)
        return
    sets = list(report.sets())
    groups = sum(len(i.groups) for i in report.interchanges)
    word = "valid" if report.valid else "INVALID"
    print(
        f"{path}: {word} ({len(report.interchanges)} interchange(s), "
        f"{groups} group(s), "
        f"{len(sets)} set(s))",
        file=out,
    )
    for error in report.envelope_errors():
        print(f"  {error.level} {error.code or '-'} {error}", file=out)
    for transaction in sets:
        if not transaction.errors and transaction.checked == "grammar":
            continue
        ids = ", ".join(f"{key}={value}" for key, value in transaction.ids.items())
        checked = CHECKED_WORDS.get(transaction.checked)
        checked = f" ({checked})" if checked else ""
        print(
            f"  set {transaction.set_id} {transaction.control_number}"
            f"{f' ({ids})' if ids else ''}: "
            f"{STATUS_WORDS[transaction.status]}{checked}",
            file=out,
        )
        for error in transaction.errors:
            print(f"    {error.level} {error.code or '-'} {error}", file=out)


def _add_validate(parser):
    parser.add_argument("files", nargs="+", metavar="FILE", help="X12 files to check")
    parser.add_argument("--json", action="store_true", help="one JSON object per file")


def _run_validate(args, out):
    valid = True
    for path in args.files:
        report = _read(path)
        valid = valid and not isinstance(report, X12Error) and report.valid
        if args.json:
            print(json.dumps(file_dict(path, report), sort_keys=True), file=out)
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
        print(f"{args.file}: {report.message}", file=sys.stderr)
        return EXIT_INVALID
    for error in report.errors:
        print(f"{args.file}: {error}", file=sys.stderr)
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


COMMANDS = {
    "validate": (_add_validate, _run_validate, "check files; exit 1 if any is invalid"),
    "ack": (_add_ack, _run_ack, "print the 997s / TA1 acknowledging a file"),
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
