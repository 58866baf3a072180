"""The mapping queue: SKUs (or ASINs) of imports that no product answered to."""

from odoo import api, fields, models


class AcornPosUnmappedProduct(models.Model):
    """A store's SKU, or an account's ASIN, waiting for its product.

    Choosing the product counts every held-out line of that code (their facts
    are written), and later imports of the store or account resolve the code by
    itself: for an Amazon account the mapping becomes an ASIN identifier.
    """

    _name = "acorn.pos.unmapped.product"
    _description = "Unknown Product of a Sales Import"
    _order = "state desc, id desc"
    _rec_name = "sku"
    _check_company_auto = True

    company_id = fields.Many2one("res.company", required=True, index=True)
    store_id = fields.Many2one(
        "acorn.store", index=True, check_company=True, ondelete="cascade"
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    sku = fields.Char(string="SKU / ASIN", required=True, index=True)
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        help="The product this code stands for; its held lines then count. "
        "Clearing it holds them out again.",
    )
    state = fields.Selection(
        [("to_map", "To map"), ("mapped", "Mapped")],
        compute="_compute_state",
        store=True,
    )
    line_ids = fields.Many2many(
        "acorn.pos.import.line", compute="_compute_lines", string="Lines"
    )
    line_count = fields.Integer(compute="_compute_lines")
    quantity = fields.Float(compute="_compute_lines", digits="Product Unit of Measure")
    first_seen = fields.Datetime(related="create_date", string="First Seen")

    _sql_constraints = [
        (
            "store_sku_uniq",
            "unique nulls not distinct (store_id, account_id, sku)",
            "This code is already in the mapping queue.",
        ),
    ]

    @api.depends("product_id")
    def _compute_state(self):
        for entry in self:
            entry.state = "mapped" if entry.product_id else "to_map"

    def _line_domain(self):
        owner = ("store_id", "=", self.store_id.id)
        if self.account_id:
            owner = ("account_id", "=", self.account_id.id)
        return [owner, ("sku", "=", self.sku), ("cleaning", "=", "unknown_product")]

    @api.depends("sku", "product_id")
    def _compute_lines(self):
        for entry in self:
            lines = self.env["acorn.pos.import.line"].search(entry._line_domain())
            entry.line_ids = lines
            entry.line_count = len(lines)
            entry.quantity = sum(lines.mapped("quantity"))

    @api.model
    def _queue(self, lines):
        """Queues the unknown codes of freshly imported lines (once per code)."""
        unknown = lines.filtered(
            lambda line: line.cleaning == "unknown_product" and not line.product_id
        )
        keys = {(line.store_id.id, line.account_id.id, line.sku) for line in unknown}
        if not keys:
            return self.browse()
        existing = self.search([("sku", "in", [key[2] for key in keys])])
        known = {(e.store_id.id, e.account_id.id, e.sku) for e in existing}
        company = lines.company_id[:1]
        created = self.create(
            [
                {
                    "company_id": company.id,
                    "store_id": store_id or False,
                    "account_id": account_id or False,
                    "sku": sku,
                }
                for store_id, account_id, sku in sorted(keys - known, key=str)
            ]
        )
        return created

    def write(self, vals):
        result = super().write(vals)
        if "product_id" in vals:
            self._apply_mapping()
        return result

    def _apply_mapping(self):
        """Gives the held lines their product and counts them, or holds them again.

        A mapped Amazon code is also remembered as the account's ASIN identifier.
        """
        for entry in self:
            lines = self.env["acorn.pos.import.line"].search(entry._line_domain())
            lines.filtered(lambda line, e=entry: line.product_id != e.product_id).write(
                {"product_id": entry.product_id.id}
            )
            lines._sync_facts()
            if entry.account_id and entry.product_id:
                entry._remember_asin()

    def _remember_asin(self):
        """Records an account's ASIN as a product identifier for every flow."""
        identifiers = self.env["acorn.product.identifier"].with_context(
            active_test=False
        )
        if not identifiers.search_count(
            [
                ("account_id", "=", self.account_id.id),
                ("qualifier", "=", "BP"),
                ("value", "=", self.sku),
            ]
        ):
            identifiers.create(
                {
                    "account_id": self.account_id.id,
                    "product_id": self.product_id.id,
                    "qualifier": "BP",
                    "value": self.sku,
                    "note": self.env._("Mapped from a Vendor Central report."),
                }
            )

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_import_line"
        )
        action["domain"] = self._line_domain()
        action["context"] = {}
        return action
