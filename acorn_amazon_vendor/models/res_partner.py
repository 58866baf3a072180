from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    amz_account_ids = fields.One2many(
        "acorn.vendor.account", "partner_id", string="Amazon Vendor Accounts"
    )

    @api.constrains("invoice_sending_method")
    def _check_amz_invoice_sending(self):
        """Amazon invoices go as 810s: an e-mailed PDF is a paper invoice."""
        accounts = (
            self.env["acorn.vendor.account"]
            .sudo()
            .search([("partner_id", "in", self.ids)])
        )
        for account in accounts:
            partner = account.partner_id.with_company(account.company_id)
            if partner.invoice_sending_method == "email":
                raise ValidationError(
                    self.env._(
                        "%(partner)s is Amazon on vendor account %(account)s: its "
                        "invoices travel by EDI, never by e-mail.",
                        partner=partner.display_name,
                        account=account.name,
                    )
                )
