from odoo import api, fields, models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    _inherit = "stock.picking"

    amz_account_id = fields.Many2one(
        related="sale_id.amz_account_id", string="Amazon Account", store=True
    )
    amz_po_number = fields.Char(related="sale_id.amz_po_number", string="Amazon PO")
    amz_fc_code = fields.Char(related="sale_id.amz_fc_code", string="Ship-to FC")
    amz_shipment_id = fields.Many2one(
        "acorn.amz.shipment",
        string="Amazon Shipment",
        index=True,
        copy=False,
        check_company=True,
        help="The physical shipment (one 856 ASN) this delivery leaves with.",
    )
    amz_asn_state = fields.Selection(
        related="amz_shipment_id.asn_state", string="ASN Status"
    )
    amz_package_ids = fields.Many2many(
        "stock.quant.package",
        string="Cartons (SSCC)",
        compute="_compute_amz_package_ids",
    )

    @api.depends("move_line_ids.result_package_id")
    def _compute_amz_package_ids(self):
        for picking in self:
            picking.amz_package_ids = picking._amz_move_lines().result_package_id

    def _amz_is_shippable(self):
        """Outgoing deliveries of an Amazon PO."""
        return self.filtered(
            lambda p: p.amz_account_id and p.picking_type_code == "outgoing"
        )

    def _amz_move_lines(self):
        """What these deliveries ship (or will ship): done lines once done."""
        lines = self.env["stock.move.line"]
        for picking in self:
            mine = picking.move_line_ids.filtered(lambda ml: ml.quantity > 0)
            if picking.state == "done":
                mine = mine.filtered(lambda ml: ml.state == "done")
            lines |= mine
        return lines

    def _amz_shipment_group(self):
        """The deliveries that leave together with this one (one ASN, one FC)."""
        self.ensure_one()
        if self.amz_shipment_id:
            return self.amz_shipment_id.picking_ids
        group = self.batch_id.picking_ids if self.batch_id else self
        return group._amz_is_shippable().filtered(
            lambda p: (
                p.state != "cancel"
                and p.amz_account_id == self.amz_account_id
                and p.amz_fc_code == self.amz_fc_code
                and not p.amz_shipment_id
            )
        )

    def _put_in_pack(self, move_line_ids):
        # EXTENDS stock: a carton of an Amazon delivery is named by its SSCC-18.
        package = super()._put_in_pack(move_line_ids)
        account = self._amz_is_shippable().amz_account_id
        if len(account) == 1 and account.amz_gs1_prefix:
            package._amz_assign_sscc(account)
        return package

    def _action_done(self):
        # EXTENDS stock: deliveries that left become (part of) an Amazon shipment.
        result = super()._action_done()
        done = self._amz_is_shippable().filtered(lambda p: p.state == "done")
        if done:
            self.env["acorn.amz.shipment"].sudo()._amz_ship_pickings(done.sudo())
        return result

    def action_amz_assign_sscc(self):
        for picking in self._amz_is_shippable():
            picking._amz_move_lines().result_package_id._amz_assign_sscc(
                picking.amz_account_id
            )
        return True

    def action_amz_print_labels(self):
        packages = self._amz_move_lines().result_package_id
        if not packages:
            raise UserError(
                self.env._("Put the goods in packs first: each carton gets a label.")
            )
        return packages.action_amz_print_label()

    def action_amz_open_shipment(self):
        self.ensure_one()
        shipment = self.amz_shipment_id
        if not shipment:
            shipment = self.env["acorn.amz.shipment"]._amz_create_for(
                self._amz_shipment_group()
            )
        return shipment._get_records_action()
