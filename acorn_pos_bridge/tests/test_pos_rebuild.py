from odoo.tests import tagged

from .pos_common import ChainPosCommon

# Fact fields the hook and the rebuild must agree on.
FIELDS = [
    "source", "source_ref", "pos_order_line_id", "channel", "store_id", "company_id",
    "currency_id", "date", "product_id", "sku", "receipt_ref", "receipt_line",
    "quantity", "revenue", "cost", "cost_final", "margin", "is_refund",
    "refund_quantity", "refund_revenue",
]  # fmt: skip


@tagged("post_install", "-at_install")
class TestPosRebuild(ChainPosCommon):
    """The bulk rebuild writes the very facts the save-time hook writes."""

    def setUp(self):
        super().setUp()
        self.open_new_session()
        sale = self._sync(
            self._ui_order(
                [(self.mug, 2), (self.tea, 1)], date_order="2026-11-20 03:30:00"
            )
        )
        self.refund = self._sync(
            self._ui_order(
                [
                    {
                        "product": self.mug,
                        "quantity": -1,
                        "refunded_orderline_id": sale.lines[0].id,
                    }
                ]
            )
        )
        self.orders = sale | self.refund

    def _snapshot(self):
        facts = self._facts(self.orders)
        rows = facts.read(FIELDS + ["refunded_fact_id"])
        by_id = {fact.id: fact.source_ref for fact in facts}
        for row in rows:
            row.pop("id")
            refunded = row.pop("refunded_fact_id")
            row["refunded"] = refunded and by_id.get(refunded[0])
        return sorted(rows, key=lambda row: row["source_ref"])

    def test_rebuild_matches_the_hook(self):
        before = self._snapshot()
        self.assertEqual(len(before), 3)
        self.assertTrue(before[-1]["refunded"] or before[0]["refunded"])
        written = self.Fact._chain_rebuild_pos_facts(self.store)
        self.assertEqual(written, 3)
        self.assertEqual(self._snapshot(), before)

    def test_rebuild_follows_a_time_zone_change(self):
        self.store.tz = "Asia/Tokyo"
        self.store.action_chain_rebuild()
        sold = self._facts(self.orders - self.refund)
        self.assertEqual(set(sold.mapped("date")), {sold[0].date})
        self.assertEqual(str(sold[0].date), "2026-11-20")

    def test_rebuild_skips_training_stores(self):
        self.store.is_training = True
        self.assertEqual(self.Fact._chain_rebuild_pos_facts(self.store), 0)
        self.assertEqual(len(self._facts(self.orders)), 3)
