"""Booking a remittance in Odoo's ledger: one posted ``account.payment`` on the
account's bank journal for the BPR amount, one write-off line per deduction type
(and one per unidentified deduction), reconciled with the invoices it pays in one
``_reconcile_plan``; then the bank statement line with its trace number.

Odoo 18 facts this relies on (docs/amazon-remittance.md): ``account.payment``
takes a list of ``write_off_line_vals`` and appends them as they are; exchange
differences are made by ``reconcile()`` itself; Community has no statement
reconciliation method, so the suspense line is moved to the payment's account and
reconciled, as Odoo's own tests do.
"""

from collections import defaultdict

from odoo import Command, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Context for booking: no tracking values or creation notes on thousands of lines.
QUIET = {"tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True}
RECEIVABLE = "asset_receivable"


class AcornAmzRemittance(models.Model):
    _inherit = "acorn.amz.remittance"  # pylint: disable=consider-merging-classes-inherited

    def action_post(self):
        """Button: book the remittances (accounting users only)."""
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(
                self.env._("Only accounting users can post Amazon remittances.")
            )
        for remittance in self:
            if remittance.state == "posted":
                raise UserError(
                    self.env._("%(name)s is already posted.", name=remittance.name)
                )
            remittance._amz_book_safely()
        return True

    def _amz_book_safely(self):
        """Books in a savepoint; a failure rolls back the whole booking and leaves
        the remittance in error with the reason. Returns True when booked."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                self.with_context(**QUIET)._amz_book()
        except (UserError, ValidationError) as error:
            text = error.args[0] if error.args else str(error)
            self.write({"state": "error", "error_message": text})
            self.message_post(body=self.env._("Not booked: %(error)s", error=text))
            return False
        return True

    def _amz_book(self):
        self._amz_check_bookable()
        writeoffs, pairs = self._amz_booking_lines()
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_type": "customer",
                "partner_id": self.account_id.partner_id.commercial_partner_id.id,
                "amount": self.amount,
                "currency_id": self.currency_id.id,
                "date": self.payment_date,
                "journal_id": self.account_id.remittance_journal_id.id,
                "company_id": self.company_id.id,
                "memo": self.env._("Amazon 820 %(trace)s", trace=self.trace_number),
                "payment_reference": self.trace_number,
                "write_off_line_vals": [vals for vals, _target in writeoffs],
            }
        )
        payment.action_post()
        self._amz_reconcile(payment, writeoffs, pairs)
        self.write(
            {"payment_id": payment.id, "state": "posted", "error_message": False}
        )
        self.message_post(
            body=self.env._("Booked as payment %(payment)s.", payment=payment.name)
        )
        self._amz_match_statement_line()

    def _amz_where(self):
        return self.env._("Remittance %(trace)s: ", trace=self.trace_number)

    def _amz_check_bookable(self):
        """Raises a located UserError for what would stop the booking."""
        where, account = self._amz_where(), self.account_id
        journal = account.remittance_journal_id
        if self.payment_id:
            raise UserError(where + self.env._("already booked."))
        if (
            not journal
            or journal.type != "bank"
            or journal.company_id != self.company_id
        ):
            raise UserError(
                where
                + self.env._(
                    "account %(account)s has no bank journal of its company for "
                    "remittances (Remittance tab).",
                    account=account.name,
                )
            )
        unknown = self.adjustment_ids.filtered(lambda a: not a.deduction_type_id)
        if unknown and not account.deduction_account_id:
            raise UserError(
                where
                + self.env._(
                    "deduction %(ref)s has no type and account %(account)s has no "
                    "'Deductions to Identify' account (Remittance tab).",
                    ref=unknown[0].reference or unknown[0].reason_code,
                    account=account.name,
                )
            )
        self._amz_check_balance(where)
        posted = self.search(
            [
                ("id", "!=", self.id),
                ("account_id", "=", account.id),
                ("trace_number", "=", self.trace_number),
                ("state", "=", "posted"),
            ]
        )
        if posted:
            raise UserError(where + self.env._("this trace number is already booked."))

    def _amz_check_balance(self, where):
        """BPR02 must be the sum of RMR04 and the payment-level ADX01 (located)."""
        whole = self.adjustment_ids.filtered(lambda a: not a.line_id)
        total = sum(self.line_ids.mapped("amount_paid")) - sum(whole.mapped("amount"))
        if self.currency_id.compare_amounts(total, self.amount):
            raise UserError(
                where
                + self.env._(
                    "BPR02 %(bpr)s is not the sum of the RMR04 amounts and the "
                    "payment's ADX01 adjustments (%(total)s): not booked.",
                    bpr=self.currency_id.format(self.amount),
                    total=self.currency_id.format(total),
                )
            )

    # The payment's lines ----------------------------------------------------------

    def _amz_booking_lines(self):
        """Returns (write-offs, pairs): [(line values, lines to reconcile with)],
        and the counterpart's own group [(receivable lines)].

        The counterpart Odoo computes holds every invoice paid in full on the
        partner's receivable account, plus whatever nothing claims (overpayment,
        unmatched payments: outstanding credit).
        """
        writeoffs = self._amz_deduction_writeoffs()
        full = defaultdict(lambda: self.env["account.move.line"])
        for move, settled in self._amz_settlements().items():
            receivable = move.line_ids.filtered(
                lambda line: (
                    line.account_id.account_type == RECEIVABLE and not line.reconciled
                )
            )
            if not receivable:
                continue
            account = receivable[0].account_id
            if move.move_type == "out_refund":
                writeoffs.append(
                    (self._amz_writeoff(account, settled, move.name), receivable)
                )
            elif self.currency_id.compare_amounts(settled, move.amount_residual) >= 0:
                full[account] |= receivable
            else:
                writeoffs.append(
                    (self._amz_writeoff(account, -settled, move.name), receivable)
                )
        destination = self.account_id.partner_id.commercial_partner_id.with_company(
            self.company_id
        ).property_account_receivable_id
        pairs = full.pop(destination, self.env["account.move.line"])
        for account, receivable in full.items():
            total = sum(receivable.mapped("amount_residual_currency"))
            writeoffs.append(
                (self._amz_writeoff(account, -total, account.name), receivable)
            )
        return writeoffs, pairs

    def _amz_settlements(self):
        """{invoice or credit note: amount it is settled by} (credit notes: applied)."""
        settled = defaultdict(float)
        for line in self.line_ids.filtered(lambda line: line.state == "matched"):
            if line.move_id.move_type == "out_refund":
                settled[line.move_id] += -line.amount_paid
            else:
                settled[line.move_id] += line._amz_settled()
        for move, amount in settled.items():
            if move.move_type == "out_invoice" and amount <= 0:
                raise UserError(
                    self._amz_where()
                    + self.env._(
                        "the lines on invoice %(move)s pay %(amount)s: not booked.",
                        move=move.name,
                        amount=amount,
                    )
                )
        return settled

    def _amz_deduction_writeoffs(self):
        """One write-off per deduction type, one per unidentified deduction."""
        by_type = defaultdict(float)
        writeoffs = []
        for adjustment in self.adjustment_ids:
            if adjustment.deduction_type_id:
                by_type[adjustment.deduction_type_id] += adjustment.amount
                continue
            reference = adjustment.reference or adjustment.reason_code or "-"
            label = f"{reference} ({self.trace_number})"
            vals = self._amz_writeoff(
                self.account_id.deduction_account_id, adjustment.amount, label
            )
            writeoffs.append((vals, None))
        for deduction_type, amount in by_type.items():
            if not self.currency_id.is_zero(amount):
                label = f"{deduction_type.name} ({self.trace_number})"
                vals = self._amz_writeoff(
                    deduction_type.booking_account_id, amount, label
                )
                writeoffs.append((vals, None))
        return writeoffs

    def _amz_writeoff(self, account, amount, label):
        """A payment line of ``amount`` (debit when positive) in the remittance's
        currency, with its balance at the payment date."""
        company = self.company_id
        balance = self.currency_id._convert(
            amount, company.currency_id, company, self.payment_date
        )
        return {
            "name": label,
            "account_id": account.id,
            "partner_id": self.account_id.partner_id.commercial_partner_id.id,
            "currency_id": self.currency_id.id,
            "amount_currency": amount,
            "balance": balance,
        }

    # Reconciliation -----------------------------------------------------------------

    def _amz_reconcile(self, payment, writeoffs, pairs):
        """Reconciles the payment with its invoices in one plan."""
        lines = payment.move_id.line_ids.sorted("id")
        counterpart, extras = lines[1], lines[2:]
        plan = []
        if pairs:
            plan.append(counterpart + pairs)
        for line, (vals, targets) in zip(extras, writeoffs, strict=True):
            if line.account_id.id != vals["account_id"]:
                raise UserError(
                    self._amz_where() + self.env._("payment lines out of order.")
                )
            if targets:
                plan.append(line + targets)
        if plan:
            # Reconciling changes no invoice line that Odoo's dynamic-line sync
            # (taxes, terms) would rebuild; skipping it saves a snapshot of every
            # invoice touched.
            self.env["account.move.line"].with_context(
                skip_invoice_sync=True
            )._reconcile_plan(plan)
        moves = self.line_ids.filtered(lambda line: line.state == "matched").move_id
        if moves:
            payment.invoice_ids = [Command.link(move.id) for move in moves]

    def _amz_match_statement_line(self):
        """Reconciles the one unreconciled bank statement line of the journal that
        carries the trace number and the amount with the payment (Odoo's test
        pattern: the suspense line takes the payment's outstanding account)."""
        self.ensure_one()
        if not self.payment_id or self.statement_line_id:
            return False
        statement_line = self._amz_find_statement_line()
        if not statement_line:
            return False
        outstanding = self.payment_id._seek_for_lines()[0]
        _liquidity, suspense, _other = statement_line.with_context(
            skip_account_move_synchronization=True
        )._seek_for_lines()
        suspense.with_context(
            skip_account_move_synchronization=True
        ).account_id = outstanding.account_id
        (suspense + outstanding).reconcile()
        self.statement_line_id = statement_line
        self.message_post(
            body=self.env._(
                "Bank statement line %(line)s reconciled with the payment.",
                line=statement_line.display_name,
            )
        )
        return True

    def _amz_find_statement_line(self):
        journal = self.account_id.remittance_journal_id
        candidates = self.env["account.bank.statement.line"].search(
            [
                ("journal_id", "=", journal.id),
                ("company_id", "=", self.company_id.id),
                ("is_reconciled", "=", False),
                ("payment_ref", "ilike", self.trace_number),
            ]
        )
        journal_currency = journal.currency_id or self.company_id.currency_id
        found = candidates.filtered(
            lambda line: (
                not self.currency_id.compare_amounts(
                    line.amount
                    if journal_currency == self.currency_id
                    else line.amount_currency,
                    self.amount,
                )
            )
        )
        return found if len(found) == 1 else found.browse()

    def action_match_statement(self):
        """Button: look again for the bank statement line of a posted remittance."""
        for remittance in self:
            if not remittance._amz_match_statement_line():
                raise UserError(
                    self.env._(
                        "No unreconciled bank statement line of %(amount)s naming "
                        "%(trace)s on journal %(journal)s.",
                        amount=remittance.currency_id.format(remittance.amount),
                        trace=remittance.trace_number,
                        journal=remittance.account_id.remittance_journal_id.name,
                    )
                )
        return True
