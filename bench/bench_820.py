"""Amazon 820 remittances booked in the ledger, beside Odoo's register-payment wizard.

Full size: an 820 of 10,000 RMR lines paying 10,000 open invoices (one in ten short
paid by an ADX deduction), and the same at 1,000 lines to measure growth (target:
10x the lines costs at most 12x the time). Timed: matching (``receive_file`` of the
820: archive, read, one remittance with its lines and deductions, every line
matched) and booking (``_amz_book``: one payment with its write-offs, reconciled
in one plan). The baseline is Odoo's ``account.payment.register`` in grouped mode
(``group_payment=True``) on the same kind of invoices in the same run: one payment
for all of them, reconciled by Odoo (target: ours at least 3x faster). Invoices
and the 820 file are made off the clock; each run is rolled back.

    python bench/bench_820.py [--smoke] [--sizes 1000,10000]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_amazon_vendor, no demo) and dropped afterwards. Needs ``ODOO_PATH`` and
``ACORN_CONF``.
"""

import argparse
import base64
import datetime
import os
import sys
import time
from decimal import Decimal

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, env_for, finish  # noqa: E402

from odoo import Command  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

VENDOR = "BENCH820"
DAY = datetime.date(2026, 12, 15)
# Targets of the issue: growth 1,000 -> 10,000 lines, speed against the wizard.
MAX_GROWTH = 12.0
MIN_SPEEDUP = 3.0


def setup(db):
    """The account and its Amazon partner (committed once)."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].search([("vendor_code", "=", VENDOR)])
        if not account:
            partner = env["res.partner"].create({"name": "Amazon (820 benchmark)"})
            account = env["acorn.vendor.account"].create(
                {
                    "name": "820 benchmark",
                    "vendor_code": VENDOR,
                    "partner_id": partner.id,
                    "vendor_isa_id": VENDOR,
                    "vendor_gs_id": VENDOR,
                }
            )
            cr.commit()
        return account.id


def open_invoices(env, account, count):
    """``count`` posted invoices of the account's partner (off the clock)."""
    invoices = env["account.move"].create(
        [
            {
                "move_type": "out_invoice",
                "partner_id": account.partner_id.id,
                "invoice_date": DAY - datetime.timedelta(days=30),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Goods", "quantity": 1, "price_unit": 100 + n % 900,
                         "tax_ids": [Command.clear()]}
                    )
                ],
            }
            for n in range(count)
        ]
    )  # fmt: skip
    invoices.action_post()
    env.flush_all()
    # Fresh statistics, as a live database has them (autovacuum can't see rows of
    # this open transaction): without them PostgreSQL plans Odoo's payment-state
    # query for a few rows and it runs for minutes, for the wizard as for us.
    env.cr.execute(
        "ANALYZE account_move, account_move_line, account_partial_reconcile, "
        "account_payment"
    )
    return invoices


