import hashlib
import logging

from odoo import api, fields, models

from ..x12 import AckEnvelope, build_acknowledgment, validate_file
from .acorn_vendor_account_edi import CONCURRENCY_ERRORS

_logger = logging.getLogger(__name__)

# Direction of a file or message, as edi.exchange.record names it.
DIRECTIONS = [("inbound", "Inbound"), ("outbound", "Outbound")]
# Located errors written on a message at most (the rest are counted).
MAX_ERRORS_SHOWN = 10
# Context that keeps the chatter quiet when messages are created in bulk.
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def error_text(filename, errors):
    """Returns located errors as one text: file, then each error's location."""
    shown = [f"{filename}: {error}" for error in errors[:MAX_ERRORS_SHOWN]]
    if len(errors) > MAX_ERRORS_SHOWN:
        shown.append(f"... and {len(errors) - MAX_ERRORS_SHOWN} more errors")
    return "\n".join(shown)


def set_digest(transaction_set):
    """SHA-256 of a set's content, ST/SE left out and delimiters normalised.

    The same PO sent again under another ST02, or with other delimiters, has the
    same digest.
    """
    separator = transaction_set.separator
    body = "\n".join(
        "*".join(segment.split(separator)) for segment in transaction_set.segments[1:-1]
    )
    return hashlib.sha256(body.encode()).hexdigest()


