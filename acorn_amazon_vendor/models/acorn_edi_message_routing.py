"""Refused sets stay refused: a set of a file not addressed to its account is never
sent back to processing. Both files define the one model ``acorn.edi.message``.
"""

from odoo import models
from odoo.exceptions import UserError


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    def action_retry(self):
        """EXTENDS acorn_edi_message: refuses to retry sets of a refused file."""
        refused = self.filtered(
            lambda m: (
                m.direction == "inbound"
                and m.interchange_id.refused
                and m.state == "in_error"
            )
        )
        if refused:
            raise UserError(
                self.env._(
                    "%(names)s belong to a file that is not addressed to this "
                    "account (see the file's routing note): it cannot be processed "
                    "here. Have it sent to the right receiver instead.",
                    names=", ".join(refused.mapped("display_name")),
                )
            )
        return super().action_retry()
