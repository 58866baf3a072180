"""The 846 inventory advice: one snapshot of what Amazon may order, per account.

A record of ``acorn.amz.inventory.advice`` is "a record that sends an X12
document" (``acorn.edi.document.mixin``): its lines are computed from stock when
it is made (``acorn.vendor.account._amz_inventory_figures()``), and it goes out
once through the account's transport. A new snapshot is a new record: nothing
is sent twice by accident (FACTS §8.1 for the 846, §8.2: Amazon sends no 852).
"""

import hashlib
from decimal import Decimal

from odoo import api, fields, models

from ..x12 import (
    InventoryAdvice,
    InventoryLine,
    Party,
    ProductId,
    check_846,
    x12_text,
)
from .acorn_edi_document_mixin import LIVE_STATES, OUTBOUND_STATES

# States before anything is sent, then the shared outbound vocabulary.
ADVICE_STATES = [("draft", "To Send")] + OUTBOUND_STATES
TRIGGERS = [("manual", "On demand"), ("scheduled", "Scheduled")]
NAME_WIDTH = 60


class AcornAmzInventoryAdvice(models.Model):
    """An 846 sent (or to send) to Amazon: a quantity available per product."""

    _name = "acorn.amz.inventory.advice"
    _inherit = ["mail.thread", "acorn.edi.document.mixin"]
    _description = "Amazon Inventory Advice (846)"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, readonly=True, copy=False, default="/")
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True)
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    trigger = fields.Selection(TRIGGERS, required=True, default="manual", readonly=True)
    line_ids = fields.One2many(
        "acorn.amz.inventory.advice.line", "advice_id", string="Products"
    )
    line_count = fields.Integer(compute="_compute_totals", store=True)
    total_quantity = fields.Float(
        compute="_compute_totals", store=True, digits="Product Unit of Measure"
    )
    message_ids_846 = fields.One2many(
        "acorn.edi.message", "inventory_advice_id", string="846 Messages"
    )
    edi_message_id = fields.Many2one(
        "acorn.edi.message", string="846", compute="_compute_state", store=True
    )
    state = fields.Selection(
        ADVICE_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        default="draft",
        tracking=True,
    )

    @api.depends("line_ids.quantity")
    def _compute_totals(self):
        for advice in self:
            advice.line_count = len(advice.line_ids)
            advice.total_quantity = sum(advice.line_ids.mapped("quantity"))

    @api.depends("message_ids_846.state")
    def _compute_state(self):
        for advice in self:
            messages = advice.message_ids_846
            advice.edi_message_id = messages.sorted("id")[-1:]
            advice.state = advice._amz_outbound_state(messages) or "draft"

    @api.model_create_multi
    def create(self, vals_list):
        advices = super().create(vals_list)
        for advice in advices.filtered(lambda a: a.name == "/"):
            advice.name = f"846-{advice.account_id.vendor_code}-{advice.id:06d}"
        return advices

    # The mixin's hooks ---------------------------------------------------------------

    def _amz_edi_account(self):
        return self.account_id

    def _amz_check_846(self):
        """What stops this advice: already out, nothing in it, format rules."""
        self.ensure_one()
        errors = {}
        if self.state in LIVE_STATES:
            errors["sent"] = self.env._(
                "%(name)s is already out (%(state)s): make a new advice instead.",
                name=self.name,
                state=self._amz_selection_label("state"),
            )
        if not self.line_ids:
            errors["empty"] = self.env._(
                "No product of the account has an Amazon identifier to advise."
            )
        for line in self.line_ids.filtered(lambda line: not line._amz_product_ids()):
            errors[f"product-{line.id}"] = self.env._(
                "%(product)s has no Amazon identifier nor internal reference.",
                product=line.product_id.display_name,
            )
        if not errors:
            for problem in check_846(self._amz_prepare_846()):
                errors[f"x12-{problem.code}"] = str(problem)
        return errors

    def _amz_prepare_846(self):
        """The x12 ``InventoryAdvice`` of this record (quantities in whole units)."""
        self.ensure_one()
        account = self.account_id
        lines = tuple(
            InventoryLine(
                product_ids=line._amz_product_ids(),
                quantity=Decimal(int(line.quantity)),
                line_number=str(number),
            )
            for number, line in enumerate(self.line_ids.sorted("id"), start=1)
        )
        party = Party(
            "SU",
            x12_text(account.company_id.name, NAME_WIDTH),
            "92",
            account.vendor_code,
        )
        return InventoryAdvice(
            reference=self.name,
            date=fields.Datetime.context_timestamp(self, self.date).date(),
            lines=lines,
            party=party,
        )

    def _amz_846_values(self, document):
        return {
            "inventory_advice_id": self.id,
            "content_digest": hashlib.sha256(repr(document).encode()).hexdigest(),
        }

    def _amz_quantities(self):
        """``{product_id: quantity}`` advised, to compare two advices."""
        self.ensure_one()
        return {line.product_id.id: line.quantity for line in self.line_ids}

    # Sending -------------------------------------------------------------------------

    def action_send(self):
        """Button: sends the selected advices that are not out yet."""
        for advice in self:
            advice._amz_send_846()
        return True

    def _amz_send_846(self):
        """Checks, builds, archives and queues this advice's 846."""
        self.ensure_one()
        message = self._amz_edi_send(
            "846", self._amz_check_846(), self._amz_prepare_846, self._amz_846_values
        )
        self._amz_edi_log_sent(
            message,
            self.env._(
                ", %(count)s product(s), %(qty)s unit(s).",
                count=self.line_count,
                qty=int(self.total_quantity),
            ),
        )
        return message

    def action_view_message(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "acorn.edi.message",
            "view_mode": "form",
            "res_id": self.edi_message_id.id,
        }


