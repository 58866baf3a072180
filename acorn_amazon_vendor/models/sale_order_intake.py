"""850 purchase order -> sale order, one per PO (FACTS §3).

``x12.parse_850()`` gives a PurchaseOrder; ``_amz_import_850_batch()`` turns each
new PO into a sale order, and hands a PO already imported to
``_amz_import_850_again()`` (sale_order_change.py): a duplicate, a change or a
cancellation. Lines are matched through the account's identifier table; anything that
can't be matched or priced puts the order in review with its reason: nothing is
dropped silently.
"""

from odoo import Command, api, fields, models

from ..tools.po_context import PurchaseOrderContext
from ..x12 import X12Error
from .acorn_vendor_account_edi import CONCURRENCY_ERRORS

# BEG02 purchase order types Amazon uses (FACTS §3.2).
PO_TYPES = [
    ("NE", "New order"),
    ("CN", "Consigned order"),
    ("NP", "New product introduction"),
    ("RO", "Rush order"),
]
# BEG01 transaction set purpose (X12 element 353) values with a meaning of their own.
PURPOSE_CANCEL = "01"
PURPOSE_DUPLICATE = "07"
# PO103 units of measure handled (FACTS §3.2): each, or case packs.
EACH, CASE = "EA", "CA"
# PO105 basis of unit price: PE = price per each.
PER_EACH = "PE"


