"""Install, upgrade and uninstall ACORN's addons on a database that holds data.

Each step checks the database is consistent afterwards and prints one line per
check: ``CHECK <name> ok`` or ``CHECK <name> FAIL <reason>``. The first step run
on a database (with its own --state-dir) records the business records it holds;
later steps check none was lost. Run with Odoo on the path:
python module_ops.py -c odoo.conf -d DB --state-dir DIR install|upgrade|uninstall
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.environ["ODOO_PATH"])

import odoo
from odoo.modules.registry import Registry

ADDONS = ("acorn_amazon_vendor", "acorn_pos_bridge")
# Business data that must survive our addons coming and going.
BUSINESS_MODELS = (
    "sale.order",
    "sale.order.line",
    "stock.move",
    "stock.picking",
    "account.move",
    "account.move.line",
    "pos.order",
    "res.partner",
    "product.product",
)
STATE_FILE = "module_ops_counts.json"
FAILURES = []


LABEL = []


def check(name, ok, reason=""):
    name = " ".join(LABEL + [name])
    print(f"CHECK {name} {'ok' if ok else 'FAIL ' + reason}", flush=True)
    if not ok:
        FAILURES.append(name)


def _env(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def business_counts(env):
    return {model: env[model].sudo().search_count([]) for model in BUSINESS_MODELS}


def module_states(env):
    modules = env["ir.module.module"].search([("name", "in", ADDONS)])
    return {module.name: module.state for module in modules}


def check_xmlids_resolve(env, step):
    """Every record our addons declared in data files exists."""
    rows = env["ir.model.data"].search([("module", "in", ADDONS)])
    missing = [
        f"{row.module}.{row.name}"
        for row in rows
        if row.model in env and not env[row.model].browse(row.res_id).exists()
    ]
    check(f"{step}: every XML id resolves", not missing, ", ".join(missing[:10]))


def check_installed(env, step):
    states = module_states(env)
    check(
        f"{step}: both addons installed",
        all(states.get(name) == "installed" for name in ADDONS),
        repr(states),
    )
    for model in ("acorn.vendor.account", "acorn.edi.message", "acorn.store"):
        check(f"{step}: model {model} loaded", model in env, "missing")
    check_xmlids_resolve(env, step)


def check_uninstalled(env, cr, before):
    states = module_states(env)
    check(
        "uninstall: both addons uninstalled",
        all(states.get(name) == "uninstalled" for name in ADDONS),
        repr(states),
    )
    cr.execute("SELECT model FROM ir_model WHERE model LIKE 'acorn.%'")
    models = [row[0] for row in cr.fetchall()]
    check("uninstall: no acorn model left", not models, ", ".join(models))
    cr.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_name LIKE 'acorn\\_%'"
    )
    tables = [row[0] for row in cr.fetchall()]
    check("uninstall: no acorn table left", not tables, ", ".join(tables))
    cr.execute(
        "SELECT column_name, table_name FROM information_schema.columns "
        "WHERE table_schema = 'public' AND (column_name LIKE 'amz\\_%' "
        "OR column_name LIKE 'chain\\_%')"
    )
    columns = [f"{t}.{c}" for c, t in cr.fetchall()]
    check("uninstall: no amz_/chain_ column left", not columns, ", ".join(columns))
    check_leftover_xmlids(env, cr)
    check_business_data(env, before, "uninstall")


def check_leftover_xmlids(env, cr):
    """No XML id of ours may point to a deleted record or to an acorn model.

    Odoo keeps the XML id of a record it could not delete (a demo product that a
    posted invoice still uses, see ir.model.data's ``_module_data_uninstall``): that
    is allowed, as long as the record is still there.
    """
    cr.execute(
        "SELECT module || '.' || name, model, res_id FROM ir_model_data "
        "WHERE module IN %s",
        [ADDONS],
    )
    rows = cr.fetchall()
    bad = [
        xmlid
        for xmlid, model, res_id in rows
        if model.startswith("acorn.")
        or model not in env
        or not env[model].browse(res_id).exists()
    ]
    check("uninstall: no dangling XML id left", not bad, ", ".join(bad[:10]))
    kept = sorted(f"{xmlid} ({model})" for xmlid, model, _res in rows)
    if kept:
        print("kept, still used by business records: " + ", ".join(kept), flush=True)


def check_business_data(env, before, step):
    after = business_counts(env)
    changed = {m: (before[m], after[m]) for m in before if after[m] < before[m]}
    check(f"{step}: business data kept", not changed, repr(changed))


def run_step(db, step, state_dir, expect_data):
    state_path = os.path.join(state_dir, STATE_FILE)
    with Registry(db).cursor() as cr:
        env = _env(cr)
        if not os.path.exists(state_path):
            # The first step on a database records what must survive.
            counts = business_counts(env)
            with open(state_path, "w", encoding="utf-8") as state:
                json.dump(counts, state)
            if expect_data:
                kinds = ("sale.order", "stock.move", "account.move", "pos.order")
                empty = [kind for kind in kinds if not counts[kind]]
                check("holds sales, stock and accounting data", not empty, repr(empty))
        modules = env["ir.module.module"].search([("name", "in", ADDONS)])
        if step == "install":
            modules.button_immediate_install()
        elif step == "upgrade":
            modules.button_immediate_upgrade()
        else:
            env["ir.module.module"].search(
                [("name", "=", "acorn_amazon_vendor")]
            ).button_immediate_uninstall()
    with open(state_path, encoding="utf-8") as state:
        before = json.load(state)
    with Registry(db).cursor() as cr:
        env = _env(cr)
        if step == "uninstall":
            check_uninstalled(env, cr, before)
        else:
            check_installed(env, step)
            check_business_data(env, before, step)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--label", default="", help="prefix of the check names")
    parser.add_argument("--expect-data", action="store_true")
    parser.add_argument("step", choices=("install", "upgrade", "uninstall"))
    args = parser.parse_args()
    LABEL.append(args.label)
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    try:
        run_step(args.database, args.step, args.state_dir, args.expect_data)
    except Exception as error:  # reported as a failed check, with its cause
        check(f"{args.step}: completes", False, f"{type(error).__name__}: {error}")
        raise
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
