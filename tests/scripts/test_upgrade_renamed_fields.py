"""Upgrading a database that holds data to 18.0.1.2.0 keeps what renamed fields held.

Runs outside Odoo's test cursor: it needs a database with acorn_amazon_vendor
installed at the current version (``ACORN_TEST_DB``), ``ODOO_PATH`` and
``ACORN_CONF``.

1. Data (committed): an Amazon order whose line holds the identifiers Amazon sent,
   orders and a shipment whose latest 855/856 is generated, rejected and accepted.
2. The database is put back as 18.0.1.1.0 had it, with plain SQL: the old column,
   field and XML id names (``sale.order.line.amz_product_ids``,
   ``account.move.amz_ack_state``), the old state words ("pending", "error" for a
   rejected 855, "acked"), and the module's installed version.
3. ``odoo-bin -u acorn_amazon_vendor`` runs the migration.
4. Checks: the line's identifiers are under ``amz_identifiers`` (same field record,
   old column gone), the 997 field is ``amz_997_state`` with its selection XML ids,
   the states are in the shared vocabulary, and the module is at the new version.

Exits 0 on success, 1 with the reasons otherwise (the database is a throwaway
clone made by the test command).
"""

import ast
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.environ["ODOO_PATH"])

import odoo  # noqa: E402
from odoo import Command  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402
from odoo.tools import SQL  # noqa: E402

DB = os.environ["ACORN_TEST_DB"]
CONF = os.environ["ACORN_CONF"]
MODULE = "acorn_amazon_vendor"
MANIFEST = Path(__file__).resolve().parents[2] / MODULE / "__manifest__.py"
OLD_VERSION = "18.0.1.1.0"
IDENTIFIERS = "BP:B0UPGRADE1|EN:4006381333931"
# (model, table, name in 18.0.1.1.0, name now); account.move's is not stored.
RENAMED = [
    ("sale.order.line", "sale_order_line", "amz_product_ids", "amz_identifiers"),
    ("account.move", "account_move", "amz_ack_state", "amz_997_state"),
]
# (table, state column, word now, word in 18.0.1.1.0).
OLD_STATE_WORDS = [
    ("sale_order", "amz_ack_state", "generated", "pending"),
    ("sale_order", "amz_ack_state", "rejected", "error"),
    ("acorn_amz_shipment", "asn_state", "accepted", "acked"),
]
UPGRADE_TIMEOUT = 900


def env_for(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def create_data(env):
    """Returns {name: id} of the records the checks read back."""
    partner = env["res.partner"].create({"name": "Amazon (upgrade)"})
    account = env["acorn.vendor.account"].create(
        {
            "name": "Upgrade",
            "vendor_code": "UPGRADE",
            "partner_id": partner.id,
            "vendor_isa_id": "UPGRADE",
            "vendor_gs_id": "UPGRADE",
        }
    )
    ids = create_orders(env, account)
    shipment = env["acorn.amz.shipment"].create(
        {"account_id": account.id, "fc_code": "ABE2"}
    )
    message(env, account, "856", "out_acked", amz_shipment_id=shipment.id)
    ids["shipment"] = shipment.id
    return ids


def create_orders(env, account):
    """Two orders whose latest 855 is generated and rejected; {PO: id, "line": id}."""
    product = env["product.product"].create({"name": "Upgrade tea"})
    ids = {}
    for number, state in (("UPGRADE1", "out_generated"), ("UPGRADE2", "out_rejected")):
        order = env["sale.order"].create(
            {
                "partner_id": account.partner_id.id,
                "amz_account_id": account.id,
                "amz_po_number": number,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "amz_line_number": "1",
                            "amz_ordered_qty": 2.0,
                            "amz_uom": "EA",
                            "amz_identifiers": IDENTIFIERS,
                        }
                    )
                ],
            }
        )
        message(env, account, "855", state, sale_order_id=order.id)
        ids[number] = order.id
    ids["line"] = env["sale.order"].browse(ids["UPGRADE1"]).order_line.id
    return ids


def message(env, account, document_type, state, **links):
    env["acorn.edi.message"].create(
        {
            "direction": "outbound",
            "document_type": document_type,
            "state": state,
            "account_id": account.id,
            "company_id": account.company_id.id,
            **links,
        }
    )


def field_ids(cr):
    """{(model, name now): ir.model.fields id} of the renamed fields."""
    found = {}
    for model, _table, _old, new in RENAMED:
        cr.execute(
            SQL(
                "SELECT id FROM ir_model_fields WHERE model = %s AND name = %s",
                model,
                new,
            )
        )
        found[(model, new)] = cr.fetchone()[0]
    return found