def split_rounds(items):
    """Splits (message, po) pairs so a PO number appears once per round, in order."""
    rounds = []
    for item in items:
        for round_ in rounds:
            if all(other[1].po_number != item[1].po_number for other in round_):
                round_.append(item)
                break
        else:
            rounds.append([item])
    return rounds


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    amz_po_type = fields.Selection(PO_TYPES, string="PO Type", readonly=True)
    amz_po_date = fields.Date(string="PO Date", readonly=True, copy=False)
    amz_backorder_allowed = fields.Boolean(
        string="Backorder Allowed", readonly=True, help="CSH01 = Y."
    )
    amz_window_start = fields.Date(
        string="Do Not Deliver Before", readonly=True, help="DTM*064."
    )
    amz_window_end = fields.Date(
        string="Do Not Deliver After", readonly=True, help="DTM*063."
    )
    amz_fc_code = fields.Char(string="Ship-to FC", readonly=True, copy=False)
    amz_notes = fields.Text(string="Amazon Notes", readonly=True, copy=False)
    amz_po_digest = fields.Char(readonly=True, copy=False)
    amz_message_id = fields.Many2one(
        "acorn.edi.message", string="Amazon 850", readonly=True, copy=False
    )
    amz_received_date = fields.Datetime(string="PO Received", readonly=True, copy=False)

    @api.model
    def _amz_import_850_batch(self, messages, sets):
        """Imports received 850 messages, batching the creation of new orders.

        Args:
            messages: ``acorn.edi.message`` 850s, row-locked, of one account.
            sets: {message id: (TransactionSet, InterchangeHeader)}.
        """
        from ..x12 import parse_850

        parsed = []
        for message in messages:
            transaction = sets.get(message.id, (None, None))[0]
            try:
                if transaction is None:
                    raise X12Error("the set can no longer be read from its file")
                parsed.append((message, parse_850(transaction)))
            except X12Error as error:
                message._amz_fail(str(error))
        for account in messages.account_id:
            items = [item for item in parsed if item[0].account_id == account]
            for round_ in split_rounds(items):
                self._amz_import_850_round(account, round_)

    def _amz_import_850_round(self, account, items):
        numbers = [po.po_number for _, po in items]
        existing = {
            order.amz_po_number: order
            for order in self.search(
                [("amz_account_id", "=", account.id), ("amz_po_number", "in", numbers)]
            )
        }
        new = []
        for message, po in items:
            order = existing.get(po.po_number)
            if order:
                message._amz_run_safely(order._amz_import_850_again, po, message)
            elif po.purpose == PURPOSE_CANCEL:
                message._set_state(
                    "in_review",
                    self.env._(
                        "Amazon cancels PO %(po)s, which was never received.",
                        po=po.po_number,
                    ),
                )
            else:
                new.append((message, po))
        if new:
            self._amz_create_from_850(account, new)

    def _amz_create_from_850(self, account, items):
        """Creates the orders of new POs in one batch (one by one if it fails)."""
        context = PurchaseOrderContext(account, [po for _, po in items])
        prepared = []
        for message, po in items:
            vals, reasons, warnings = self._amz_prepare_850_values(context, po, message)
            prepared.append((message, vals, reasons, warnings))
        orders = self._amz_create_orders(prepared)
        context.save_learned()
        for (message, _vals, reasons, warnings), order in zip(
            prepared, orders, strict=True
        ):
            if order:
                message._amz_run_safely(
                    order._amz_after_import, message, reasons, warnings
                )
        return self.browse([order.id for order in orders if order])

    def _amz_create_orders(self, prepared):
        try:
            with self.env.cr.savepoint():
                return list(self.create([vals for _, vals, _, _ in prepared]))
        except CONCURRENCY_ERRORS:
            raise
        except Exception:  # noqa: BLE001 - retried one by one to find the culprit
            orders = []
            for message, vals, _, _ in prepared:
                created = []
                message._amz_run_safely(
                    lambda v=vals, c=created: c.append(self.create(v))
                )
                orders.append(created[0] if created else None)
            return orders

    def _amz_prepare_850_values(self, context, po, message):
        """Returns (order values, reasons for review, warnings) for a new PO."""
        account = context.account
        reasons, warnings, lines = [], [], []
        fc = context.fcs.get(po.ship_to.id) if po.ship_to else None
        if not po.ship_to:
            reasons.append(self.env._("The PO names no ship-to (N1*ST)."))
        elif not fc:
            reasons.append(
                self.env._(
                    "Ship-to FC %(fc)s is not in the account's FC table.",
                    fc=po.ship_to.id,
                )
            )
        if po.currency and po.currency != account.currency_id.name:
            reasons.append(
                self.env._(
                    "The PO is in %(currency)s, the account in %(ours)s.",
                    currency=po.currency,
                    ours=account.currency_id.name,
                )
            )
        if po.order_type not in dict(PO_TYPES):
            reasons.append(self.env._("Unknown PO type %(type)s.", type=po.order_type))
        if not po.lines:
            reasons.append(self.env._("The PO has no line."))
        for index, line in enumerate(po.lines, 1):
            vals, line_reasons, line_warnings = self._amz_prepare_850_line(
                context, line, index
            )
            lines.append(Command.create(vals))
            reasons += line_reasons
            warnings += line_warnings
        return (
            self._amz_order_values(account, po, message, fc) | {"order_line": lines},
            reasons,
            warnings,
        )

    def _amz_order_values(self, account, po, message, fc):
        notes = list(po.notes) + [
            f"REF {kind}: {value}" for kind, value in po.references
        ]
        vals = {
            "partner_id": account.partner_id.id,
            "partner_invoice_id": account.partner_id.id,
            "partner_shipping_id": (fc.partner_id if fc else account.partner_id).id,
            "company_id": account.company_id.id,
            "client_order_ref": po.po_number,
            "origin": f"Amazon {po.po_number}",
            "user_id": account.user_id.id,
            "amz_account_id": account.id,
            "amz_po_number": po.po_number,
            "amz_po_type": po.order_type if po.order_type in dict(PO_TYPES) else False,
            "amz_po_date": po.order_date,
            "amz_backorder_allowed": po.backorder_code == "Y",
            "amz_window_start": po.window_start,
            "amz_window_end": po.window_end,
            "amz_fc_code": po.ship_to.id if po.ship_to else False,
            "amz_notes": "\n".join(notes) or False,
            "amz_po_digest": message.content_digest,
            "amz_message_id": message.id,
            "amz_received_date": message.create_date or fields.Datetime.now(),
        }
        optional = {
            "warehouse_id": account.warehouse_id,
            "team_id": account.team_id,
            "pricelist_id": account.pricelist_id,
            "payment_term_id": account.payment_term_id,
        }
        vals.update({key: record.id for key, record in optional.items() if record})
        return vals

    def _amz_prepare_850_line(self, context, line, index):
        """Returns (line values, reasons, warnings) for one PO1."""
        pairs = tuple((pid.qualifier, pid.value) for pid in line.product_ids)
        shown = " ".join(f"{q} {v}" for q, v in pairs) or "-"
        where = self.env._(
            "Line %(line)s (%(ids)s)", line=line.line_number or index, ids=shown
        )
        cost = float(line.unit_price) if line.unit_price is not None else 0.0
        base = {
            "sequence": index * 10,
            "amz_line_number": line.line_number or False,
            "amz_ordered_qty": float(line.quantity),
            "amz_uom": line.uom or EACH,
            "amz_cost": cost,
            "amz_price_basis": line.price_basis or False,
            "amz_identifiers": "|".join(f"{q}:{v}" for q, v in pairs),
            "amz_ack_cost": cost,
        }
        product_id, warnings, problems = context.match(pairs)
        if not product_id:
            problem = "; ".join(problems) or self.env._("no product matches")
            return (
                base | self._amz_unknown_line(line, shown),
                [f"{where}: {problem}."],
                [],
            )
        product = self.env["product.product"].browse(product_id)
        vals, reasons = self._amz_line_quantities(context, product, line, where)
        values = base | vals
        values.update(
            product_id=product_id,
            amz_warning="; ".join(warnings) or False,
            amz_ack_status="IA",
            amz_ack_qty=float(line.quantity),
        )
        return values, reasons, [f"{where}: {warning}." for warning in warnings]

    def _amz_unknown_line(self, line, shown):
        """A note line keeps an unmatched PO line; the 855 rejects it by default."""
        return {
            "display_type": "line_note",
            "name": self.env._(
                "Unknown Amazon item %(ids)s: %(qty)s %(uom)s at %(cost)s",
                ids=shown,
                qty=line.quantity,
                uom=line.uom,
                cost=line.unit_price,
            ),
            "amz_ack_status": "IR",
            "amz_reject_reason": "InvalidProductIdentifier",
            "amz_ack_qty": 0.0,
        }

    def _amz_line_quantities(self, context, product, line, where):
        """Units, price per unit and packaging of a matched line, with reasons."""
        reasons, per_unit, packaging = [], 1.0, self.env["product.packaging"]
        if line.uom == CASE:
            packaging = product.packaging_ids.filtered(lambda p: p.sales and p.qty > 0)
            packaging = packaging[:1]
            if packaging:
                per_unit = packaging.qty
            else:
                reasons.append(
                    self.env._(
                        "%(where)s: ordered in cases but the product has no case "
                        "packaging.",
                        where=where,
                    )
                )
        elif line.uom not in (EACH, ""):
            reasons.append(
                self.env._(
                    "%(where)s: unit %(uom)s is not handled.", where=where, uom=line.uom
                )
            )
        our = context.our_price(product)
        price = our
        if line.unit_price is not None:
            price = float(line.unit_price)
            if line.uom == CASE and line.price_basis != PER_EACH:
                price /= per_unit
            reasons += self._amz_price_reasons(context.account, price, our, where)
        vals = {
            "product_uom_qty": float(line.quantity) * per_unit,
            "price_unit": price,
            "amz_our_price": our,
        }
        if packaging:
            vals["product_packaging_id"] = packaging.id
        return vals, reasons

    def _amz_price_reasons(self, account, price, our, where):
        """Amazon's cost against our price, within the account's tolerance."""
        if abs(price - our) <= abs(our) * account.price_tolerance / 100.0 + 1e-6:
            return []
        return [
            self.env._(
                "%(where)s: Amazon's cost %(cost)s differs from our price "
                "%(ours)s by more than %(tol)s %%.",
                where=where,
                cost=round(price, 4),
                ours=our,
                tol=account.price_tolerance,
            )
        ]

    def _amz_after_import(self, message, reasons, warnings):
        """Links the 850 message, then review, or confirm and acknowledge by policy."""
        self.ensure_one()
        account = self.amz_account_id
        message.write(
            {"sale_order_id": self.id, "res_model": self._name, "res_id": self.id}
        )
        if warnings:
            self.message_post(body="\n".join(warnings))
        if reasons:
            self._amz_flag_review(reasons, message)
            return
        message._set_state("in_processed")
        self.activity_feedback(["acorn_amazon_vendor.mail_activity_amz_review"])
        if account.auto_confirm_orders and self.state in ("draft", "sent"):
            self.action_confirm()
        if account.auto_send_855 and self._amz_855_pending():
            self._amz_send_855()
