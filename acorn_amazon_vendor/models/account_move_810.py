"""The 810 invoice of an Amazon invoice or credit note (FACTS §6).

Records -> ``_amz_prepare_810()`` (dataclass) -> ``x12.build_810()`` (text), checked
first by ``_amz_check_810()`` which returns ``{key: message}`` instead of raising.
Amazon's rules: one invoice per PO, the PO number in BIG04, the acked cost on every
line, only what shipped, bill-to / remit-to / ship-from codes Amazon knows, and the
same invoice never twice.
"""

import hashlib
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..x12 import to_decimal, x12_text
from .acorn_edi_document_mixin import LIVE_STATES, OUTBOUND_STATES
from .acorn_edi_message import ACK_STATES
from .sale_order_ack import ACKNOWLEDGED_STATES

# Where an Amazon invoice's 810 stands: to send once posted, then the outbound
# states of its latest 810.
EDI_STATES = [("to_send", "To send")] + OUTBOUND_STATES
# BIG07 Transaction Type (640) of a credit note: CR credit memo (FACTS §6 [I];
# SP-API invoiceType CreditNote).
CREDIT_MEMO = "CR"
# REF01 qualifier naming the invoice a credit note corrects: IV seller's invoice
# number (X12 element 128) [I].
REF_INVOICE = "IV"
# ITD01: 01 basic terms, 08 basic discount offered; ITD02 3 = invoice date (X12).
TERMS_BASIC, TERMS_DISCOUNT, BASIS_INVOICE_DATE = "01", "08", "3"
# ITD12 description is AN 1-80 (X12 element 352).
TERMS_WIDTH = 80


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "acorn.edi.document.mixin"]  # pylint: disable=consider-merging-classes-inherited

    amz_message_ids = fields.One2many(
        "acorn.edi.message",
        "move_id",
        string="810 Messages",
        readonly=True,
        groups="acorn_amazon_vendor.group_amazon_vendor_user",
    )
    amz_message_id = fields.Many2one(
        "acorn.edi.message",
        string="Latest 810",
        compute="_compute_amz_message_id",
        compute_sudo=True,
        groups="acorn_amazon_vendor.group_amazon_vendor_user",
    )
    amz_edi_state = fields.Selection(
        EDI_STATES,
        string="810 Status",
        compute="_compute_amz_edi_state",
        store=True,
        index=True,
        copy=False,
    )
    amz_997_state = fields.Selection(
        ACK_STATES,
        string="Amazon 997",
        compute="_compute_amz_message_id",
        compute_sudo=True,
    )
    amz_edi_error = fields.Text(
        string="Amazon's Answer", compute="_compute_amz_message_id", compute_sudo=True
    )
    amz_check_text = fields.Text(
        string="What Stops the 810",
        compute="_compute_amz_check_text",
        compute_sudo=True,
    )

    @api.depends(
        "amz_message_ids.state",
        "amz_message_ids.ack_state",
        "amz_message_ids.error_message",
    )
    def _compute_amz_message_id(self):
        for move in self:
            latest = move.amz_message_ids.sorted("id")[-1:]
            move.amz_message_id = latest
            move.amz_997_state = latest.ack_state or False
            move.amz_edi_error = latest.error_message or False

    @api.depends("state", "amz_account_id", "amz_message_ids.state")
    def _compute_amz_edi_state(self):
        for move in self:
            state = move._amz_outbound_state(move.amz_message_ids)
            if not state and move.amz_account_id and move.state == "posted":
                state = "to_send"
            move.amz_edi_state = state

    def _compute_amz_check_text(self):
        for move in self:
            if move.amz_account_id and move.state == "posted":
                problems = move._amz_check_810()
                move.amz_check_text = "\n".join(problems.values()) or False
            else:
                move.amz_check_text = False

    def _amz_is_live(self):
        """True when an 810 for this invoice is out or on its way."""
        self.ensure_one()
        return self.amz_edi_state in LIVE_STATES

    # Checks -------------------------------------------------------------------------

    def _amz_check_810(self, resend=False):
        """Returns what stops this invoice's 810 from going out, as ``{key: message}``.

        Args:
            resend: True for a manager's explicit resend (an 810 already out is
                then no reason to stop).
        """
        self.ensure_one()
        order, account = self._amz_810_order(), self.amz_account_id
        errors = {}
        if self.state != "posted":
            errors["posted"] = self.env._("Post the invoice first.")
        if not order.amz_po_number:
            errors["po"] = self.env._(
                "The invoice is not linked to an Amazon PO: Amazon rejects an "
                "invoice without its PO number (BIG04)."
            )
            return errors
        errors.update(self._amz_check_order(order))
        if self.currency_id != account.currency_id:
            errors["currency"] = self.env._(
                "The invoice is in %(currency)s, the Amazon account in %(ours)s.",
                currency=self.currency_id.name,
                ours=account.currency_id.name,
            )
        for key, label in account._amz_missing_codes().items():
            errors[key] = self.env._(
                "Vendor account %(account)s has no %(code)s: set it on its Billing "
                "tab (Amazon gives it to you in Vendor Central).",
                account=account.name,
                code=label,
            )
        errors.update(self._amz_check_sent(resend))
        errors.update(self._amz_check_lines(order))
        return errors

    def _amz_check_order(self, order):
        """The PO acknowledged and, for an invoice, shipped; for a credit note, sent."""
        errors = {}
        acked = ACKNOWLEDGED_STATES + (
            ("held",) if self.amz_account_id.parallel_run else ()
        )
        if order.amz_ack_state not in acked:
            state = self._amz_selection_label("amz_ack_state", order)
            errors["ack"] = self.env._(
                "PO %(po)s has no 855 at Amazon yet (acknowledgment: %(state)s): send "
                "the acknowledgment first.",
                po=order.amz_po_number,
                state=state,
            )
        if self.move_type == "out_refund":
            origin = self.reversed_entry_id
            if not origin or not origin._amz_is_live():
                errors["origin"] = self.env._(
                    "A credit note goes to Amazon only against an invoice it "
                    "already received: create it with Reverse from that invoice."
                )
        elif not self._amz_shipments(order):
            errors["shipped"] = self.env._(
                "Nothing of PO %(po)s has shipped: Amazon refuses an invoice "
                "before the shipment. Validate the delivery first.",
                po=order.amz_po_number,
            )
        return errors

    def _amz_check_sent(self, resend):
        """Not already out; approved by a second person when the account asks."""
        errors = {}
        if self._amz_is_live() and not resend:
            errors["sent"] = self.env._(
                "Already sent to Amazon as %(message)s (%(state)s): a resend is an "
                "administrator's action (Resend 810, with a reason).",
                message=self.sudo().amz_message_id.name,
                state=self._amz_selection_label("amz_edi_state"),
            )
        if self.amz_account_id.amz_invoice_approval and not self.amz_approved_by:
            errors["approval"] = self.env._(
                "Waiting for approval: someone other than %(maker)s must approve "
                "this invoice before it goes to Amazon.",
                maker=self.amz_prepared_by.name or self.env._("its author"),
            )
        return errors

    def _amz_check_lines(self, order):
        errors = {}
        products = self.invoice_line_ids.filtered(
            lambda ln: ln.display_type == "product"
        )
        amazon = products.filtered(lambda ln: ln._amz_sale_line())
        if not amazon:
            errors["no_lines"] = self.env._(
                "No line of the invoice bills an item of PO %(po)s.",
                po=order.amz_po_number,
            )
        for line in products:
            for key, message in line._amz_810_problems().items():
                errors[f"line_{line.id}_{key}"] = message
        if not errors:
            errors.update(self._amz_check_total())
        return errors

    def _amz_check_total(self):
        """Amazon totals the 810 from the acked costs: it must be what we booked."""
        document = self._amz_prepare_810()
        computed = document.computed_total()
        booked = to_decimal(self.amount_total)
        if abs(computed - booked) >= Decimal("0.01"):
            return {
                "total": self.env._(
                    "The 810 totals %(edi)s from the acked costs, the invoice "
                    "%(booked)s: check the unit prices, rounding per unit of case "
                    "costs, and the taxes.",
                    edi=computed,
                    booked=booked,
                )
            }
        return {}

    # Preparing ----------------------------------------------------------------------

    def _amz_810_order(self):
        self.ensure_one()
        return self.amz_order_id or self.reversed_entry_id.amz_order_id

    def _amz_shipments(self, order):
        return order.picking_ids.filtered(
            lambda p: p.state == "done" and p.picking_type_code == "outgoing"
        )

    def _amz_prepare_810(self):
        """Returns the x12 Invoice for this invoice or credit note as it stands."""
        from ..x12 import Invoice

        self.ensure_one()
        order, account = self._amz_810_order(), self.amz_account_id
        bill_to, remit_to, ship_from = account._amz_810_parties()
        products = self.invoice_line_ids.filtered(
            lambda ln: ln.display_type == "product"
        )
        amazon = products.filtered(lambda ln: ln._amz_sale_line())
        refund = self.move_type == "out_refund"
        shipped = self._amz_shipments(order).mapped("date_done")
        return Invoice(
            invoice_number=self.name,
            invoice_date=self.invoice_date,
            po_number=order.amz_po_number,
            po_date=order.amz_po_date or None,
            lines=tuple(line._amz_prepare_it1() for line in amazon),
            currency=self.currency_id.name,
            transaction_type=CREDIT_MEMO if refund else "",
            bill_to=bill_to,
            remit_to=remit_to,
            ship_from=ship_from,
            terms=self._amz_prepare_terms(),
            shipped_date=max(shipped).date() if shipped and not refund else None,
            references=((REF_INVOICE, self.reversed_entry_id.name),) if refund else (),
            allowances=tuple(line._amz_prepare_sac() for line in products - amazon),
            taxes=self._amz_prepare_taxes(),
        )

    def _amz_prepare_terms(self):
        from ..x12 import PaymentTerms

        term = self.invoice_payment_term_id
        due = self.invoice_date_due or self.invoice_date
        net = (due - self.invoice_date).days if due and self.invoice_date else 0
        if term:
            net = max([net] + term.line_ids.mapped("nb_days"))
        discount = term.early_discount and term.discount_percentage
        return PaymentTerms(
            terms_type=TERMS_DISCOUNT if discount else TERMS_BASIC,
            basis_date=BASIS_INVOICE_DATE,
            discount_percent=to_decimal(discount) if discount else None,
            discount_days=term.discount_days if discount else None,
            net_days=net,
            description=x12_text(term.name or "", TERMS_WIDTH),
        )

    def _amz_prepare_taxes(self):
        """One summary TXI per tax: its amount (positive on an invoice or a credit)."""
        from ..x12 import Tax

        sign = -1 if self.move_type == "out_invoice" else 1
        taxes = {}
        for line in self.line_ids.filtered(lambda ln: ln.display_type == "tax"):
            taxes.setdefault(line.tax_line_id, 0.0)
            taxes[line.tax_line_id] += sign * line.amount_currency
        return tuple(
            Tax(
                tax_type=self.amz_account_id.amz_tax_type,
                amount=to_decimal(self.currency_id.round(amount)).quantize(
                    Decimal("0.01")
                ),
                percent=to_decimal(tax.amount)
                if tax.amount_type == "percent"
                else None,
            )
            for tax, amount in taxes.items()
        )

    # Sending ------------------------------------------------------------------------

    def _amz_send_810(self, author=None, by_policy=False, resend_reason=None):
        """Checks, builds, archives and queues this invoice's 810.

        Args:
            author: The user sending (the Send & Print author); the current user
                by default. Not checked when the account's policy sends on posting.
            by_policy: Sent by posting (``auto_send_810``).
            resend_reason: An administrator's reason to send an 810 already out.

        Returns:
            The outbound ``acorn.edi.message``.
        """
        self.ensure_one()
        author = author or self.env.user
        if not by_policy:
            self._amz_require_billing_rights(author)
        if resend_reason and not author.has_group(
            "acorn_amazon_vendor.group_amazon_vendor_manager"
        ):
            raise AccessError(self.env._("Only Amazon Vendor administrators resend."))
        message = self._amz_edi_send(
            "810",
            self._amz_check_810(resend=bool(resend_reason)),
            self._amz_prepare_810,
            self._amz_810_values,
        )
        self._amz_log_sent(message, author, by_policy, resend_reason)
        return message

    def _amz_edi_account(self):
        return self.amz_account_id

    def _amz_edi_reference(self):
        return self.name

    def _amz_810_values(self, document):
        order = self._amz_810_order()
        return {
            "po_number": order.amz_po_number,
            "invoice_number": self.name,
            "sale_order_id": order.id,
            "move_id": self.id,
            "content_digest": hashlib.sha256(repr(document).encode()).hexdigest(),
        }

    def _amz_log_sent(self, message, author, by_policy, resend_reason):
        if resend_reason:
            how = self.env._("resent by %(user)s: %(reason)s", user=author.name,
                             reason=resend_reason)  # fmt: skip
        elif by_policy:
            how = self.env._("sent on posting (account policy)")
        else:
            how = self.env._("sent by %(user)s", user=author.name)
        self._amz_edi_log_sent(
            message,
            self.env._(
                ", %(how)s; file %(file)s.",
                how=how,
                file=message.interchange_id.filename,
            ),
        )
        self.activity_feedback(["acorn_amazon_vendor.mail_activity_amz_810_blocked"])
        if not self.is_move_sent:
            # Only the flag changes: no need to resync the posted move's lines.
            self.sudo().with_context(skip_invoice_sync=True).is_move_sent = True
