"""The cockpit's figures on a large database, beside one plain count per tile.

Full size: 100,000 EDI messages, 20,000 Amazon orders of 2 lines and 5,000
shipments over 8 weeks, on two vendor accounts, written with bulk SQL copies of a
template row made by the ORM (off the clock). Timed, each the median of 5 runs:

- **floor**: one ``search_count`` per tile and account (the tile's domain alone);
- **cockpit**: ``cockpit_data`` of both accounts, what the kanban reads: every
  tile, rates, misses and weekly trends, from grouped queries;
- **open**: ``web_search_read`` of the cockpit kanban as the web client calls it.

The target is under 1 s for the cockpit. Everything is rolled back at the end.

    python bench/bench_dashboard.py [--smoke] [--messages N] [--orders N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_amazon_vendor, no demo) and dropped afterwards. Needs ``ODOO_PATH`` and
``ACORN_CONF``.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, env_for, finish  # noqa: E402

from odoo.modules.registry import Registry  # noqa: E402
from odoo.osv import expression  # noqa: E402

TARGET_SECONDS = 1.0
RUNS = 5
WEEKS = 8
# The dates of copy n, spread hourly over the weeks measured.
SPREAD = f"now() AT TIME ZONE 'UTC' - (n % {WEEKS * 7 * 24}) * interval '1 hour'"
KANBAN_SPEC = {
    "name": {},
    "vendor_code": {},
    "environment": {},
    "parallel_run": {},
    "user_id": {"fields": {"display_name": {}}},
    "cockpit_data": {},
    "last_receive_date": {},
}


def accounts_and_templates(env):
    """Two accounts, and one order (with a line), message and shipment to copy."""
    partner = env["res.partner"].create({"name": "Amazon (cockpit benchmark)"})
    product = env["product.product"].create({"name": "Cockpit bench item"})
    accounts = env["acorn.vendor.account"].create(
        [
            {
                "name": f"Cockpit bench {code}",
                "vendor_code": code,
                "partner_id": partner.id,
                "vendor_isa_id": code,
                "vendor_gs_id": code,
                "environment": "production",
            }
            for code in ("BENCHCK1", "BENCHCK2")
        ]
    )
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "amz_account_id": accounts[0].id,
            "amz_po_number": "BENCHTPL",
            "order_line": [(0, 0, {"product_id": product.id, "amz_ordered_qty": 10})],
        }
    )
    message = env["acorn.edi.message"].create(
        {
            "account_id": accounts[0].id,
            "company_id": accounts[0].company_id.id,
            "direction": "outbound",
            "document_type": "855",
            "state": "out_sent",
        }
    )
    shipment = env["acorn.amz.shipment"].create(
        {"account_id": accounts[0].id, "fc_code": "ABE2", "name": "BENCHTPL"}
    )
    env.flush_all()
    return accounts, order, message, shipment


def copy_rows(cr, table, template_id, count, overrides):
    """Inserts ``count`` copies of a row, columns in ``overrides`` set by SQL.

    ``overrides`` maps a column to an SQL expression of ``n`` (1..count).

    Returns:
        int: the smallest new id (copy ``n`` gets about that id + n - 1).
    """
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        (table,),
    )
    columns = [name for (name,) in cr.fetchall() if name != "id"]
    # Expressions use % (modulo): doubled for the driver's parameter syntax.
    values = [overrides.get(name, f"t.{name}").replace("%", "%%") for name in columns]
    cr.execute(
        f"""
        INSERT INTO {table} ({", ".join(columns)})
        SELECT {", ".join(values)}
          FROM {table} t, generate_series(1, %s) n
         WHERE t.id = %s
        RETURNING id
        """,  # noqa: S608 - table and columns come from the schema, not input
        (count, template_id),
    )
    return min(row[0] for row in cr.fetchall())


def fill(env, sizes):
    """The bulk data, off the clock."""
    cr = env.cr
    accounts, order, message, shipment = accounts_and_templates(env)
    a1, a2 = accounts.ids
    spread = SPREAD
    account = f"CASE WHEN n % 3 = 0 THEN {a2} ELSE {a1} END"
    copy_rows(cr, "acorn_edi_message", message.id, sizes.messages, {
        "account_id": account,
        "create_date": spread,
        "document_type": "(ARRAY['850','855','856','810','997'])[1 + n % 5]",
        "direction": "CASE WHEN n % 5 IN (0, 4) THEN 'inbound' ELSE 'outbound' END",
        "state": "CASE WHEN n % 5 IN (0, 4) THEN (CASE WHEN n % 97 = 0 THEN 'in_error'"
        " ELSE 'in_processed' END) ELSE 'out_acked' END",
        "ack_state": "(ARRAY['A','A','A','A','A','E','R'])[1 + n % 7]",
        "ack_overdue": "n % 501 = 0",
        "po_number": "'BPO' || n",
    })  # fmt: skip
    first_order = copy_rows(cr, "sale_order", order.id, sizes.orders, {
        "amz_account_id": account,
        "amz_po_number": "'BENCH' || n",
        "name": "'SB' || n",
        "amz_received_date": spread,
        "amz_ack_deadline": f"{spread} + interval '24 hours'",
        "amz_ack_first_sent": f"CASE WHEN n % 50 = 0 THEN NULL ELSE {spread}"
        " + (n % 30) * interval '1 hour' END",
        "amz_ack_on_time": "n % 50 <> 0 AND n % 30 <= 24",
        "amz_ack_state": "CASE WHEN n % 50 = 0 THEN 'to_send' ELSE 'sent' END",
    })  # fmt: skip
    fill_lines_and_shipments(cr, sizes, order, shipment, first_order, account)
    for table in ("acorn_edi_message", "sale_order", "sale_order_line",
                  "acorn_amz_shipment"):  # fmt: skip
        cr.execute(f"ANALYZE {table}")  # noqa: S608 - fixed names
    env.invalidate_all()
    return accounts


def fill_lines_and_shipments(cr, sizes, order, shipment, first_order, account):
    """Two lines per order, and one shipment per four orders."""
    line = order.order_line
    copy_rows(cr, "sale_order_line", line.id, sizes.orders * 2, {
        "order_id": f"{first_order} + n % {sizes.orders}",
        "amz_account_id": account.replace("n % 3", f"(1 + n % {sizes.orders}) % 3"),
        "amz_sent_status": "(ARRAY['IA','IA','IA','IB','IR'])[1 + n % 5]",
        "amz_sent_qty": "10 - n % 4",
        "amz_confirm_ok": "n % 5 <> 4 AND 10 - n % 4 >= 8",
    })  # fmt: skip
    copy_rows(cr, "acorn_amz_shipment", shipment.id, sizes.orders // 4, {
        "account_id": account,
        "name": "'BASN' || n",
        "state": "'shipped'",
        "ship_date": SPREAD,
        "asn_due": SPREAD,
        "asn_late": "n % 40 = 0",
        "asn_state": "(ARRAY['sent','accepted','accepted','error'])[1 + n % 4]",
    })  # fmt: skip


def median_seconds(run):
    times = []
    for _run in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(env, accounts):
    """(floor, cockpit, open) seconds and the number of plain counts."""
    tiles = accounts._cockpit_tile_list()

    def floor():
        for tile in tiles:
            for account in accounts:
                field = tile["account_field"]
                domain = expression.AND([tile["domain"], [(field, "=", account.id)]])
                env[tile["model"]].search_count(domain)

    def cockpit():
        accounts.invalidate_recordset(["cockpit_data"])
        accounts.mapped("cockpit_data")

    def open_kanban():
        env.invalidate_all()
        env["acorn.vendor.account"].web_search_read(
            [("id", "in", accounts.ids)], KANBAN_SPEC
        )

    figures = (
        median_seconds(floor),
        median_seconds(cockpit),
        median_seconds(open_kanban),
    )
    return figures, len(tiles) * len(accounts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="small sizes, for CI")
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    sizes = parser.parse_args()
    if sizes.smoke:
        sizes.messages, sizes.orders = 2_000, 400
    problems = []
    with database(sizes.db) as db, Registry(db).cursor() as cr:
        env = env_for(cr)
        start = time.perf_counter()
        accounts = fill(env, sizes)
        print(
            f"{sizes.messages:,} messages, {sizes.orders:,} orders, "
            f"{sizes.orders * 2:,} lines, {sizes.orders // 4:,} shipments, "
            f"2 accounts written in {time.perf_counter() - start:.1f} s (not timed)"
        )
        (floor, cockpit, opened), counts = measure(env, accounts)
        print(f"| Step | Seconds (median of {RUNS}) | × floor |")
        print("|---|---:|---:|")
        print(f"| floor: {counts} plain search_count | {floor:.3f} | 1.0 |")
        print(f"| cockpit: cockpit_data of 2 accounts | {cockpit:.3f} | "
              f"{cockpit / floor:.1f} |")  # fmt: skip
        print(f"| open: kanban web_search_read | {opened:.3f} | {opened / floor:.1f} |")
        if not sizes.smoke and opened > TARGET_SECONDS:
            problems.append(f"the cockpit opens in {opened:.2f} s > {TARGET_SECONDS} s")
        for tile in accounts[0].cockpit_data:
            print(f"  {tile['key']}: {tile['count']} rate={tile.get('rate')}")
        cr.rollback()
    return finish(problems)


if __name__ == "__main__":
    sys.exit(main())
