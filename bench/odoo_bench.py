"""What the benchmarks that need a database share: Odoo, a database, an environment.

Imported by ``bench_850_intake.py``, ``bench_856.py`` and ``bench_810.py``; needs
``ODOO_PATH`` (the Odoo 18.0 source) and ``ACORN_CONF`` (an odoo.conf).
"""

import contextlib
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.environ["ODOO_PATH"])

import odoo  # noqa: E402

CONF = os.environ["ACORN_CONF"]


def env_for(cr):
    """A superuser environment on a cursor."""
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def build_database(modules="acorn_amazon_vendor"):
    """Create a database with ``modules`` installed, no demo; its name."""
    db = f"acorn_bench_{os.getpid()}"
    odoo_bin = os.path.join(os.environ["ODOO_PATH"], "odoo-bin")
    subprocess.check_call(
        [sys.executable, odoo_bin, "-c", CONF, "-d", db, "-i", modules,
         "--without-demo=all", "--stop-after-init", "--http-port=0",
         "--log-level=warn"]
    )  # fmt: skip
    return db


def drop_database(db):
    """Drop a database built by build_database(), filestore included."""
    subprocess.call(["dropdb", "--if-exists", db])
    shutil.rmtree(odoo.tools.config.filestore(db), ignore_errors=True)


@contextlib.contextmanager
def database(db=None, modules="acorn_amazon_vendor"):
    """The database to run in: ``db`` if given, else one built now (with
    ``modules``) and dropped after.

    Reads the Odoo configuration first, so the caller needs nothing else.
    """
    odoo.tools.config.parse_config(["-c", CONF, "--log-level=warn"])
    built = not db
    db = db or build_database(modules)
    try:
        yield db
    finally:
        if built:
            drop_database(db)


def finish(problems):
    """Prints what went wrong, if anything; the exit code of the benchmark."""
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0
