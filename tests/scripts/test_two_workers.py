"""Two workers, one inbox: every PO becomes exactly one sale order.

Runs outside Odoo's test cursor, on real connections that commit, as the folder
transport's scheduled action does in production. It needs a database with
acorn_amazon_vendor installed (``ACORN_TEST_DB``), ``ODOO_PATH`` and ``ACORN_CONF``.

1. Setup (one connection, committed): a vendor account with a folder transport in a
   temporary directory, the products the POs order, and an inbox of files (one PO
   each, a few with several POs, one file dropped twice under two names).
2. Two worker processes start together and sync the same account in small batches,
   and run the processing cron's method, until the inbox is empty and no received
   file has work left.
3. Checks: one sale order per PO, no set processed twice, nothing in error, every
   file archived and moved out of the inbox, one 997 per original file.

Exits 0 on success, 1 with the reasons otherwise; removes its directory (the
database is a throwaway clone made by the test command).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.environ["ODOO_PATH"])

import x12_files  # noqa: E402

import odoo  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

DB = os.environ["ACORN_TEST_DB"]
CONF = os.environ["ACORN_CONF"]
ITEMS = ("B0TWOWORK1", "TW-ONE", "TW-TWO")  # ASIN and SKUs of the two lines
VENDOR = "TWOWORK"
FILES = 24
BATCH = 3
WORKER_TIMEOUT = 300


def env_for(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def interchange(control, numbers):
    return x12_files.interchange(VENDOR, ITEMS, control, numbers)


def setup(root):
    """Creates the account, products and inbox; returns the PO numbers expected."""
    inbox = root / "in"
    for folder in ("in", "out", "done"):
        (root / folder).mkdir()
    expected = []
    for control in range(1, FILES + 1):
        numbers = [f"TW{control:04d}A"] + (
            [f"TW{control:04d}B"] if control % 5 == 0 else []
        )
        expected += numbers
        (inbox / f"{VENDOR}850.I{control:05d}").write_text(
            interchange(control, numbers)
        )
    shutil.copy(inbox / f"{VENDOR}850.I00003", inbox / f"{VENDOR}850.I00003.again")
    with Registry(DB).cursor() as cr:
        env = env_for(cr)
        partner = env["res.partner"].create({"name": "Amazon (two workers)"})
        account = env["acorn.vendor.account"].create(
            {
                "name": "Two workers",
                "vendor_code": VENDOR,
                "partner_id": partner.id,
                "vendor_isa_id": VENDOR,
                "vendor_gs_id": VENDOR,
                "sync_batch_size": BATCH,
            }
        )
        env["acorn.edi.transport"].create(
            {
                "account_id": account.id,
                "kind": "folder",
                "download_path": str(inbox),
                "upload_path": str(root / "out"),
                "archive_path": str(root / "done"),
            }
        )
        env["acorn.amazon.fc"].create(
            {"account_id": account.id, "code": "ABE2", "partner_id": partner.id}
        )
        for code, price in (("TW-ONE", 5.0), ("TW-TWO", 7.5)):
            env["product.product"].create(
                {"name": code, "default_code": code, "list_price": price}
            )
        cr.commit()
        return account.id, expected


def worker(account_id, go_file):
    """Syncs the account until its inbox is empty; run in its own process."""
    odoo.tools.config.parse_config(["-c", CONF, "-d", DB, "--log-level=warn"])
    while not Path(go_file).exists():
        time.sleep(0.01)
    registry = Registry(DB)
    deadline = time.time() + WORKER_TIMEOUT
    while time.time() < deadline:
        with registry.cursor() as cr:
            env = env_for(cr)
            inbox = Path(
                env["acorn.vendor.account"]
                .browse(account_id)
                .transport_ids.download_path
            )
            env["acorn.vendor.account"]._cron_sync_transports(batch_size=BATCH)
            env["acorn.edi.message"]._cron_process_received()
            cr.commit()
            pending = env["acorn.edi.interchange"]._amz_count_pending()
        if not pending and not any(path.is_file() for path in inbox.iterdir()):
            return 0
    print("worker: inbox still not empty at the deadline", flush=True)
    return 1


def check(account_id, expected, root):
    problems = []
    with Registry(DB).cursor() as cr:
        env = env_for(cr)
        orders = env["sale.order"].search([("amz_account_id", "=", account_id)])
        numbers = orders.mapped("amz_po_number")
        if sorted(numbers) != sorted(expected):
            missing = sorted(set(expected) - set(numbers))
            twice = sorted({n for n in numbers if numbers.count(n) > 1})
            problems.append(f"orders: missing {missing}, more than once {twice}")
        Message = env["acorn.edi.message"]
        domain = [("account_id", "=", account_id), ("direction", "=", "inbound")]
        processed = Message.search(domain + [("state", "=", "in_processed")])
        if sorted(processed.mapped("po_number")) != sorted(expected):
            problems.append("each PO's 850 must be processed exactly once")
        errors = Message.search(domain + [("state", "in", ("in_error", "in_review"))])
        if errors:
            problems.append(f"messages in error: {errors.mapped('error_message')}")
        files = env["acorn.edi.interchange"].search(
            [("account_id", "=", account_id), ("direction", "=", "inbound")]
        )
        originals = files.filtered(lambda f: not f.duplicate_of_id)
        if len(originals) != FILES:
            problems.append(f"{len(originals)} original files archived, {FILES} sent")
        acks = Message.search(
            [("account_id", "=", account_id), ("document_type", "=", "997")]
        )
        if len(acks.interchange_id) != FILES:
            problems.append(f"{len(acks.interchange_id)} 997 files for {FILES} files")
        left = [p.name for p in (root / "in").iterdir()]
        if left:
            problems.append(f"files left in the inbox: {left}")
        archived = {p.name.split(".again")[0] for p in (root / "done").iterdir()}
        if len(archived) < FILES:
            problems.append(f"only {len(archived)} files reached the archive")
    return problems


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        return worker(int(sys.argv[2]), sys.argv[3])
    odoo.tools.config.parse_config(["-c", CONF, "-d", DB, "--log-level=warn"])
    root = Path(tempfile.mkdtemp(prefix="acorn-two-workers-"))
    try:
        account_id, expected = setup(root)
        go_file = root / "go"
        command = [sys.executable, __file__, "--worker", str(account_id), str(go_file)]
        workers = [subprocess.Popen(command) for _ in range(2)]
        time.sleep(1.0)
        go_file.touch()
        codes = [proc.wait(timeout=WORKER_TIMEOUT + 60) for proc in workers]
        go_file.unlink()
        problems = [f"worker exited {code}" for code in codes if code]
        problems += check(account_id, expected, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if problems:
        print("FAILED: two workers on one inbox:\n- " + "\n- ".join(problems))
        return 1
    print(
        f"ok: two workers, {FILES + 1} files, {len(expected)} POs, each imported once"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
