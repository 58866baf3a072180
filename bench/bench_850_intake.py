"""Amazon 850 intake: ``receive_file`` beside a batched ``sale.order.create()``.

Full size: 1,000 POs x 20 lines, in files of ``--per-file`` POs. The floor is one
``sale.order.create()`` of the very values the pipeline creates (the same partner,
lines, prices and Amazon fields), prepared before the clock starts. The pipeline is
everything ``receive_file`` does: archive the raw bytes, read and validate X12,
dedupe, match identifiers, price-check, create the orders, build and archive the 997s.
Confirmation (``action_confirm``: pickings, procurement) is timed separately.

Then the chunked path: one file of ``--chunked-pos`` POs (5,000) given to
``receive_file``, which commits the archive, reads the file and processes batches of
the account's batch size until its share of the time limit is used; the processing
cron's method, called on a new cursor each turn as a cron worker does, finishes it.
Its floor is ``sale.order.create()`` of the same values in batches of the same size.
Orders per second, the ratio to that floor, and the peak RSS are printed.

The floors are rolled back; the pipelines commit (``receive_file`` commits the
archive and each batch), so give the benchmark a throwaway database.

    python bench/bench_850_intake.py [--smoke] [--pos N] [--lines N] [--per-file N]
        [--chunked-pos N] [--batch N]

Database: ``--db``, else ``ACORN_TEST_DB``, else a new one built with odoo-bin
(acorn_amazon_vendor, no demo) and dropped afterwards. Needs ``ODOO_PATH`` and
``ACORN_CONF``.
"""

import argparse
import base64
import os
import resource
import sys
import time
from types import SimpleNamespace

sys.path.insert(0, os.environ["ODOO_PATH"])

from odoo_bench import database, env_for, finish  # noqa: E402

from odoo.modules.registry import Registry  # noqa: E402

TARGET = 1.3
CHUNKED_TARGET = 1.1
PRODUCTS = 200


def purchase_order(number, control, lines):
    segments = [
        f"ST*850*{control:04d}",
        f"BEG*00*NE*{number}**20261127",
        "REF*CR*BENCH",
        "CSH*N",
        "DTM*064*20261201",
        "DTM*063*20261208",
        "N1*ST**92*ABE2",
    ]
    total = 0
    for line in range(1, lines + 1):
        item = (control * 7 + line * 13) % PRODUCTS
        quantity = 6 + (line % 5) * 6
        total += quantity
        segments.append(
            f"PO1*{line}*{quantity}*EA*{10 + item % 40}.00*PE*BP*B0BENCH{item:04d}"
            f"*VN*BENCH-{item:04d}"
        )
    segments.append(f"CTT*{lines}*{total}")
    segments.append(f"SE*{len(segments) + 1}*{control:04d}")
    return segments


# First ISA13 of each run's files: the pipelines commit, so runs never share one.
FIRST_CONTROL = {"WARM": 1, "BN": 1000, "CH": 90000, "CF": 95000}


def make_files(pos, lines, per_file, prefix):
    """Returns [(filename, bytes)] holding ``pos`` POs in files of ``per_file``."""
    files, number = [], 0
    for index in range(0, pos, per_file):
        control = FIRST_CONTROL[prefix] + index // per_file
        count = min(per_file, pos - index)
        segments = [
            "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*BENCH          "
            f"*261127*0830*U*00401*{control:09d}*0*P*>",
            f"GS*PO*AMAZON*BENCH*20261127*0830*{control}*X*004010",
        ]
        for offset in range(1, count + 1):
            number += 1
            segments += purchase_order(f"{prefix}{number:06d}", offset, lines)
        segments += [f"GE*{count}*{control}", f"IEA*1*{control:09d}"]
        files.append(
            (f"BENCH850.{prefix}{control:05d}", ("~\n".join(segments) + "~\n").encode())
        )
    return files


