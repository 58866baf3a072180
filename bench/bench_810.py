"""Amazon 810s from posted invoices, beside building them from prepared dataclasses.

Full size: 1,000 posted Amazon invoices of 5 lines, each for its own shipped PO.
The floor is ``x12.build_810()`` of the very dataclasses the pipeline builds,
prepared before the clock starts (envelopes included). The pipeline is everything
``_amz_send_810()`` does per invoice: the pre-send checks (PO, 855, shipment,
quantities against what shipped, acked costs, codes, not sent before), records to
dataclass, fresh control numbers, build and read-back, archive of the file and the
outbound message. Preparing and checking are also timed alone. Orders, deliveries
and invoices are made off the clock; each run is rolled back.

    python bench/bench_810.py [--smoke] [--invoices N] [--lines N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_amazon_vendor, no demo) and dropped afterwards. Needs ``ODOO_PATH`` and
``ACORN_CONF``.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, env_for, finish  # noqa: E402

from odoo import Command  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

PRODUCTS = 50
VENDOR = "BENCH810"


def setup(db):
    """The account, its Amazon partner and storable products (committed once)."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].search([("vendor_code", "=", VENDOR)])
        if account:
            return account.id
        partner = env["res.partner"].create({"name": "Amazon (810 benchmark)"})
        account = env["acorn.vendor.account"].create(
            {
                "name": "810 benchmark",
                "vendor_code": VENDOR,
                "partner_id": partner.id,
                "vendor_isa_id": VENDOR,
                "vendor_gs_id": VENDOR,
                "amz_bill_to_code": "AMZBT",
                "amz_remit_to_code": "REMIT",
                "amz_ship_from_code": "WH1",
            }
        )
        env["product.product"].create(
            [
                {
                    "name": f"810 bench item {item}",
                    "default_code": f"B810-{item:03d}",
                    "list_price": 5 + item % 20,
                    "is_storable": True,
                    "taxes_id": [Command.clear()],
                }
                for item in range(PRODUCTS)
            ]
        )
        cr.commit()
        return account.id


def order_values(account, products, number, lines):
    values = []
    for line in range(1, lines + 1):
        product = products[(number * 7 + line) % len(products)]
        quantity, cost = 6 * line, float(5 + product.id % 20)
        identifiers = f"BP:B0B810{product.id:05d}|VN:{product.default_code}"
        values.append(
            Command.create(
                {
                    "product_id": product.id,
                    "product_uom_qty": quantity,
                    "price_unit": cost,
                    "tax_id": [Command.clear()],
                    "amz_line_number": str(line),
                    "amz_ordered_qty": quantity,
                    "amz_uom": "EA",
                    "amz_cost": cost,
                    "amz_ack_cost": cost,
                    "amz_price_basis": "PE",
                    "amz_identifiers": identifiers,
                    "amz_ack_status": "IA",
                    "amz_ack_qty": quantity,
                    "amz_sent_status": "IA",
                    "amz_sent_qty": quantity,
                    "amz_sent_cost": cost,
                }
            )
        )
    return {
        "partner_id": account.partner_id.id,
        "amz_account_id": account.id,
        "amz_po_number": f"B810{number:06d}",
        "client_order_ref": f"B810{number:06d}",
        "order_line": values,
    }


def shipped_invoices(env, account, count, lines):
    """Posted invoices of acknowledged, shipped POs (off the clock)."""
    products = env["product.product"].search([("default_code", "=like", "B810-%")])
    location = env.ref("stock.warehouse0").lot_stock_id
    for product in products:
        env["stock.quant"]._update_available_quantity(product, location, 10**6)
    orders = env["sale.order"].create(
        [order_values(account, products, number, lines) for number in range(count)]
    )
    env["acorn.edi.message"].create(
        [
            {
                "account_id": account.id,
                "company_id": account.company_id.id,
                "direction": "outbound",
                "document_type": "855",
                "state": "out_sent",
                "sale_order_id": order.id,
                "po_number": order.amz_po_number,
            }
            for order in orders
        ]
    )
    orders.action_confirm()
    pickings = orders.picking_ids
    pickings.action_assign()
    for move in pickings.move_ids:
        move.quantity = move.product_uom_qty
    pickings.move_ids.picked = True
    pickings._action_done()
    invoices = orders._create_invoices()
    invoices.action_post()
    env.flush_all()
    return invoices


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def run(db, account_id, count, lines):
    """Returns {step: seconds} and what the run produced."""
    from odoo.addons.acorn_amazon_vendor.x12 import build_810, validate_file

    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)
        invoices = shipped_invoices(env, account, count, lines)
        times = {}
        times["checks"], problems = timed(
            lambda: [invoice._amz_check_810() for invoice in invoices]
        )
        times["prepare"], documents = timed(
            lambda: [invoice._amz_prepare_810() for invoice in invoices]
        )
        envelopes = [account._amz_envelope("810") for _ in documents]
        times["floor"], texts = timed(
            lambda: [
                build_810(document, envelope)
                for document, envelope in zip(documents, envelopes, strict=True)
            ]
        )

        def send():
            messages = [invoice._amz_send_810(by_policy=True) for invoice in invoices]
            env.flush_all()
            return messages

        times["pipeline"], messages = timed(send)
        outcome = {
            "invoices": len(invoices),
            "blocked": sum(1 for found in problems if found),
            "messages": len(messages),
            "states": set(invoices.mapped("amz_edi_state")),
            "valid": all(validate_file(text).valid for text in texts[:50]),
        }
        cr.rollback()
    return times, outcome


def report(args, times, outcome):
    count = outcome["invoices"]
    floor = times["floor"]
    print(f"810s: {count} posted invoices x {args.lines} lines, one PO each")
    print(f"{'step':44} {'seconds':>9} {'ms/invoice':>11} {'ratio':>7}")
    rows = [
        ("floor: build_810() of prepared dataclasses", floor),
        ("records -> dataclass (_amz_prepare_810)", times["prepare"]),
        ("pre-send checks (_amz_check_810)", times["checks"]),
        ("pipeline: _amz_send_810 (check, build, archive)", times["pipeline"]),
    ]
    for name, seconds in rows:
        per = 1000 * seconds / count if count else 0
        ratio = seconds / floor if floor else float("inf")
        print(f"{name:44} {seconds:9.2f} {per:11.2f} {ratio:6.1f}x")
    rate = count / times["pipeline"] if times["pipeline"] else 0
    print(f"pipeline rate: {rate:.0f} invoices/s; floor {count / floor:.0f}/s")
    problems = []
    if outcome["blocked"]:
        problems.append(f"{outcome['blocked']} invoices blocked by the checks")
    if outcome["messages"] != count or outcome["states"] != {"generated"}:
        problems.append(f"810 states {sorted(outcome['states'])}")
    if not outcome["valid"]:
        problems.append("an 810 failed validation")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--invoices", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=5)
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    if args.smoke:
        args.invoices, args.lines = 40, 5
    with database(args.db) as db:
        account_id = setup(db)
        run(db, account_id, 4, args.lines)  # warm-up: caches, compiled grammars
        times, outcome = run(db, account_id, args.invoices, args.lines)
        return finish(report(args, times, outcome))


if __name__ == "__main__":
    sys.exit(main())
