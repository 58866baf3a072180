"""One row of a sales import with its cleaning verdict, reversible by hand."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..formats.cleaning import OK
from .acorn_pos_column_mapping import KINDS

CLEANINGS = [
    (OK, "Counted"),
    ("test", "Test transaction"),
    ("voided", "Voided line"),
    ("duplicate", "Duplicate receipt"),
    ("refund_unmatched", "Refund without sale"),
    ("unknown_product", "Unknown product"),
]
DECISIONS = [
    ("rule", "As the rules decide"),
    ("include", "Included by hand"),
    ("exclude", "Excluded by hand"),
]


class AcornPosImportLine(models.Model):
    """A sales row as received; it counts (has a fact) unless a rule holds it out.

    ``cleaning`` is the rules' verdict and never changes; ``decision`` lets a
    user include a held-out line or exclude a counted one, and back.
    """

    _name = "acorn.pos.import.line"
    _description = "Sales Import Line"
    _order = "import_id desc, row, id"
    _check_company_auto = True

    import_id = fields.Many2one(
        "acorn.pos.import", required=True, index=True, ondelete="cascade"
    )
    # Copied from the import when the line is created (cheaper than related
    # fields on files of thousands of lines); an import never changes owner.
    company_id = fields.Many2one("res.company", required=True, index=True)
    store_id = fields.Many2one("acorn.store", index=True)
    account_id = fields.Many2one("acorn.vendor.account", index=True)
    kind = fields.Selection(KINDS, required=True)
    row = fields.Integer(help="Row of the file (spreadsheet numbering) or receipt.")
    json_path = fields.Char(string="JSON Path")
    receipt = fields.Char(index=True, help="Receipt, or the period of a report row.")
    line_ref = fields.Char(string="Line", help="Receipt line, or the report's ASIN.")
    date = fields.Date()
    date_end = fields.Date(string="Period End")
    sku = fields.Char(string="SKU / ASIN", index=True)
    product_id = fields.Many2one("product.product", index=True, check_company=True)
    quantity = fields.Float()
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(string="Net Amount")
    cost = fields.Monetary()
    has_cost = fields.Boolean()
    on_hand = fields.Float()
    refund_of = fields.Char(string="Refunded Receipt")
    cleaning = fields.Selection(CLEANINGS, required=True, default=OK, index=True)
    duplicate_row = fields.Integer(help="Row of the same file first holding the key.")
    decision = fields.Selection(DECISIONS, required=True, default="rule")
    counted = fields.Boolean(compute="_compute_counted", store=True, index=True)
    reason = fields.Char(compute="_compute_reason")
    source_ref = fields.Char(string="Natural Key", index=True)
    fact_id = fields.Many2one("acorn.channel.sale", index=True, ondelete="set null")

    @api.depends("cleaning", "decision", "product_id")
    def _compute_counted(self):
        for line in self:
            if line.decision != "rule":
                line.counted = line.decision == "include"
            else:
                line.counted = line.cleaning == OK or (
                    line.cleaning == "unknown_product" and bool(line.product_id)
                )

    @api.depends("cleaning", "decision", "product_id", "duplicate_row", "refund_of")
    def _compute_reason(self):
        texts = {
            OK: "",
            "test": self.env._("Marked as a test or training transaction."),
            "voided": self.env._("Voided on the receipt."),
            "refund_unmatched": self.env._(
                "No sale of this SKU on the refunded receipt was imported: not "
                "counted as negative demand."
            ),
        }
        for line in self:
            if line.cleaning == "duplicate":
                line.reason = (
                    self.env._(
                        "Same receipt line as row %(row)s.", row=line.duplicate_row
                    )
                    if line.duplicate_row
                    else self.env._("Already imported for this store.")
                )
            elif line.cleaning == "unknown_product":
                line.reason = (
                    self.env._(
                        "Mapped to %(product)s.", product=line.product_id.display_name
                    )
                    if line.product_id
                    else self.env._("No product answers to this SKU: map it.")
                )
            else:
                line.reason = texts[line.cleaning]

    def _fact_values(self):
        """The ``acorn.channel.sale`` values of a counted line."""
        self.ensure_one()
        amazon = self.kind != "pos_sales"
        return {
            "company_id": self.company_id.id,
            "channel": "amazon" if amazon else "store",
            "source": "amazon_report" if amazon else "import",
            "source_ref": self.source_ref,
            "store_id": self.store_id.id,
            "account_id": self.account_id.id,
            "product_id": self.product_id.id,
            "sku": self.sku,
            "receipt_ref": self.receipt,
            "receipt_line": self.line_ref,
            "date": self.date,
            "quantity": self.quantity,
            "revenue": self.amount,
            "cost": self.cost if self.has_cost else False,
            "cost_final": bool(self.has_cost),
            "is_refund": self.quantity < 0,
            "refunded_fact_id": self._refunded_fact().id,
            "on_hand": self.on_hand,
        }

    def _refunded_fact(self):
        """The fact of the sale a refund line returns (same store, receipt, SKU)."""
        if not (self.refund_of and self.quantity < 0):
            return self.env["acorn.channel.sale"]
        return self.search(
            [
                ("store_id", "=", self.store_id.id),
                ("receipt", "=", self.refund_of),
                ("sku", "=", self.sku),
                ("quantity", ">", 0),
                ("fact_id", "!=", False),
            ],
            limit=1,
        ).fact_id

    def _sync_facts(self):
        """Gives counted lines a fact and takes it from lines that no longer count."""
        for record in self.import_id:
            mine = self.filtered(lambda line, r=record: line.import_id == r)
            to_write = mine.filtered(lambda line: line.counted and not line.fact_id)
            # Sales first: a refund links to the fact of a sale in the same file.
            for refunds in (False, True):
                batch = to_write.filtered(
                    lambda line, r=refunds: (line.quantity < 0) == r
                )
                if batch:
                    record._write_facts(batch)
        dropped = self.filtered(lambda line: not line.counted and line.fact_id)
        facts = dropped.fact_id
        dropped.fact_id = False
        facts.unlink()

    def _check_can_include(self):
        for line in self:
            if not line.product_id:
                raise UserError(
                    self.env._(
                        "Row %(row)s has no product: map the SKU %(sku)s first.",
                        row=line.row,
                        sku=line.sku,
                    )
                )
            twin = self.search(
                [
                    ("id", "!=", line.id),
                    ("company_id", "=", line.company_id.id),
                    ("source_ref", "=", line.source_ref),
                    ("counted", "=", True),
                ],
                limit=1,
            )
            if twin:
                raise UserError(
                    self.env._(
                        "Row %(row)s is already counted by %(file)s row %(twin)s: "
                        "exclude that line first.",
                        row=line.row,
                        twin=twin.row,
                        file=twin.import_id.display_name,
                    )
                )

    def action_include(self):
        """Counts the lines whatever the rules said (e.g. a real sale flagged test)."""
        self._check_can_include()
        self.decision = "include"
        self._sync_facts()
        return True

    def action_exclude(self):
        """Holds the lines out of the facts whatever the rules said."""
        self.decision = "exclude"
        self._sync_facts()
        return True

    def action_follow_rules(self):
        """Drops a decision taken by hand: the rules' verdict applies again."""
        self.decision = "rule"
        self.filtered("counted")._check_can_include()
        self._sync_facts()
        return True
