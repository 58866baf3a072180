"""Amazon PO lines are billed as Amazon pays: what shipped, at the acked cost.

Kept apart from the order line's PO and acknowledgment fields (sale_order_line.py);
both extend ``sale.order.line``.
"""

from odoo import api, models

from .sale_order_intake import CASE, EACH, PER_EACH


class SaleOrderLine(models.Model):
    # A second extension on purpose: invoicing is kept out of sale_order_line.py.
    _inherit = "sale.order.line"  # pylint: disable=consider-merging-classes-inherited

    @api.depends("order_id.amz_account_id", "amz_uom")
    def _compute_qty_to_invoice(self):
        # EXTENDS sale: Amazon pays only what shipped, whatever the product's
        # invoicing policy (FACTS §6: billing more becomes a shortage claim).
        result = super()._compute_qty_to_invoice()
        for line in self:
            if (
                line.order_id.amz_account_id
                and line.amz_uom
                and line.state == "sale"
                and not line.display_type
            ):
                line.qty_to_invoice = line.qty_delivered - line.qty_invoiced
        return result

    def _prepare_invoice_line(self, **optional_values):
        # EXTENDS sale: an Amazon PO line is billed at the acked cost, no discount.
        values = super()._prepare_invoice_line(**optional_values)
        if self.order_id.amz_account_id and self.amz_uom and not self.display_type:
            size, _uom = self._amz_invoice_pack()
            values.update(
                price_unit=self._amz_invoice_cost() / size,
                discount=0.0,
            )
        return values

    def _amz_invoice_cost(self):
        """The cost per Amazon unit the 855 sent (Amazon compares invoices with it)."""
        self.ensure_one()
        return self.amz_sent_cost or self.amz_ack_cost or self.amz_cost

    def _amz_invoice_pack(self):
        """(units of this line per 810 unit, the 810 unit of measure).

        Cases priced per case are billed in cases; cases priced per each (PO105
        PE) are billed in eaches at the acked each cost, so IT102 x IT104 stays the
        line amount [I].
        """
        self.ensure_one()
        if self.amz_uom == CASE and self.amz_price_basis != PER_EACH:
            size = self.product_packaging_id.qty or (
                self.product_uom_qty / self.amz_ordered_qty
                if self.amz_ordered_qty
                else 1.0
            )
            return size or 1.0, CASE
        if self.amz_uom == CASE:
            return 1.0, EACH
        return 1.0, self.amz_uom or EACH
