"""Chain-store POS facts: the bridge's cost on the POS sync, and a full rebuild.

Full size: 20 stores (one Odoo Point of Sale each) x 100 orders a day of 2 lines,
with a history of 30, 60 and 90 days written in bulk SQL (paid orders of closed
sessions, costs final). Two measures:

- sync: one day's orders of the stores (``--sync-orders``) sent one by one
  through ``pos.order.sync_from_ui`` as the POS frontend sends them (state
  'paid'), with the bridge and without it (its save-time hook switched off in the
  same process); runs alternate ``--repeat`` times and each is rolled back. Target:
  the bridge adds at most 10 % to Odoo's own sync (median of the runs).
- rebuild: ``_chain_rebuild_pos_facts()`` of every store over 30, 60 and 90 days
  of history. Target: linear, 90 days at most 3.6 x 30 days.

    python bench/bench_pos.py [--smoke] [--stores N] [--orders-per-day N]
                              [--sync-orders N] [--repeat N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_pos_bridge, no demo) and dropped afterwards. The history is removed at the
end. Needs ``ODOO_PATH`` and ``ACORN_CONF``.
"""

import argparse
import contextlib
import os
import statistics
import sys
import time
import uuid

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, finish  # noqa: E402

from odoo import Command, api, fields  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

PRODUCTS = 20
PREFIX = "BENCHPOS"
PERIODS = (30, 60, 90)
TIME_ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles", None)


def admin_env(cr):
    """The admin's environment: the POS refuses the superuser outside tests."""
    env = api.Environment(cr, api.SUPERUSER_ID, {})
    return api.Environment(cr, env.ref("base.user_admin").id, {})


def setup(db, stores):
    """Products, a card payment method, the POS configs, their stores and open
    sessions (committed once); the config ids."""
    with Registry(db).cursor() as cr:
        env = admin_env(cr)
        configs = env["pos.config"].search([("name", "=like", f"{PREFIX} %")])
        if len(configs) >= stores:
            return configs[:stores].ids
        env["product.product"].create(
            [
                {
                    "name": f"{PREFIX} item {item}",
                    "default_code": f"BP-{item:03d}",
                    "list_price": 5 + item,
                    "standard_price": 2 + item / 2,
                    "available_in_pos": True,
                    "taxes_id": [Command.clear()],
                }
                for item in range(PRODUCTS)
            ]
        )
        bank = env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", env.company.id)], limit=1
        )
        method = env["pos.payment.method"].create(
            {"name": f"{PREFIX} card", "journal_id": bank.id}
        )
        new = env["pos.config"].create(
            [
                {"name": f"{PREFIX} {n:02d}", "payment_method_ids": [method.id]}
                for n in range(len(configs), stores)
            ]
        )
        for n, config in enumerate(new, start=len(configs)):
            env["acorn.store"].create(
                {
                    "name": config.name,
                    "store_code": f"BP{n:02d}",
                    "pos_config_id": config.id,
                    "tz": TIME_ZONES[n % len(TIME_ZONES)],
                }
            )
            config.open_ui()
            config.current_session_id.set_opening_control(0, None)
        cr.commit()
        return (configs | new).sorted("id")[:stores].ids


def add_history(cr, config_ids, first_day, last_day, orders_per_day):
    """Paid orders of days ``first_day`` (included) to ``last_day`` (excluded)
    before today, 2 lines each, in one closed session per store (bulk SQL)."""
    cr.execute(
        """
        INSERT INTO pos_session (config_id, user_id, name, state, start_at, stop_at,
                                 create_date, write_date)
        SELECT c.id, 2, %s || c.id, 'closed', now(), now(), now(), now()
          FROM pos_config c
         WHERE c.id = ANY(%s)
           AND NOT EXISTS (SELECT 1 FROM pos_session s WHERE s.name = %s || c.id)
        """,
        [f"{PREFIX}/HIST/", config_ids, f"{PREFIX}/HIST/"],
    )
    cr.execute(
        """
        WITH sessions AS (
            SELECT s.id AS session_id, s.config_id
              FROM pos_session s WHERE s.name LIKE %s AND s.config_id = ANY(%s)
        ), days AS (SELECT generate_series(%s, %s - 1) AS day),
        numbers AS (SELECT generate_series(1, %s) AS n)
        INSERT INTO pos_order (company_id, session_id, config_id, name, pos_reference,
                               uuid, state, date_order, amount_tax, amount_total,
                               amount_paid, amount_return, create_date, write_date)
        SELECT 1, s.session_id, s.config_id,
               %s || s.config_id || '/' || d.day || '/' || n.n,
               'Order ' || s.config_id || '-' || d.day || '-' || n.n,
               gen_random_uuid()::text, 'done',
               (now() AT TIME ZONE 'UTC')::date - d.day
                   + make_interval(mins => 600 + (n.n * 7) %% 600),
               0, 0, 0, 0, now(), now()
          FROM sessions s, days d, numbers n
        RETURNING id
        """,
        [f"{PREFIX}/HIST/%", config_ids, first_day, last_day, orders_per_day,
         f"{PREFIX}/"],
    )  # fmt: skip
    order_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        """
        WITH products AS (
            SELECT p.id, row_number() OVER (ORDER BY p.id) - 1 AS k, t.list_price
              FROM product_product p JOIN product_template t ON t.id = p.product_tmpl_id
             WHERE p.default_code LIKE 'BP-%%'
        )
        INSERT INTO pos_order_line (order_id, company_id, product_id, name,
                                    full_product_name, uuid, qty, price_unit,
                                    price_subtotal, price_subtotal_incl, discount,
                                    total_cost, is_total_cost_computed,
                                    create_date, write_date)
        SELECT o.id, 1, p.id, 'L' || line, 'Bench item', gen_random_uuid()::text,
               1 + (o.id + line) %% 3, p.list_price,
               p.list_price * (1 + (o.id + line) %% 3),
               p.list_price * (1 + (o.id + line) %% 3), 0,
               (1 + (o.id + line) %% 3) * 2.0, true, now(), now()
          FROM pos_order o, generate_series(1, 2) AS line, products p
         WHERE o.id = ANY(%s) AND p.k = (o.id * 2 + line) %% %s
        """,
        [order_ids, PRODUCTS],
    )
    return len(order_ids)


