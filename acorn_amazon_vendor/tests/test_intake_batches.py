"""Received files: archive first, batches that resume, poison files quarantined."""

import base64
import shutil
import tempfile
from pathlib import Path

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AmazonOrderCommon

INTAKE = "odoo.addons.acorn_amazon_vendor.models.acorn_edi_interchange_intake"
FLOW = "odoo.addons.acorn_amazon_vendor.models.acorn_edi_message_flow"


def purchase_orders(isa, numbers):
    """One interchange, one group, one 850 per PO number (a mug line each)."""
    segments = [
        "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VEND1          "
        f"*261127*0830*U*00401*{isa:09d}*0*P*>",
        f"GS*PO*AMAZON*VEND1*20261127*0830*{isa}*X*004010",
    ]
    for control, number in enumerate(numbers, 1):
        body = [
            f"ST*850*{control:04d}",
            f"BEG*00*NE*{number}**20261127",
            f"REF*CR*AMZ{number}",
            "CSH*N",
            "DTM*064*20261201",
            "DTM*063*20261208",
            "N1*ST**92*ABE2",
            "PO1*1*24*EA*12.50*PE*BP*B07R634M2P",
            "CTT*1*24",
        ]
        segments += body + [f"SE*{len(body) + 1}*{control:04d}"]
    segments += [f"GE*{len(numbers)}*{isa}", f"IEA*1*{isa:09d}"]
    return "~".join(segments) + "~"


