"""SFTP end to end with real commits: kill the worker or the line at any moment.

Runs outside Odoo's test cursor, as the scheduled action does in production. It
needs a database with acorn_amazon_vendor installed (``ACORN_TEST_DB``),
``ODOO_PATH`` and ``ACORN_CONF``, and starts its own sshd on 127.0.0.1.

1. Setup (committed): a vendor account whose transport is the sshd's mailbox
   (host key pinned, key authentication), the products its POs order, and POs
   waiting in the remote download folder.
2. Rounds: a worker process syncs the account one file at a time; after a
   different delay each round, either the worker is killed (SIGKILL: between any
   two statements, commits included) or every SSH session is cut. Then a last
   worker runs until nothing is left.
3. Checks: one sale order per PO; the download folder empty; every 997 in the
   upload folder once, under its final name, byte for byte; nothing in error.

Exits 0 on success, 1 with the reasons otherwise.
"""

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.environ["ODOO_PATH"])

import odoo  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

DB = os.environ["ACORN_TEST_DB"]
CONF = os.environ["ACORN_CONF"]
VENDOR = "SFTPKILL"
FILES = 10
DELAYS = (0.3, 0.8, 1.3, 0.5, 1.0, 0.2)
WORKER_TIMEOUT = 300
ROOT = Path(__file__).resolve().parents[2]
_SPEC = importlib.util.spec_from_file_location(
    "acorn_test_sshd", ROOT / "acorn_amazon_vendor" / "tests" / "sshd.py"
)
sshd = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(sshd)


def env_for(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def interchange(control):
    sender, receiver = "AMAZON".ljust(15), VENDOR.ljust(15)
    body = [
        "ST*850*0001",
        f"BEG*00*NE*SK{control:04d}**20261127",
        f"REF*CR*{VENDOR}",
        "CSH*N",
        "DTM*064*20261201",
        "DTM*063*20261208",
        "N1*ST**92*ABE2",
        "PO1*1*12*EA*5.00*PE*VN*SK-ONE",
        "CTT*1*12",
        "SE*10*0001",
    ]
    segments = [
        f"ISA*00*          *00*          *ZZ*{sender}*ZZ*{receiver}*261127*0830*U*00401"
        f"*{control:09d}*0*P*>",
        f"GS*PO*AMAZON*{VENDOR}*20261127*0830*{control}*X*004010",
        *body,
        f"GE*1*{control}",
        f"IEA*1*{control:09d}",
    ]
    return "~\n".join(segments) + "~\n"


def setup(server):
    for control in range(1, FILES + 1):
        path = server.download / f"{VENDOR}850.I{control:05d}"
        path.write_text(interchange(control))
        os.chmod(path, 0o666)
    with Registry(DB).cursor() as cr:
        env = env_for(cr)
        partner = env["res.partner"].create({"name": "Amazon (SFTP kills)"})
        account = env["acorn.vendor.account"].create(
            {
                "name": "SFTP kills",
                "vendor_code": VENDOR,
                "partner_id": partner.id,
                "vendor_isa_id": VENDOR,
                "vendor_gs_id": VENDOR,
                "sync_batch_size": 1,
            }
        )
        env["acorn.amazon.fc"].create(
            {"account_id": account.id, "code": "ABE2", "partner_id": partner.id}
        )
        env["product.product"].create(
            {"name": "SK-ONE", "default_code": "SK-ONE", "list_price": 5.0}
        )
        env["acorn.edi.transport"].create(
            {"account_id": account.id, "kind": "sftp", **server.settings()}
        )
        cr.commit()
        return account.id


def worker(account_id, ready_file):
    """Syncs until nothing is left to receive or send; run in its own process."""
    odoo.tools.config.parse_config(["-c", CONF, "-d", DB, "--log-level=critical"])
    registry = Registry(DB)
    Path(ready_file).touch()
    deadline = time.time() + WORKER_TIMEOUT
    while time.time() < deadline:
        with registry.cursor() as cr:
            env = env_for(cr)
            env["acorn.vendor.account"]._cron_sync_transports(batch_size=1)
            cr.commit()
            account = env["acorn.vendor.account"].browse(account_id)
            waiting = env["acorn.edi.message"].search_count(
                [("account_id", "=", account_id), ("state", "=", "out_generated")]
            )
            download = Path(account.transport_ids.download_path)
        if not waiting and not any(download.iterdir()):
            return 0
        time.sleep(0.1)
    return 1


def start_worker(account_id, root):
    ready = root / f"ready-{time.monotonic_ns()}"
    command = [sys.executable, __file__, "--worker", str(account_id), str(ready)]
    process = subprocess.Popen(command)
    while not ready.exists() and process.poll() is None:
        time.sleep(0.05)
    return process


def rounds(server, account_id):
    for number, delay in enumerate(DELAYS):
        process = start_worker(account_id, server.root)
        time.sleep(delay)
        if number % 2:
            server.kill_sessions()
            process.wait(timeout=WORKER_TIMEOUT)
        else:
            process.send_signal(signal.SIGKILL)
            process.wait()
    return start_worker(account_id, server.root).wait(timeout=WORKER_TIMEOUT + 60)


def check(server, account_id):
    problems = []
    with Registry(DB).cursor() as cr:
        env = env_for(cr)
        numbers = (
            env["sale.order"]
            .search([("amz_account_id", "=", account_id)])
            .mapped("amz_po_number")
        )
        expected = [f"SK{n:04d}" for n in range(1, FILES + 1)]
        if sorted(numbers) != expected:
            problems.append(f"orders {sorted(numbers)} instead of {expected}")
        Message = env["acorn.edi.message"]
        mine = [("account_id", "=", account_id)]
        failed = Message.search(mine + [("state", "in", Message._ERROR_STATES)])
        if failed:
            problems.append(f"messages in error: {failed.mapped('error_message')}")
        acks = Message.search(mine + [("document_type", "=", "997")])
        if set(acks.mapped("state")) != {"out_sent"}:
            problems.append(f"997 states: {acks.mapped('state')}")
        sent = {file.filename: file._get_payload() for file in acks.interchange_id}
        final = {
            path.name: path.read_bytes()
            for path in server.upload.iterdir()
            if not path.name.startswith(".")
        }
        if final != sent:
            problems.append(f"uploaded {sorted(final)} instead of {sorted(sent)}")
        left = list(server.download.iterdir())
        if left:
            problems.append(f"left in the download folder: {left}")
    return problems


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        return worker(int(sys.argv[2]), sys.argv[3])
    odoo.tools.config.parse_config(["-c", CONF, "-d", DB, "--log-level=warn"])
    server = sshd.SshServer().start()
    try:
        account_id = setup(server)
        code = rounds(server, account_id)
        problems = [f"last worker exited {code}"] if code else []
        problems += check(server, account_id)
    finally:
        server.stop()
    if problems:
        print("FAILED: SFTP with kills:\n- " + "\n- ".join(problems))
        return 1
    print(f"ok: {FILES} POs over SFTP, {len(DELAYS)} kills, each imported once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