def ui_order(env, config, products, number):
    """One order as the POS frontend sends it at payment validation."""
    session = config.current_session_id
    lines, total = [], 0.0
    for line in range(2):
        product = products[(number * 2 + line) % len(products)]
        qty = 1 + (number + line) % 3
        total += product.lst_price * qty
        lines.append(
            Command.create(
                {
                    "product_id": product.id,
                    "qty": qty,
                    "price_unit": product.lst_price,
                    "price_subtotal": product.lst_price * qty,
                    "price_subtotal_incl": product.lst_price * qty,
                    "discount": 0,
                    "tax_ids": [Command.set([])],
                    "pack_lot_ids": [],
                    "uuid": str(uuid.uuid4()),
                }
            )
        )
    return {
        "uuid": str(uuid.uuid4()),
        "name": f"Order {PREFIX}-{number}",
        "state": "paid",
        "session_id": session.id,
        "user_id": env.uid,
        "pricelist_id": config.pricelist_id.id,
        "fiscal_position_id": False,
        "partner_id": False,
        "date_order": fields.Datetime.to_string(fields.Datetime.now()),
        "sequence_number": number,
        "amount_paid": total,
        "amount_total": total,
        "amount_tax": 0,
        "amount_return": 0,
        "to_invoice": False,
        "last_order_preparation_change": "{}",
        "lines": lines,
        "payment_ids": [
            Command.create(
                {
                    "amount": total,
                    "name": fields.Datetime.now(),
                    "payment_method_id": config.payment_method_ids[:1].id,
                }
            )
        ],
    }


@contextlib.contextmanager
def bridge_off():
    """Switch the bridge's save-time hook off (Odoo's own sync only)."""
    from odoo.addons.acorn_pos_bridge.models.pos_order import PosOrder

    hook = PosOrder._chain_record_facts_safely
    PosOrder._chain_record_facts_safely = lambda self: None
    try:
        yield
    finally:
        PosOrder._chain_record_facts_safely = hook


def sync_run(db, config_ids, count, bridge):
    """Seconds to sync ``count`` orders one by one; facts written (rolled back)."""
    with Registry(db).cursor() as cr:
        env = admin_env(cr)
        configs = env["pos.config"].browse(config_ids)
        products = env["product.product"].search([("default_code", "=like", "BP-%")])
        payloads = [
            ui_order(env, configs[n % len(configs)], products, n) for n in range(count)
        ]
        env.flush_all()
        guard = contextlib.nullcontext() if bridge else bridge_off()
        with guard:
            started = time.perf_counter()
            for payload in payloads:
                env["pos.order"].sync_from_ui([payload])
            env.flush_all()
            seconds = time.perf_counter() - started
        uuids = [payload["uuid"] for payload in payloads]
        facts = env["acorn.channel.sale"].search_count(
            [("pos_order_line_id.order_id.uuid", "in", uuids)]
        )
        cr.rollback()
    return seconds, facts


def measure_sync(db, config_ids, args):
    """Alternating runs without and with the bridge; {mode: [seconds]}, problems."""
    times, problems = {"odoo": [], "bridge": []}, []
    sync_run(db, config_ids, 4, True)  # warm-up: caches, compiled queries
    for _run in range(args.repeat):
        for mode in ("odoo", "bridge"):
            seconds, facts = sync_run(
                db, config_ids, args.sync_orders, mode == "bridge"
            )
            times[mode].append(seconds)
            expected = 2 * args.sync_orders if mode == "bridge" else 0
            if facts != expected:
                problems.append(f"sync {mode}: {facts} facts, expected {expected}")
    return times, problems


