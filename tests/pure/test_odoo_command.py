"""The acorn-edi command as analysts run it: through odoo-bin, with no database."""

import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "acorn_amazon_vendor/x12/tests/data"
ODOO_PATH = os.environ.get("ODOO_PATH", "")

GOOD = (
    "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDOR         "
    "*261127*1200*U*00401*000000007*0*P*>~\n"
    "GS*PO*AMAZON*VENDOR*20261127*1200*7*X*004010~\n"
    "ST*850*0001~\nBEG*00*NE*2XK5R9PA**20261127~\nREF*CR*AMZ1~\nCSH*N~\n"
    "DTM*064*20261201~\nDTM*063*20261210~\nN1*ST**92*RNO1~\n"
    "PO1*1*12*EA*9.99**UP*012345678905*VN*SKU-1~\nCTT*1*12~\nSE*10*0001~\n"
    "GE*1*7~\nIEA*1*000000007~\n"
)


def acorn_edi(*args):
    return subprocess.run(
        [
            sys.executable,
            os.path.join(ODOO_PATH, "odoo-bin"),
            f"--addons-path={ODOO_PATH}/addons,{ROOT}",
            "acorn-edi",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@unittest.skipUnless(
    os.path.isfile(os.path.join(ODOO_PATH, "odoo-bin")), "ODOO_PATH is not set"
)
class TestOdooCommand(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.good = Path(cls.tmp.name) / "good.edi"
        cls.good.write_text(GOOD)
        cls.bad = Path(cls.tmp.name) / "bad.edi"
        cls.bad.write_text(GOOD.replace("SE*10*0001", "SE*11*0001"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_validate_good_file_exits_0_with_ids(self):
        result = acorn_edi("validate", "--json", str(self.good))
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout.splitlines()[0])
        self.assertTrue(report["valid"])
        self.assertEqual(report["sets"][0]["type"], "850")
        self.assertEqual(report["sets"][0]["ids"], {"po_number": "2XK5R9PA"})

    def test_validate_bad_file_exits_1_with_location(self):
        result = acorn_edi("validate", "--json", str(self.good), str(self.bad))
        self.assertEqual(result.returncode, 1, result.stderr)
        good, bad = (json.loads(line) for line in result.stdout.splitlines())
        self.assertTrue(good["valid"])
        self.assertFalse(bad["valid"])
        errors = [e for s in bad["sets"] for e in s["errors"]] + bad["errors"]
        self.assertTrue(errors)
        located = [e for e in errors if e.get("segment_id") == "SE"]
        self.assertTrue(located, errors)
        self.assertEqual(located[0]["segment_position"], 12)

    def test_human_output_names_file_and_segment(self):
        result = acorn_edi("validate", str(self.bad))
        self.assertEqual(result.returncode, 1)
        self.assertIn("bad.edi", result.stdout)
        self.assertIn("SE", result.stdout)

    def test_ack_prints_a_997_echoing_the_group(self):
        result = acorn_edi("ack", str(self.good))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("ST*997*", result.stdout)
        self.assertIn("AK1*PO*7~", result.stdout)  # AK103 exists from 5010 on
        self.assertRegex(
            result.stdout, r"GS\*FA\*VENDOR\*AMAZON\*\d{8}\*\d{4}\*\d+\*X\*004010~"
        )
        self.assertIn("AK2*850*0001~", result.stdout)
        self.assertIn("AK9*A*1*1*1~", result.stdout)

    def test_sample_files_validate(self):
        files = sorted(str(path) for path in DATA.glob("*.edi"))
        self.assertTrue(files)
        result = acorn_edi("validate", "--json", *files)
        reports = [json.loads(line) for line in result.stdout.splitlines()]
        self.assertEqual(len(reports), len(files))
