"""Replenishment suggestions: 5,000 products x 104 weeks, linear growth, SQL floor.

Two vendor accounts share one company's products: Amazon's weekly sell-through
(Vendor Central report facts, with on hand in the latest week) for the first
``--small`` products on one account and ``--large`` products on the other, and
the stores' weekly sales of every product, written in bulk SQL over ``--weeks``
weeks (a level per product, a trend, a yearly season, noise and a few promotion
spikes). Measured, each run rolled back:

- suggestions: ``acorn.vendor.account._chain_compute_replenishment()`` of each
  account (read the facts, forecast every product, replace the suggestions);
  target: linear, the large account at most 1.5 x (large / small) the small one;
- floor: the plain SQL aggregate of the same facts (per product, channel and
  week) for the large account, what any method must at least read.

    python bench/bench_replenishment.py [--smoke] [--small N] [--large N]
                                        [--weeks N] [--repeat N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_pos_bridge, no demo) and dropped afterwards. The facts and accounts are
removed at the end. Needs ``ODOO_PATH`` and ``ACORN_CONF``.
"""

import argparse
import datetime
import os
import statistics
import sys
import time

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, env_for, finish  # noqa: E402

from odoo.modules.registry import Registry  # noqa: E402

PREFIX = "BENCHREP"
TODAY = datetime.date(2026, 11, 30)  # a Monday
LINEAR_SLACK = 1.5

FACTS_SQL = """
INSERT INTO acorn_channel_sale
    (date, channel, account_id, company_id, sku, product_id, receipt_ref,
     receipt_line, source, source_ref, quantity, on_hand, currency_id, revenue,
     cost, cost_final, margin, is_refund, refund_quantity, refund_revenue,
     create_uid, write_uid, create_date, write_date)
SELECT %(today)s::date - (w * 7) + 2, %(channel)s, %(account)s, %(company)s,
       p.default_code, p.id, %(ref)s || p.id || '-' || w, '1',
       %(source)s, %(ref)s || p.id || '-' || w,
       GREATEST(0, round((5 + p.id %% 40 + 0.05 * (%(weeks)s - w)
           + 4 * sin(2 * pi() * w / 52) + 3 * random()
           + CASE WHEN random() < 0.01 THEN 60 ELSE 0 END)::numeric, 0)),
       CASE WHEN w = 1 AND %(channel)s = 'amazon' THEN 30 ELSE 0 END,
       %(currency)s, 0, 0, false, 0, false, 0, 0, 1, 1, now(), now()
  FROM product_product p, generate_series(1, %(weeks)s) w
 WHERE p.id = ANY(%(products)s)
"""


def setup(db, args):
    """Products, two accounts and their facts (committed); account ids."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        products = env["product.product"].search(
            [("default_code", "=like", f"{PREFIX}-%")], order="id"
        )
        missing = args.large - len(products)
        if missing > 0:
            products |= env["product.product"].create(
                [
                    {"name": f"Bench {index}", "default_code": f"{PREFIX}-{index}",
                     "is_storable": True}
                    for index in range(len(products), args.large)
                ]
            )  # fmt: skip
        products = products[: args.large]
        company = env.company
        warehouse = env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )
        partner = env["res.partner"].create({"name": f"{PREFIX} Amazon"})
        accounts = env["acorn.vendor.account"].create(
            [
                {"name": f"{PREFIX} {size}", "vendor_code": f"{PREFIX}{size}",
                 "partner_id": partner.id, "currency_id": company.currency_id.id,
                 "vendor_isa_id": f"BR{size}", "vendor_gs_id": f"BR{size}",
                 "warehouse_id": warehouse.id}
                for size in (args.small, args.large)
            ]
        )  # fmt: skip
        insert_facts(cr, args, accounts, products)
        cr.commit()
        return accounts.ids


def insert_facts(cr, args, accounts, products):
    """Amazon facts of each account's products, store facts of all products."""
    company = accounts[0].company_id
    common = {"today": TODAY, "company": company.id,
              "currency": company.currency_id.id, "weeks": args.weeks}  # fmt: skip
    cr.execute("SELECT setseed(0.42)")
    for account, size in zip(accounts, (args.small, args.large), strict=True):
        cr.execute(FACTS_SQL, common | {
            "channel": "amazon", "source": "amazon_report", "account": account.id,
            "ref": f"{PREFIX}-A{account.id}-", "products": products[:size].ids,
        })  # fmt: skip
    cr.execute(FACTS_SQL, common | {
        "channel": "store", "source": "import", "account": None,
        "ref": f"{PREFIX}-S-", "products": products.ids})  # fmt: skip
    cr.execute("ANALYZE acorn_channel_sale")


