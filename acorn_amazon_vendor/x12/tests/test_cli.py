"""The acorn-edi command: validate (human and JSON) and ack."""

import io
import json
import os
import tempfile
import unittest

from ..cli import COMMANDS, main
from .common import DATA, po_interchange


class _Files:
    def __init__(self, **texts):
        self.dir = tempfile.TemporaryDirectory()
        self.paths = {}
        for name, text in texts.items():
            path = os.path.join(self.dir.name, name + ".edi")
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            self.paths[name] = path


def _run(*argv):
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


class TestValidate(unittest.TestCase):
    def setUp(self):
        super().setUp()
        bad = po_interchange(2).replace(
            "BEG*00*NE*PO00002**20240101", "BEG*00*NE*PO00002**20241301"
        )
        bad = bad.replace("GE*2*1", "GE*2*9")
        self.files = _Files(good=po_interchange(1), bad=bad)
        self.addCleanup(self.files.dir.cleanup)

    def test_exit_codes(self):
        self.assertEqual(_run("validate", self.files.paths["good"])[0], 0)
        self.assertEqual(
            _run("validate", self.files.paths["good"], self.files.paths["bad"])[0], 1
        )
        self.assertEqual(_run("validate", "/nonexistent/file.edi")[0], 1)

    def test_human_output_is_located(self):
        code, text = _run("validate", self.files.paths["bad"])
        self.assertEqual(code, 1)
        self.assertIn("INVALID", text)
        self.assertIn("set 850 0002 (po_number=PO00002): REJECTED", text)
        self.assertIn("segment 15 (BEG, #2 in set 0002), element 05", text)
        self.assertIn("AK9 4 segment 25 (GE), element 02 [ISA 000000001 / GS 1]", text)

    def test_json_has_one_object_per_file(self):
        code, text = _run(
            "validate", "--json", self.files.paths["good"], self.files.paths["bad"]
        )
        good, bad = (json.loads(line) for line in text.splitlines())
        self.assertEqual(code, 1)
        self.assertEqual((good["valid"], good["errors"]), (True, []))
        self.assertEqual(good["sets"][0]["ids"], {"po_number": "PO00001"})
        self.assertEqual(
            {
                key: good["sets"][0][key]
                for key in ("type", "version", "control_number")
            },
            {"type": "850", "version": "004010", "control_number": "0001"},
        )
        self.assertFalse(bad["valid"])
        self.assertEqual([e["segment_id"] for e in bad["errors"]], ["GE"])
        (error,) = bad["sets"][1]["errors"]
        self.assertEqual(
            {
                key: error[key]
                for key in (
                    "segment_position",
                    "set_position",
                    "segment_id",
                    "element_position",
                )
            },
            {
                "segment_position": 15,
                "set_position": 2,
                "segment_id": "BEG",
                "element_position": 5,
            },
        )
        self.assertIn("calendar date", error["message"])

    def test_unreadable_file_in_json(self):
        code, text = _run("validate", "--json", "/nonexistent/file.edi")
        result = json.loads(text)
        self.assertEqual((code, result["valid"], len(result["errors"])), (1, False, 1))


class TestAck(unittest.TestCase):
    def test_prints_997_for_each_group_but_fa(self):
        path = str(DATA / "several_groups.edi")
        code, text = _run(
            "ack",
            path,
            "--isa-control",
            "40",
            "--gs-control",
            "7",
            "--timestamp",
            "2024-03-04T05:06",
        )
        self.assertEqual(code, 0)
        self.assertIn("*240304*0506*U*00401*000000040*", text)
        self.assertIn("GS*FA*VENDOR*AMAZON*20240304*0506*7*X*004010~", text)
        self.assertIn("GS*FA*VENDOR*AMAZON*20240304*0506*8*X*004010~", text)
        self.assertIn("AK1*PO*3~", text)
        self.assertNotIn("AK1*FA", text)

    def test_broken_envelope_gets_a_ta1(self):
        files = _Files(bad=po_interchange(1).replace("IEA*1*000000001", "IEA*1*5"))
        self.addCleanup(files.dir.cleanup)
        code, text = _run("ack", files.paths["bad"], "--sender", "ZZ:ME")
        self.assertEqual(code, 1)
        self.assertIn("TA1*000000001*240101*1200*R*001~", text)
        self.assertIn("*ZZ*ME             *ZZ*AMAZON         *", text)

    def test_unreadable_interchange_gives_no_ack(self):
        files = _Files(bad="not x12 at all")
        self.addCleanup(files.dir.cleanup)
        code, text = _run("ack", files.paths["bad"])
        self.assertEqual((code, text), (1, ""))

    def test_command_table_leaves_room_for_more(self):
        self.assertEqual(sorted(COMMANDS), ["ack", "show", "validate"])
