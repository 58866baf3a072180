"""Benchmark of the SFTP transport against a bare paramiko loop, over loopback.

A throwaway OpenSSH sshd (the one the tests use) serves a download and an upload
folder on 127.0.0.1. The same files (``--files`` of ``--size`` bytes, 1,000 of
20 KB by default, 50 with ``--smoke``) go in and out twice, interleaved:

* ``bare in``: one paramiko connection; ``listdir``, then ``getfo`` + ``remove``
  per file — the least a download that deletes what it took can do;
* ``acorn in``: ``SftpTransport.list()``, then ``fetch`` + ``acknowledge`` per
  file (host key pinned, errors mapped, remote file deleted);
* ``bare out``: ``putfo`` straight to the final name (size confirmed);
* ``acorn out``: ``SftpTransport.put`` (hidden temporary name, size confirmed,
  rename to the final name).

Each contender runs ``--repeat`` times (3, 1 with ``--smoke``); the table shows the
best wall time, files per second and client CPU per file (``time.process_time``:
the sshd's own CPU is not counted). Target: ACORN at most 1.5× the bare loop, both
ways. ``--smoke`` checks the files arrived intact and never fails on timing.

Needs no database (``ACORN_TEST_DB`` is ignored); runs as root or as a user sshd
accepts (see ``acorn_amazon_vendor/tests/sshd.py``).
"""

import argparse
import importlib.util
import io
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDON = REPO / "acorn_amazon_vendor"
MAX_RATIO = 1.5


def load(name, path, package=False):
    """Imports a file of the addon without importing the addon (no Odoo)."""
    spec = importlib.util.spec_from_file_location(
        name,
        path / "__init__.py" if package else path,
        submodule_search_locations=[str(path)] if package else None,
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


sshd = load("acorn_bench_sshd", ADDON / "tests" / "sshd.py")
transport = load("acorn_bench_transport", ADDON / "transport", package=True)


def bare_client(server):
    import paramiko

    key = transport.keys.load_private_key(server.user_key)
    ssh = paramiko.Transport(("127.0.0.1", server.port))
    ssh.connect(username=server.user, pkey=key)
    return ssh, paramiko.SFTPClient.from_transport(ssh)


def bare_in(server, files):
    ssh, sftp = bare_client(server)
    folder = str(server.download)
    received = {}
    for name in sorted(sftp.listdir(folder)):
        buffer = io.BytesIO()
        sftp.getfo(f"{folder}/{name}", buffer)
        sftp.remove(f"{folder}/{name}")
        received[name] = buffer.getvalue()
    sftp.close()
    ssh.close()
    return received


def bare_out(server, files):
    ssh, sftp = bare_client(server)
    for name, data in files.items():
        sftp.putfo(io.BytesIO(data), f"{server.upload}/{name}", len(data))
    sftp.close()
    ssh.close()


def acorn_in(server, files):
    with transport.SftpTransport(**server.settings()) as sftp:
        received = {}
        for remote in sftp.list():
            received[remote.name] = sftp.fetch(remote.name)
            sftp.acknowledge(remote.name)
        return received


def acorn_out(server, files):
    with transport.SftpTransport(**server.settings()) as sftp:
        for name, data in files.items():
            sftp.put(name, data)


def make_files(count, size):
    line = b"PO1*1*24*EA*12.50*PE*BP*B0ACORNMUG*EN*4006381333931~\n"
    body = (line * (size // len(line) + 1))[:size]
    return {f"ACORN850.I{n:07d}": body[:-8] + b"%08d" % n for n in range(count)}


def prepare(server, files, direction):
    for folder in (server.download, server.upload):
        for path in folder.iterdir():
            path.unlink()
    if direction == "in":
        for name, data in files.items():
            (server.download / name).write_bytes(data)


def measure(run, server, files, direction):
    prepare(server, files, direction)
    cpu, wall = time.process_time(), time.perf_counter()
    received = run(server, files)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if direction == "in":
        intact = received == files
    else:
        intact = {p.name: p.read_bytes() for p in server.upload.iterdir()} == files
    return {"seconds": wall, "cpu": cpu, "intact": intact}


CONTENDERS = {
    "bare in": (bare_in, "in"),
    "acorn in": (acorn_in, "in"),
    "bare out": (bare_out, "out"),
    "acorn out": (acorn_out, "out"),
}


def run_all(server, files, repeat):
    best = {}
    for _ in range(repeat):
        for name, (run, direction) in CONTENDERS.items():
            result = measure(run, server, files, direction)
            if name not in best or result["seconds"] < best[name]["seconds"]:
                best[name] = result
            best[name]["intact"] = best[name]["intact"] and result["intact"]
    return best


def report(best, count, size):
    print(f"{count} files of {size} bytes each way, over 127.0.0.1 (best run)")
    header = ("contender", "seconds", "files/s", "CPU ms/file", "×bare")
    print("{:<10} {:>8} {:>8} {:>12} {:>6}".format(*header))
    ratios = {}
    for name, result in best.items():
        bare = best["bare " + name.split()[1]]
        ratio = result["seconds"] / bare["seconds"]
        if name.startswith("acorn"):
            ratios[name] = ratio
        print(
            f"{name:<10} {result['seconds']:>8.2f} {count / result['seconds']:>8.0f} "
            f"{1000 * result['cpu'] / count:>12.2f} {ratio:>6.2f}"
        )
    return ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="50 files, for CI")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--size", type=int, default=20 * 1024)
    parser.add_argument("--repeat", type=int)
    args = parser.parse_args()
    count = 50 if args.smoke else args.files
    repeat = max(1, args.repeat or (1 if args.smoke else 3))
    files = make_files(count, args.size)
    server = sshd.SshServer().start()
    try:
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        best = run_all(server, files, repeat)
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    finally:
        server.stop()
    ratios = report(best, count, args.size)
    problems = [f"{name}: files differ" for name, r in best.items() if not r["intact"]]
    if not args.smoke:
        problems += [
            f"{name} is {ratio:.2f}× the bare loop (target ≤ {MAX_RATIO}×)"
            for name, ratio in ratios.items()
            if ratio > MAX_RATIO
        ]
    else:
        print("(smoke size: timings are reported, not enforced)")
    for problem in problems:
        print(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