def remittance_text(invoices, trace):
    """An 820 paying every invoice, one in ten short by an ADX of 5.00."""
    from odoo.addons.acorn_amazon_vendor.x12 import (
        Adjustment,
        OutboundEnvelope,
        Remittance,
        RemittanceItem,
        build_820,
    )

    items = []
    for n, invoice in enumerate(invoices):
        total = Decimal(str(invoice.amount_total))
        short = (Adjustment(Decimal("-5.00"), "72"),) if n % 10 == 0 else ()
        paid = total - 5 if short else total
        items.append(
            RemittanceItem(invoice.name, paid, invoiced=total, adjustments=short)
        )
    remittance = Remittance(
        trace_number=trace,
        amount=sum((item.paid for item in items), Decimal(0)),
        items=tuple(items),
        payment_date=DAY,
        dates=(("097", DAY),),
    )
    # Control numbers of their own per run: intake commits what it receives (the
    # archive first), so an earlier run's 820 is there and the same numbers would
    # be a duplicate.
    control = 820_000 + len(items)
    envelope = OutboundEnvelope(
        "ZZ", "AMAZON", "ZZ", VENDOR, "AMAZON", VENDOR, isa_control=control,
        gs_control=control, st_control=1, timestamp=datetime.datetime(2026, 12, 15),
    )  # fmt: skip
    return build_820(remittance, envelope)


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def run_ours(db, account_id, count):
    """Returns ({step: seconds}, outcome) of matching and booking one 820."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)
        account.deduction_type_ids.filtered(
            lambda t: t.code == "coop"
        ).reason_codes = "72"
        invoices = open_invoices(env, account, count)
        payload = base64.b64encode(remittance_text(invoices, f"B{count}").encode())

        def match():
            ids = account.receive_file(f"bench{count}.edi", payload)
            env.flush_all()
            return env["acorn.edi.message"].browse(ids)

        times = {}
        times["match"], message = timed(match)
        remittance = env["acorn.amz.remittance"].browse(message.res_id)

        def book():
            booked = remittance._amz_book_safely()
            env.flush_all()
            return booked

        times["book"], booked = timed(book)
        outcome = {
            "lines": remittance.line_count,
            "matched": remittance.matched_count,
            "booked": booked,
            "error": remittance.error_message,
            "paid": len(invoices.filtered(lambda m: m.payment_state == "paid")),
        }
        cr.rollback()
    return times, outcome


def run_wizard(db, account_id, count):
    """Seconds of Odoo's register-payment wizard, grouped, on ``count`` invoices."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)
        invoices = open_invoices(env, account, count)

        def register():
            wizard = (
                env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=invoices.ids)
                .create(
                    {
                        "group_payment": True,
                        "payment_date": DAY,
                        "journal_id": account.remittance_journal_id.id,
                    }
                )
            )
            payments = wizard._create_payments()
            env.flush_all()
            return payments

        seconds, payments = timed(register)
        paid = len(invoices.filtered(lambda m: m.payment_state == "paid"))
        cr.rollback()
    return seconds, {"payments": len(payments), "paid": paid}


def report(results, wizard):
    print("820 remittances: match (receive_file) + book (one payment, one plan)")
    print(f"{'lines':>7} {'match s':>8} {'book s':>8} {'total s':>8} {'ms/line':>8}")
    for count, (times, _outcome) in sorted(results.items()):
        total = times["match"] + times["book"]
        print(f"{count:7d} {times['match']:8.2f} {times['book']:8.2f} {total:8.2f} "
              f"{1000 * total / count:8.2f}")  # fmt: skip
    problems = []
    for count, (_times, outcome) in results.items():
        if not outcome["booked"] or outcome["paid"] != count:
            problems.append(f"{count}: booked {outcome['booked']}, paid "
                            f"{outcome['paid']}, {outcome['error']}")  # fmt: skip
    sizes = sorted(results)
    totals = {n: sum(results[n][0].values()) for n in sizes}
    if len(sizes) > 1:
        growth = totals[sizes[-1]] / totals[sizes[0]]
        scale = sizes[-1] / sizes[0]
        print(f"growth {sizes[0]} -> {sizes[-1]} lines ({scale:.0f}x): {growth:.1f}x "
              f"(target <= {MAX_GROWTH * scale / 10:.0f}x)")  # fmt: skip
        if growth > MAX_GROWTH * scale / 10:
            problems.append(f"growth {growth:.1f}x")
    seconds, outcome = wizard
    speedup = seconds / totals[sizes[-1]]
    print(f"Odoo register-payment wizard (grouped), {sizes[-1]} invoices: "
          f"{seconds:.2f} s, {outcome['payments']} payment(s), "
          f"{outcome['paid']} paid")  # fmt: skip
    print(f"ours vs wizard: {speedup:.1f}x faster (target >= {MIN_SPEEDUP:.0f}x)")
    if outcome["paid"] != sizes[-1]:
        problems.append(f"the wizard paid {outcome['paid']}")
    return problems, speedup


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    sizes = [20, 200] if args.smoke else [int(n) for n in args.sizes.split(",")]
    with database(args.db) as db:
        account_id = setup(db)
        run_ours(db, account_id, 5)  # warm-up: caches, compiled grammars
        results = {count: run_ours(db, account_id, count) for count in sizes}
        wizard = run_wizard(db, account_id, sizes[-1])
        problems, speedup = report(results, wizard)
        if not args.smoke and speedup < MIN_SPEEDUP:
            problems.append(f"only {speedup:.1f}x faster than the wizard")
        return finish(problems)


if __name__ == "__main__":
    sys.exit(main())
