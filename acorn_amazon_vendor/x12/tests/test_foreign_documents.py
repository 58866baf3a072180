"""Documents written by others (Amazon-shaped and other retail): lines, amounts, IDs."""

import unittest
from decimal import Decimal as D

from .. import (
    check_document,
    parse_810,
    parse_820,
    parse_850,
    parse_856,
    parse_interchange,
    validate_file,
)
from .common import DATA


def _sets(name):
    report = parse_interchange((DATA / name).read_bytes())
    return report, list(report.sets())


def _pairs(product_ids):
    return [(p.qualifier, p.value) for p in product_ids]


class TestOtherRetail850(unittest.TestCase):
    """Pipe separator, ^ component, CRLF layout, two groups, extra segments."""

    def setUp(self):
        super().setUp()
        self.report, self.sets = _sets("other_850_pipe_crlf_two_groups.edi")

    def test_valid_with_warnings_for_codes_amazon_does_not_use(self):
        self.assertTrue(self.report.valid)
        first = self.sets[0]
        self.assertEqual(first.status, "E")
        self.assertEqual(
            sorted({(e.segment_id, e.element_position) for e in first.errors}),
            [("BEG", 2), ("PO1", 8), ("REF", 1)],
        )
        self.assertTrue(all(e.severity == "warning" for e in first.errors))

    def test_lines_amounts_and_identifiers(self):
        po = parse_850(self.sets[0])
        self.assertEqual((po.po_number, po.order_type, po.backorder_code),
                         ("4500012345", "SA", "Y"))  # fmt: skip
        self.assertEqual(po.ship_to.id, "0078742012345")
        self.assertEqual(po.ship_to.address, ("702 SW 8TH ST",))
        self.assertEqual([p.role for p in po.parties], ["ST", "BY"])
        self.assertEqual(po.references, (("DP", "00092"), ("IA", "7788001")))
        first, second = po.lines
        self.assertEqual((first.line_number, first.quantity, first.unit_price),
                         ("", D("48"), D("0.5")))  # fmt: skip
        self.assertEqual(_pairs(first.product_ids),
                         [("UP", "885909950805"), ("IN", "554433"),
                          ("VN", "ABC-100")])  # fmt: skip
        self.assertEqual((second.quantity, second.uom, second.product_id("UK")),
                         (D("6.5"), "CA", "10885909950802"))  # fmt: skip
        self.assertEqual((po.line_count, po.hash_total), (2, D("54.5")))
        self.assertEqual(check_document(self.sets[0])[1], [])

    def test_second_group_is_read(self):
        po = parse_850(self.sets[1])
        self.assertEqual((po.po_number, po.gs_control, po.control_number),
                         ("4500012346", "418", "0418001"))  # fmt: skip
        self.assertEqual(po.lines[0].product_id("BP"), "B000TEST01")


class TestAmazonTestFiles(unittest.TestCase):
    """The Amazon-shaped 850s the Odoo side imports parse into their lines."""

    def test_every_valid_amazon_850_parses_and_passes_its_checks(self):
        folder = DATA.parent.parent.parent / "tests" / "data"
        names = ("single", "two_pos_pipe", "minimal_optional", "two_groups_crlf",
                 "single_resent_crlf")  # fmt: skip
        files = [folder / f"amazon_850_{name}.edi" for name in names]
        for path in (path for path in files if path.exists()):
            report = validate_file(path.read_bytes(), keep_segments=True)
            if not report.valid:
                continue
            for transaction in report.sets():
                with self.subTest(file=path.name, st=transaction.control_number):
                    po, problems = check_document(transaction)
                    self.assertTrue(po.lines)
                    self.assertEqual([str(p) for p in problems], [])


