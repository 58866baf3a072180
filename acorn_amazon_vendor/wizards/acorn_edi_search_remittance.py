"""The remittance steps of the reference search: the 820 and its lines.

A trace number (TRN02) or an RMR reference finds the remittance and its lines; an
invoice in the chain brings the remittance lines that paid it, and each line its
remittance and the 820 message it came in.
"""

from odoo import models


class AcornEdiSearch(models.TransientModel):
    _inherit = "acorn.edi.search"  # pylint: disable=consider-merging-classes-inherited

    def _chain_find(self, query):
        # EXTENDS acorn_amazon_vendor (acorn_edi_search.py)
        found = super()._chain_find(query)
        sources = {
            "acorn.amz.remittance": [("trace_number", "=ilike", query)],
            "acorn.amz.remittance.line": [("reference", "=ilike", query)],
        }
        for model, domain in sources.items():
            if self._chain_readable(model):
                found[model] = self.env[model].search(domain, limit=200)
        return found

    def _chain_neighbours(self, model_name, records):
        # EXTENDS acorn_amazon_vendor (acorn_edi_search.py)
        neighbours = super()._chain_neighbours(model_name, records)
        if model_name == "account.move":
            return [*neighbours, records.amz_remittance_line_ids]
        if model_name == "acorn.amz.remittance.line":
            return [*neighbours, records.remittance_id, records.move_id]
        if model_name == "acorn.amz.remittance":
            return [*neighbours, records.message_id, records.line_ids]
        return neighbours

    def _chain_steps(self):
        # EXTENDS acorn_amazon_vendor (acorn_edi_search.py)
        return super()._chain_steps() | {
            "acorn.amz.remittance": (95, self.env._("Remittance")),
            "acorn.amz.remittance.line": (96, self.env._("Remittance line")),
        }
