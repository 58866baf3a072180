"""How a vendor account takes in big files: batch size and quarantine threshold.

A received file is archived, read, then processed in batches of sets that each
commit (see acorn_edi_interchange_intake.py); these two settings size that work.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Sets per batch by default: a 20-line 850 takes about 0.1 s to import on two cores,
# so a batch of 50 stays near 5 s, well under Odoo's 120 s worker time limit.
DEFAULT_BATCH = 50
# Failed or interrupted attempts before a file is set aside.
DEFAULT_QUARANTINE_AFTER = 3


class AcornVendorAccount(models.Model):
    _inherit = "acorn.vendor.account"  # pylint: disable=consider-merging-classes-inherited

    intake_batch_size = fields.Integer(
        string="Sets per Batch",
        default=DEFAULT_BATCH,
        help="Transaction sets of a received file processed, and committed, "
        "together. After a failed or interrupted batch the next attempt takes half "
        "as many.",
    )
    quarantine_after = fields.Integer(
        string="Quarantine after (attempts)",
        default=DEFAULT_QUARANTINE_AFTER,
        help="A file whose processing fails or is interrupted this many times in a "
        "row is set aside, with its reason and an activity for the EDI responsible; "
        "the files behind it keep flowing.",
    )

    @api.constrains("intake_batch_size", "quarantine_after")
    def _check_intake_numbers(self):
        for account in self:
            if account.intake_batch_size < 1 or account.quarantine_after < 1:
                raise ValidationError(
                    self.env._(
                        "A batch holds at least one set and a file is quarantined "
                        "after at least one attempt."
                    )
                )
