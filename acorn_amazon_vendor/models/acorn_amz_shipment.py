"""One physical shipment to one Amazon FC: what leaves together, one 856 ASN.

Fields, states, creation from deliveries and the deadline. Each feature extends
``acorn.amz.shipment`` in a file of its own: the 856 and its status in
acorn_amz_shipment_asn.py, its checks in acorn_amz_shipment_check.py, the SSCC
labels in acorn_amz_shipment_label.py.
"""

from datetime import datetime, time, timedelta

from odoo import api, fields, models

# Where the shipment stands physically.
STATES = [
    ("draft", "Preparing"),
    ("shipped", "Shipped"),
    ("cancel", "Cancelled"),
]
# TD504 transportation method codes (X12 element 91) offered for Amazon freight.
TRANSPORT_METHODS = [
    ("M", "Motor (LTL / truckload)"),
    ("U", "Parcel (small parcel carrier)"),
    ("A", "Air"),
]
# Shipments checked per run of the deadline cron.
CRON_BATCH = 500


class AcornAmzShipment(models.Model):
    """See the module docstring."""

    _name = "acorn.amz.shipment"
    _description = "Amazon Shipment (ASN)"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="ASN Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index=True,
        help="856 BSN02: unique per account over 365 days.",
    )
    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, index=True
    )
    fc_code = fields.Char(string="Ship-to FC", required=True)
    partner_id = fields.Many2one("res.partner", string="Ship To (FC)")
    picking_ids = fields.One2many(
        "stock.picking", "amz_shipment_id", string="Deliveries"
    )
    batch_id = fields.Many2one(
        "stock.picking.batch", string="Batch Transfer", check_company=True
    )
    pallet_ids = fields.One2many("acorn.amz.pallet", "shipment_id", string="Pallets")
    package_ids = fields.Many2many(
        "stock.quant.package", string="Cartons", compute="_compute_freight_counts"
    )
    carton_count = fields.Integer(compute="_compute_freight_counts")
    pallet_count = fields.Integer(compute="_compute_freight_counts")
    po_numbers = fields.Char(string="POs", compute="_compute_po_numbers", store=True)
    carrier_id = fields.Many2one("delivery.carrier", tracking=True, check_company=True)
    scac = fields.Char(
        string="SCAC",
        compute="_compute_scac",
        store=True,
        readonly=False,
        tracking=True,
        help="856 TD503; defaults to the carrier's.",
    )
    transport_method = fields.Selection(
        TRANSPORT_METHODS, required=True, default="M", help="856 TD504."
    )
    bill_of_lading = fields.Char(string="BOL Number", tracking=True, help="REF*BM.")
    pro_number = fields.Char(
        string="PRO / Tracking Number", tracking=True, help="REF*CN."
    )
    arn = fields.Char(
        string="Amazon Reference (ARN)", help="Appointment reference, REF*AO."
    )
    ship_date = fields.Datetime(tracking=True, help="DTM*011.")
    estimated_delivery = fields.Date(tracking=True, help="DTM*017.")
    weight = fields.Float(string="Gross Weight (lb)", digits="Stock Weight")
    asn_due = fields.Datetime(
        string="856 Due",
        compute="_compute_asn_due",
        store=True,
        help="Before the freight arrives, and within the account's target after "
        "shipping, whichever comes first.",
    )
    asn_late = fields.Boolean(string="Late ASN", readonly=True, copy=False, index=True)
    asn_escalated = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = [
        (
            "name_account_uniq",
            "unique(account_id, name)",
            "An ASN number is used once per account.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "acorn.amz.shipment"
                )
        return super().create(vals_list)

    @api.depends("picking_ids.sale_id.amz_po_number")
    def _compute_po_numbers(self):
        for shipment in self:
            numbers = shipment.picking_ids.sale_id.mapped("amz_po_number")
            shipment.po_numbers = ", ".join(sorted(set(filter(None, numbers))))

    @api.depends("carrier_id.amz_scac")
    def _compute_scac(self):
        for shipment in self:
            shipment.scac = shipment.carrier_id.amz_scac or shipment.scac

    @api.depends("picking_ids.move_line_ids.result_package_id", "pallet_ids")
    def _compute_freight_counts(self):
        for shipment in self:
            packages = shipment.picking_ids._amz_move_lines().result_package_id
            shipment.package_ids = packages
            shipment.carton_count = len(
                packages.filtered(lambda p: not p.amz_loose_on_pallet)
            )
            shipment.pallet_count = len(packages.amz_pallet_id | shipment.pallet_ids)

    @api.depends("ship_date", "estimated_delivery", "account_id.amz_asn_target_hours")
    def _compute_asn_due(self):
        for shipment in self:
            candidates = []
            if shipment.ship_date:
                hours = shipment.account_id.amz_asn_target_hours
                candidates.append(shipment.ship_date + timedelta(hours=hours))
            if shipment.estimated_delivery:
                candidates.append(datetime.combine(shipment.estimated_delivery, time()))
            shipment.asn_due = min(candidates) if candidates else False

    # Creation from deliveries ------------------------------------------------------

    @api.model
    def _amz_create_for(self, pickings):
        """Creates the shipment of deliveries that leave together (one account, FC)."""
        first = pickings[:1]
        account = first.amz_account_id
        carrier = pickings.carrier_id[:1] or account.amz_default_carrier_id
        tracking = sorted(set(filter(None, pickings.mapped("carrier_tracking_ref"))))
        fc = account.fc_ids.filtered(lambda f: f.code == first.amz_fc_code)[:1]
        shipment = self.create(
            {
                "account_id": account.id,
                "fc_code": first.amz_fc_code or "",
                "partner_id": (fc.partner_id or first.partner_id).id,
                "batch_id": first.batch_id.id if len(pickings.batch_id) == 1 else False,
                "carrier_id": carrier.id,
                "pro_number": ", ".join(tracking) or False,
                "weight": sum(pickings.mapped("shipping_weight"))
                or sum(pickings.mapped("weight")),
                "transport_method": "U" if tracking else "M",
            }
        )
        pickings.amz_shipment_id = shipment
        pallets = pickings._amz_move_lines().result_package_id.amz_pallet_id
        pallets.filtered(lambda p: not p.shipment_id).shipment_id = shipment
        shipment.message_post(
            body=self.env._(
                "Shipment of %(pickings)s to %(fc)s.",
                pickings=", ".join(pickings.mapped("name")),
                fc=shipment.fc_code,
            )
        )
        return shipment

    @api.model
    def _amz_ship_pickings(self, pickings):
        """Deliveries just validated: their shipments are shipped once complete."""
        todo = pickings.filtered(lambda p: not p.amz_shipment_id)
        while todo:
            group = todo[0]._amz_shipment_group().filtered(lambda p: p.state == "done")
            self._amz_create_for(group | todo[0])
            todo -= group | todo[0]
        for shipment in pickings.amz_shipment_id:
            if shipment.state == "draft" and all(
                p.state in ("done", "cancel") for p in shipment.picking_ids
            ):
                shipment._amz_mark_shipped()

    def _amz_mark_shipped(self):
        """The freight left: dates, then the 856 by the account's policy."""
        for shipment in self:
            shipment.write(
                {
                    "state": "shipped",
                    "ship_date": shipment.ship_date or fields.Datetime.now(),
                }
            )
            if shipment.account_id.auto_send_856:
                shipment._amz_try_send_856()

    def action_cancel(self):
        for shipment in self:
            if shipment.asn_message_ids:
                shipment._amz_refuse_after_856()
            shipment.picking_ids.amz_shipment_id = False
            shipment.state = "cancel"
        return True

    # Deadline ----------------------------------------------------------------------

    @api.model
    def _cron_amz_asn_deadlines(self):
        """Flags shipped shipments whose 856 is overdue; one activity each."""
        now = fields.Datetime.now()
        late = self.sudo().search(
            [
                ("state", "=", "shipped"),
                ("asn_state", "in", ("to_send", "blocked", "rejected", "error")),
                ("asn_due", "<=", now),
                ("asn_escalated", "=", False),
            ],
            order="asn_due",
            limit=CRON_BATCH,
        )
        for shipment in late:
            shipment.activity_schedule(
                "acorn_amazon_vendor.mail_activity_amz_asn_late",
                summary=self.env._("856 late for %(asn)s", asn=shipment.name),
                note=self.env._(
                    "The ASN was due %(due)s (UTC) and has not gone out: %(why)s",
                    due=shipment.asn_due,
                    why=shipment.asn_block_reason or self.env._("not sent yet."),
                ),
                user_id=shipment.account_id.user_id.id or self.env.uid,
            )
        late.write({"asn_late": True, "asn_escalated": True})
        self.env["ir.cron"]._notify_progress(done=len(late), remaining=0)

    def action_view_pickings(self):
        self.ensure_one()
        return self.picking_ids._get_records_action(name=self.env._("Deliveries"))
