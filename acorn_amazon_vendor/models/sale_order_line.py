from odoo import api, fields, models
from odoo.exceptions import UserError

# ACK01 line status codes we send (FACTS §4.2: IA accepted, IB backordered,
# IR rejected; the minimum safe set matching SP-API Accepted/Backordered/Rejected).
ACK_STATUSES = [
    ("IA", "Accepted"),
    ("IB", "Backordered"),
    ("IR", "Rejected"),
]
# Why a line is rejected (FACTS §4.2, SP-API rejectionReason values).
REJECT_REASONS = [
    ("TemporarilyUnavailable", "Temporarily unavailable"),
    ("InvalidProductIdentifier", "Invalid product identifier"),
    ("ObsoleteProduct", "Obsolete product"),
]
# Share of the ordered quantity to confirm per item, else a chargeback (FACTS §4.3).
MIN_CONFIRMATION_RATE = 80.0
# Acknowledgment fields that may no longer change once a line was sent rejected.
ACK_FIELDS = ("amz_ack_status", "amz_ack_qty", "amz_ack_date", "amz_ack_cost")


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    amz_line_number = fields.Char(
        string="Amazon Line", copy=False, help="PO101, echoed in the 855."
    )
    amz_ordered_qty = fields.Float(
        string="Amazon Qty", copy=False, digits="Product Unit of Measure"
    )
    amz_uom = fields.Char(string="Amazon UoM", copy=False, help="PO103: EA, CA ...")
    amz_cost = fields.Float(
        string="Amazon Cost", copy=False, digits="Product Price", help="PO104."
    )
    amz_price_basis = fields.Char(copy=False, help="PO105: PE per each ...")
    amz_identifiers = fields.Char(
        string="Amazon Identifiers",
        copy=False,
        help="The identifiers Amazon sent (qualifier:value), echoed in the 855.",
    )
    amz_our_price = fields.Float(copy=False, digits="Product Price")
    amz_warning = fields.Char(copy=False)
    amz_ack_status = fields.Selection(ACK_STATUSES, string="Ack", copy=False)
    amz_ack_qty = fields.Float(
        string="Ack Qty", copy=False, digits="Product Unit of Measure"
    )
    amz_ack_cost = fields.Float(
        string="Acked Cost",
        copy=False,
        digits="Product Price",
        help="Cost per Amazon unit in the 855; the 810 must invoice the same.",
    )
    amz_ack_date = fields.Date(
        string="Ship Date", copy=False, help="ACK05 (068 schedule ship date)."
    )
    amz_reject_reason = fields.Selection(REJECT_REASONS, copy=False)
    amz_sent_status = fields.Selection(
        ACK_STATUSES, string="Sent Ack", copy=False, readonly=True
    )
    amz_sent_qty = fields.Float(copy=False, readonly=True)
    amz_sent_cost = fields.Float(copy=False, readonly=True)
    amz_confirm_rate = fields.Float(
        string="Confirmed %", compute="_compute_amz_confirm_rate"
    )

    @api.depends("amz_ack_status", "amz_ack_qty", "amz_ordered_qty")
    def _compute_amz_confirm_rate(self):
        for line in self:
            if not line.amz_ordered_qty or line.amz_ack_status == "IR":
                line.amz_confirm_rate = 0.0
            else:
                rate = 100.0 * line.amz_ack_qty / line.amz_ordered_qty
                line.amz_confirm_rate = min(rate, 100.0)

    def write(self, vals):
        if any(name in vals for name in ACK_FIELDS):
            self._amz_check_not_locked(vals)
            sent = self.order_id.filtered("amz_ack_first_sent")
            if sent:
                sent.amz_ack_dirty = True
        return super().write(vals)

    def _amz_check_not_locked(self, vals):
        """A line sent as rejected can't come back (FACTS §4.3)."""
        for line in self.filtered(lambda ln: ln.amz_sent_status == "IR"):
            if any(vals.get(name, line[name]) != line[name] for name in ACK_FIELDS):
                raise UserError(
                    self.env._(
                        "Line %(line)s of PO %(po)s was sent to Amazon as rejected: "
                        "it can't be accepted or backordered any more.",
                        line=line.amz_line_number,
                        po=line.order_id.amz_po_number,
                    )
                )

    def _amz_key(self):
        """What identifies the Amazon line across versions of one PO."""
        self.ensure_one()
        return self.amz_line_number or self.amz_identifiers

    def _amz_retire(self):
        """A line Amazon no longer orders: removed if possible, else zeroed."""
        self.ensure_one()
        if self.display_type or self.order_id.state in ("draft", "sent"):
            self.unlink()
        else:
            self.write({"product_uom_qty": 0.0, "amz_ordered_qty": 0.0})

    def _amz_product_pairs(self):
        """The identifiers as sent: ((qualifier, value), ...)."""
        self.ensure_one()
        pairs = []
        for item in (self.amz_identifiers or "").split("|"):
            if ":" in item:
                qualifier, value = item.split(":", 1)
                pairs.append((qualifier, value))
        return tuple(pairs)