@tagged("post_install", "-at_install")
class TestIntakeBatches(AmazonOrderCommon):
    NUMBERS = ["5BATCH01", "5BATCH02", "5BATCH03", "5BATCH04", "5BATCH05"]

    def setUp(self):
        super().setUp()
        self.account.intake_batch_size = 2
        self.Interchange = self.env["acorn.edi.interchange"]
        self.Message = self.env["acorn.edi.message"]

    def _archive(self, text, name="BATCH.edi"):
        return self.Interchange._archive_payload(
            self.account, name, text.encode(), "inbound"
        )

    def _orders(self):
        return self.env["sale.order"].search(
            [("amz_account_id", "=", self.account.id)], order="amz_po_number"
        )

    def test_a_file_stopped_after_a_batch_resumes_where_it_stopped(self):
        interchange = self._archive(purchase_orders(501, self.NUMBERS))
        self.assertEqual(interchange.intake_state, "archived")
        self.assertEqual(interchange._amz_intake(max_steps=2), 3)  # read, 2 sets
        messages = interchange.edi_message_ids.sorted("set_position")
        self.assertEqual(
            messages.mapped("state"), ["in_processed"] * 2 + ["in_received"] * 3
        )
        self.assertRecordValues(
            interchange,
            [
                {
                    "intake_state": "processing",
                    "set_count": 5,
                    "sets_done": 2,
                    "intake_progress": "2 of 5 sets processed",
                    "intake_attempts": 0,
                }
            ],
        )
        self.assertEqual(self.Interchange._amz_count_pending(), 3)
        self.Message._cron_process_received()
        self.Message._cron_process_received()
        self.assertEqual(set(messages.mapped("state")), {"in_processed"})
        self.assertEqual(self._orders().mapped("amz_po_number"), self.NUMBERS)
        self.assertRecordValues(interchange, [{"intake_state": "done", "sets_done": 5}])
        acks = self._outbound("997")
        self.assertEqual(len(acks), 1, "one 997 for the one group, built once")
        self.assertEqual(messages.ack_message_id, acks)
        self.assertEqual(self.Interchange._amz_count_pending(), 0)

    def test_control_numbers_seen_in_a_file_still_being_processed(self):
        first = self._archive(purchase_orders(502, self.NUMBERS))
        first._amz_intake(max_steps=2)
        again = purchase_orders(502, self.NUMBERS).replace("~", "~\n")
        ids = self.account.receive_file("AGAIN.edi", base64.b64encode(again.encode()))
        repeated = self.Message.browse(ids)
        self.assertEqual(len(repeated), 5)
        self.assertEqual(set(repeated.mapped("state")), {"in_duplicate"})
        self.Message._cron_process_received()
        self.assertEqual(self._orders().mapped("amz_po_number"), self.NUMBERS)

    def test_after_an_interrupted_batch_the_next_takes_half(self):
        self.account.intake_batch_size = 4
        interchange = self._archive(purchase_orders(503, self.NUMBERS))
        interchange._amz_intake(max_steps=1)
        # As a worker killed in its batch leaves it: the attempt counted, nothing done.
        interchange.intake_attempts = 1
        interchange._amz_intake(max_steps=1)
        self.assertEqual(interchange.sets_done, 2)
        self.assertEqual(interchange.intake_attempts, 0)

    def test_receive_file_archives_reads_and_processes_every_batch(self):
        text = purchase_orders(504, self.NUMBERS)
        ids = self.account.receive_file("ALL.edi", base64.b64encode(text.encode()))
        messages = self.Message.browse(ids)
        self.assertEqual(messages.mapped("po_number"), self.NUMBERS)
        self.assertEqual(set(messages.mapped("state")), {"in_processed"})
        self.assertEqual(messages.interchange_id.intake_state, "done")

    def test_the_transport_acknowledges_at_the_archive_commit(self):
        root = Path(tempfile.mkdtemp(prefix="acorn-intake-"))
        self.addCleanup(shutil.rmtree, root, ignore_errors=True)
        for folder in ("in", "out", "done"):
            (root / folder).mkdir()
        self.env["acorn.edi.transport"].create(
            {
                "account_id": self.account.id,
                "kind": "folder",
                "direction": "both",
                "download_path": str(root / "in"),
                "upload_path": str(root / "out"),
                "archive_path": str(root / "done"),
            }
        )
        remote = root / "in" / "VEND1850.I0009"
        remote.write_text(purchase_orders(509, self.NUMBERS[:3]))
        commits = []

        def commit(env):  # what a real commit does: its post-commit hooks run
            files = self.Interchange.search_count([("filename", "=", remote.name)])
            sets = self.Message.search_count(
                [("interchange_id.filename", "=", remote.name)]
            )
            env.cr.postcommit.run()
            commits.append((files, sets, remote.exists()))
            return False

        Account = type(self.env["acorn.vendor.account"])
        self.patch(Account, "_amz_commit", staticmethod(commit))
        self.env["acorn.vendor.account"]._cron_sync_transports()
        self.assertEqual(
            commits[0], (1, 0, False), "archived alone, then the remote file moved"
        )
        archived = (root / "done" / remote.name).read_text()
        self.assertEqual(archived, purchase_orders(509, self.NUMBERS[:3]))
        self.assertEqual(len(self._orders()), 3)

    def test_a_set_that_raises_fails_alone_located_with_its_traceback(self):
        batch = type(self.env["sale.order"])._amz_import_850_batch

        def import_batch(order_model, messages, sets):
            if "5BATCH03" in messages.mapped("po_number"):
                raise ZeroDivisionError("a bug in one set")
            return batch(order_model, messages, sets)

        self.patch(type(self.env["sale.order"]), "_amz_import_850_batch", import_batch)
        text = purchase_orders(505, self.NUMBERS)
        with mute_logger(INTAKE, FLOW):
            ids = self.account.receive_file("BUG.edi", base64.b64encode(text.encode()))
        messages = self.Message.browse(ids)
        self.assertEqual(
            messages.mapped("state"),
            ["in_processed"] * 2 + ["in_error"] + ["in_processed"] * 2,
        )
        self.assertIn("BUG.edi, set 0003: ", messages[2].error_message)
        self.assertIn("a bug in one set", messages[2].error_message)
        self.assertIn("Traceback", messages[2].sudo().error_traceback)
        self.assertEqual(len(self._orders()), 4)
        self.assertEqual(messages.interchange_id.intake_state, "done")