def setup(db):
    """Creates the account, products, identifiers and FC once (committed)."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].search([("vendor_code", "=", "BENCH")])
        if account:
            return account.id
        partner = env["res.partner"].create({"name": "Amazon (benchmark)"})
        account = env["acorn.vendor.account"].create(
            {
                "name": "Benchmark",
                "vendor_code": "BENCH",
                "partner_id": partner.id,
                "vendor_isa_id": "BENCH",
                "vendor_gs_id": "BENCH",
            }
        )
        env["acorn.amazon.fc"].create(
            {"account_id": account.id, "code": "ABE2", "partner_id": partner.id}
        )
        products = env["product.product"].create(
            [
                {
                    "name": f"Bench item {item}",
                    "default_code": f"BENCH-{item:04d}",
                    "list_price": 10 + item % 40,
                    "is_storable": True,
                }
                for item in range(PRODUCTS)
            ]
        )
        env["acorn.product.identifier"].create(
            [
                {
                    "account_id": account.id,
                    "product_id": product.id,
                    "qualifier": "BP",
                    "value": f"B0BENCH{item:04d}",
                }
                for item, product in enumerate(products)
            ]
        )
        cr.commit()
        return account.id


def floor_values(env, account, files):
    """The values the pipeline creates, for the same POs, prepared off the clock."""
    from odoo.addons.acorn_amazon_vendor.tools.po_context import (
        PurchaseOrderContext,
    )
    from odoo.addons.acorn_amazon_vendor.x12 import parse_850, validate_file

    orders = [
        parse_850(one)
        for _, payload in files
        for one in validate_file(payload, keep_segments=True).sets()
    ]
    context = PurchaseOrderContext(account, orders)
    Order = env["sale.order"]
    values = []
    for po in orders:
        message = SimpleNamespace(id=False, content_digest="x", create_date=None)
        vals, _, _ = Order._amz_prepare_850_values(context, po, message)
        values.append(vals)
    return values


def timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def run_floor(db, account_id, files):
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)
        values = floor_values(env, account, files)
        env.flush_all()
        seconds, orders = timed(lambda: _create_and_flush(env, values))
        confirm, _ = timed(lambda: _confirm(env, orders))
        cr.rollback()
    return seconds, confirm, len(values)


def _create_and_flush(env, values):
    orders = env["sale.order"].create(values)
    env.flush_all()
    return orders


def _confirm(env, orders):
    orders.action_confirm()
    env.flush_all()


def run_pipeline(db, account_id, files):
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)

        def receive():
            for name, payload in files:
                account.receive_file(name, base64.b64encode(payload))
            env.flush_all()

        seconds, _ = timed(receive)
        orders, states = _outcome(env, account_id, files)
        confirm, _ = timed(lambda: _confirm(env, orders))
        cr.rollback()
    return seconds, confirm, len(orders), states


def _outcome(env, account_id, files):
    """The orders and the states of the 850 messages of these files."""
    names = [name for name, _ in files]
    messages = env["acorn.edi.message"].search(
        [("interchange_id.filename", "in", names), ("document_type", "=", "850")]
    )
    orders = env["sale.order"].search(
        [
            ("amz_account_id", "=", account_id),
            ("amz_po_number", "in", messages.mapped("po_number")),
        ]
    )
    return orders, set(messages.mapped("state"))


def peak_rss_mb():
    """Peak resident memory of this process so far, in MB (Linux: ru_maxrss in KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_chunked(db, account_id, files, batch):
    """receive_file on the big file, then cron turns on new cursors until done."""
    (name, payload), turns = files[0], 0
    with Registry(db).cursor() as cr:
        env_for(cr)["acorn.vendor.account"].browse(account_id).intake_batch_size = batch
        cr.commit()
    started = time.perf_counter()
    with Registry(db).cursor() as cr:
        account = env_for(cr)["acorn.vendor.account"].browse(account_id)
        account.receive_file(name, base64.b64encode(payload))
        cr.commit()
    left = True
    while left:
        turns += 1
        with Registry(db).cursor() as cr:
            env = env_for(cr)
            env["acorn.edi.message"]._cron_process_received()
            cr.commit()
            left = env["acorn.edi.interchange"]._amz_count_pending()
    seconds = time.perf_counter() - started
    with Registry(db).cursor() as cr:
        orders, states = _outcome(env_for(cr), account_id, files)
        return seconds, len(orders), states, turns


def run_batched_floor(db, account_id, files, batch):
    """sale.order.create() of the same values, in batches of the same size."""
    with Registry(db).cursor() as cr:
        env = env_for(cr)
        account = env["acorn.vendor.account"].browse(account_id)
        values = floor_values(env, account, files)
        env.flush_all()

        def create_in_batches():
            for start in range(0, len(values), batch):
                _create_and_flush(env, values[start : start + batch])
                env.invalidate_all()

        seconds, _ = timed(create_in_batches)
        cr.rollback()
    return seconds, len(values)


def report_chunked(args, floor, chunked, rss):
    floor_s, floor_count = floor
    seconds, count, states, turns = chunked
    ratio = seconds / floor_s if floor_s else float("inf")
    print(
        f"chunked path: 1 file of {args.chunked_pos} POs x {args.lines} lines, "
        f"batches of {args.batch}, receive_file + {turns} cron turns"
    )
    print(f"{'step':36} {'seconds':>9} {'orders':>7} {'PO/s':>8} {'ratio':>7}")
    for name, secs, number, row_ratio in (
        ("floor: create() in batches", floor_s, floor_count, 1.0),
        ("chunked receive_file + cron", seconds, count, ratio),
    ):
        rate = number / secs if secs else 0
        print(f"{name:36} {secs:9.2f} {number:7d} {rate:8.1f} {row_ratio:6.2f}x")
    print(f"peak RSS: {rss[1]:.0f} MB ({rss[1] - rss[0]:+.0f} MB over the chunked run)")
    verdict = "met" if ratio <= CHUNKED_TARGET else "MISSED"
    print(
        f"target chunked <= {CHUNKED_TARGET}x batched floor: {verdict} ({ratio:.2f}x)"
    )
    problems = []
    if count != args.chunked_pos:
        problems.append(f"chunked: expected {args.chunked_pos} orders, got {count}")
    if states != {"in_processed"}:
        problems.append(f"chunked: 850 messages not all processed: {sorted(states)}")
    return problems


def report(args, floor, pipeline):
    floor_s, floor_confirm, floor_count = floor
    pipe_s, pipe_confirm, pipe_count, states = pipeline
    ratio = pipe_s / floor_s if floor_s else float("inf")
    rows = [
        ("floor: sale.order.create() batch", floor_s, floor_count, 1.0),
        ("receive_file (whole pipeline)", pipe_s, pipe_count, ratio),
        ("confirm floor orders", floor_confirm, floor_count, None),
        (
            "confirm pipeline orders",
            pipe_confirm,
            pipe_count,
            pipe_confirm / floor_confirm,
        ),
    ]
    print(
        f"850 intake: {args.pos} POs x {args.lines} lines, {args.per_file} POs per file"
    )
    print(f"{'step':36} {'seconds':>9} {'orders':>7} {'ms/PO':>8} {'ratio':>7}")
    for name, seconds, count, row_ratio in rows:
        per_po = 1000 * seconds / count if count else 0
        shown = f"{row_ratio:.2f}x" if row_ratio is not None else "-"
        print(f"{name:36} {seconds:9.2f} {count:7d} {per_po:8.1f} {shown:>7}")
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"target pipeline <= {TARGET}x floor: {verdict} ({ratio:.2f}x)")
    problems = []
    if pipe_count != args.pos or floor_count != args.pos:
        problems.append(f"expected {args.pos} orders, got {pipe_count} / {floor_count}")
    if states != {"in_processed"}:
        problems.append(f"850 messages not all processed: {sorted(states)}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a size for CI")
    parser.add_argument("--pos", type=int, default=1000)
    parser.add_argument("--lines", type=int, default=20)
    parser.add_argument("--per-file", type=int, default=50)
    parser.add_argument("--chunked-pos", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=50, help="sets per batch")
    parser.add_argument("--db", default=os.environ.get("ACORN_TEST_DB"))
    args = parser.parse_args()
    if args.smoke:
        args.pos, args.lines, args.per_file = 40, 10, 20
        args.chunked_pos, args.batch = 60, 20
    with database(args.db) as db:
        account_id = setup(db)
        warm = make_files(4, args.lines, 4, "WARM")
        run_floor(db, account_id, warm)
        run_pipeline(db, account_id, warm)
        problems = []
        if args.chunked_pos:
            big = make_files(args.chunked_pos, args.lines, args.chunked_pos, "CH")
            rss_before = peak_rss_mb()
            chunked = run_chunked(db, account_id, big, args.batch)
            rss = (rss_before, peak_rss_mb())
            twin = make_files(args.chunked_pos, args.lines, args.chunked_pos, "CF")
            floor = run_batched_floor(db, account_id, twin, args.batch)
            problems += report_chunked(args, floor, chunked, rss)
        if args.pos:
            files = make_files(args.pos, args.lines, args.per_file, "BN")
            floor = run_floor(db, account_id, files)
            pipeline = run_pipeline(db, account_id, files)
            problems += report(args, floor, pipeline)
        return finish(problems)


if __name__ == "__main__":
    sys.exit(main())
