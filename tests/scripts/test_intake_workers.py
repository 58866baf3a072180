"""Big files under worker time limits: every PO becomes exactly one order.

A real Odoo server, as production runs it: ``--workers=2 --max-cron-threads=2
--limit-time-real=30``, the folder transport on a vendor account, the scheduled
actions doing the work. Needs a database with acorn_amazon_vendor installed
(``ACORN_TEST_DB``, a throwaway clone), ``ODOO_PATH`` and ``ACORN_CONF``.

1. A 1,600-PO file and three 5-PO files are dropped into the inbox; the sync is
   triggered. Checks: each PO is one order, the small files are done before the big
   one, the big file shows all its sets processed, no message in error, and the server
   log has no traceback, no worker timeout and no timed-out job.
2. Another 1,600-PO file; the cron worker processing it is killed (SIGKILL) when part
   of its sets are done, and Odoo starts a new one. Checks: every PO exactly once,
   the file's attempt was counted and it still ends processed.

Exits 0 on success, 1 with the reasons otherwise. ``--pos N`` changes the big file.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

sys.path.insert(0, os.environ["ODOO_PATH"])

import psutil  # noqa: E402
import x12_files  # noqa: E402

import odoo  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

DB = os.environ["ACORN_TEST_DB"]
CONF = os.environ["ACORN_CONF"]
ITEMS = ("B0BIGFILE1", "BF-ONE", "BF-TWO")  # ASIN and SKUs of the two lines
VENDOR = "BIGFILE"
SMALL_FILES, SMALL_POS = 3, 5
PHASE_TIMEOUT = 240
# First key of the intake advisory lock (acorn_edi_interchange_intake.LOCK_KEY).
LOCK_KEY = 0x41435A49
LOG_PROBLEMS = re.compile(r"Traceback|timed out|Exception occurred")
# A worker's log lines: "<date> <time> <pid> <level> <db> <logger>: <message>".
LOG_LINE = re.compile(r"^(\S+ \S+) (\d+) \w+ \S+ [\w.]+: (.*)$")
# Share of the 30 s limit a turn of intake uses (acorn_edi_interchange_intake).
TURN_SECONDS = 15
TIMEOUT = re.compile(r"^(WorkerCron|WorkerHTTP) \((\d+)\) timeout after")
JOB = re.compile(r"^Job '(.+)' \(\d+\) (starting|done in)")


def env_for(cr):
    return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def interchange(control, numbers):
    return x12_files.interchange(VENDOR, ITEMS, control, numbers)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def setup(root):
    """Creates the account, products and FC; returns the account id."""
    for folder in ("in", "out", "done"):
        (root / folder).mkdir()
    with Registry(DB).cursor() as cr:
        env = env_for(cr)
        partner = env["res.partner"].create({"name": "Amazon (big files)"})
        account = env["acorn.vendor.account"].create(
            {
                "name": "Big files",
                "vendor_code": VENDOR,
                "partner_id": partner.id,
                "vendor_isa_id": VENDOR,
                "vendor_gs_id": VENDOR,
            }
        )
        env["acorn.edi.transport"].create(
            {
                "account_id": account.id,
                "kind": "folder",
                "direction": "both",
                "download_path": str(root / "in"),
                "upload_path": str(root / "out"),
                "archive_path": str(root / "done"),
            }
        )
        env["acorn.amazon.fc"].create(
            {"account_id": account.id, "code": "ABE2", "partner_id": partner.id}
        )
        for code, price in (("BF-ONE", 5.0), ("BF-TWO", 7.5)):
            env["product.product"].create(
                {"name": code, "default_code": code, "list_price": price}
            )
        cr.commit()
        return account.id


def start_server(log_path):
    """Odoo in worker mode on free ports; returns the process once it answers."""
    port = free_port()
    command = [
        sys.executable,
        os.path.join(os.environ["ODOO_PATH"], "odoo-bin"),
        *("-c", CONF, "-d", DB, "--db-filter", f"^{DB}$"),
        *("--workers=2", "--max-cron-threads=2", "--limit-time-real=30"),
        *("--limit-memory-hard=0", f"--http-port={port}"),
        *(f"--gevent-port={free_port()}", "--http-interface=127.0.0.1"),
        *("--logfile", str(log_path), "--log-level=info"),
    ]
    server = subprocess.Popen(command, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/web/health", timeout=2
            ):
                return server
        except OSError:
            time.sleep(0.5)
    stop_server(server)
    raise RuntimeError("the Odoo server did not answer within 60 s")


def stop_server(server):
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def drop(root, name, control, numbers):
    """Writes a file into the inbox as a transport would (rename into place)."""
    temporary = root / f".{name}.part"
    temporary.write_text(interchange(control, numbers))
    temporary.rename(root / "in" / name)


def trigger_sync():
    with Registry(DB).cursor() as cr:
        env_for(cr).ref("acorn_amazon_vendor.ir_cron_acorn_edi_sync")._trigger()
        cr.commit()


def wake_cron_workers():
    """What a cron worker gets when its sleep ends: a look at the jobs due.

    Odoo's watchdog counts the sleep (60 s plus a few) of an idle cron worker, so with
    a 30 s limit it kills it before the sleep ends: such workers only poll when woken
    by a notification (``ir.cron._notifydb``). This one creates no trigger: only the
    jobs already due run.
    """
    with odoo.sql_db.db_connect("postgres").cursor() as cr:
        cr.execute("SELECT pg_notify('cron_trigger', %s)", [DB])


def query(sql, *args):
    with Registry(DB).cursor() as cr:
        cr.execute(sql, args)
        return cr.fetchall()


def orders_of(account_id, prefix):
    rows = query(
        "SELECT amz_po_number FROM sale_order "
        "WHERE amz_account_id = %s AND amz_po_number LIKE %s",
        account_id,
        prefix + "%",
    )
    return [row[0] for row in rows]


def wait_for(condition, timeout=PHASE_TIMEOUT, step=0.5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(step)
    return None


def exactly_once(label, found, expected):
    if sorted(found) == sorted(expected):
        return []
    missing = sorted(set(expected) - set(found))
    twice = sorted({n for n in found if found.count(n) > 1})
    return [f"{label}: {len(missing)} POs missing {missing[:5]}, twice {twice[:5]}"]


def file_state(name):
    rows = query(
        "SELECT intake_state, set_count, intake_attempts FROM acorn_edi_interchange "
        "WHERE filename = %s ORDER BY id LIMIT 1",
        name,
    )
    return rows[0] if rows else (None, 0, 0)


def log_problems(log_path, since, spared=()):
    """Tracebacks, timed-out jobs, and workers killed by the watchdog while busy.

    Odoo's watchdog counts the time a cron worker slept before its job (up to 60 s
    between polls), so with a 30 s limit it also kills idle workers, and workers
    that just woke up. A kill counts when the job had run for more than the share
    of the limit a turn of intake may use (TURN_SECONDS), or hit a request.
    ``spared``: pids killed on purpose.
    """
    text = log_path.read_text(encoding="utf-8", errors="replace")[since:]
    running, problems = {}, []
    for line in text.splitlines():
        if LOG_PROBLEMS.search(line):
            problems.append(line)
        parsed = LOG_LINE.match(line)
        if not parsed:
            continue
        stamp, pid, message = parsed.groups()
        at = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f")
        job, timeout = JOB.match(message), TIMEOUT.match(message)
        if job:
            running[pid] = (job.group(1), at) if job.group(2) == "starting" else None
        elif timeout and int(timeout.group(2)) not in spared:
            kind, victim = timeout.groups()
            name, began = running.get(victim) or (None, at)
            if kind == "WorkerHTTP" or (at - began).total_seconds() > TURN_SECONDS:
                problems.append(f"{line} (in {name} for {(at - began).seconds} s)")
    return problems


def phase_big_and_small(root, account_id, pos, log_path):
    """Phase 1: a big file and small files behind it, no failure."""
    big = [f"BIG{n:05d}" for n in range(1, pos + 1)]
    small = {
        f"{VENDOR}850.S{k}": [f"SML{k}{n:03d}" for n in range(1, SMALL_POS + 1)]
        for k in range(1, SMALL_FILES + 1)
    }
    drop(root, f"{VENDOR}850.A-BIG", 1, big)
    for offset, (name, numbers) in enumerate(small.items(), 2):
        drop(root, name, offset, numbers)
    started = time.time()
    trigger_sync()
    expected_small = [n for numbers in small.values() for n in numbers]
    small_done = wait_for(
        lambda: len(orders_of(account_id, "SML")) >= len(expected_small) and time.time()
    )
    big_done = wait_for(
        lambda: len(orders_of(account_id, "BIG")) >= pos and time.time()
    )
    time.sleep(2)  # anything processed twice would show now
    problems = exactly_once("big file", orders_of(account_id, "BIG"), big)
    problems += exactly_once(
        "small files", orders_of(account_id, "SML"), expected_small
    )
    if not small_done or not big_done or small_done > big_done:
        problems.append("the small files were held up behind the big one")
    state = file_state(f"{VENDOR}850.A-BIG")
    if state[:2] != ("done", pos):
        problems.append(f"big file state {state}, expected done with {pos} sets")
    timing = (
        f"small files in {small_done - started:.0f} s, big file in "
        f"{big_done - started:.0f} s"
        if small_done and big_done
        else "not finished"
    )
    return problems, timing


def cron_worker_holding_lock(server, account_id):
    """The server child process holding the account's intake lock, if any."""
    rows = query(
        "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.classid = %s AND l.objid = %s",
        LOCK_KEY,
        account_id,
    )
    ports = {row[0] for row in rows}
    for child in psutil.Process(server.pid).children(recursive=True):
        try:
            connections = getattr(child, "net_connections", child.connections)
            if any(c.laddr.port in ports for c in connections("tcp")):
                return child
        except psutil.Error:
            continue
    return None


