"""One received sales export (file or HTTP request), archived before it is read."""

import hashlib
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..formats.errors import FormatError
from .acorn_pos_column_mapping import KINDS

_logger = logging.getLogger(__name__)

STATES = [
    ("draft", "Received"),
    ("done", "Imported"),
    ("error", "Error"),
]
ORIGINS = [
    ("upload", "Upload"),
    ("http", "HTTP endpoint"),
]
# Line verdicts counted on the import, each shown as a smart button.
COUNTED_RULES = ("test", "voided", "duplicate", "refund_unmatched", "unknown_product")
MIMETYPES = {b"PK\x03\x04": "application/vnd.openxmlformats-officedocument"}


class AcornPosImport(models.Model):
    """A sales export received from a store's POS or a Vendor Central report file.

    The raw bytes are archived as an attachment before anything reads them; a
    file that cannot be read leaves the import in error with the located
    problems and no line. Read files keep every line with its cleaning verdict.
    """

    _name = "acorn.pos.import"
    _description = "Sales Import"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(string="File", required=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True, default="pos_sales")
    origin = fields.Selection(ORIGINS, required=True, readonly=True, default="upload")
    state = fields.Selection(STATES, required=True, default="draft", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    store_id = fields.Many2one(
        "acorn.store",
        index=True,
        readonly=True,
        check_company=True,
        ondelete="restrict",
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        index=True,
        readonly=True,
        check_company=True,
        ondelete="restrict",
    )
    mapping_id = fields.Many2one(
        "acorn.pos.column.mapping", string="Column Mapping", readonly=True
    )
    period_start = fields.Date(readonly=True)
    period_end = fields.Date(readonly=True)
    attachment_id = fields.Many2one(
        "ir.attachment", string="Raw File", readonly=True, ondelete="restrict"
    )
    raw_file = fields.Binary(related="attachment_id.datas", string="Download")
    sha256 = fields.Char(string="SHA-256", readonly=True, index=True)
    size = fields.Integer(readonly=True)
    duplicate_of_id = fields.Many2one(
        "acorn.pos.import",
        string="Same File As",
        readonly=True,
        help="An earlier import of exactly the same bytes: its lines are duplicates "
        "here and count once.",
    )
    error_message = fields.Text(readonly=True)
    line_ids = fields.One2many("acorn.pos.import.line", "import_id", readonly=True)
    line_count = fields.Integer(compute="_compute_counts")
    counted_count = fields.Integer(string="Counted", compute="_compute_counts")
    test_count = fields.Integer(string="Test", compute="_compute_counts")
    voided_count = fields.Integer(string="Voided", compute="_compute_counts")
    duplicate_count = fields.Integer(string="Duplicates", compute="_compute_counts")
    refund_unmatched_count = fields.Integer(
        string="Refunds without sale", compute="_compute_counts"
    )
    unknown_product_count = fields.Integer(
        string="Unknown products", compute="_compute_counts"
    )
    manual_count = fields.Integer(string="Decided by hand", compute="_compute_counts")

    @api.depends("line_ids.cleaning", "line_ids.counted", "line_ids.decision")
    def _compute_counts(self):
        groups = self.env["acorn.pos.import.line"]._read_group(
            [("import_id", "in", self.ids)],
            ["import_id", "cleaning", "counted", "decision"],
            ["__count"],
        )
        for record in self:
            mine = [g for g in groups if g[0] == record]
            record.line_count = sum(g[4] for g in mine)
            record.counted_count = sum(g[4] for g in mine if g[2])
            record.manual_count = sum(g[4] for g in mine if g[3] != "rule")
            for rule in COUNTED_RULES:
                record[f"{rule}_count"] = sum(g[4] for g in mine if g[1] == rule)

    @api.model
    def _receive(self, payload, filename, values):
        """Archives a received export and reads it.

        Args:
            payload: the raw bytes.
            filename: the name it came with.
            values: import values: ``kind``, ``origin``, ``store_id`` or
                ``account_id``, ``mapping_id``, ``period_start``/``period_end``.

        Returns:
            The new import, ``done`` or ``error``.
        """
        record = self._archive(payload, filename, values)
        record._process()
        return record

    @api.model
    def _archive(self, payload, filename, values):
        """Stores the raw bytes, with their digest, before anything parses them."""
        digest = hashlib.sha256(payload).hexdigest()
        owner = [
            (key, "=", values[key])
            for key in ("store_id", "account_id")
            if values.get(key)
        ]
        earlier = self.search(
            [*owner, ("kind", "=", values["kind"]), ("sha256", "=", digest)],
            order="id",
            limit=1,
        )
        record = self.create(
            {
                **values,
                "name": filename,
                "sha256": digest,
                "size": len(payload),
                "duplicate_of_id": earlier.id,
            }
        )
        record.attachment_id = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": payload,
                "mimetype": MIMETYPES.get(payload[:4], "text/csv"),
                "res_model": self._name,
                "res_id": record.id,
                "company_id": record.company_id.id,
            }
        )
        return record

    def _process(self):
        """Reads each archived export; a refused file leaves only its error.

        The lines and facts of one import are written under a savepoint: a
        problem found while reading rolls them all back, and the error state is
        written outside it, so nothing of the file counts half-way.
        """
        for record in self:
            try:
                with self.env.cr.savepoint():
                    record._read_lines()
                    record.state = "done"
                    record.error_message = False
            except FormatError as error:
                _logger.info("Sales import %s refused: %s", record.id, error.first)
                record.write({"state": "error", "error_message": error.summary()})

    def _read_lines(self):
        """Parses, cleans and writes the lines and facts of one import."""
        self.ensure_one()
        self._lock_owner()
        payload = self.attachment_id.raw or b""
        if self.kind == "pos_sales":
            self._read_sales(payload)
        else:
            self._read_report(payload)

    def _line_owner(self):
        """The values every line of this import copies from it."""
        return {
            "import_id": self.id,
            "company_id": self.company_id.id,
            "store_id": self.store_id.id,
            "account_id": self.account_id.id,
            "kind": self.kind,
        }

    def _lock_owner(self):
        """Reads one import at a time per store or account.

        Two imports of the same receipts read side by side would each find the
        other's lines unseen; the row lock makes the second wait for the first.
        """
        owner = self.store_id or self.account_id
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR UPDATE",
                SQL.identifier(owner._table),
                owner.id,
            )
        )

    def action_reprocess(self):
        """Reads a refused file again, e.g. after its column mapping was fixed."""
        for record in self:
            if record.state != "error":
                raise UserError(
                    self.env._("Only an import in error can be read again.")
                )
            if record.store_id and record.kind == "pos_sales":
                record.mapping_id = record.store_id.column_mapping_id
        self._process()
        return True

    def _counts_summary(self):
        """The import's state and its line counts per verdict, for API replies."""
        self.ensure_one()
        return {
            "state": self.state,
            "lines": self.line_count,
            "counted": self.counted_count,
            **{rule: self[f"{rule}_count"] for rule in COUNTED_RULES},
        }

    def action_view_unmapped(self):
        """Opens the mapping queue on this import's unknown codes."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_unmapped_product"
        )
        skus = self.line_ids.filtered(lambda line: line.cleaning == "unknown_product")
        owner = ("store_id", "=", self.store_id.id)
        if self.account_id:
            owner = ("account_id", "=", self.account_id.id)
        action["domain"] = [owner, ("sku", "in", skus.mapped("sku"))]
        return action

    def _action_lines(self, domain, name):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_import_line"
        )
        action["domain"] = [("import_id", "in", self.ids), *domain]
        action["name"] = name
        action["context"] = {}
        return action

    def action_view_lines(self):
        """Opens the lines of one verdict (``cleaning`` in the context) or all."""
        self.ensure_one()
        rule = self.env.context.get("cleaning")
        if rule == "counted":
            return self._action_lines([("counted", "=", True)], self.env._("Counted"))
        if rule:
            labels = dict(
                self.env["acorn.pos.import.line"]
                ._fields["cleaning"]
                ._description_selection(self.env)
            )
            return self._action_lines([("cleaning", "=", rule)], labels[rule])
        return self._action_lines([], self.env._("Lines of %(file)s", file=self.name))
