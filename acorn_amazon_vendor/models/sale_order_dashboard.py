"""What the cockpit counts on Amazon orders: was the 855 on time."""

from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    amz_received_date = fields.Datetime(index=True)
    amz_ack_on_time = fields.Boolean(
        string="855 On Time",
        compute="_compute_amz_ack_on_time",
        store=True,
        index=True,
        help="The first 855 went out within 24 hours of the PO (FACTS §4.3).",
    )

    @api.depends("amz_ack_first_sent", "amz_ack_deadline")
    def _compute_amz_ack_on_time(self):
        for order in self:
            order.amz_ack_on_time = bool(
                order.amz_ack_first_sent
                and order.amz_ack_deadline
                and order.amz_ack_first_sent <= order.amz_ack_deadline
            )
