"""Write each addon's i18n/<addon>.pot with Odoo's own exporter.

Run after adding or changing text users see (field labels and help, selections,
views, menus, data records, ``self.env._(...)`` in code):

    source setup/env.sh && $ACORN_PYTHON setup/make_pot.py

It installs both addons without demo data into a new database, runs
``odoo-bin --i18n-export=<file>.pot --modules=<addon>`` for each addon, and drops
the database (``--db NAME`` exports from an existing database holding both addons
instead). A template whose entries did not change is left untouched, so only real
changes show in git. Each addon's test_i18n fails when a term is missing from its
.pot.
"""

import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("acorn_amazon_vendor", "acorn_pos_bridge")
# Header lines that change at every export, whatever the terms.
DATE_LINES = ('"POT-Creation-Date:', '"PO-Revision-Date:')


def odoo(db, *args):
    """Runs odoo-bin on ``db`` with the checkout's configuration; raises on failure."""
    odoo_bin = os.path.join(os.environ["ODOO_PATH"], "odoo-bin")
    command = [sys.executable, odoo_bin, "-c", os.environ["ACORN_CONF"], "-d", db]
    command += [*args, "--stop-after-init", "--http-port=0", "--log-level=warn"]
    subprocess.run(command, check=True)


def drop(db):
    """Drops ``db`` and its filestore."""
    subprocess.call(["dropdb", "--if-exists", db])
    conf = configparser.ConfigParser()
    conf.read(os.environ["ACORN_CONF"])
    data_dir = conf.get("options", "data_dir", fallback="")
    if data_dir:
        shutil.rmtree(Path(data_dir) / "filestore" / db, ignore_errors=True)


def without_dates(path):
    """The text of a .pot without its creation and revision dates."""
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith(DATE_LINES)]


def export(db, addon, work):
    """Exports ``addon``'s terms; returns True when its .pot changed."""
    fresh = Path(work) / f"{addon}.pot"
    odoo(db, f"--i18n-export={fresh}", f"--modules={addon}")
    target = ROOT / addon / "i18n" / f"{addon}.pot"
    if without_dates(fresh) == without_dates(target):
        return False
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(fresh, target)
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database holding both addons")
    args = parser.parse_args(argv)
    if not {"ODOO_PATH", "ACORN_CONF"} <= os.environ.keys():
        parser.error("run `source setup/env.sh` first (ODOO_PATH, ACORN_CONF)")
    db = args.db or f"acorn_pot_{os.getpid()}"
    try:
        if not args.db:
            odoo(db, "-i", ",".join(ADDONS), "--without-demo=all")
        with tempfile.TemporaryDirectory() as work:
            for addon in ADDONS:
                changed = export(db, addon, work)
                state = "written" if changed else "unchanged"
                print(f"{addon}/i18n/{addon}.pot {state}")
    finally:
        if not args.db:
            drop(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
