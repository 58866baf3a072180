"""One search box: any reference lands on the chain of records."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .shipping_common import AmazonShippingCommon


@tagged("post_install", "-at_install")
class TestEdiSearch(AmazonShippingCommon):
    def _chain(self, query, user=None):
        Search = self.env["acorn.edi.search"]
        if user:
            Search = Search.with_user(user)
        search = Search.create({"query": query})
        search.action_search()
        return search

    def _steps(self, search):
        return [line.step for line in search.line_ids]

    def test_po_number_lands_on_the_whole_chain(self):
        order = self._acked_order()
        picking = self._picking(order)
        package = self._pack(picking, [[(self.mug, 24)]])
        self._carrier_data(
            self.env["acorn.amz.shipment"].browse(
                picking.action_amz_open_shipment()["res_id"]
            )
        )
        shipment = self._validate(picking, backorder=False)
        self._print_labels(picking)
        shipment.action_amz_send_856()
        search = self._chain("3j2kkuav")
        steps = self._steps(search)
        for step in (
            "Order",
            "850 Purchase Order",
            "855 PO Acknowledgment",
            "Delivery",
            "Shipment",
            "Carton",
            "856 Ship Notice",
        ):
            self.assertIn(step, steps)
        sequences = search.line_ids.mapped("sequence")
        self.assertEqual(sequences, sorted(sequences))
        message_lines = search.line_ids.filtered(
            lambda line: line.step.startswith("85")
        )
        self.assertTrue(all(message_lines.mapped("attachment_id")))
        # The SSCC of the carton finds the same chain.
        by_sscc = self._chain(package.name)
        self.assertIn("Order", self._steps(by_sscc))
        self.assertIn(shipment.name, by_sscc.line_ids.mapped("name"))
        opened = by_sscc.line_ids.filtered(
            lambda line: line.step == "Order"
        ).action_open()
        self.assertEqual(
            (opened["res_model"], opened["res_id"]), ("sale.order", order.id)
        )
        raw = message_lines[:1].action_download()
        self.assertIn(f"/web/content/{message_lines[:1].attachment_id.id}", raw["url"])

    def test_trace_number_finds_the_message_and_its_order(self):
        self._receive("amazon_850_single.edi")
        message = self.env["acorn.edi.message"].search(
            [("account_id", "=", self.account.id), ("document_type", "=", "850")]
        )
        search = self._chain(message.isa_control, user=self.user)
        self.assertIn("Order", self._steps(search))
        self.assertIn("850 Purchase Order", self._steps(search))

    def test_nothing_found_and_too_short(self):
        search = self._chain("NOSUCHREF")
        self.assertTrue(search.searched)
        self.assertEqual(search.result_count, 0)
        with self.assertRaises(UserError):
            self._chain("ab")