class AcornAmzInventoryAdviceLine(models.Model):
    """One product of an 846 and the figures behind its quantity."""

    _name = "acorn.amz.inventory.advice.line"
    _description = "Amazon Inventory Advice Line"
    _order = "date desc, id"
    _check_company_auto = True

    advice_id = fields.Many2one(
        "acorn.amz.inventory.advice", required=True, ondelete="cascade", index=True
    )
    account_id = fields.Many2one(related="advice_id.account_id", store=True)
    company_id = fields.Many2one(related="advice_id.company_id", store=True, index=True)
    date = fields.Datetime(related="advice_id.date", store=True)
    state = fields.Selection(related="advice_id.state", store=True)
    product_id = fields.Many2one(
        "product.product", required=True, index=True, check_company=True
    )
    on_hand = fields.Float(digits="Product Unit of Measure", readonly=True)
    reserved = fields.Float(digits="Product Unit of Measure", readonly=True)
    safety_stock = fields.Float(digits="Product Unit of Measure", readonly=True)
    free_quantity = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="On hand less reserved less the safety stock.",
    )
    plan_cap = fields.Float(
        digits="Product Unit of Measure",
        readonly=True,
        help="The approved replenishment plan's quantity, when one caps this line.",
    )
    capped = fields.Boolean(readonly=True)
    quantity = fields.Float(
        string="Advised Quantity", digits="Product Unit of Measure", readonly=True
    )

    def _amz_product_ids(self):
        """LIN product ID pairs: the account's identifiers, then VN = reference."""
        self.ensure_one()
        identifiers = self.env["acorn.product.identifier"].search(
            [
                ("account_id", "=", self.account_id.id),
                ("product_id", "=", self.product_id.id),
            ],
            order="qualifier, id",
        )
        pairs = [ProductId(i.qualifier, i.value) for i in identifiers]
        code = self.product_id.default_code
        if code and "VN" not in {pair.qualifier for pair in pairs}:
            pairs.append(ProductId("VN", code))
        return tuple(pairs)
