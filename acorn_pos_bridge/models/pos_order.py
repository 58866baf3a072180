"""Paid POS orders become channel facts when the POS saves them."""

import logging

from odoo import fields, models
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

_logger = logging.getLogger(__name__)


class PosOrder(models.Model):
    _inherit = "pos.order"

    def _process_saved_order(self, draft):
        # EXTENDS point_of_sale: after Odoo's own processing (payment, picking, cost),
        # the paid order's lines become channel facts.
        result = super()._process_saved_order(draft)
        if not draft:
            self._chain_record_facts_safely()
        return result

    def _chain_record_facts_safely(self):
        """Record the orders' facts; never blocks nor fails the cashier's sync.

        The facts are written under a savepoint: on any error they are rolled back
        alone, the error is logged and noted on the store, and the catch-up cron
        records them later. Concurrency errors are raised so that the RPC retries.
        """
        try:
            with self.env.cr.savepoint():
                self.env["acorn.channel.sale"].sudo()._chain_record_pos_orders(
                    self.sudo()
                )
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            raise
        except Exception as error:  # a fact must never fail a sale
            _logger.exception("Channel facts of POS orders %s not recorded", self.ids)
            self._chain_note_error(error)

    def _chain_note_error(self, error):
        """Note on the orders' stores why their sales were not recorded."""
        try:
            with self.env.cr.savepoint():
                stores = (
                    self.env["acorn.store"]
                    .sudo()
                    .search([("pos_config_id", "in", self.config_id.ids)])
                )
                stores.write(
                    {
                        "sync_error": self.env._(
                            "Orders %(orders)s: %(error)s",
                            orders=", ".join(self.mapped("name")),
                            error=error,
                        ),
                        "sync_error_date": fields.Datetime.now(),
                    }
                )
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            raise
        except Exception:  # the note is best effort
            _logger.exception("Sync error of POS orders %s not noted", self.ids)