def phase_kill(root, account_id, pos):
    """Phase 2: the worker processing a big file is killed in the middle of it."""
    numbers = [f"KIL{n:05d}" for n in range(1, pos + 1)]
    name = f"{VENDOR}850.K-BIG"
    drop(root, name, 90, numbers)
    trigger_sync()

    def victim():
        state, total, _ = file_state(name)
        done = len(orders_of(account_id, "KIL"))
        if state == "processing" and pos // 5 <= done <= pos // 2:
            return cron_worker_holding_lock(server_ref[0], account_id)
        return None

    killed = wait_for(victim, step=0.1)
    problems = []
    at = len(orders_of(account_id, "KIL"))
    if killed:
        killed.send_signal(signal.SIGKILL)
        spared.append(killed.pid)
    else:
        problems.append("no worker could be caught in the middle of the file")
    # The killed turn had scheduled the processing cron for when its time limit is
    # over; the cron workers find it due when they wake up.
    wait_for(
        lambda: wake_cron_workers() or len(orders_of(account_id, "KIL")) >= pos, step=5
    )
    time.sleep(2)
    problems += exactly_once(
        "file of the killed worker", orders_of(account_id, "KIL"), numbers
    )
    state = file_state(name)
    if state[0] != "done":
        problems.append(f"file of the killed worker ends {state}")
    return problems, f"worker {killed and killed.pid} killed at {at} of {pos} orders"


