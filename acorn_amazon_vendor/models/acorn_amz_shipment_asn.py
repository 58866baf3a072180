"""The 856 ASN of a shipment: records -> ``_amz_prepare_856()`` (dataclass) ->
``x12.build_856()``; ``_amz_check_856()`` returns ``{key: message}``.

Amazon's rules (FACTS §5): one ASN per physical shipment, before it arrives;
one SSCC per carton, equal to MAN*GM and to its label; the structure matches the
freight (S/O/P/I, S/O/T/P/I, S/O/T/I); no ASN against an unacknowledged or closed
PO; expiry dates of dated goods. Sent once: a resend is a manager's replacement.
"""

import functools
import logging

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools.freight import Freight, by_name, item_groups
from ..x12 import (
    Pack,
    Party,
    ProductId,
    Shipment,
    ShipmentItem,
    ShipmentOrder,
    Tare,
    to_decimal,
)
from .acorn_edi_document_mixin import FAILED_MESSAGE_STATES, OUTBOUND_STATES

_logger = logging.getLogger(__name__)

# Where its 856 stands: its own states before any 856, then the outbound states of
# its latest 856.
ASN_STATES = [
    ("none", "Not shipped yet"),
    ("blocked", "Blocked"),
    ("to_send", "To send"),
] + OUTBOUND_STATES
# BSN01 transaction set purpose (X12 element 353): 00 original, 05 replace.
PURPOSE_ORIGINAL, PURPOSE_REPLACE = "00", "05"


