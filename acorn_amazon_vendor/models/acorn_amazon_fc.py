from odoo import api, fields, models

# N1*ST*...*92*<code> names the Amazon fulfilment centre a PO ships to
# (FACTS §3.2 N1: N103 92 assigned by buyer, N104 the FC code).


class AcornAmazonFc(models.Model):
    """An Amazon fulfilment centre code and the delivery address it stands for."""

    _name = "acorn.amazon.fc"
    _description = "Amazon Fulfilment Centre"
    _order = "code"
    _rec_name = "code"
    _check_company_auto = True

    account_id = fields.Many2one(
        "acorn.vendor.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    code = fields.Char(required=True, help="N104 of the PO's ship-to, e.g. ABE2.")
    partner_id = fields.Many2one(
        "res.partner",
        string="Delivery Address",
        required=True,
        check_company=True,
        help="The address delivery orders for this FC ship to.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "account_code_uniq",
            "unique(account_id, code)",
            "Each FC code appears once per account.",
        ),
    ]

    @api.depends("code", "partner_id")
    def _compute_display_name(self):
        for fc in self:
            fc.display_name = f"{fc.code} - {fc.partner_id.name or ''}".strip(" -")
