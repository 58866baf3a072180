"""Fact fields the POS imports and Vendor Central reports write on channel sales.

Facts are written through ``_chain_write_facts``: one row per natural key
(company, source, ``source_ref``), so writing the same facts again updates them
instead of counting them twice.
"""

from odoo import api, fields, models

# Where a fact comes from.
FACT_SOURCES = [
    ("odoo_pos", "Odoo Point of Sale"),
    ("import", "External POS import"),
    ("amazon_delivery", "Amazon delivery"),
    ("amazon_report", "Vendor Central report"),
]


class AcornChannelSale(models.Model):
    """The fact fields of the channel report's contract used by the imports."""

    _inherit = "acorn.channel.sale"  # pylint: disable=consider-merging-classes-inherited

    revenue = fields.Monetary(string="Net Revenue", aggregator="sum")
    cost = fields.Monetary(aggregator="sum")
    is_refund = fields.Boolean(index=True)
    refunded_fact_id = fields.Many2one(
        "acorn.channel.sale", string="Refunded Sale", index=True, ondelete="set null"
    )
    source = fields.Selection(FACT_SOURCES, index=True)
    source_ref = fields.Char(
        string="Source Reference",
        index=True,
        help="Natural key of the fact in its source, unique per company and source.",
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        string="Vendor Account",
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    on_hand = fields.Float(
        digits="Product Unit of Measure",
        aggregator="sum",
        help="Sellable units Amazon held (inventory report rows).",
    )

    _sql_constraints = [
        (
            "source_ref_uniq",
            "unique(company_id, source, source_ref)",
            "This source already recorded a fact under this reference.",
        ),
    ]

    @api.model
    def _chain_write_facts(self, vals_list):
        """Creates or updates facts, one per (company, source, source_ref).

        Args:
            vals_list: fact values, each with ``company_id``, ``source`` and
                ``source_ref``; a key given twice keeps its last values.

        Returns:
            The facts, in the order of ``vals_list``.
        """
        by_key = {
            (vals["company_id"], vals["source"], vals["source_ref"]): vals
            for vals in vals_list
        }
        facts = {
            (fact.company_id.id, fact.source, fact.source_ref): fact
            for fact in self.search(
                [
                    ("company_id", "in", list({key[0] for key in by_key})),
                    ("source", "in", list({key[1] for key in by_key})),
                    ("source_ref", "in", list({key[2] for key in by_key})),
                ]
            )
        }
        for key, vals in by_key.items():
            if key in facts:
                facts[key].write(vals)
        missing = [key for key in by_key if key not in facts]
        created = self.create([by_key[key] for key in missing])
        facts.update(zip(missing, created, strict=True))
        return self.browse(
            [
                facts[(v["company_id"], v["source"], v["source_ref"])].id
                for v in vals_list
            ]
        )