class AcornEdiInterchange(models.Model):
    """One file received from or sent to Amazon, archived raw before anything else."""

    _name = "acorn.edi.interchange"
    _description = "Amazon EDI File"
    _order = "date desc, id desc"
    _rec_name = "filename"
    _check_company_auto = True

    filename = fields.Char(required=True, readonly=True)
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="cascade",  # the account refuses deletion while it holds files
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    direction = fields.Selection(DIRECTIONS, required=True, readonly=True)
    date = fields.Datetime(
        string="Received / Sent",
        required=True,
        readonly=True,
        default=fields.Datetime.now,
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Raw Payload", readonly=True, ondelete="restrict"
    )
    raw_payload = fields.Binary(related="attachment_id.datas", string="File")
    sha256 = fields.Char(string="SHA-256", readonly=True, index=True)
    size = fields.Integer(string="Size (bytes)", readonly=True)
    duplicate_of_id = fields.Many2one(
        "acorn.edi.interchange",
        string="Duplicate of",
        readonly=True,
        help="An earlier file with the same bytes for the same account.",
    )
    edi_message_ids = fields.One2many("acorn.edi.message", "interchange_id")
    edi_message_count = fields.Integer(compute="_compute_edi_message_count")

    def _compute_edi_message_count(self):
        counts = dict(
            self.env["acorn.edi.message"]._read_group(
                [("interchange_id", "in", self.ids)], ["interchange_id"], ["__count"]
            )
        )
        for interchange in self:
            interchange.edi_message_count = counts.get(interchange, 0)

    @api.model
    def _archive_payload(self, account, filename, payload, direction):
        """Store a file's raw bytes once, before any parsing.

        Args:
            account: the ``acorn.vendor.account`` the file belongs to.
            filename: the name it arrived with or leaves under.
            payload: the raw bytes.
            direction: ``inbound`` or ``outbound``.

        Returns:
            The new ``acorn.edi.interchange``; ``duplicate_of_id`` is set when
            the same bytes were already archived for this account and direction.
        """
        digest = hashlib.sha256(payload).hexdigest()
        earlier = self.search(
            [
                ("account_id", "=", account.id),
                ("direction", "=", direction),
                ("sha256", "=", digest),
            ],
            order="id",
            limit=1,
        )
        interchange = self.with_context(**QUIET).create(
            {
                "filename": filename,
                "account_id": account.id,
                "company_id": account.company_id.id,
                "direction": direction,
                "sha256": digest,
                "size": len(payload),
                "duplicate_of_id": earlier.id,
                "intake_state": "archived" if direction == "inbound" else False,
            }
        )
        interchange.attachment_id = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": payload,
                "mimetype": "application/edi-x12",
                "res_model": self._name,
                "res_id": interchange.id,
                "company_id": account.company_id.id,
            }
        )
        return interchange

    def _amz_process_inbound(self, deadline=None):
        """Reads this received file and processes its sets, in steps that commit.

        The steps (acorn_edi_interchange_intake.py): ``_amz_read_inbound`` once,
        then batches of sets until none is left or ``deadline`` has passed; what is
        left waits for the processing cron, triggered here.

        Args:
            deadline: ``time.monotonic()`` after which no step starts; None: no limit.

        Returns:
            The file's inbound messages, by position in the file (997s we send for
            it excluded).
        """
        self.ensure_one()
        try:
            self._amz_intake(deadline)
        except CONCURRENCY_ERRORS:  # rolled back by the intake lock: the cron goes on
            _logger.info("File %s: another worker got there first", self.id)
        if self.intake_state in ("archived", "processing"):
            self._amz_trigger_processing()
        return self.env["acorn.edi.message"].search(
            [("interchange_id", "=", self.id), ("direction", "=", "inbound")],
            order="set_position, id",
        )

    def _amz_read_inbound(self):
        """Reads the file once: one message per set, then its 997 or TA1.

        One transaction: the set messages, the duplicate checks of their control
        numbers and the 997 exist together or not at all, so a 997 goes out once
        per file. A 997 reports syntax (FACTS §8.3), known once the file is read;
        what becomes of each order is told by the 855.

        Returns:
            dict: {message id: (TransactionSet, InterchangeHeader)} of the sets read.
        """
        report = validate_file(self._get_payload(), keep_segments=True)
        # Addressing: route to the account the file names, refuse what is not ours.
        report = self._amz_route(report)
        messages, sets = self._amz_create_set_messages(report)
        if not self.duplicate_of_id:
            self._amz_acknowledge(report, messages)
        self._amz_apply_interchange_acks(report)
        waiting = "in_received" in messages.mapped("state")
        self.write(
            {
                "intake_state": "processing" if waiting else "done",
                "set_count": len(messages),
            }
        )
        return sets

    def _amz_create_set_messages(self, report):
        """Creates one message per set found; returns them and {id: (set, header)}."""
        vals_list, found = [], []
        seen = self._amz_seen_controls(report)
        for interchange, group, transaction in report.located_sets():
            vals = self._amz_set_values(transaction, interchange, group, seen)
            vals_list.append(vals)
            found.append((transaction, interchange.header))
        if not vals_list:
            errors = report.envelope_errors() or [
                self.env._("no transaction set found")
            ]
            vals_list.append(
                self._amz_message_base()
                | {
                    "document_type": "other",
                    "state": "in_error",
                    "error_message": error_text(self.filename, errors),
                }
            )
            found.append((None, None))
        Message = self.env["acorn.edi.message"].with_context(**QUIET)
        messages = Message.create(vals_list)
        return messages, dict(zip(messages.ids, found, strict=True))

    def _amz_message_base(self):
        return {
            "direction": "inbound",
            "account_id": self.account_id.id,
            "company_id": self.company_id.id,
            "interchange_id": self.id,
            "attachment_id": self.attachment_id.id,
        }

    def _amz_seen_controls(self, report):
        """Returns the (ISA13, GS06, ST02) already received in other files."""
        isa_controls = {
            one.header.control_number for one in report.interchanges if one.header
        }
        if not isa_controls:
            return set()
        earlier = self.env["acorn.edi.message"].search_read(
            [
                ("account_id", "=", self.account_id.id),
                ("direction", "=", "inbound"),
                ("isa_control", "in", list(isa_controls)),
                ("interchange_id", "!=", self.id),
            ],
            ["isa_control", "gs_control", "st_control"],
        )
        return {(m["isa_control"], m["gs_control"], m["st_control"]) for m in earlier}

    def _amz_set_values(self, transaction, interchange, group, seen):
        Message = self.env["acorn.edi.message"]
        controls = (
            transaction.isa_control,
            transaction.gs_control,
            transaction.control_number,
        )
        errors = [e for e in transaction.errors if e.severity == "error"]
        if interchange.status == "R" or group.status == "R" and not errors:
            errors += [
                e for e in interchange.errors + group.errors if e.severity == "error"
            ]
        vals = self._amz_message_base() | {
            "document_type": Message._amz_document_type(transaction.set_id),
            "isa_control": controls[0],
            "gs_control": controls[1],
            "st_control": controls[2],
            "set_position": transaction.position,
            "po_number": transaction.ids.get("po_number") or False,
            "content_digest": set_digest(transaction)
            if transaction.segments
            else False,
        }
        vals.update(self._amz_set_state(errors, controls in seen, controls))
        return vals

    def _amz_set_state(self, errors, seen, controls):
        """State and reason of a set just read: duplicate, error or received."""
        if self.duplicate_of_id:
            reason = self.env._(
                "Same bytes as file %(file)s received on %(date)s.",
                file=self.duplicate_of_id.filename,
                date=self.duplicate_of_id.date,
            )
            return {"state": "in_duplicate", "error_message": reason}
        if errors:
            return {
                "state": "in_error",
                "error_message": error_text(self.filename, errors),
            }
        if seen:
            reason = self.env._(
                "ISA %(isa)s / GS %(gs)s / ST %(st)s was already received.",
                isa=controls[0],
                gs=controls[1],
                st=controls[2],
            )
            return {"state": "in_duplicate", "error_message": reason}
        return {"state": "in_received"}

    def _amz_acknowledge(self, report, messages):
        """Builds, archives and dispatches the 997 (or TA1) of each interchange."""
        account = self.account_id
        for interchange in report.interchanges:
            if interchange.header is None:
                continue
            groups = [
                group
                for group in interchange.groups
                if interchange.status != "R" and group.header.functional_id != "FA"
            ]
            with_ta1 = (
                interchange.status != "A" or interchange.header.ack_requested == "1"
            )
            if not groups and not with_ta1:
                continue
            controls = account._amz_next_controls(groups=max(len(groups), 1))
            envelope = AckEnvelope(
                isa_control=controls[0],
                gs_control=controls[1],
                st_control=controls[2],
                timestamp=fields.Datetime.now(),
                sender=(account.vendor_isa_qualifier, account.vendor_isa_id),
                receiver=(account.amazon_isa_qualifier, account.amazon_isa_id),
                usage=account._amz_usage("997"),
            )
            text = build_acknowledgment(interchange, envelope)
            if text:
                self._amz_archive_acknowledgment(text, controls, groups, messages)

    def _amz_archive_acknowledgment(self, text, controls, groups, messages):
        account = self.account_id
        isa, gs_first, st_first = controls
        outbound = account._amz_archive_outbound("997", text.encode(), isa)
        vals_list = []
        by_group = [
            messages.filtered(
                lambda m, g=group: (
                    m.isa_control == g.isa_control
                    and m.gs_control == g.header.control_number
                )
            )
            for group in groups
        ]
        for offset, group_messages in enumerate(by_group):
            vals_list.append(
                outbound._amz_outbound_values("997")
                | {
                    "isa_control": str(isa),
                    "gs_control": str(gs_first + offset),
                    "st_control": str(st_first + offset).zfill(4),
                    "parent_id": group_messages[:1].id,
                }
            )
        if not groups:
            vals_list.append(
                outbound._amz_outbound_values("TA1") | {"isa_control": str(isa)}
            )
        acks = self.env["acorn.edi.message"].with_context(**QUIET).create(vals_list)
        for group, group_messages, ack in zip(groups, by_group, acks, strict=False):
            statuses = {one.control_number: one.status for one in group.sets}
            by_status = {}
            for message in group_messages:
                status = statuses.get(message.st_control, group.status)
                by_status[status] = by_status.get(status, message.browse()) | message
            for status, same in by_status.items():
                same.write({"ack_message_id": ack.id, "ack_state": status})
        acks._amz_dispatch()

    def _amz_outbound_values(self, document_type):
        return {
            "direction": "outbound",
            "document_type": document_type,
            "state": "out_generated",
            "account_id": self.account_id.id,
            "company_id": self.company_id.id,
            "interchange_id": self.id,
            "attachment_id": self.attachment_id.id,
        }

    def _amz_apply_interchange_acks(self, report):
        """TA1s received: a rejected interchange of ours marks its messages."""
        for interchange in report.interchanges:
            for ack in interchange.acknowledgments:
                self.env["acorn.edi.message"]._amz_apply_ta1(self.account_id, ack)

    def _get_payload(self):
        self.ensure_one()
        return self.attachment_id.raw or b""

    def action_view_edi_messages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_message"
        )
        action["domain"] = [("interchange_id", "=", self.id)]
        action["context"] = {}
        return action
