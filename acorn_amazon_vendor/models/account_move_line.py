"""An invoice line as Amazon sees it: an IT1 echoing the PO line, or a SAC.

A line billing an Amazon PO line (through its sale order line) becomes an IT1 with
Amazon's identifiers, line number and unit of measure, the quantity in that unit and
the acked cost. Any other line (freight, a service, a discount) becomes a summary
SAC charge or allowance.
"""

from odoo import models
from odoo.tools import float_compare, float_is_zero

from ..x12 import to_decimal, x12_text

# ACK01 statuses under which Amazon expects the goods, and so an invoice (FACTS §4.2).
INVOICEABLE_ACKS = ("IA", "IB")
# SAC02 codes (X12 element 1300, FACTS §6 [I]): D240 freight, C310 discount,
# F050 other charge (described in SAC15).
SAC_FREIGHT, SAC_DISCOUNT, SAC_OTHER = "D240", "C310", "F050"
# SAC15 description is AN 1-80 (X12 element 352).
SAC_TEXT_WIDTH = 80


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def _amz_sale_line(self):
        """The Amazon PO line this invoice line bills, if any."""
        self.ensure_one()
        return self.sale_line_ids.filtered(
            lambda s: s.order_id.amz_account_id and s.amz_uom and s.amz_ordered_qty
        )[:1]

    @staticmethod
    def _amz_pack(sale_line):
        """(units of the sale line per 810 unit, the 810 unit of measure)."""
        return sale_line._amz_invoice_pack()

    def _amz_units(self, sale_line):
        """This line's quantity in the sale line's unit of measure."""
        if self.product_uom_id and sale_line.product_uom:
            return self.product_uom_id._compute_quantity(
                self.quantity, sale_line.product_uom
            )
        return self.quantity

    @staticmethod
    def _amz_acked_cost(sale_line):
        """The cost the 855 sent (the one Amazon compares the invoice with)."""
        return sale_line._amz_invoice_cost()

    def _amz_prepare_it1(self):
        from ..x12 import InvoiceLine, ProductId

        self.ensure_one()
        sale_line = self._amz_sale_line()
        size, uom = self._amz_pack(sale_line)
        return InvoiceLine(
            quantity=to_decimal(self._amz_units(sale_line) / size),
            unit_price=to_decimal(self._amz_acked_cost(sale_line)),
            product_ids=tuple(
                ProductId(qualifier, value)
                for qualifier, value in sale_line._amz_product_pairs()
            ),
            uom=uom,
            line_number=sale_line.amz_line_number or "",
            price_basis=sale_line.amz_price_basis or "",
        )

    def _amz_prepare_sac(self):
        """A line outside the PO as a summary charge (C) or allowance (A)."""
        from ..x12 import AllowanceCharge

        self.ensure_one()
        amount = to_decimal(self.price_subtotal)
        if any(self.sale_line_ids.mapped("is_delivery")):
            code = SAC_FREIGHT
        else:
            code = SAC_DISCOUNT if amount < 0 else SAC_OTHER
        return AllowanceCharge(
            indicator="A" if amount < 0 else "C",
            code=code,
            amount=abs(amount),
            description=x12_text(self.name or self.product_id.name, SAC_TEXT_WIDTH),
        )

    # Checks -------------------------------------------------------------------------

    def _amz_label(self, sale_line=None):
        product = self.product_id.default_code or self.product_id.name or self.name
        if sale_line:
            return self.env._(
                "Line %(line)s (%(item)s)",
                line=sale_line.amz_line_number or sale_line.sequence,
                item=product,
            )
        return self.env._("Line %(item)s", item=product)

    def _amz_810_problems(self):
        """{key: message} of what stops this line from going out in an 810."""
        self.ensure_one()
        sale_line = self._amz_sale_line()
        if not sale_line:
            if self.product_id.type == "consu" and not any(
                self.sale_line_ids.mapped("is_delivery")
            ):
                return {
                    "not_on_po": self.env._(
                        "%(line)s is not on the Amazon PO: Amazon pays only what it "
                        "ordered and acknowledged. Remove it.",
                        line=self._amz_label(),
                    )
                }
            return {}
        label = self._amz_label(sale_line)
        problems = self._amz_ack_problems(sale_line, label)
        size, uom = self._amz_pack(sale_line)
        units = self._amz_units(sale_line)
        if float_compare(units / size, round(units / size), precision_digits=4):
            problems["case"] = self.env._(
                "%(line)s: %(units)s units are not a whole number of %(uom)s of "
                "%(size)s.",
                line=label,
                units=units,
                uom=uom,
                size=size,
            )
        if self.move_id.move_type == "out_invoice":
            problems.update(self._amz_shipped_problems(sale_line, label))
        return problems

    def _amz_ack_problems(self, sale_line, label):
        """Acknowledged as accepted, billed at the acked cost, no discount."""
        problems = {}
        if sale_line.amz_sent_status not in INVOICEABLE_ACKS:
            problems["ack"] = self.env._(
                "%(line)s was not accepted in the 855 Amazon received: Amazon "
                "doesn't pay for it.",
                line=label,
            )
        if not float_is_zero(self.discount, precision_digits=2):
            problems["discount"] = self.env._(
                "%(line)s has a %(discount)s %% discount: Amazon pays the acked cost; "
                "remove it (agree an allowance with Amazon instead).",
                line=label,
                discount=self.discount,
            )
        size, _uom = self._amz_pack(sale_line)
        expected = self._amz_acked_cost(sale_line) / size
        digits = self.env["decimal.precision"].precision_get("Product Price")
        if abs(self.price_unit - expected) > 0.5 * 10**-digits + 1e-9:
            problems["cost"] = self.env._(
                "%(line)s is billed at %(price)s a unit, the 855 acked %(cost)s: "
                "Amazon pays the acked cost. Set the unit price back.",
                line=label,
                price=self.price_unit,
                cost=round(expected, digits),
            )
        return problems

    def _amz_shipped_problems(self, sale_line, label):
        """Billed no more than shipped, over every posted invoice of the line."""
        rounding = sale_line.product_uom.rounding or 0.001
        delivered = sale_line.qty_delivered
        if float_is_zero(delivered, precision_rounding=rounding):
            return {
                "shipped": self.env._(
                    "%(line)s has not shipped: Amazon pays only what it received.",
                    line=label,
                )
            }
        billed = 0.0
        for line in sale_line.invoice_lines:
            if line.move_id.state == "posted" or line == self:
                sign = -1 if line.move_id.move_type == "out_refund" else 1
                billed += sign * line._amz_units(sale_line)
        if float_compare(billed, delivered, precision_rounding=rounding) > 0:
            return {
                "quantity": self.env._(
                    "%(line)s: %(billed)s billed in all but %(shipped)s shipped: "
                    "Amazon would claim the difference as a shortage. Bill only what "
                    "shipped.",
                    line=label,
                    billed=billed,
                    shipped=delivered,
                )
            }
        return {}
