"""The 810 as an extra EDI of Odoo's invoice sending (Send & Print, one or many).

Like the e-invoicing addons, the 810 is offered for each Amazon invoice that has not
gone out; Odoo's sending runs the checks (alerts), then generates, archives and
queues the 810 before the PDF is rendered. The Amazon partner's sending method is
never e-mail, so no PDF reaches Amazon (a paper invoice is a chargeback).
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

AMZ_810 = "amz_810"


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _amz_810_applicable(self, move):
        return bool(
            move.amz_account_id
            and move.state == "posted"
            and move.is_sale_document(include_receipts=False)
            and not move._amz_is_live()
        )

    def _get_all_extra_edis(self) -> dict:
        # EXTENDS account
        edis = super()._get_all_extra_edis()
        edis[AMZ_810] = {
            "label": self.env._("Amazon 810 (EDI)"),
            "is_applicable": self._amz_810_applicable,
            "help": self.env._(
                "Generate the X12 810 and queue it for Amazon's EDI connection."
            ),
        }
        return edis

    def _get_alerts(self, moves, moves_data):
        # EXTENDS account
        alerts = super()._get_alerts(moves, moves_data)
        blocked = {}
        for move in moves.filtered("amz_account_id"):
            data = moves_data.get(move, {})
            if "email" in (data.get("sending_methods") or ()):
                alerts["amz_no_email"] = {
                    "level": "danger",
                    "message": self.env._(
                        "Amazon invoices travel as 810s, never by e-mail (a paper "
                        "invoice is charged back): untick e-mail."
                    ),
                }
            if AMZ_810 in (data.get("extra_edis") or ()):
                problems = move._amz_check_810()
                if problems:
                    blocked[move] = problems
        if len(moves) == 1 and blocked:
            alerts["amz_810_blocked"] = {
                "level": "danger",
                "message": "\n".join(next(iter(blocked.values())).values()),
            }
        elif blocked:
            moves_blocked = self.env["account.move"].union(*blocked)
            alerts["amz_810_blocked"] = {
                "level": "warning",
                "message": self.env._(
                    "These invoices can't go to Amazon yet and will be left out: "
                    "%(moves)s.",
                    moves=", ".join(moves_blocked.mapped("name")),
                ),
                "action_text": self.env._("View Invoice(s)"),
                "action": moves_blocked._get_records_action(
                    name=self.env._("Invoices to correct")
                ),
            }
        return alerts

    def _call_web_service_before_invoice_pdf_render(self, invoices_data):
        # EXTENDS account
        super()._call_web_service_before_invoice_pdf_render(invoices_data)
        for invoice, invoice_data in invoices_data.items():
            if AMZ_810 not in (invoice_data.get("extra_edis") or ()):
                continue
            author = self.env["res.users"].browse(invoice_data.get("author_user_id"))
            move = invoice.with_env(self.env)
            try:
                with self.env.cr.savepoint():
                    move._amz_send_810(author=author.exists() or self.env.user)
            except (UserError, AccessError) as error:
                invoice_data["error"] = {
                    "error_title": self.env._(
                        "The Amazon 810 for %(move)s did not go out:", move=move.name
                    ),
                    "errors": str(error.args[0] if error.args else error).split("\n"),
                }
        return None
