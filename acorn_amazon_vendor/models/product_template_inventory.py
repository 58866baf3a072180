"""The 846 history of a product: how many advices carried it, and the list."""

from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    amz_advice_line_count = fields.Integer(
        string="846 Advices",
        compute="_compute_amz_advice_line_count",
        groups="acorn_amazon_vendor.group_amazon_vendor_user",
    )

    def _compute_amz_advice_line_count(self):
        counts = dict(
            self.env["acorn.amz.inventory.advice.line"]._read_group(
                [("product_id.product_tmpl_id", "in", self.ids)],
                ["product_id"],
                ["__count"],
            )
        )
        for template in self:
            template.amz_advice_line_count = sum(
                counts.get(variant, 0) for variant in template.product_variant_ids
            )

    def action_amz_view_advice_lines(self):
        """Smart button: the 846 lines of this product, newest first."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_amz_inventory_advice_line"
        )
        action["domain"] = [("product_id.product_tmpl_id", "=", self.id)]
        return action
