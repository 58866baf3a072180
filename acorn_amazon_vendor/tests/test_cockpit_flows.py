"""Cockpit tiles of the later flows: quarantined files, failing transports, 820."""

from odoo.tests import tagged

from .remittance_common import AmazonRemittanceCommon


@tagged("post_install", "-at_install")
class TestCockpitFlows(AmazonRemittanceCommon):
    def _tile(self, key):
        self.account.invalidate_recordset(["cockpit_data"])
        return next(t for t in self.account.cockpit_data if t["key"] == key)

    def _records(self, key, part="all"):
        action = self.account.action_cockpit_open(key, part)
        return self.env[action["res_model"]].search(action["domain"])

    def test_quarantined_files_and_failing_transports_are_counted(self):
        self.assertEqual(self._tile("files_quarantined")["count"], 0)
        message = self._receive_820("amazon_820_full_payment.edi")
        interchange = message.interchange_id
        interchange.intake_state = "quarantined"
        self.assertEqual(self._tile("files_quarantined")["count"], 1)
        self.assertEqual(self._records("files_quarantined"), interchange)
        transport = self.env["acorn.edi.transport"].create(
            {
                "account_id": self.account.id,
                "kind": "folder",
                "direction": "both",
                "download_path": "/nonexistent/in",
                "upload_path": "/nonexistent/out",
            }
        )
        self.assertEqual(self._tile("transports_failing")["count"], 0)
        transport.state = "error"
        tile = self._tile("transports_failing")
        self.assertEqual((tile["count"], tile["level"]), (1, "danger"))

    def test_payment_match_rate_and_open_deductions(self):
        inv1 = self._invoice(1000)
        self._invoice(140, date="2026-11-28")
        self._receive_820("amazon_820_chargeback_unknown_crlf.edi", {"INV1": inv1.name})
        remittance = self._remittance("TRC7003")
        lines = remittance.line_ids
        tile = self._tile("820_matched")
        good = len(lines.filtered(lambda line: line.state != "open"))
        self.assertEqual((tile["count"], tile["missed"]), (len(lines), 2))
        self.assertEqual(tile["rate"], round(100.0 * good / len(lines), 1))
        self.assertEqual(
            self._records("820_matched", "missed"),
            lines.filtered(lambda line: line.state == "open"),
        )
        adjustments = self.env["acorn.amz.remittance.adjustment"].search(
            [("remittance_id", "=", remittance.id), ("resolution", "=", "open")]
        )
        self.assertTrue(adjustments, "the 820 carries deductions")
        self.assertEqual(self._tile("deductions_open")["count"], len(adjustments))

    def test_a_trace_number_lands_on_the_remittance_and_the_invoices_it_paid(self):
        inv1 = self._invoice(1000)
        self._invoice(140, date="2026-11-28")
        message = self._receive_820(
            "amazon_820_chargeback_unknown_crlf.edi", {"INV1": inv1.name}
        )
        remittance = self._remittance("TRC7003")
        search = self.env["acorn.edi.search"].create({"query": "trc7003"})
        search.action_search()
        found = {(line.res_model, line.res_id) for line in search.line_ids}
        self.assertIn(("acorn.amz.remittance", remittance.id), found)
        self.assertIn(("account.move", inv1.id), found)
        self.assertIn(("acorn.edi.message", message.id), found)
        for line in remittance.line_ids:
            self.assertIn(("acorn.amz.remittance.line", line.id), found)
        steps = search.line_ids.mapped("step")
        self.assertIn("Remittance", steps)