class TestOther856(unittest.TestCase):
    """004010 S/O/I with 12-qualified receiver, test usage, PER and PID."""

    def test_items_sit_under_the_order(self):
        report, (transaction,) = _sets("other_856_4010_soi_test_usage.edi")
        self.assertTrue(report.valid)
        shipment = parse_856(transaction)
        self.assertEqual((shipment.shipment_id, shipment.scac,
                          shipment.bill_of_lading), ("SHP-88231", "FDEG",
                                                     "7894561230"))  # fmt: skip
        self.assertEqual(shipment.ship_to.id, "0012345000017")
        (order,) = shipment.orders
        self.assertEqual(order.po_number, "PO77881")
        self.assertEqual(
            [(i.line_number, i.quantity, i.uom, i.product_id("VN")) for i in
             order.items],
            [("1", D("36"), "EA", "TEA-12"), ("2", D("10.5"), "CA", "SPOON-4")],
        )  # fmt: skip
        self.assertEqual(order.items[0].quantity_ordered, D("36"))
        problems = check_document(transaction)[1]
        self.assertEqual([(p.code, p.severity) for p in problems],
                         [("hierarchy", "warning")])  # fmt: skip


class TestAmazon820(unittest.TestCase):
    """CRLF layout, full BPR bank fields, entity-level ADX, §14 references."""

    def test_payment_items_and_deductions(self):
        report, (transaction,) = _sets("amazon_820_deductions_crlf.edi")
        self.assertTrue(report.valid)
        remittance = parse_820(transaction)
        self.assertEqual((remittance.amount, remittance.trace_number,
                          remittance.payment_method, str(remittance.payment_date)),
                         (D("1407.33"), "0098877665", "ACH",
                          "2027-01-31"))  # fmt: skip
        self.assertEqual([(a.amount, a.reason, a.reference)
                          for a in remittance.adjustments],
                         [(D("-50.00"), "72", "COOP-Q4-2026")])  # fmt: skip
        kinds = [(i.kind, i.invoice_number, i.paid) for i in remittance.items]
        self.assertEqual(kinds, [
            ("invoice", "INV-1001", D("1200.00")),
            ("invoice", "INV-1002", D("320.00")),
            ("shortage_claim", "INV-0999", D("-62.67")),
            ("shortage_claim_reversal", "INV-0950", D("25.00")),
            ("revised_shortage_claim", "INV-0950", D("-10.00")),
            ("price_protection", "", D("-15.00")),
        ])  # fmt: skip
        self.assertEqual(remittance.items[0].po_number, "3J2KKUAV")
        self.assertEqual(check_document(transaction)[1], [])


class TestOther810(unittest.TestCase):
    """No layout at all, line-level SAC and TXI, ITD with discount, N3 two lines."""

    def test_lines_charges_and_total(self):
        report, (transaction,) = _sets("other_810_line_charges_and_tax.edi")
        self.assertTrue(report.valid)
        invoice = parse_810(transaction)
        self.assertEqual(invoice.total, D("239.32"))
        self.assertEqual(invoice.computed_total(), D("239.32"))
        first, second = invoice.lines
        self.assertEqual([(s.indicator, s.amount) for s in first.allowances],
                         [("A", D("1.50"))])  # fmt: skip
        self.assertEqual([(t.tax_type, t.amount) for t in second.taxes],
                         [("ST", D("8.40"))])  # fmt: skip
        self.assertEqual((invoice.terms.discount_percent, invoice.terms.net_days),
                         (D("2"), 30))  # fmt: skip
        self.assertEqual(invoice.remit_to.address, ("PO BOX 1", "SUITE 9"))
        self.assertEqual(check_document(transaction)[1], [])

    def test_a_wrong_total_is_located_at_tds(self):
        text = (DATA / "other_810_line_charges_and_tax.edi").read_text()
        report = parse_interchange(text.replace("TDS*23932", "TDS*23126"))
        (transaction,) = report.sets()
        (problem,) = check_document(transaction)[1]
        self.assertEqual(
            (problem.code, problem.segment_id, problem.segment_position,
             problem.set_position, problem.element_position),
            ("tds-total", "TDS", 19, 17, 1),
        )  # fmt: skip
        self.assertIn("23932", problem.message)