def measure_rebuild(db, config_ids, args):
    """Rebuild time over each history length; {days: (seconds, facts, lines)}."""
    results = {}
    with Registry(db).cursor() as cr:
        env = admin_env(cr)
        done = 0
        for days in args.periods:
            add_history(cr, config_ids, done, days, args.orders_per_day)
            done = days
            cr.commit()
            # As autovacuum would after a day's load: the planner knows the sizes.
            cr.execute("ANALYZE pos_order, pos_order_line, acorn_channel_sale")
            stores = env["acorn.store"].search([("pos_config_id", "in", config_ids)])
            started = time.perf_counter()
            written = env["acorn.channel.sale"]._chain_rebuild_pos_facts(stores)
            env.flush_all()
            seconds = time.perf_counter() - started
            cr.commit()
            results[days] = (seconds, written)
    return results


def drop_history(db, config_ids):
    """Remove the history and its facts (the setup stays for the next run).

    Odoo does not index the lines' self-references (refunded line, combo parent):
    temporary indexes keep the foreign-key checks of the delete linear.
    """
    with Registry(db).cursor() as cr:
        cr.execute(
            "DELETE FROM acorn_channel_sale WHERE store_id IN "
            "(SELECT id FROM acorn_store WHERE pos_config_id = ANY(%s))",
            [config_ids],
        )
        for column in ("refunded_orderline_id", "combo_parent_id"):
            cr.execute(f"CREATE INDEX bench_pos_{column} ON pos_order_line ({column})")
        cr.execute("DELETE FROM pos_order WHERE name LIKE %s", [f"{PREFIX}/%"])
        cr.execute("DELETE FROM pos_session WHERE name LIKE %s", [f"{PREFIX}/HIST/%"])
        for column in ("refunded_orderline_id", "combo_parent_id"):
            cr.execute(f"DROP INDEX bench_pos_{column}")
        cr.commit()


def report_sync(args, sync_times):
    """Prints the sync figures; the targets missed."""
    print(
        f"POS bridge: {args.stores} stores x {args.orders_per_day} orders/day "
        f"x 2 lines; sync of {args.sync_orders} orders x {args.repeat} runs",
        flush=True,
    )
    for mode, label in (("odoo", "Odoo sync_from_ui"), ("bridge", "with the bridge")):
        runs = sync_times[mode]
        per = 1000 * statistics.median(runs) / args.sync_orders
        print(
            f"  sync {label:22} best {min(runs):7.2f} s  median "
            f"{statistics.median(runs):7.2f} s  {per:6.1f} ms/order",
            flush=True,
        )
    odoo_med = statistics.median(sync_times["odoo"])
    overhead = 100 * (statistics.median(sync_times["bridge"]) / odoo_med - 1)
    print(
        f"  bridge overhead on the sync (medians): {overhead:+.1f} %  (target <= 10 %)",
        flush=True,
    )
    if not args.smoke and overhead > 10:
        return [f"bridge adds {overhead:.1f} % to the sync (target 10 %)"]
    return []


def report_rebuild(args, rebuild):
    """Prints the rebuild figures; the targets missed."""
    first, last = args.periods[0], args.periods[-1]
    for days, (seconds, written) in rebuild.items():
        ratio = seconds / rebuild[first][0] if rebuild[first][0] else 0
        per = 1e6 * seconds / max(written, 1)
        print(
            f"  rebuild {days:3d} days: {seconds:7.2f} s  {written:8d} facts  "
            f"{per:6.1f} us/fact  {ratio:4.2f}x {first} days"
        )
    ratio = rebuild[last][0] / rebuild[first][0] if rebuild[first][0] else 0
    limit = 1.2 * last / first
    print(f"  rebuild {last}/{first} days: {ratio:.2f}x (target <= {limit:.1f}x)")
    if args.smoke:
        print("  (smoke size: timings are information, not verdicts)")
        return []
    if ratio > limit:
        return [f"rebuild {last}/{first} days is {ratio:.2f}x (> {limit:.1f}x)"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--stores", type=int, default=20)
    parser.add_argument("--orders-per-day", type=int, default=100)
    parser.add_argument("--sync-orders", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=("sync", "rebuild"), help="one measure")
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    args.periods = PERIODS
    if args.smoke:
        args.stores, args.orders_per_day, args.sync_orders, args.repeat = 3, 10, 10, 1
        args.periods = (3, 6, 9)
    with database(args.db, "acorn_pos_bridge") as db:
        config_ids = setup(db, args.stores)
        drop_history(db, config_ids)
        problems = []
        try:
            if args.only != "rebuild":
                sync_times, problems = measure_sync(db, config_ids, args)
                problems += report_sync(args, sync_times)
            if args.only == "sync":
                return finish(problems)
            rebuild = measure_rebuild(db, config_ids, args)
            problems += report_rebuild(args, rebuild)
            expected = {
                days: 2 * args.stores * args.orders_per_day * days
                for days in args.periods
            }
            for days, (_seconds, written) in rebuild.items():
                if written != expected[days]:
                    problems.append(f"rebuild {days} days: {written} facts")
        finally:
            drop_history(db, config_ids)
        return finish(problems)


if __name__ == "__main__":
    sys.exit(main())
