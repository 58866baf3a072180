"""A store's intake of external POS sales: its column mapping and its endpoint token."""

import hashlib
import hmac
import secrets

from odoo import api, fields, models

TOKEN_BYTES = 32


def token_digest(token):
    """The stored form of an endpoint token: its SHA-256 (tokens are random)."""
    return hashlib.sha256((token or "").encode()).hexdigest()


class AcornStore(models.Model):
    """Imports, column mapping and HTTP token of a store that runs another POS."""

    _inherit = "acorn.store"  # pylint: disable=consider-merging-classes-inherited

    column_mapping_id = fields.Many2one(
        "acorn.pos.column.mapping",
        domain="[('kind', '=', 'pos_sales'), "
        "('company_id', 'in', [company_id, False])]",
        help="How to read this store's CSV or XLSX sales exports.",
    )
    api_token_hash = fields.Char(
        copy=False, groups="base.group_system", help="SHA-256 of the endpoint token."
    )
    api_token_hint = fields.Char(
        string="Endpoint Token",
        readonly=True,
        copy=False,
        help="The end of the current token, to recognise it; the token itself is "
        "shown once, when generated.",
    )
    import_ids = fields.One2many("acorn.pos.import", "store_id")
    import_count = fields.Integer(compute="_compute_import_counts")
    import_error_count = fields.Integer(compute="_compute_import_counts")
    unmapped_product_count = fields.Integer(compute="_compute_import_counts")
    last_import_date = fields.Datetime(compute="_compute_import_counts")

    @api.depends("import_ids.state")
    def _compute_import_counts(self):
        imports = self.env["acorn.pos.import"]._read_group(
            [("store_id", "in", self.ids)],
            ["store_id", "state"],
            ["__count", "create_date:max"],
        )
        unmapped = dict(
            self.env["acorn.pos.unmapped.product"]._read_group(
                [("store_id", "in", self.ids), ("product_id", "=", False)],
                ["store_id"],
                ["__count"],
            )
        )
        for store in self:
            mine = [row for row in imports if row[0] == store]
            store.import_count = sum(row[2] for row in mine)
            store.import_error_count = sum(row[2] for row in mine if row[1] == "error")
            store.last_import_date = max((row[3] for row in mine), default=False)
            store.unmapped_product_count = unmapped.get(store, 0)

    def action_generate_token(self):
        """Replaces the endpoint token and shows the new one once."""
        self.ensure_one()
        self.check_access("write")  # the digest is written as superuser below
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self.sudo().api_token_hash = token_digest(token)
        self.api_token_hint = f"…{token[-4:]}"
        # Shown once in a notification and never stored: only its digest is.
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("New endpoint token of %(store)s", store=self.name),
                "message": self.env._(
                    "Copy it now into the store's POS; it will not be shown again: "
                    "%(token)s",
                    token=token,
                ),
                "sticky": True,
                "type": "warning",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _resolve_skus(self, skus):
        """Maps the store's SKUs to product ids.

        A SKU resolves through the store's mapping queue first, then a product's
        internal reference, then its barcode (products of the store's company or
        shared ones).

        Returns:
            ``{sku: product_id}`` for the SKUs that resolve.
        """
        self.ensure_one()
        skus = list(skus)
        found = {
            entry.sku: entry.product_id.id
            for entry in self.env["acorn.pos.unmapped.product"].search(
                [
                    ("store_id", "=", self.id),
                    ("sku", "in", skus),
                    ("product_id", "!=", False),
                ]
            )
        }
        products = self.env["product.product"].with_company(self.company_id)
        for field in ("default_code", "barcode"):
            rest = [sku for sku in skus if sku not in found]
            if not rest:
                break
            for product in products.search(
                [
                    (field, "in", rest),
                    ("company_id", "in", [self.company_id.id, False]),
                ],
                order="id",
            ):
                found.setdefault(product[field], product.id)
        return found

    def _check_token(self, token):
        """True when ``token`` is this store's endpoint token (constant time)."""
        self.ensure_one()
        stored = self.sudo().api_token_hash
        return bool(stored) and hmac.compare_digest(stored, token_digest(token))

    def action_view_imports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_import"
        )
        action["domain"] = [("store_id", "=", self.id)]
        action["context"] = {"default_store_id": self.id}
        return action

    def action_view_unmapped_products(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_unmapped_product"
        )
        action["domain"] = [("store_id", "=", self.id)]
        return action

    def action_upload(self):
        """Opens the upload wizard for this store."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_pos_bridge.action_acorn_pos_upload"
        )
        action["context"] = {"default_store_id": self.id, "default_kind": "pos_sales"}
        return action
