"""Reading an 820 into a remittance and matching its lines, in the order the flow
promises: our invoice number normalised -> the PO number on the invoice -> the
account's Amazon reference patterns -> amount and date, as a suggestion only.

Nothing is guessed: a line that matches nothing stays an open item.
"""

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..x12.remittances import invoice_number_keys


def _amount(value):
    return float(value) if value is not None else 0.0


class AcornAmzRemittance(models.Model):
    _inherit = "acorn.amz.remittance"  # pylint: disable=consider-merging-classes-inherited

    # Reading --------------------------------------------------------------------

    @api.model
    def _amz_create_from_820(self, message, document):
        """Creates the remittance of one parsed 820 with its lines, matched.

        Raises:
            UserError: the currency or the invoices' customer does not fit the
                account (the remittance is refused, with the reason).
        """
        account = message.account_id
        currency = self._amz_820_currency(account, document)
        index = self._amz_invoice_index(account)
        remittance = self.create(self._amz_820_values(message, document, currency))
        matcher = remittance._amz_matcher(index)
        line_vals = []
        for sequence, item in enumerate(document.items, start=1):
            vals = remittance._amz_line_values(item, sequence)
            vals.update(remittance._amz_match_item(item, matcher))
            line_vals.append(vals)
        lines = self.env["acorn.amz.remittance.line"].create(line_vals)
        adjustments = []
        for line, item in zip(lines, document.items, strict=True):
            adjustments += remittance._amz_item_adjustments(line, item, matcher)
        adjustments += [
            remittance._amz_adx_values(adx, matcher) for adx in document.adjustments
        ]
        self.env["acorn.amz.remittance.adjustment"].create(adjustments)
        lines.filtered(lambda line: line.state == "open")._amz_suggest(index)
        remittance._amz_update_state()
        remittance._amz_schedule_open_items()
        return remittance

    @api.model
    def _amz_820_currency(self, account, document):
        code = (document.currency or "").strip().upper()
        if code and code != account.currency_id.name:
            raise UserError(
                self.env._(
                    "Remittance %(trace)s is in %(code)s (CUR02); account %(account)s "
                    "trades in %(currency)s: refused.",
                    trace=document.trace_number,
                    code=code,
                    account=account.name,
                    currency=account.currency_id.name,
                )
            )
        return account.currency_id

    def _amz_820_values(self, message, document, currency):
        payer, payee = document.payer, document.payee
        return {
            "account_id": message.account_id.id,
            "company_id": message.company_id.id,
            "message_id": message.id,
            "trace_number": document.trace_number,
            "content_digest": message.content_digest,
            "amount": _amount(document.amount),
            "currency_id": currency.id,
            "payment_method": document.payment_method,
            "payment_date": document.payment_date or message.create_date.date(),
            "payer_name": payer.name if payer else False,
            "payee_name": payee.name if payee else False,
            "payee_code": payee.id if payee else False,
        }

    def _amz_line_values(self, item, sequence):
        return {
            "remittance_id": self.id,
            "sequence": sequence,
            "qualifier": item.reference_qualifier,
            "reference": item.reference or "-",
            "po_number": item.po_number or False,
            "document_date": item.date or False,
            "amount_paid": _amount(item.paid),
            "amount_invoiced": _amount(item.invoiced),
            "discount": _amount(item.discount),
            "segment_position": item.segment_position,
        }

    # The invoice index ----------------------------------------------------------

    @api.model
    def _amz_invoice_index(self, account):
        """Posted customer invoices and credit notes of the account's company, by
        normalised number (three levels) and by Amazon PO, read in one query."""
        self.env["account.move"].flush_model()
        self.env.cr.execute(
            SQL(
                "SELECT id, name, amz_po_number, commercial_partner_id, currency_id, "
                "amount_residual, invoice_date FROM account_move "
                "WHERE company_id = %s AND state = 'posted' "
                "AND move_type IN ('out_invoice', 'out_refund')",
                account.company_id.id,
            )
        )
        index = {"keys": ({}, {}, {}), "po": {}, "rows": {}}
        for row in self.env.cr.dictfetchall():
            index["rows"][row["id"]] = row
            for level, key in enumerate(invoice_number_keys(row["name"])):
                if key:
                    index["keys"][level].setdefault(key, []).append(row["id"])
            if row["amz_po_number"]:
                index["po"].setdefault(row["amz_po_number"].upper(), []).append(
                    row["id"]
                )
        return index

    def _amz_matcher(self, index):
        account = self.account_id
        return {
            "index": index,
            "partner": account.partner_id.commercial_partner_id.id,
            "currency": self.currency_id.id,
            "patterns": account.reference_pattern_ids._amz_compiled(),
            "reasons": account.deduction_type_ids._amz_reason_codes(),
            "other": account.deduction_type_ids.filtered(lambda t: t.code == "other")[
                :1
            ],
        }

    # Matching one line ------------------------------------------------------------

    def _amz_match_item(self, item, matcher):
        """Line values saying what an RMR is and how that was found."""
        index = matcher["index"]
        move_id = self._amz_by_number(item.reference, index)
        if move_id:
            return self._amz_matched(item, move_id, "invoice_number", matcher)
        for number in (item.po_number, item.reference):
            move_id = self._amz_by_po(number, index)
            if move_id:
                return self._amz_matched(item, move_id, "po_number", matcher)
        deduction_type, invoice = self._amz_by_pattern(item.reference, matcher)
        if deduction_type:
            return {
                "match_method": "reference_pattern",
                "state": "typed",
                "deduction_type_id": deduction_type.id,
                "related_move_id": self._amz_by_number(invoice, index) or False,
            }
        return {"match_method": "none", "state": "open"}

    def _amz_by_number(self, reference, index):
        """The one invoice a reference names, trying stricter spellings first."""
        if not reference:
            return None
        for level, key in enumerate(invoice_number_keys(reference)):
            found = index["keys"][level].get(key) if key else None
            if found and len(found) == 1:
                return found[0]
        return None

    def _amz_by_po(self, number, index):
        """The invoice of a PO: the only one, or the only one still open."""
        found = index["po"].get((number or "").strip().upper(), [])
        if len(found) > 1:
            rows = index["rows"]
            found = [i for i in found if rows[i]["amount_residual"]]
        return found[0] if len(found) == 1 else None

    def _amz_by_pattern(self, reference, matcher):
        text = (reference or "").upper()
        for expression, deduction_type in matcher["patterns"]:
            found = expression.search(text)
            if found:
                invoice = found.groupdict().get("invoice") or ""
                return deduction_type, invoice
        return None, ""

    def _amz_matched(self, item, move_id, method, matcher):
        """Values of a matched line, once the invoice fits the account."""
        row = matcher["index"]["rows"][move_id]
        where = self.env._(
            "Remittance %(trace)s, RMR %(ref)s (segment %(pos)s): ",
            trace=self.trace_number,
            ref=item.reference,
            pos=item.segment_position or "?",
        )
        if row["commercial_partner_id"] != matcher["partner"]:
            raise UserError(
                where
                + self.env._(
                    "invoice %(name)s is billed to another customer than %(partner)s: "
                    "refused.",
                    name=row["name"],
                    partner=self.account_id.partner_id.display_name,
                )
            )
        if row["currency_id"] != matcher["currency"]:
            raise UserError(
                where
                + self.env._(
                    "invoice %(name)s is not in %(currency)s: refused.",
                    name=row["name"],
                    currency=self.currency_id.name,
                )
            )
        return {"move_id": move_id, "match_method": method, "state": "matched"}

    # Deductions -------------------------------------------------------------------

    def _amz_item_adjustments(self, line, item, matcher):
        """Adjustment values of one RMR: its discount, its ADXs, and the line
        itself when it is a deduction (typed, or unknown and negative)."""
        values = []
        if item.discount:
            values.append(
                self._amz_adjustment_base(line)
                | {
                    "source": "discount",
                    "amount": _amount(item.discount),
                    "reference": item.reference,
                    "deduction_type_id": matcher["other"].id,
                }
            )
        for adx in item.adjustments:
            values.append(self._amz_adx_values(adx, matcher, line))
        values += line._amz_reference_deduction()
        return values

    def _amz_adjustment_base(self, line=None):
        return {"remittance_id": self.id, "line_id": line.id if line else False}

    def _amz_adx_values(self, adx, matcher, line=None):
        deduction_type = matcher["reasons"].get((adx.reason or "").upper())
        if not deduction_type and adx.reference:
            deduction_type = self._amz_by_pattern(adx.reference, matcher)[0]
        return self._amz_adjustment_base(line) | {
            "source": "adx",
            "amount": -_amount(adx.amount),
            "reason_code": adx.reason,
            "reference_qualifier": adx.reference_qualifier,
            "reference": adx.reference or (line.reference if line else False),
            "deduction_type_id": deduction_type.id if deduction_type else False,
        }
