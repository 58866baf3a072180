"""What the cockpit counts on Amazon order lines: the item confirmation rule."""

from odoo import api, fields, models

# Amazon's rule: confirm (accept or backorder) at least 80 % of each item
# (FACTS §4.3); a rejected item confirms nothing.
CONFIRM_RULE = 0.8


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"  # pylint: disable=consider-merging-classes-inherited

    amz_account_id = fields.Many2one(
        related="order_id.amz_account_id",
        string="Amazon Account",
        store=True,
        index=True,
    )
    amz_confirm_ok = fields.Boolean(
        string="Confirmed ≥ 80 %",
        compute="_compute_amz_confirm_ok",
        store=True,
        help="The 855 sent confirms at least 80 % of the ordered quantity.",
    )

    @api.depends("amz_sent_status", "amz_sent_qty", "amz_ordered_qty")
    def _compute_amz_confirm_ok(self):
        for line in self:
            line.amz_confirm_ok = bool(
                line.amz_sent_status in ("IA", "IB")
                and line.amz_ordered_qty
                and line.amz_sent_qty >= CONFIRM_RULE * line.amz_ordered_qty - 1e-9
            )
