"""What the test command's stages share: counting, running commands, databases."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENV = os.environ
PYTHON = ENV.get("ACORN_PYTHON", sys.executable)
ODOO_BIN = os.path.join(ENV["ODOO_PATH"], "odoo-bin")
CONF = ENV["ACORN_CONF"]
FILESTORE = Path(ENV["ACORN_HOME"]) / "data" / "filestore"


class Tally:
    """Counts of every check, test and script, and the names of what failed."""

    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.failures = []

    def add(self, name, ok, skipped=False):
        if skipped:
            self.skipped += 1
        elif ok:
            self.passed += 1
        else:
            self.failed += 1
            self.failures.append(name)

    def fail(self, name):
        self.add(name, False)


def log(message):
    print(f"[tests] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, log_path=None, env=None, check_name=None, tally=None, timeout=1800):
    """Run a command, its output to a log file (or the console); return its code.

    A command still running after ``timeout`` seconds is killed and returns -9, so
    a hung browser or server cannot hold the whole run.
    """
    started = time.time()
    label = check_name or Path(cmd[1] if len(cmd) > 1 else cmd[0]).name
    out = open(log_path, "w", encoding="utf-8") if log_path else None
    try:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            code = -9
            log(f"{label}: killed after {timeout}s")
    finally:
        if out:
            out.close()
    where = f" (log: {log_path})" if log_path else ""
    log(f"{label}: exited {code} in {time.time() - started:.0f}s{where}")
    if check_name and tally is not None:
        tally.add(check_name, code == 0)
        if code and log_path:
            print(Path(log_path).read_text(encoding="utf-8")[-6000:])
    return code


def odoo_cmd(db, *args, http_port=None):
    return [
        PYTHON,
        ODOO_BIN,
        "-c",
        CONF,
        "-d",
        db,
        "--stop-after-init",
        f"--http-port={http_port or free_port()}",
        *args,
    ]


def build_db(db, modules, demo, log_path):
    drop_db(db)
    args = ["-i", modules, "--log-level=warn"]
    if not demo:
        args.append("--without-demo=all")
    return subprocess.Popen(
        odoo_cmd(db, *args), stdout=open(log_path, "w"), stderr=subprocess.STDOUT
    )


def wait_build(proc, timeout=1500):
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


def drop_stale_databases():
    """Drop the databases of earlier runs that were killed before cleaning up."""
    names = subprocess.run(
        ["psql", "-tAc", "SELECT datname FROM pg_database"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    for name in names:
        match = re.match(r"acorn_(?:tmpl|data|test)_(\d+)", name)
        if match and not Path(f"/proc/{match.group(1)}").exists():
            log(f"dropping {name}, left by a run that no longer exists")
            drop_db(name)


def drop_db(db):
    subprocess.call(["dropdb", "--if-exists", db], stderr=subprocess.DEVNULL)
    shutil.rmtree(FILESTORE / db, ignore_errors=True)


def clone_db(template, db):
    """Copy a database and its filestore (attachments live outside PostgreSQL)."""
    drop_db(db)
    subprocess.check_call(["createdb", "-T", template, db])
    if (FILESTORE / template).is_dir():
        shutil.copytree(FILESTORE / template, FILESTORE / db)
