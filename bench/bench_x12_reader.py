"""Benchmark of the X12 reader: ACORN read+validate vs pyx12's X12Reader vs the floor.

Each contender runs in its own subprocess on the same file and reports its time and
peak RSS (resource.getrusage in the child):

* ``floor``: read the bytes in 1 MB chunks, split into segments and elements (lists
  of lists), nothing else;
* ``acorn``: ``x12.iter_transaction_sets`` (envelopes + grammar validation), with
  the 850 grammar compiled before the clock starts (once per process, cached);
* ``acorn+elements``: the same, also splitting every set into element lists;
* ``pyx12``: iterating ``pyx12.x12file.X12Reader`` over every segment.

Usage: ``bench_x12_reader.py [--smoke] [--pos N] [--lines L] [--big-mb M]``.
``--big-mb`` adds a file of about M MB (POs repeated) read by the floor and ACORN only.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
CHUNK = 1 << 20
# Targets of issue 3: speed vs pyx12 and vs the floor, memory on a 100 MB file.
MIN_SPEEDUP_VS_PYX12 = 5.0
MAX_RATIO_VS_FLOOR = 2.5
MAX_PEAK_RSS_MB = 150


def run_floor(path):
    segments = 0
    with open(path, "rb") as handle:
        rest = ""
        while chunk := handle.read(CHUNK):
            pieces = (rest + chunk.decode("utf-8")).split("~")
            rest = pieces.pop()
            rows = [piece.strip().split("*") for piece in pieces]
            segments += len(rows)
    return {"segments": segments + bool(rest.strip())}


def import_acorn():
    sys.path.insert(0, str(REPO / "acorn_amazon_vendor"))
    import x12

    return x12


def run_acorn(path, elements=False):
    x12 = import_acorn()
    sets = invalid = 0
    with open(path, "rb") as handle:
        for transaction in x12.iter_transaction_sets(handle):
            sets += 1
            invalid += not transaction.valid
            if elements:
                transaction.elements()
    return {"sets": sets, "invalid": invalid}


def run_pyx12(path):
    from pyx12.x12file import X12Reader

    segments = 0
    with open(path, encoding="ascii") as handle, X12Reader(handle) as reader:
        for _ in reader:
            segments += 1
        errors = len(reader.pop_errors())
    return {"segments": segments, "errors": errors}


CONTENDERS = {
    "floor": run_floor,
    "acorn": run_acorn,
    "acorn+elements": lambda path: run_acorn(path, elements=True),
    "pyx12": run_pyx12,
}


def child(name, path):
    """Runs one contender in this process and prints its JSON result."""
    if name.startswith("acorn"):
        x12 = import_acorn()
        # Grammars compile once per process (cached), like an import: before the
        # clock, so the figures compare reading, not the 850's first compilation.
        from x12.grammar import compile_grammar

        compile_grammar(x12.get_grammar("004010", "850"), x12.Delimiters())
    elif name == "pyx12":
        import pyx12.x12file  # noqa: F401 - imported before the clock starts
    start = time.perf_counter()
    result = CONTENDERS[name](path)
    result["seconds"] = time.perf_counter() - start
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(name, path):
    """Runs ``name`` on ``path`` in a fresh subprocess; returns its result dict."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", name, str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def generate(path, **options):
    sys.path.insert(0, str(HERE))
    from gen_x12 import write_interchange

    with open(path, "w", encoding="ascii", newline="") as handle:
        return write_interchange(handle, **options)


def table(title, path, names):
    size_mb = os.path.getsize(path) / 1e6
    results = {name: measure(name, path) for name in names}
    floor = results["floor"]["seconds"]
    print(f"\n{title}: {path.name}, {size_mb:.1f} MB")
    print(
        f"{'contender':<16}{'seconds':>9}{'MB/s':>9}{'peak RSS MB':>13}{'x floor':>9}"
    )
    for name, result in results.items():
        seconds = result["seconds"]
        print(
            f"{name:<16}{seconds:>9.3f}{size_mb / seconds:>9.1f}"
            f"{result['peak_rss_mb']:>13.1f}{seconds / floor:>9.2f}"
        )
    return results, size_mb


def consistent(results, pos):
    """Checks that the contenders read the same file the same way."""
    problems = []
    for name in ("acorn", "acorn+elements"):
        if (results[name]["sets"], results[name]["invalid"]) != (pos, 0):
            problems.append(f"{name} read {results[name]} for {pos} valid POs")
    if results["pyx12"]["segments"] != results["floor"]["segments"]:
        problems.append("pyx12 and the floor count different segments")
    if results["pyx12"]["errors"]:
        problems.append(f"pyx12 reported {results['pyx12']['errors']} errors")
    for problem in problems:
        print(f"FAIL  {problem}")
    return not problems


def verdict(results, big):
    acorn = results["acorn"]["seconds"]
    lines = [
        (
            f"acorn time / floor time = {acorn / results['floor']['seconds']:.2f} "
            f"(target <= {MAX_RATIO_VS_FLOOR})",
            acorn / results["floor"]["seconds"] <= MAX_RATIO_VS_FLOOR,
        ),
    ]
    if "pyx12" in results:
        speedup = results["pyx12"]["seconds"] / acorn
        lines.append(
            (
                f"acorn is {speedup:.1f}x faster than pyx12's reader "
                f"(target >= {MIN_SPEEDUP_VS_PYX12})",
                speedup >= MIN_SPEEDUP_VS_PYX12,
            )
        )
    if big:
        rss = big["acorn"]["peak_rss_mb"]
        lines.append(
            (
                f"acorn peak RSS on the big file = {rss:.1f} MB "
                f"(target < {MAX_PEAK_RSS_MB})",
                rss < MAX_PEAK_RSS_MB,
            )
        )
    print()
    for text, ok in lines:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return all(ok for _, ok in lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="small sizes, for CI")
    parser.add_argument("--pos", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=10)
    parser.add_argument("--big-mb", type=float, default=0)
    parser.add_argument("--child", nargs=2, metavar=("CONTENDER", "FILE"))
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    OUT.mkdir(exist_ok=True)
    pos = 2000 if args.smoke else args.pos
    path = OUT / f"850_{pos}x{args.lines}.edi"
    generate(path, pos=pos, lines=args.lines)
    results, _ = table(f"{pos} POs x {args.lines} lines", path, list(CONTENDERS))
    agree = consistent(results, pos)
    big = None
    if args.big_mb:
        big_path = OUT / f"850_{args.big_mb:g}MB.edi"
        count = generate(big_path, lines=args.lines, size_mb=args.big_mb)
        big, _ = table(
            f"{count} POs repeated", big_path, ["floor", "acorn", "acorn+elements"]
        )
    met = verdict(results, big)
    if not agree:
        return 1
    # Timings on smoke sizes are dominated by start-up costs: reported, not enforced.
    return 0 if met or args.smoke else 1


if __name__ == "__main__":
    sys.exit(main())
