"""pytest set-up for the pure tests: the addons are imported as Odoo imports them.

An addon's ``__init__`` defines Odoo models, and Odoo accepts model classes only
from modules under ``odoo.addons``. So the addons are loaded once through Odoo's
addons path and registered under their plain names too: a test that imports
``acorn_amazon_vendor.x12`` gets the very module ``odoo.addons.acorn_amazon_vendor.x12``
(one identity per process). Nothing here needs a database.
"""

import sys
from pathlib import Path

import odoo
from odoo.modules.module import initialize_sys_path

ROOT = Path(__file__).resolve().parent
odoo.tools.config["addons_path"] = str(ROOT)
initialize_sys_path()
for name in ("acorn_amazon_vendor", "acorn_pos_bridge"):
    sys.modules.setdefault(name, __import__(f"odoo.addons.{name}", fromlist=["_"]))
