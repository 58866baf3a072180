"""Warnings of received sets are kept on their messages (inbound tolerance policy,
docs/x12-core.md). Both files define the one model ``acorn.edi.interchange``.
"""

from odoo import models

from .acorn_edi_interchange import error_text


class AcornEdiInterchange(models.Model):
    _inherit = "acorn.edi.interchange"  # pylint: disable=consider-merging-classes-inherited

    def _amz_set_values(self, transaction, interchange, group, seen):
        """EXTENDS acorn_edi_interchange: adds the set's warnings (AK5 E)."""
        vals = super()._amz_set_values(transaction, interchange, group, seen)
        warnings = [e for e in transaction.errors if e.severity == "warning"]
        if warnings:
            vals["warning_message"] = error_text(self.filename, warnings)
        return vals
