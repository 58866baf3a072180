"""What the benchmarks that need a database share: Odoo, a database, an environment.

Imported by ``bench_850_intake.py``, ``bench_856.py`` and ``bench_810.py``; needs
``ODOO_PATH`` (the Odoo 18.0 source) and ``ACORN_CONF`` (an odoo.conf).
"""

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


def build_database():
    """Create a database with acorn_amazon_vendor installed, no demo; its name."""
    db = f"acorn_bench_{os.getpid()}"
    odoo_bin = os.path.join(os.environ["ODOO_PATH"], "odoo-bin")
    subprocess.check_call(
        [sys.executable, odoo_bin, "-c", CONF, "-d", db, "-i", "acorn_amazon_vendor",
         "--without-demo=all", "--stop-after-init", "--http-port=0",
         "--log-level=warn"]
    )  # fmt: skip
    return db


def drop_database(db):
    """Drop a database built by build_database(), filestore included."""
    subprocess.call(["dropdb", "--if-exists", db])
    shutil.rmtree(odoo.tools.config.filestore(db), ignore_errors=True)
