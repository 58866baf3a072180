import base64
import io
from datetime import date

from openpyxl import load_workbook

from odoo.tests import TransactionCase, new_test_user, tagged

W1, W2 = date(2026, 11, 2), date(2026, 11, 9)  # two Mondays


@tagged("post_install", "-at_install")
class TestChannelReport(TransactionCase):
    """The report's figures on a crafted history of stores and Amazon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Store = cls.env["acorn.store"]
        cls.store_a = Store.create({"name": "Alpha", "store_code": "A"})
        cls.store_b = Store.create(
            {"name": "Beta", "store_code": "B", "source": "external"}
        )
        amazon = cls.env["res.partner"].create({"name": "Amazon", "is_company": True})
        cls.account = cls.env["acorn.vendor.account"].create(
            {
                "name": "Amazon RPT",
                "vendor_code": "RPT",
                "partner_id": amazon.id,
                "currency_id": cls.env.company.currency_id.id,
                "vendor_isa_id": "RPT",
                "vendor_gs_id": "RPT",
            }
        )
        cls.lamp = cls.env["product.product"].create(
            {"name": "Desk Lamp", "default_code": "LAMP"}
        )
        cls.env["acorn.channel.sale"]._chain_write_facts(cls._history())
        cls.Report = cls.env["acorn.channel.report"]

    @classmethod
    def _fact(cls, ref, day, **values):
        return {
            "source_ref": ref,
            "date": day,
            "product_id": cls.lamp.id,
            **values,
        }

    @classmethod
    def _history(cls):
        a, b, acc = cls.store_a.id, cls.store_b.id, cls.account.id
        sale = {"source": "odoo_pos", "store_id": a, "cost_final": True}
        stock = {"source": "odoo_stock", "store_id": a, "quantity": 0}
        amazon = {"account_id": acc}
        return [
            cls._fact("a1", "2026-11-03", quantity=10, revenue=100, cost=40, **sale),
            cls._fact(
                "a2",
                "2026-11-05",
                quantity=-2,
                revenue=-20,
                cost=-8,
                is_refund=True,
                **sale,
            ),  # fmt: skip
            cls._fact("a3", "2026-11-03", on_hand=50, **stock),
            cls._fact("a4", "2026-11-06", on_hand=24, **stock),
            cls._fact(
                "b1", "2026-11-04", source="import", store_id=b, quantity=6, revenue=60
            ),  # fmt: skip
            cls._fact(
                "z1",
                "2026-11-04",
                source="amazon_delivery",
                quantity=20,
                revenue=150,
                cost=80,
                cost_final=True,
                **amazon,
            ),  # fmt: skip
            cls._fact(
                "z2",
                "2026-11-08",
                source="amazon_report",
                quantity=12,
                revenue=180,
                **amazon,
            ),  # fmt: skip
            cls._fact(
                "z3",
                "2026-11-07",
                source="amazon_report",
                quantity=0,
                on_hand=36,
                **amazon,
            ),  # fmt: skip
            cls._fact("a5", "2026-11-10", quantity=4, revenue=40, cost=16, **sale),
            cls._fact("a6", "2026-11-12", on_hand=20, **stock),
        ]

    def test_weekly_lines(self):
        lines = self.Report.search([], order="week, channel desc, store_id")
        self.assertRecordValues(
            lines,
            [
                {"week": W1, "channel": "store",
                 "store_id": self.store_a.id, "account_id": False,
                 "units": 8, "revenue": 80, "cost": 32, "margin": 48,
                 "refund_units": 2, "refund_revenue": 20, "sold_units": 8,
                 "on_hand": 24, "sell_through": 25, "weeks_of_cover": 3},
                {"week": W1, "channel": "store",
                 "store_id": self.store_b.id, "account_id": False,
                 "units": 6, "revenue": 60, "cost": 0, "margin": 0,
                 "refund_units": 0, "refund_revenue": 0, "sold_units": 6,
                 "on_hand": 0, "sell_through": 100, "weeks_of_cover": 0},
                {"week": W1, "channel": "amazon",
                 "account_id": self.account.id, "store_id": False,
                 "units": 20, "revenue": 150, "cost": 80, "margin": 70,
                 "refund_units": 0, "refund_revenue": 0, "sold_units": 12,
                 "on_hand": 36, "sell_through": 25, "weeks_of_cover": 3},
                {"week": W2, "channel": "store",
                 "store_id": self.store_a.id, "account_id": False,
                 "units": 4, "revenue": 40, "cost": 16, "margin": 24,
                 "refund_units": 0, "refund_revenue": 0, "sold_units": 4,
                 "on_hand": 20, "sell_through": 16.7, "weeks_of_cover": 5},
            ],
        )  # fmt: skip

    def test_group_ratios_come_from_group_sums(self):
        groups = self.Report.read_group(
            [],
            ["units:sum", "margin:sum", "sell_through:avg", "weeks_of_cover:avg"],
            ["channel"],
            orderby="channel desc",
        )
        store, amazon = groups
        self.assertEqual(store["channel"], "store")
        self.assertEqual(store["units"], 18)
        self.assertEqual(store["margin"], 72)
        # 18 sold, 44 on hand over the two weeks.
        self.assertAlmostEqual(store["sell_through"], 100 * 18 / 62)
        self.assertAlmostEqual(store["weeks_of_cover"], 44 / 18)
        self.assertNotIn("sold_units", store)
        self.assertAlmostEqual(amazon["sell_through"], 25)
        self.assertAlmostEqual(amazon["weeks_of_cover"], 3)

    def test_xlsx_export(self):
        user = new_test_user(
            self.env,
            login="chain_reader",
            groups="base.group_user,acorn_pos_bridge.group_chain_user",
        )
        report = self.Report.with_user(user)
        action = report.search([("channel", "=", "store")]).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        self.assertEqual(attachment.create_uid, user)
        sheet = load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("Week", "Channel", "Store"))
        self.assertEqual(len(rows), 4)
        by_store = {(row[0].date(), row[2]): row for row in rows[1:]}
        alpha = by_store[(W1, "Alpha")]
        self.assertEqual(alpha[1], "Chain store")
        self.assertEqual(alpha[4], "[LAMP] Desk Lamp")
        self.assertEqual(alpha[5:9], (8, 80, 32, 48))
        self.assertEqual(alpha[13:], (25, 3))

    def test_xlsx_text_is_never_a_formula(self):
        self.store_b.name = "=HYPERLINK(1)"
        attachment = self.Report._chain_export_xlsx(
            [("store_id", "=", self.store_b.id)]
        )
        sheet = load_workbook(io.BytesIO(base64.b64decode(attachment.datas))).active
        self.assertEqual(sheet["C2"].value, "=HYPERLINK(1)")
        self.assertEqual(sheet["C2"].data_type, "s")
