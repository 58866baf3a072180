"""Invoices and credit notes: the 820 remittance lines that paid them."""

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited

    amz_remittance_line_ids = fields.One2many(
        "acorn.amz.remittance.line",
        "move_id",
        string="Remittance Lines",
        readonly=True,
        groups="acorn_amazon_vendor.group_amazon_vendor_user,account.group_account_invoice",
    )
    amz_remittance_line_count = fields.Integer(
        string="Remittances",
        compute="_compute_amz_remittance_line_count",
        groups="acorn_amazon_vendor.group_amazon_vendor_user,account.group_account_invoice",
    )

    def _compute_amz_remittance_line_count(self):
        counts = dict(
            self.env["acorn.amz.remittance.line"]._read_group(
                [("move_id", "in", self.ids)], ["move_id"], ["__count"]
            )
        )
        for move in self:
            move.amz_remittance_line_count = counts.get(move, 0)

    def action_amz_view_remittance_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_amz_remittance_line"
        )
        action["domain"] = [("move_id", "=", self.id)]
        action["context"] = {}
        return action