class AcornAmzShipment(models.Model):
    _name = "acorn.amz.shipment"
    _inherit = ["acorn.amz.shipment", "acorn.edi.document.mixin"]  # pylint: disable=consider-merging-classes-inherited

    asn_message_ids = fields.One2many(
        "acorn.edi.message", "amz_shipment_id", string="856 Messages"
    )
    asn_state = fields.Selection(
        ASN_STATES,
        string="ASN Status",
        compute="_compute_asn_state",
        store=True,
        index=True,
        tracking=True,
    )
    asn_block_reason = fields.Text(string="Why Blocked", readonly=True, copy=False)
    asn_sent_date = fields.Datetime(string="856 Generated", readonly=True, copy=False)

    @api.depends("state", "asn_block_reason", "asn_message_ids.state")
    def _compute_asn_state(self):
        for shipment in self:
            state = shipment._amz_outbound_state(shipment.asn_message_ids)
            if not state and shipment.state != "shipped":
                state = "none"
            elif not state:
                state = "blocked" if shipment.asn_block_reason else "to_send"
            shipment.asn_state = state

    def _amz_freight(self):
        self.ensure_one()
        return Freight.of(self.picking_ids._amz_move_lines())

    # Prepare -------------------------------------------------------------------

    def _amz_prepare_856(self, purpose=PURPOSE_ORIGINAL):
        """Returns the x12 Shipment for this shipment's freight as it left."""
        self.ensure_one()
        now = fields.Datetime.now()
        orders = tuple(
            self._amz_prepare_order(order, node)
            for order, node in self._amz_freight().sorted_orders()
        )
        return Shipment(
            shipment_id=self.name,
            date=now.date(),
            time=now.strftime("%H%M"),
            orders=orders,
            purpose=purpose,
            shipped_date=self.ship_date.date() if self.ship_date else None,
            estimated_delivery=self.estimated_delivery or None,
            scac=(self.scac or "").upper(),
            transport_method=self.transport_method,
            bill_of_lading=self.bill_of_lading or "",
            pro_number=self.pro_number or "",
            arn=self.arn or "",
            weight=self._amz_weight(),
            ship_from=self._amz_ship_from(),
            ship_to=Party("ST", self.partner_id.name or "", "92", self.fc_code),
        )

    def _amz_weight(self):
        return to_decimal(self.weight) if self.weight else None

    def _amz_ship_from(self):
        partner = (
            self.picking_ids.picking_type_id.warehouse_id.partner_id[:1]
            or self.company_id.partner_id
        )
        return Party(
            "SF",
            partner.name or "",
            "",
            "",
            address=tuple(filter(None, (partner.street, partner.street2))),
            city=partner.city or "",
            state=partner.state_id.code or "",
            postal_code=partner.zip or "",
            country=partner.country_id.code or "",
        )

    def _amz_prepare_order(self, order, node):
        tares = tuple(
            Tare(
                pallet.name,
                packs=tuple(
                    Pack(package.name, self._amz_prepare_items(lines))
                    for package, lines in by_name(tare.packs)
                ),
                items=self._amz_prepare_items(tare.items),
            )
            for pallet, tare in by_name(node.tares)
        )
        packs = tuple(
            Pack(package.name, self._amz_prepare_items(lines))
            for package, lines in by_name(node.packs)
        )
        return ShipmentOrder(
            po_number=order.amz_po_number or order.name,
            po_date=order.amz_po_date or None,
            tares=tares,
            packs=packs,
            items=self._amz_prepare_items(node.items),
        )

    def _amz_prepare_items(self, lines):
        items = []
        for sale_line, lot, quantity in item_groups(lines):
            expiry = lot.expiration_date if lot else False
            items.append(
                ShipmentItem(
                    product_ids=tuple(
                        ProductId(qualifier, value)
                        for qualifier, value in sale_line._amz_product_pairs()
                    ),
                    quantity=quantity,
                    uom=sale_line.amz_uom or "EA",
                    line_number=sale_line.amz_line_number or "",
                    lot=lot.name or "",
                    expiry=expiry.date() if expiry else None,
                )
            )
        return tuple(items)

    # Send ----------------------------------------------------------------------

    def action_amz_send_856(self):
        """Button: check, build, archive and send the ASN (once)."""
        for shipment in self:
            shipment._amz_send_856()
        return True

    def action_amz_resend_856(self):
        """Manager's button: send the ASN again as a replacement (BSN01 = 05)."""
        if not self.env.user.has_group(
            "acorn_amazon_vendor.group_amazon_vendor_manager"
        ):
            raise AccessError(self.env._("Only Amazon Vendor administrators resend."))
        for shipment in self:
            if not shipment.asn_message_ids:
                raise UserError(
                    self.env._("%(asn)s was never sent.", asn=shipment.name)
                )
            shipment._amz_send_856(purpose=PURPOSE_REPLACE)
        return True

    def _amz_try_send_856(self):
        """Policy send at shipping: a blocked ASN keeps its reason and an activity."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                self._amz_send_856()
        except UserError as error:
            reason = error.args[0] if error.args else str(error)
            self.asn_block_reason = reason
            self.activity_schedule(
                "acorn_amazon_vendor.mail_activity_amz_asn_blocked",
                summary=self.env._("856 blocked for %(asn)s", asn=self.name),
                note=reason,
                user_id=self.account_id.user_id.id or self.env.uid,
            )
            self.message_post(body=reason)

    def _amz_send_856(self, purpose=PURPOSE_ORIGINAL):
        self.ensure_one()
        self._amz_lock()
        if purpose == PURPOSE_ORIGINAL:
            self._amz_refuse_after_856()
        message = self._amz_edi_send(
            "856",
            self._amz_check_856(),
            functools.partial(self._amz_prepare_856, purpose),
            self._amz_856_values,
        )
        self._amz_record_sent(message, purpose)
        return message

    def _amz_edi_account(self):
        return self.account_id

    def _amz_856_values(self, _shipment):
        orders = self.picking_ids.sale_id
        return {
            "shipment_number": self.name,
            "amz_shipment_id": self.id,
            "sale_order_id": orders.id if len(orders) == 1 else False,
        }

    def _amz_lock(self):
        """Row-locks the shipment so two users can't send its ASN at once."""
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM acorn_amz_shipment WHERE id = %s FOR UPDATE NOWAIT",
                    self.id,
                )
            )
        except pg_errors.LockNotAvailable as error:
            raise UserError(
                self.env._("The 856 of %(asn)s is being sent right now.", asn=self.name)
            ) from error

    def _amz_refuse_after_856(self):
        """Nothing goes out twice by accident."""
        sent = self.asn_message_ids.filtered(
            lambda m: m.state not in FAILED_MESSAGE_STATES
        )
        if sent:
            raise UserError(
                self.env._(
                    "The 856 of %(asn)s was already generated as %(message)s: a "
                    "resend is an administrator's replacement.",
                    asn=self.name,
                    message=sent[:1].name,
                )
            )

    def _amz_record_sent(self, message, purpose):
        now = fields.Datetime.now()
        self.write(
            {
                "asn_block_reason": False,
                "asn_sent_date": self.asn_sent_date or now,
                "asn_late": self.asn_late or bool(self.asn_due and now > self.asn_due),
            }
        )
        self.activity_feedback(
            [
                "acorn_amazon_vendor.mail_activity_amz_asn_blocked",
                "acorn_amazon_vendor.mail_activity_amz_asn_late",
            ]
        )
        details = self.env._(
            ": %(cartons)s carton(s), %(pallets)s pallet(s), POs %(pos)s.",
            cartons=self.carton_count,
            pallets=self.pallet_count,
            pos=self.po_numbers or "-",
        )
        if purpose != PURPOSE_ORIGINAL:
            details = self.env._(" as a replacement") + details
        self._amz_edi_log_sent(message, details)
        for picking in self.picking_ids:
            picking.message_post(
                body=self.env._(
                    "ASN %(asn)s generated (%(message)s).",
                    asn=self.name,
                    message=message.name,
                )
            )
