from odoo import models


class SaleAdvancePaymentInv(models.TransientModel):
    _inherit = "sale.advance.payment.inv"

    def _create_invoices(self, sale_orders):
        # EXTENDS sale: Amazon pays one invoice per PO, so Amazon orders are never
        # consolidated, whatever the Consolidated Billing box says; other orders
        # keep the wizard's choice.
        amazon = sale_orders.filtered("amz_account_id")
        if not amazon or self.advance_payment_method != "delivered":
            return super()._create_invoices(sale_orders)
        others = sale_orders - amazon
        invoices = amazon._create_invoices(
            final=self.deduct_down_payments, grouped=True
        )
        if others:
            invoices |= super()._create_invoices(others)
        return invoices
