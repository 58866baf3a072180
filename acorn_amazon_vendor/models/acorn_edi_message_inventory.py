"""The 846 side of an EDI message: the inventory advice it carries."""

from odoo import fields, models


class AcornEdiMessage(models.Model):
    _inherit = "acorn.edi.message"  # pylint: disable=consider-merging-classes-inherited

    inventory_advice_id = fields.Many2one(
        "acorn.amz.inventory.advice",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
