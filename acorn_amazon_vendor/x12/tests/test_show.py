"""acorn-edi show: one JSON object per file, one line per PO1/IT1/RMR/LIN/item HL."""

import io
import json
import os
import tempfile
import unittest

from ..cli import main
from .common import DATA
from .test_documents import _build


def _show(*paths, json_output=True):
    out = io.StringIO()
    code = main(["show", *(["--json"] if json_output else []), *paths], out=out)
    return code, out.getvalue()


def _sets(path):
    code, text = _show(str(path))
    return code, json.loads(text)["sets"]


class TestShow(unittest.TestCase):
    def setUp(self):
        super().setUp()
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def _file(self, name, text):
        path = os.path.join(self.dir.name, name)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return path

    def test_850_lines_with_quantities_prices_identifiers(self):
        code, (one,) = _sets(self._file("po.edi", _build("golden_850_new_order.edi")))
        self.assertEqual(code, 0)
        self.assertEqual((one["type"], one["control_number"], one["ids"]),
                         ("850", "0001", {"po_number": "3J2KKUAV"}))  # fmt: skip
        self.assertEqual(len(one["lines"]), 3)
        self.assertEqual(one["lines"][0], {
            "line_number": "1", "quantity": "24", "uom": "EA", "unit_price": "12.50",
            "price_basis": "PE",
            "product_ids": [["BP", "B07R634M2P"], ["EN", "4006381333931"]],
        })  # fmt: skip
        self.assertEqual(one["totals"], {"ctt_count": 3, "ctt_hash": "130"})

    def test_one_entry_per_document_line_for_every_set(self):
        expected = {
            "golden_855_accept_backorder_reject.edi": ("855", 3),
            "golden_856_sotpi_pallet_cartons.edi": ("856", 2),
            "golden_810_tax_freight_allowance.edi": ("810", 2),
            "golden_820_payment_with_deductions.edi": ("820", 3),
            "golden_846_cost_and_inventory.edi": ("846", 3),
        }
        for name, (kind, count) in expected.items():
            with self.subTest(golden=name):
                code, (one,) = _sets(self._file(name, _build(name)))
                self.assertEqual((code, one["type"], len(one["lines"])),
                                 (0, kind, count))  # fmt: skip
                self.assertTrue(one["valid"])
        _, (ack,) = _sets(self._file("a.edi", _build(
            "golden_855_accept_backorder_reject.edi")))  # fmt: skip
        self.assertEqual([a["status"] for a in ack["lines"][1]["acks"]], ["IA", "IB"])
        _, (asn,) = _sets(self._file("s.edi", _build(
            "golden_856_sotpi_pallet_cartons.edi")))  # fmt: skip
        item = asn["lines"][1]
        self.assertEqual((item["po_number"], item["quantity"], item["lot"],
                          item["pack_sscc"][-4:], item["tare_sscc"][-4:]),
                         ("3J2KKUAV", "80", "LOT7", "0128", "0104"))  # fmt: skip

    def test_several_groups_and_the_997_in_them(self):
        code, sets = _sets(DATA / "several_groups.edi")
        self.assertEqual(code, 0)
        self.assertEqual([one["type"] for one in sets], ["850", "850", "997", "850"])
        self.assertEqual(sets[2]["lines"][0]["set_id"], "855")

    def test_business_problems_make_the_file_invalid(self):
        text = _build("golden_810_tax_freight_allowance.edi").replace(
            "TDS*58200", "TDS*58100"
        )
        code, (one,) = _sets(self._file("inv.edi", text))
        self.assertEqual((code, one["valid"]), (1, False))
        (problem,) = one["problems"]
        where = (problem["code"], problem["segment_id"], problem["set_position"])
        self.assertEqual(where, ("tds-total", "TDS", 14))

    def test_human_output_and_unreadable_file(self):
        code, text = _show(str(DATA / "other_856_4010_soi_test_usage.edi"),
                           json_output=False)  # fmt: skip
        self.assertEqual(code, 0)
        self.assertIn("856 0001 shipment_id=SHP-88231 valid", text)
        self.assertIn("warning hierarchy HL:", text)
        code, text = _show("/nonexistent/file.edi")
        self.assertEqual((code, json.loads(text)["valid"]), (1, False))
