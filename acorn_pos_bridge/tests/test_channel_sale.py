from psycopg2 import IntegrityError

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestChannelSale(TransactionCase):
    """The fact writer's contract: idempotent on the source key; the key holds
    with no store."""

    def setUp(self):
        super().setUp()
        self.Fact = self.env["acorn.channel.sale"]
        self.product = self.env["product.product"].create(
            {"name": "Key Ring", "default_code": "KR-1"}
        )

    def _vals(self, **values):
        return {
            "source": "amazon_report",
            "source_ref": "report:1:row:7",
            "date": "2026-11-20",
            "product_id": self.product.id,
            "quantity": 3,
            "revenue": 30.0,
            **values,
        }

    def test_write_facts_records_once(self):
        first = self.Fact._chain_write_facts([self._vals(), self._vals()])
        self.assertEqual(len(first.ids), 2)
        self.assertEqual(first[0], first[1])
        self.assertRecordValues(
            first[0],
            [
                {
                    "channel": "amazon",
                    "sku": "KR-1",
                    "receipt_ref": "report:1:row:7",
                    "company_id": self.env.company.id,
                    "quantity": 3,
                    "revenue": 30.0,
                    "amount": 30.0,
                }
            ],
        )
        again = self.Fact._chain_write_facts([self._vals(quantity=9)])
        self.assertEqual(again, first[0])
        self.assertEqual(again.quantity, 3)
        updated = self.Fact._chain_write_facts([self._vals(quantity=9)], update=True)
        self.assertEqual(updated.quantity, 9)
        self.assertEqual(self.Fact.search_count([("sku", "=", "KR-1")]), 1)

    def test_write_facts_needs_a_source_key(self):
        with self.assertRaises(ValueError):
            self.Fact._chain_write_facts([self._vals(source_ref=False)])

    def test_natural_key_holds_without_store(self):
        self.Fact.create(self._vals(source_ref="a", receipt_ref="R1", sku="KR-1"))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                self.Fact.create(
                    self._vals(source_ref="b", receipt_ref="R1", sku="KR-1")
                )
                self.env.flush_all()

    def test_refund_figures(self):
        refund = self.Fact._chain_write_facts(
            [self._vals(quantity=-2, revenue=-20.0, is_refund=True)]
        )
        self.assertRecordValues(
            refund, [{"refund_quantity": 2, "refund_revenue": 20.0}]
        )
