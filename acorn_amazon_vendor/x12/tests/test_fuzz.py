"""Time-boxed fuzzing: random and mutated inputs; nothing but X12Error may escape.

The duration comes from ACORN_FUZZ_SECONDS (default 5; CI sets 60).
"""

import datetime
import os
import random
import time
import unittest

from .. import (
    AckEnvelope,
    X12Error,
    build_acknowledgment,
    check_document,
    iter_transaction_sets,
    parse_acknowledgments,
    parse_interchange,
)
from .common import DATA, po_interchange

SEEDS = [po_interchange(2, lines=2), po_interchange(1, version="00501")]
SEEDS += [
    path.read_bytes().decode("utf-8")
    for path in sorted(DATA.glob("*.edi"))
    if not path.name.startswith("golden_")
]
ALPHABET = "*~>^|:!\n\r ISAGSTEIE0123456789"

ENVELOPE = AckEnvelope(1, 1, 1, datetime.datetime(2024, 1, 1))


def _mutate(rng, text):
    for _ in range(rng.randint(1, 8)):
        position = rng.randint(0, len(text))
        choice = rng.random()
        if choice < 0.3:
            text = text[:position] + text[position + rng.randint(1, 20) :]
        elif choice < 0.6:
            text = text[:position] + rng.choice(ALPHABET) + text[position:]
        elif choice < 0.8:
            other = rng.randint(0, len(text))
            text = text[:position] + text[other : other + 40] + text[position:]
        else:
            text = text[:position] + chr(rng.randint(0, 0x2FF)) + text[position + 1 :]
    return text


def _input(rng):
    roll = rng.random()
    if roll < 0.15:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 300)))
    if roll < 0.25:
        return "ISA" + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 300)))
    return _mutate(rng, rng.choice(SEEDS))


def _run(data):
    """Runs the readers, acknowledgments and documents; returns what stopped reading."""
    report = parse_interchange(data)
    for one in report.interchanges:
        build_acknowledgment(one, ENVELOPE)
    for one in report.sets():
        check_document(one)
    parse_acknowledgments(data)
    try:
        for one in iter_transaction_sets(data):
            one.elements()
    except X12Error as error:
        return error
    return None


class TestFuzz(unittest.TestCase):
    def test_only_x12error_escapes(self):
        seconds = float(os.environ.get("ACORN_FUZZ_SECONDS", "5"))
        rng = random.Random(20240101)
        deadline = time.monotonic() + seconds
        runs = 0
        while time.monotonic() < deadline or runs < 50:
            data = _input(rng)
            try:
                _run(data)
            except Exception as error:  # noqa: BLE001 - the assertion is the point
                self.fail(f"{type(error).__name__}: {error} on input {data[:300]!r}")
            runs += 1
        self.assertGreaterEqual(runs, 50)
