"""Importing a received 820: one remittance per set, matched, and booked at once
when the account's policy says so (FACTS §7). The same 820 twice books once.

Kept apart from the message's fields (acorn_edi_message.py) and its flow
(acorn_edi_message_flow.py); all define the one model ``acorn.edi.message``.
"""

from odoo import models

from ..x12.remittances import parse_820


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    def _amz_process_820(self, transaction, header):
        """Reads one 820 into an ``acorn.amz.remittance`` (IMPORTERS["820"])."""
        self.ensure_one()
        document = parse_820(transaction)
        Remittance = self.env["acorn.amz.remittance"].sudo()
        earlier = Remittance.search(
            [
                ("account_id", "=", self.account_id.id),
                ("trace_number", "=", document.trace_number),
            ],
            limit=1,
        )
        if earlier:
            self._amz_820_seen(earlier)
            return
        self.account_id.sudo()._amz_remittance_defaults()
        remittance = Remittance._amz_create_from_820(self.sudo(), document)
        self.sudo().write({"res_model": remittance._name, "res_id": remittance.id})
        if self.account_id.auto_post_remittances and remittance.state == "matched":
            remittance._amz_book_safely()
        self._set_state("in_processed")

    def _amz_820_seen(self, earlier):
        """A trace number met again: the same content is a duplicate, other content
        goes to review; neither is booked a second time."""
        self.sudo().write({"res_model": earlier._name, "res_id": earlier.id})
        if earlier.content_digest and earlier.content_digest == self.content_digest:
            self._set_state(
                "in_duplicate",
                self.env._(
                    "Remittance %(name)s (trace %(trace)s) was already received: "
                    "booked once.",
                    name=earlier.name,
                    trace=earlier.trace_number,
                ),
            )
            return
        self._set_state(
            "in_review",
            self.env._(
                "Trace number %(trace)s was already received with other content "
                "(remittance %(name)s): not booked again. Compare both files.",
                trace=earlier.trace_number,
                name=earlier.name,
            ),
        )
