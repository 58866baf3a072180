"""Done deliveries of Amazon orders become channel facts."""

import logging

from odoo import models
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        # EXTENDS stock: a shipped (or returned) Amazon order becomes channel facts.
        result = super()._action_done()
        self._chain_record_facts_safely()
        return result

    def _chain_record_facts_safely(self):
        """Record the Amazon facts of these pickings; never blocks a validation.

        On error the facts are rolled back alone and the catch-up cron records them.
        """
        facts = self.env["acorn.channel.sale"].sudo()
        pickings = facts._chain_amazon_pickings(self.sudo())
        if not pickings:
            return
        try:
            with self.env.cr.savepoint():
                facts._chain_record_amazon_pickings(pickings)
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            raise
        except Exception:  # a fact must never fail a delivery
            _logger.exception("Channel facts of pickings %s not recorded", pickings.ids)
