import base64

from odoo import Command
from odoo.tests import Form, new_test_user

from ..x12 import parse_interchange
from .common import AmazonOrderCommon

BILLING_GROUPS = (
    "base.group_user,account.group_account_invoice,"
    "acorn_amazon_vendor.group_amazon_vendor_user"
)


class AmazonBillingCommon(AmazonOrderCommon):
    """An account with its 810 codes, stock to ship, and billing users.

    ``clerk`` and ``checker`` invoice (Amazon user + invoicing);
    ``billing_manager`` is an Amazon administrator who invoices.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.account.write(
            {
                "amz_bill_to_code": "AMZBT01",
                "amz_remit_to_code": "ACNREMIT",
                "amz_ship_from_code": "ACNWH1",
            }
        )
        cls.clerk = new_test_user(cls.env, login="amz_clerk", groups=BILLING_GROUPS)
        cls.checker = new_test_user(cls.env, login="amz_checker", groups=BILLING_GROUPS)
        cls.billing_manager = new_test_user(
            cls.env,
            login="amz_billing_manager",
            groups=BILLING_GROUPS + ",acorn_amazon_vendor.group_amazon_vendor_manager",
        )
        cls.stock_location = cls.env.ref("stock.warehouse0").lot_stock_id
        for product in (cls.mug, cls.tea):
            cls.env["stock.quant"]._update_available_quantity(
                product, cls.stock_location, 500
            )

    def _acked_order(self, name="amazon_850_single.edi", number="3J2KKUAV"):
        """A received PO, acknowledged (855 sent) and confirmed."""
        self._receive(name)
        order = self._order(number)
        self._ack(order)
        return order

    def _ack(self, order):
        order.action_amz_send_855()
        order.amz_message_ids.filtered(
            lambda m: m.document_type == "855" and m.state == "out_generated"
        )._set_state("out_sent")
        if order.state in ("draft", "sent"):
            order.action_confirm()

    def _ship(self, order, quantities=None):
        """Validates the order's open delivery; ``quantities`` {product: units}
        ships part of it (the rest goes to a backorder)."""
        picking = order.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )[:1]
        picking.action_assign()
        for move in picking.move_ids:
            units = (quantities or {}).get(move.product_id, move.product_uom_qty)
            move.quantity = units
            move.picked = True
        result = picking.button_validate()
        if isinstance(result, dict) and result.get("res_model"):
            wizard = Form(
                self.env[result["res_model"]].with_context(**result["context"])
            ).save()
            wizard.process()
        return picking

    def _invoice(self, order, user=None):
        """Invoices what shipped (posted) as ``user``."""
        return order.with_user(user or self.clerk)._amz_invoice_shipped()

    def _send(self, moves, user=None):
        """Sends through Odoo's Send & Print wizard (one invoice or a batch)."""
        moves = moves.with_user(user or self.clerk)
        if len(moves) == 1:
            wizard = (
                self.env["account.move.send.wizard"]
                .with_user(user or self.clerk)
                .with_context(active_model="account.move", active_ids=moves.ids)
                .create({})
            )
            return wizard.action_send_and_print()
        wizard = (
            self.env["account.move.send.batch.wizard"]
            .with_user(user or self.clerk)
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"move_ids": [Command.set(moves.ids)]})
        )
        return wizard.action_send_and_print(force_synchronous=True)

    def _payload(self, message):
        return message.interchange_id._get_payload().decode()

    def _parsed_810(self, message):
        from ..x12 import parse_810

        report = parse_interchange(self._payload(message))
        return parse_810(next(iter(report.sets())))

    def _receive_text(self, text, name="997.edi"):
        ids = self.account.receive_file(name, base64.b64encode(text.encode()))
        return self.env["acorn.edi.message"].browse(ids)
