"""Upload a store's sales export or a Vendor Central report by hand."""

import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.acorn_pos_column_mapping import KINDS


class AcornPosUpload(models.TransientModel):
    """Hands a CSV or XLSX file to the importer, exactly as it arrived."""

    _name = "acorn.pos.upload"
    _description = "Upload a Sales Export"

    kind = fields.Selection(KINDS, required=True, default="pos_sales")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    store_id = fields.Many2one(
        "acorn.store",
        domain="[('source', '=', 'external'), ('company_id', '=', company_id)]",
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        domain="[('company_id', '=', company_id)]",
    )
    mapping_id = fields.Many2one(
        "acorn.pos.column.mapping",
        string="Column Mapping",
        compute="_compute_mapping_id",
        store=True,
        readonly=False,
        domain="[('kind', '=', kind), ('company_id', 'in', [company_id, False])]",
    )
    file = fields.Binary(required=True, attachment=False)
    filename = fields.Char()
    period_start = fields.Date(
        help="Period of a report whose file names none (no Viewing Range line)."
    )
    period_end = fields.Date()

    @api.depends("kind", "store_id", "company_id")
    def _compute_mapping_id(self):
        mappings = self.env["acorn.pos.column.mapping"]
        for wizard in self:
            if wizard.kind == "pos_sales":
                wizard.mapping_id = wizard.store_id.column_mapping_id
            else:
                wizard.mapping_id = mappings.search(
                    [
                        ("kind", "=", wizard.kind),
                        ("company_id", "in", [wizard.company_id.id, False]),
                    ],
                    order="company_id, id",
                    limit=1,
                )

    def _import_values(self):
        if self.kind == "pos_sales":
            if not self.store_id:
                raise UserError(self.env._("Choose the store the export comes from."))
            owner = {"store_id": self.store_id.id}
        else:
            if not self.account_id:
                raise UserError(self.env._("Choose the Amazon vendor account."))
            owner = {"account_id": self.account_id.id}
        return {
            **owner,
            "kind": self.kind,
            "origin": "upload",
            "company_id": (self.store_id or self.account_id).company_id.id,
            "mapping_id": self.mapping_id.id,
            "period_start": self.period_start,
            "period_end": self.period_end or self.period_start,
        }

    def action_upload(self):
        """Archives the file, reads it and opens the import with its results."""
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose a file to upload."))
        values = self._import_values()
        if self.kind == "pos_sales" and not self.store_id.column_mapping_id:
            self.store_id.column_mapping_id = self.mapping_id
        record = self.env["acorn.pos.import"]._receive(
            base64.b64decode(self.file), self.filename or "upload.csv", values
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "acorn.pos.import",
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }
