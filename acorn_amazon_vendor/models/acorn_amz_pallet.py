from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.barcode import check_barcode_encoding


class AcornAmzPallet(models.Model):
    """A pallet (856 tare, HL T) grouping cartons, labelled with its own SSCC-18.

    Odoo 18 packages don't nest, so the cartons (``stock.quant.package``) point
    here. A package marked "loose on pallet" stands for goods stacked on the
    pallet without cartons (S/O/T/I).
    """

    _name = "acorn.amz.pallet"
    _description = "Amazon Pallet"
    _order = "id"
    _check_company_auto = True

    name = fields.Char(
        string="SSCC",
        required=True,
        copy=False,
        readonly=True,
        index=True,
        default=lambda self: self._amz_default_sscc(),
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self._amz_default_account(),
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    shipment_id = fields.Many2one(
        "acorn.amz.shipment", index=True, check_company=True, ondelete="set null"
    )
    package_ids = fields.One2many(
        "stock.quant.package", "amz_pallet_id", string="Cartons"
    )
    carton_count = fields.Integer(compute="_compute_carton_count")
    label_digest = fields.Char(readonly=True, copy=False)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An SSCC labels one pallet only."),
    ]

    @api.model
    def _amz_default_account(self):
        shipment = self.env["acorn.amz.shipment"].browse(
            self.env.context.get("default_shipment_id")
        )
        return shipment.account_id if shipment.exists() else False

    @api.model
    def _amz_default_sscc(self):
        account = (
            self.env["acorn.vendor.account"].browse(
                self.env.context.get("default_account_id")
            )
            or self._amz_default_account()
        )
        return account._amz_next_sscc() if account else False

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") and vals.get("account_id"):
                account = self.env["acorn.vendor.account"].browse(vals["account_id"])
                vals["name"] = account._amz_next_sscc()
        return super().create(vals_list)

    @api.constrains("name")
    def _check_sscc(self):
        for pallet in self:
            if not check_barcode_encoding(pallet.name or "", "sscc"):
                raise ValidationError(
                    self.env._(
                        "%(name)s is not an SSCC-18 with a valid check digit.",
                        name=pallet.name,
                    )
                )

    @api.depends("package_ids")
    def _compute_carton_count(self):
        for pallet in self:
            pallet.carton_count = len(
                pallet.package_ids.filtered(lambda p: not p.amz_loose_on_pallet)
            )

    def _amz_pickings(self):
        """The deliveries whose goods sit on these pallets."""
        lines = self.env["stock.move.line"].search(
            [
                ("result_package_id.amz_pallet_id", "in", self.ids),
                ("picking_id.state", "!=", "cancel"),
            ]
        )
        return lines.picking_id

    def action_print_label(self):
        return self.env.ref(
            "acorn_amazon_vendor.action_report_amz_pallet_label"
        ).report_action(self)
