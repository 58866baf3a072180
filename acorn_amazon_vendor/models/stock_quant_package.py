from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.barcode import check_barcode_encoding


class StockQuantPackage(models.Model):
    _inherit = "stock.quant.package"

    amz_pallet_id = fields.Many2one(
        "acorn.amz.pallet",
        string="Amazon Pallet",
        index=True,
        ondelete="set null",
        help="The pallet this carton travels on (856 HL T above its HL P).",
    )
    amz_loose_on_pallet = fields.Boolean(
        string="Loose on Pallet",
        help="The goods of this package sit on the pallet without a carton: the "
        "856 lists them under the pallet (S/O/T/I) and no carton label is printed.",
    )
    amz_is_sscc = fields.Boolean(
        string="Valid SSCC", compute="_compute_amz_is_sscc", help="Name is an SSCC-18."
    )
    amz_label_digest = fields.Char(readonly=True, copy=False)

    @api.depends("name")
    def _compute_amz_is_sscc(self):
        for package in self:
            package.amz_is_sscc = check_barcode_encoding(package.name or "", "sscc")

    def _amz_pickings(self):
        """The deliveries that put goods in these packages."""
        lines = self.env["stock.move.line"].search(
            [
                ("result_package_id", "in", self.ids),
                ("picking_id.state", "!=", "cancel"),
                ("picking_id.picking_type_code", "=", "outgoing"),
            ]
        )
        return lines.picking_id

    def _amz_assign_sscc(self, account):
        """Names the packages that are not SSCC-18 yet with the account's next SSCC."""
        for package in self.filtered(lambda p: not p.amz_is_sscc):
            if package.amz_loose_on_pallet:
                continue
            package.name = account._amz_next_sscc()

    def action_amz_print_label(self):
        cartons = self.filtered(lambda p: not p.amz_loose_on_pallet)
        if not cartons:
            raise UserError(self.env._("Loose goods on a pallet get no carton label."))
        return self.env.ref(
            "acorn_amazon_vendor.action_report_amz_carton_label"
        ).report_action(cartons)
