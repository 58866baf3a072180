"""Amazon orders are invoiced one invoice per PO, with the PO number as reference.

Kept apart from the order's PO fields (sale_order.py); both extend ``sale.order``.
Odoo groups the invoices of several orders of one customer (``_create_invoices``
without ``grouped``, and the invoicing wizard's consolidated billing, on by default);
adding the Amazon order to the grouping keys keeps each PO on its own invoice while
other orders still group as before.
"""

from odoo import models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    # A second extension on purpose: per-PO invoicing is kept out of sale_order.py.
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def _prepare_invoice(self):
        # EXTENDS sale
        values = super()._prepare_invoice()
        values["amz_order_id"] = self.id if self.amz_account_id else False
        if self.amz_account_id:
            values["ref"] = self.amz_po_number
        return values

    def _get_invoice_grouping_keys(self):
        # EXTENDS sale: one invoice per Amazon PO (False for other orders).
        return super()._get_invoice_grouping_keys() + ["amz_order_id"]

    def action_amz_invoice_shipped(self):
        """Button: invoice what shipped, then show the invoices."""
        invoices = self._amz_invoice_shipped()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_amz_invoice"
        )
        action["domain"] = [("id", "in", invoices.ids)]
        return action

    def _amz_invoice_shipped(self):
        """Invoices what shipped on each Amazon PO, one posted invoice per PO.

        Posting sends the 810 when the account's policy says so.

        Returns:
            The created invoices (``account.move``).
        """
        orders = self.filtered(
            lambda o: (
                o.amz_account_id
                and o.state == "sale"
                and o.invoice_status == "to invoice"
            )
        )
        if self and not orders:
            raise UserError(
                self.env._("None of these Amazon orders has shipped goods to invoice.")
            )
        invoices = orders._create_invoices(grouped=True)
        invoices.action_post()
        return invoices
