"""The cockpit: KPI rates and time-to-breach tiles, their records, their activities."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import AmazonOrderCommon


@tagged("post_install", "-at_install")
class TestCockpit(AmazonOrderCommon):
    def _tile(self, key, account=None):
        account = account or self.account
        account.invalidate_recordset(["cockpit_data"])
        return next(tile for tile in account.cockpit_data if tile["key"] == key)

    def _records(self, key, part="all", account=None):
        action = (account or self.account).action_cockpit_open(key, part)
        return self.env[action["res_model"]].search(action["domain"])

    def _po(self, hours_ago):
        """Receives the single-line PO and backdates it by ``hours_ago``."""
        self._receive("amazon_850_single.edi")
        order = self._order("3J2KKUAV")
        order.amz_received_date = fields.Datetime.now() - timedelta(hours=hours_ago)
        return order

    def test_855_due_within_four_hours(self):
        order = self._po(hours_ago=10)
        self.assertEqual(self._tile("855_due")["count"], 0)
        order.amz_received_date -= timedelta(hours=11)  # 3 h left
        self.assertEqual(self._tile("855_due")["count"], 1)
        self.assertEqual(self._records("855_due"), order)
        order.action_amz_send_855()
        self.assertEqual(self._tile("855_due")["count"], 0)

    def test_855_on_time_rate_counts_late_and_overdue(self):
        order = self._po(hours_ago=2)
        order.action_amz_send_855()
        self.assertTrue(order.amz_ack_on_time)
        tile = self._tile("855_on_time")
        self.assertEqual((tile["count"], tile["rate"], tile["missed"]), (1, 100.0, 0))
        # A second PO, 30 h old and still unacknowledged, is late.
        self._receive("amazon_850_two_pos_pipe.edi")
        late = self.env["sale.order"].search(
            [("amz_account_id", "=", self.account.id), ("id", "!=", order.id)], limit=1
        )
        late.amz_received_date = fields.Datetime.now() - timedelta(hours=30)
        tile = self._tile("855_on_time")
        self.assertEqual(tile["count"], 2)
        self.assertEqual(tile["rate"], 50.0)
        self.assertEqual(tile["level"], "danger")
        self.assertEqual(self._records("855_on_time", "missed"), late)
        self.assertEqual(len(self._records("855_on_time")), 2)
        self.assertTrue(tile["trend"], "a weekly trend is given")

    def test_item_confirmation_rate_follows_the_80_percent_rule(self):
        order = self._po(hours_ago=1)
        line = order.order_line.filtered("amz_ordered_qty")[:1]
        ordered = line.amz_ordered_qty
        line.write({"amz_sent_status": "IA", "amz_sent_qty": ordered})
        self.assertTrue(line.amz_confirm_ok)
        self.assertEqual(self._tile("855_confirmed")["rate"], 100.0)
        line.amz_sent_qty = ordered * 0.75
        self.assertFalse(line.amz_confirm_ok)
        self.assertEqual(self._tile("855_confirmed")["rate"], 0.0)
        self.assertEqual(self._records("855_confirmed", "missed"), line)
        line.write({"amz_sent_status": "IR", "amz_sent_qty": ordered})
        self.assertFalse(line.amz_confirm_ok, "a rejected item confirms nothing")

    def test_997_acceptance_and_messages_in_error(self):
        for ack_state in ("A", "E", "R", "pending"):
            self._create_message(
                self.account,
                direction="outbound",
                document_type="855",
                state="out_sent",
                ack_state=ack_state,
            )
        self._create_message(self.account, state="in_error")
        tile = self._tile("997_accepted")
        self.assertEqual((tile["count"], tile["missed"]), (3, 1))
        self.assertAlmostEqual(tile["rate"], 66.7)
        self.assertEqual(self._records("997_accepted", "missed").ack_state, "R")
        self.assertEqual(self._tile("messages_error")["count"], 1)

    def test_accounts_are_counted_apart_in_the_same_queries(self):
        other = self._create_account(self.company, "VEND2")
        self._create_message(other, state="in_error")
        self._create_message(other, state="in_error")
        accounts = self.account | other
        accounts.mapped("cockpit_data")  # warm the caches first

        def queries(records):
            records.invalidate_recordset(["cockpit_data"])
            start = self.env.cr.sql_log_count
            data = {record.id: record.cockpit_data for record in records}
            return self.env.cr.sql_log_count - start, data

        two, data = queries(accounts)
        one, _data = queries(self.account)
        self.assertEqual(one, two, "one grouped query per tile, whatever the accounts")
        errors = {
            account_id: next(t for t in tiles if t["key"] == "messages_error")["count"]
            for account_id, tiles in data.items()
        }
        self.assertEqual(errors, {self.account.id: 0, other.id: 2})

    def test_user_reads_the_cockpit(self):
        self._create_message(self.account, state="in_error")
        account = self.account.with_user(self.user)
        keys = {tile["key"] for tile in account.cockpit_data}
        self.assertIn("855_on_time", keys)
        self.assertIn("messages_error", keys)
        action = account.action_cockpit_open("messages_error")
        self.assertEqual(
            self.env["acorn.edi.message"]
            .with_user(self.user)
            .search_count(action["domain"]),
            1,
        )
        self.assertEqual(action["context"]["graph_groupbys"], ["create_date:week"])

    def test_cron_raises_one_activity_per_exception(self):
        message = self._create_message(
            self.account,
            direction="outbound",
            document_type="856",
            state="out_sent",
            ack_state="pending",
            ack_overdue=True,
        )
        self.account.write({"environment": "production", "user_id": self.manager.id})
        self.env.cr.execute(
            "UPDATE acorn_vendor_account SET last_receive_date = %s WHERE id = %s",
            (fields.Datetime.now() - timedelta(hours=30), self.account.id),
        )
        self.account.invalidate_recordset(["last_receive_date"])
        self.assertTrue(self.account.is_silent)
        Account = self.env["acorn.vendor.account"]
        Account._cron_cockpit_exceptions()
        Account._cron_cockpit_exceptions()
        missing = self.env.ref("acorn_amazon_vendor.mail_activity_amz_997_missing")
        self.assertRecordValues(
            message.activity_ids,
            [{"activity_type_id": missing.id, "user_id": self.manager.id}],
        )
        no_file = self.env.ref("acorn_amazon_vendor.mail_activity_amz_no_file")
        self.assertEqual(self.account.activity_ids.activity_type_id, no_file)
        self.account.heartbeat_hours = 48
        self.assertFalse(self.account.is_silent)
        self.account.environment = "test"
        self.account.heartbeat_hours = 1
        self.assertFalse(self.account.is_silent, "a test account is never silent")

    def test_raw_file_in_the_message_form_even_with_bin_size(self):
        message = self._receive("amazon_850_single.edi")[:1]
        html = message.with_context(bin_size=True).raw_html
        self.assertIn("o_acorn_x12_set", html)
        self.assertIn("BEG*00*NE*3J2KKUAV", html)
        action = message.action_download_raw()
        self.assertIn(f"/web/content/{message.attachment_id.id}", action["url"])

    def test_every_figure_opens_list_graph_and_pivot(self):
        self._create_message(
            self.account,
            direction="outbound",
            document_type="855",
            state="out_sent",
            ack_state="R",
        )
        tiles = {tile["key"]: tile for tile in self.account.cockpit_data}
        self.assertEqual(tiles["997_accepted"]["missed"], 1)
        for user in (self.user, self.manager):
            account = self.account.with_user(user)
            for tile in account.cockpit_data:
                for part in ("all", "missed"):
                    action = account.action_cockpit_open(tile["key"], part)
                    model = self.env[action["res_model"]].with_user(user)
                    model = model.with_context(**action["context"])
                    views = model.get_views(action["views"])["views"]
                    self.assertEqual(set(views), {"list", "graph", "pivot", "form"})
                    count = model.search_count(action["domain"])
                    expected = tile.get("missed") if part == "missed" else None
                    if expected is not None:
                        self.assertEqual(count, expected, tile["key"])
