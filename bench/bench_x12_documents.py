"""Benchmark of the X12 documents: build and parse back 855s and 856s (10 lines each).

For each set type, in this process:

* ``build``: ``x12.build_855`` / ``x12.build_856``, one interchange per document
  (each builder also reads back what it wrote with the grammar);
* ``parse``: read the concatenated interchanges with ``x12.iter_transaction_sets``
  (envelopes + grammar validation) and ``x12.parse_855`` / ``x12.parse_856``;
* ``floor``: split the same text into segments and elements (lists of lists), the
  core reader's floor from ``bench_x12_reader.py``.

Every parsed document is compared with the one it was built from; a difference
fails the run (also with ``--smoke``, which only checks results, in a few seconds).

Usage: ``bench_x12_documents.py [--smoke] [--count N] [--lines L]``.
"""

import argparse
import datetime
import sys
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SMOKE_COUNT = 300


def import_acorn():
    sys.path.insert(0, str(REPO / "acorn_amazon_vendor"))
    import x12

    return x12


X12 = import_acorn()
STAMP = datetime.datetime(2026, 12, 1, 9, 30)
PO_DATE = datetime.date(2026, 11, 27)


def envelope(number, version):
    return X12.OutboundEnvelope(
        "ZZ", "VEND1", "ZZ", "AMAZON", "VEND1", "AMAZON",
        isa_control=number, gs_control=number, st_control=1, timestamp=STAMP,
        version=version,
    )  # fmt: skip


def product_ids(number, line):
    return (
        X12.ProductId("BP", f"B0{number % 99991:05d}{line:03d}"),
        X12.ProductId("VN", f"SKU-{number}-{line}"),
    )


def acknowledgment(number, lines):
    """An 855 with ``lines`` PO1 loops: accepted, backordered every 4th, rejected
    every 7th."""
    ack_lines = []
    for line in range(1, lines + 1):
        quantity = Decimal(line * 3 + number % 17)
        status, date = "IA", None
        if line % 4 == 0:
            status, date = "IB", PO_DATE + datetime.timedelta(days=line)
        elif line % 7 == 0:
            status = "IR"
        price = Decimal(f"{line}.{number % 100:02d}")
        ack_lines.append(
            X12.AckLine(str(line), quantity, "EA", price, product_ids(number, line),
                        status, quantity, date)
        )  # fmt: skip
    return X12.PurchaseOrderAck(f"PO{number:06d}", PO_DATE, tuple(ack_lines))


def sscc(serial):
    body = f"00614141{serial:09d}"
    return body + X12.sscc_check_digit(body)


def shipment(number, lines):
    """An 856 S/O/P/I: one order, cartons of two items, ``lines`` items in all."""
    packs, items = [], []
    for line in range(1, lines + 1):
        items.append(
            X12.ShipmentItem(
                product_ids(number, line), Decimal(line + number % 13), "EA", str(line)
            )
        )
        if len(items) == 2 or line == lines:
            packs.append(X12.Pack(sscc(number * 100 + len(packs)), tuple(items)))
            items = []
    order = X12.ShipmentOrder(f"PO{number:06d}", PO_DATE, packs=tuple(packs))
    return X12.Shipment(
        f"ASN{number:07d}", PO_DATE, "0930", (order,), scac="UPSN",
        bill_of_lading=f"BOL{number}", ship_to=X12.Party("ST", "", "92", "ABE2"),
    )  # fmt: skip


def floor(text):
    """Splits into segments and elements; returns the number of ST segments."""
    rows = [segment.strip().split("*") for segment in text.split("~")]
    return sum(1 for row in rows if row[0] == "ST")


def run(kind, count, lines):
    """Builds, parses back and checks ``count`` documents; returns timings."""
    make, build, parse, version = {
        "855": (acknowledgment, X12.build_855, X12.parse_855, "004010"),
        "856": (shipment, X12.build_856, X12.parse_856, "005010"),
    }[kind]
    documents = [make(number, lines) for number in range(1, count + 1)]
    start = time.perf_counter()
    texts = [build(doc, envelope(n, version)) for n, doc in enumerate(documents, 1)]
    built = time.perf_counter() - start
    text = "".join(texts)
    start = time.perf_counter()
    parsed = [parse(one) for one in X12.iter_transaction_sets(text)]
    parse_seconds = time.perf_counter() - start
    start = time.perf_counter()
    split = floor(text)
    floor_seconds = time.perf_counter() - start
    wrong = sum(1 for a, b in zip(parsed, documents, strict=False) if a != b)
    wrong += abs(len(parsed) - count) + abs(split - count)
    return {"build": built, "parse": parse_seconds, "floor": floor_seconds,
            "wrong": wrong, "mb": len(text) / 1e6}  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="small size, for CI")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=10)
    args = parser.parse_args(argv)
    count = SMOKE_COUNT if args.smoke else args.count
    print(f"{count} documents x {args.lines} lines")
    print(f"{'set':<5}{'MB':>7}{'build/s':>10}{'parse/s':>10}{'floor/s':>10}"
          f"{'parse x floor':>15}")  # fmt: skip
    failed = False
    for kind in ("855", "856"):
        result = run(kind, count, args.lines)
        print(
            f"{kind:<5}{result['mb']:>7.1f}{count / result['build']:>10.0f}"
            f"{count / result['parse']:>10.0f}{count / result['floor']:>10.0f}"
            f"{result['parse'] / result['floor']:>15.1f}"
        )
        if result["wrong"]:
            print(f"FAIL  {kind}: {result['wrong']} documents differ after the "
                  "round trip")  # fmt: skip
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