def cleanup(db):
    with Registry(db).cursor() as cr:
        cr.execute(
            "DELETE FROM acorn_channel_sale WHERE source_ref LIKE %s", [f"{PREFIX}%"]
        )
        env = env_for(cr)
        accounts = env["acorn.vendor.account"].search(
            [("vendor_code", "=like", f"{PREFIX}%")]
        )
        accounts.replenishment_ids.unlink()
        accounts.unlink()
        cr.commit()


def measure(db, account_id, repeat):
    """Median seconds of computing an account's suggestions; their count."""
    times, count = [], 0
    for _run in range(repeat):
        with Registry(db).cursor() as cr:
            account = env_for(cr)["acorn.vendor.account"].browse(account_id)
            start = time.perf_counter()
            lines = account._chain_compute_replenishment(TODAY)
            env_for(cr).flush_all()
            times.append(time.perf_counter() - start)
            count = len(lines)
            cr.rollback()
    return statistics.median(times), count


def measure_floor(db, account_id, repeat):
    """Median seconds of the plain weekly aggregate of the account's facts."""
    times = []
    for _run in range(repeat):
        with Registry(db).cursor() as cr:
            account = env_for(cr)["acorn.vendor.account"].browse(account_id)
            start_date = TODAY - datetime.timedelta(weeks=104)
            start = time.perf_counter()
            account._chain_weekly_facts(start_date, TODAY)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(args, small, large, floor):
    problems = []
    (small_s, small_n), (large_s, large_n) = small, large
    growth = large_s / small_s if small_s else 0.0
    size_ratio = args.large / args.small
    print(f"history: {args.weeks} weeks, Amazon + store facts")
    print(f"suggestions {args.small:>6} products: {small_s:8.3f} s "
          f"({1000 * small_s / max(small_n, 1):.3f} ms/product)")  # fmt: skip
    print(f"suggestions {args.large:>6} products: {large_s:8.3f} s "
          f"({1000 * large_s / max(large_n, 1):.3f} ms/product)")  # fmt: skip
    print(f"growth x{size_ratio:g} products: time x{growth:.2f} "
          f"(linear target <= x{LINEAR_SLACK * size_ratio:.1f})")  # fmt: skip
    print(f"floor (SQL weekly aggregate, {args.large} products): {floor:8.3f} s; "
          f"suggestions / floor: x{large_s / floor if floor else 0:.1f}")  # fmt: skip
    for size, count in ((args.small, small_n), (args.large, large_n)):
        if count != size:
            problems.append(f"{count} suggestions for {size} products")
    if not args.smoke and growth > LINEAR_SLACK * size_ratio:
        problems.append(f"not linear: x{growth:.2f} for x{size_ratio:g} products")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--weeks", type=int, default=104)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    if args.smoke:
        args.small, args.large, args.repeat = 50, 250, 1
    with database(args.db, "acorn_pos_bridge") as db:
        cleanup(db)
        try:
            started = time.perf_counter()
            small_id, large_id = setup(db, args)
            print(f"setup: {time.perf_counter() - started:.1f} s", flush=True)
            # Untimed: the first read of freshly written rows sets their hint bits.
            measure_floor(db, large_id, 1)
            small = measure(db, small_id, args.repeat)
            large = measure(db, large_id, args.repeat)
            floor = measure_floor(db, large_id, args.repeat)
            problems = report(args, small, large, floor)
        finally:
            cleanup(db)
        return finish(problems)


if __name__ == "__main__":
    sys.exit(main())
