"""Writes Amazon-shaped X12 850 interchanges for the benchmarks.

One interchange, one PO group, ``pos`` purchase orders of ``lines`` PO1 lines each,
with varying PO numbers, quantities, prices and identifiers; ``--size-mb`` repeats POs
until the file reaches that size instead.
"""

import argparse
import random
import sys

ISA = (
    "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORCODE     "
    "*240101*1200*U*00401*000000001*0*P*>~\n"
)
GS = "GS*PO*AMAZON*VENDORCODE*20240101*1200*1*X*004010~\n"


def purchase_order(number, lines, rng):
    """Returns the text of one 850 (ST to SE), segments ending in "~\\n"."""
    control = f"{number:09d}"
    po = f"T{number:07X}"
    segments = [
        f"ST*850*{control}",
        f"BEG*00*NE*{po}**20240101",
        "REF*CR*AMZN_VENDOR",
        "FOB*CC",
        "CSH*N",
        "DTM*064*20240105",
        "DTM*063*20240120",
        "N1*ST**92*RNO1",
    ]
    total = 0
    for line in range(1, lines + 1):
        quantity = rng.randint(1, 500)
        total += quantity
        price = f"{rng.randint(100, 99999) / 100:.2f}"
        upc = f"{rng.randint(0, 10**12 - 1):012d}"
        sku = f"SKU-{number % 9973:05d}-{line}"
        asin = f"B0{rng.randint(0, 36**8 - 1):08X}"
        segments.append(
            f"PO1*{line}*{quantity}*EA*{price}**UP*{upc}*VN*{sku}*BP*{asin}"
        )
    segments.append(f"CTT*{lines}*{total}")
    segments.append(f"SE*{len(segments) + 1}*{control}")
    return "".join(segment + "~\n" for segment in segments)


def write_interchange(handle, pos=None, lines=10, size_mb=None, seed=1):
    """Writes the interchange; returns the number of POs written."""
    rng = random.Random(seed)
    handle.write(ISA + GS)
    written, limit = 0, (size_mb or 0) * 1_000_000
    size = len(ISA) + len(GS)
    while (pos is not None and written < pos) or (pos is None and size < limit):
        written += 1
        text = purchase_order(written, lines, rng)
        size += len(text)
        handle.write(text)
    handle.write(f"GE*{written}*1~\nIEA*1*000000001~\n")
    return written


def main(argv=None):
    """Command line: gen_x12.py OUT [--pos N | --size-mb M] [--lines L]."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out")
    parser.add_argument("--pos", type=int)
    parser.add_argument("--size-mb", type=float)
    parser.add_argument("--lines", type=int, default=10)
    args = parser.parse_args(argv)
    with open(args.out, "w", encoding="ascii", newline="") as handle:
        count = write_interchange(handle, args.pos, args.lines, args.size_mb)
    print(f"{args.out}: {count} POs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