server_ref = [None]
spared = []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pos", type=int, default=1600)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", CONF, "-d", DB, "--log-level=warn"])
    root = Path(tempfile.mkdtemp(prefix="acorn-intake-workers-"))
    log_path = root / "odoo.log"
    problems, notes = [], []
    started = time.time()
    try:
        account_id = setup(root)
        server_ref[0] = start_server(log_path)
        found, note = phase_big_and_small(root, account_id, args.pos, log_path)
        problems += found + [
            f"server log: {line}" for line in log_problems(log_path, 0)
        ]
        notes.append(note)
        mark = log_path.stat().st_size
        found, note = phase_kill(root, account_id, args.pos)
        problems += found
        problems += [
            f"server log after the kill: {line}"
            for line in log_problems(log_path, mark, spared)
        ]
        notes.append(note)
    finally:
        if server_ref[0]:
            stop_server(server_ref[0])
        if problems and log_path.exists():
            print(log_path.read_text(encoding="utf-8", errors="replace")[-6000:])
        if os.environ.get("ACORN_KEEP_LOGS") and log_path.exists():
            shutil.copy(
                log_path, Path(tempfile.gettempdir()) / "acorn-intake-workers.log"
            )
        shutil.rmtree(root, ignore_errors=True)
    if problems:
        print("FAILED: big files under worker time limits:\n- " + "\n- ".join(problems))
        return 1
    print(
        f"ok: {args.pos}-PO files under --limit-time-real=30 ({'; '.join(notes)}; "
        f"{time.time() - started:.0f} s in all), each PO imported once"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
