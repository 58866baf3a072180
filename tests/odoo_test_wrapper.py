"""Run odoo-bin with every test outcome also written to a JSON-lines report.

Odoo's own summary ("N failed, N error(s) of N tests") hides skipped tests and
which addon ran what; the test command needs both to refuse a run that skipped
browser tests or selected too few tests. Usage, with ODOO_PATH and
ACORN_TEST_REPORT set: python odoo_test_wrapper.py <odoo-bin arguments>
"""

import json
import os
import sys

sys.path.insert(0, os.environ["ODOO_PATH"])

import odoo
from odoo.tests.result import OdooTestResult

REPORT_PATH = os.environ["ACORN_TEST_REPORT"]


def _write(test, outcome, detail=""):
    from odoo.tests import HttpCase  # imported late: only once test mode is on

    record = {
        "id": test.id(),
        "outcome": outcome,
        "browser": isinstance(test, HttpCase),
        "detail": str(detail)[:2000],
    }
    with open(REPORT_PATH, "a", encoding="utf-8") as report:
        report.write(json.dumps(record) + "\n")


def _wrap(name, outcome):
    original = getattr(OdooTestResult, name)

    def wrapper(self, test, *args):
        original(self, test, *args)
        if getattr(self, "_soft_fail", False):
            return  # a first try of an auto-retried test: the retry reports
        if name == "addSubTest":
            subtest, err = args
            if err is not None:
                _write(subtest, "fail", err[1])
            return
        detail = args[0] if args else ""
        if isinstance(detail, tuple):
            detail = detail[1]
        _write(test, outcome, detail)

    setattr(OdooTestResult, name, wrapper)


for method, result in (
    ("startTest", "start"),
    ("addSuccess", "pass"),
    ("addFailure", "fail"),
    ("addError", "error"),
    ("addSkip", "skip"),
    ("addSubTest", "fail"),
):
    _wrap(method, result)

if __name__ == "__main__":
    sys.argv = [os.path.join(os.environ["ODOO_PATH"], "odoo-bin")] + sys.argv[1:]
    odoo.cli.main()