@tagged("post_install", "-at_install")
class TestIntakeQuarantine(AmazonOrderCommon):
    def test_a_file_failing_three_times_is_quarantined_and_others_flow(self):
        Interchange = type(self.env["acorn.edi.interchange"])
        read = Interchange._amz_read_inbound

        def read_inbound(interchange):
            if interchange.filename == "POISON.edi":
                raise MemoryError("cannot read this one")
            return read(interchange)

        self.patch(Interchange, "_amz_read_inbound", read_inbound)
        poison = purchase_orders(601, ["6POISON1"])
        normal = purchase_orders(602, ["6NORMAL1"])
        with mute_logger(INTAKE):
            self.account.receive_file("POISON.edi", base64.b64encode(poison.encode()))
            self.account.receive_file("NORMAL.edi", base64.b64encode(normal.encode()))
            held = self.env["acorn.edi.interchange"].search(
                [("filename", "=", "POISON.edi")]
            )
            self.assertTrue(held.attachment_id.raw, "archived before it failed")
            self.assertRecordValues(
                held, [{"intake_state": "archived", "intake_attempts": 1}]
            )
            self.assertIn("attempt 1", held.intake_error)
            self.assertIn("cannot read this one", held.intake_error)
            self.env["acorn.edi.message"]._cron_process_received()
            self.env["acorn.edi.message"]._cron_process_received()
        self.assertTrue(self._order("6NORMAL1"), "the file behind it went through")
        self.assertRecordValues(
            held, [{"intake_state": "quarantined", "intake_attempts": 3}]
        )
        self.assertIn("cannot read this one", held.quarantine_reason)
        activity = held.activity_ids
        self.assertRecordValues(
            activity,
            [
                {
                    "activity_type_id": self.env.ref(
                        "acorn_amazon_vendor.mail_activity_amz_quarantine"
                    ).id,
                    "user_id": self.account.user_id.id,
                }
            ],
        )
        self.assertEqual(self.env["acorn.edi.interchange"]._amz_count_pending(), 0)
        self.env["acorn.edi.message"]._cron_process_received()
        self.assertEqual(held.intake_attempts, 3, "a quarantined file is left alone")

        self.patch(Interchange, "_amz_read_inbound", read)
        held.with_user(self.manager).action_release()
        self.assertRecordValues(
            held, [{"intake_state": "archived", "intake_attempts": 0}]
        )
        self.assertFalse(held.activity_ids)
        self.env["acorn.edi.message"]._cron_process_received()
        self.assertEqual(held.intake_state, "done")
        self.assertTrue(self._order("6POISON1"))

    def test_a_killed_step_counts_and_quarantines_at_the_next_run(self):
        interchange = self.env["acorn.edi.interchange"]._archive_payload(
            self.account,
            "KILLED.edi",
            purchase_orders(603, ["6KILLED1"]).encode(),
            "inbound",
        )
        # Three workers were killed in it: each counted its attempt first.
        interchange.intake_attempts = 3
        with mute_logger(INTAKE):
            self.env["acorn.edi.message"]._cron_process_received()
        self.assertEqual(interchange.intake_state, "quarantined")
        self.assertIn("interrupted 3 times", interchange.quarantine_reason)
        self.assertFalse(self._order("6KILLED1"))

    def test_only_managers_release_and_only_quarantined_files(self):
        interchange = self.env["acorn.edi.interchange"]._archive_payload(
            self.account,
            "OK.edi",
            purchase_orders(604, ["6OKFILE1"]).encode(),
            "inbound",
        )
        with self.assertRaises(UserError):
            interchange.with_user(self.manager).action_release()
        with self.assertRaises(AccessError):
            interchange.with_user(self.user).action_release()

    def test_batch_size_and_threshold_are_at_least_one(self):
        with self.assertRaises(ValidationError):
            self.account.intake_batch_size = 0
        with self.assertRaises(ValidationError):
            self.account.quarantine_after = 0