def revert_to_old_names(cr):
    """Puts the database back in 18.0.1.1.0's names and state words (plain SQL)."""
    cr.execute(
        "ALTER TABLE sale_order_line RENAME COLUMN amz_identifiers TO amz_product_ids"
    )
    for model, _table, old, new in RENAMED:
        xmodel = model.replace(".", "_")
        cr.execute(
            SQL(
                "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
                old,
                model,
                new,
            )
        )
        cr.execute(
            SQL(
                "UPDATE ir_model_data SET name = replace(name, %s, %s) "
                "WHERE module = %s AND name LIKE %s",
                f"_{xmodel}__{new}",
                f"_{xmodel}__{old}",
                MODULE,
                f"%{new}%",
            )
        )
    revert_state_words(cr)
    cr.execute(
        SQL(
            "UPDATE ir_module_module SET latest_version = %s WHERE name = %s",
            OLD_VERSION,
            MODULE,
        )
    )


def revert_state_words(cr):
    for table, column, new, old in OLD_STATE_WORDS:
        cr.execute(
            SQL(
                "UPDATE %s SET %s = %s WHERE %s = %s",
                SQL.identifier(table),
                SQL.identifier(column),
                old,
                SQL.identifier(column),
                new,
            )
        )


def setup():
    with Registry(DB).cursor() as cr:
        ids = create_data(env_for(cr))
        cr.commit()
        fields_before = field_ids(cr)
        revert_to_old_names(cr)
        cr.commit()
    return ids, fields_before


def upgrade():
    command = [
        sys.executable,
        os.path.join(os.environ["ODOO_PATH"], "odoo-bin"),
        "-c",
        CONF,
        "-d",
        DB,
        "-u",
        MODULE,
        "--stop-after-init",
        "--no-http",
        "--log-level=warn",
    ]
    return subprocess.run(command, timeout=UPGRADE_TIMEOUT, check=False).returncode


def scalar(cr, query):
    cr.execute(query)
    row = cr.fetchone()
    return row[0] if row else None


def check_fields(cr, fields_before):
    problems = []
    for model, table, old, new in RENAMED:
        if field_ids(cr).get((model, new)) != fields_before[(model, new)]:
            problems.append(f"{model}.{new} is not the field record {old} was")
        leftover = scalar(
            cr,
            SQL(
                "SELECT count(*) FROM ir_model_fields WHERE model = %s AND name = %s",
                model,
                old,
            ),
        )
        if leftover:
            problems.append(f"{model}.{old} is still a field")
        if model == "sale.order.line" and scalar(
            cr,
            SQL(
                "SELECT count(*) FROM information_schema.columns "
                "WHERE table_name = %s AND column_name = %s",
                table,
                old,
            ),
        ):
            problems.append(f"column {table}.{old} is still there")
    xmlid = "selection__account_move__amz_997_state__r"
    if not scalar(
        cr,
        SQL(
            "SELECT count(*) FROM ir_model_data WHERE module = %s AND name = %s",
            MODULE,
            xmlid,
        ),
    ):
        problems.append(f"no XML id {xmlid}")
    return problems


def check_data(cr, ids):
    problems = []
    env = env_for(cr)
    line = env["sale.order.line"].browse(ids["line"])
    if line.amz_identifiers != IDENTIFIERS:
        problems.append(f"line identifiers: {line.amz_identifiers!r}")
    if line._amz_product_pairs() != (("BP", "B0UPGRADE1"), ("EN", "4006381333931")):
        problems.append(f"identifier pairs: {line._amz_product_pairs()}")
    orders = env["sale.order"].browse([ids["UPGRADE1"], ids["UPGRADE2"]])
    states = orders.mapped("amz_ack_state")
    if states != ["generated", "rejected"]:
        problems.append(f"855 states {states}, expected generated and rejected")
    shipment = env["acorn.amz.shipment"].browse(ids["shipment"])
    if shipment.asn_state != "accepted":
        problems.append(f"856 state {shipment.asn_state}, expected accepted")
    version = ast.literal_eval(MANIFEST.read_text())["version"]
    installed = scalar(
        cr,
        SQL("SELECT latest_version FROM ir_module_module WHERE name = %s", MODULE),
    )
    if installed != version:
        problems.append(f"module at {installed}, manifest says {version}")
    return problems


def main():
    odoo.tools.config.parse_config(["-c", CONF, "-d", DB, "--log-level=warn"])
    ids, fields_before = setup()
    code = upgrade()
    if code:
        print(f"FAILED: odoo-bin -u {MODULE} exited {code}")
        return 1
    with Registry.new(DB).cursor() as cr:
        problems = check_fields(cr, fields_before) + check_data(cr, ids)
    if problems:
        print("FAILED: upgrade of renamed fields:\n- " + "\n- ".join(problems))
        return 1
    print(
        "ok: upgrade from 18.0.1.1.0 keeps the identifiers under amz_identifiers, "
        "the 997 field as amz_997_state and the states in the shared vocabulary"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
