from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# ISA05/ISA07 interchange ID qualifiers (X12 ISA segment, element I05).
ISA_QUALIFIERS = [
    ("01", "01 - DUNS"),
    ("08", "08 - UCC EDI Communications ID"),
    ("12", "12 - Phone number"),
    ("14", "14 - DUNS with suffix"),
    ("ZZ", "ZZ - Mutually defined"),
]

# Amazon retail marketplaces an X12 vendor account trades with (FACTS §2.1 gives
# the US interchange IDs; those of the other marketplaces are open, FACTS §12).
MARKETPLACES = [
    ("US", "United States"),
    ("CA", "Canada"),
    ("MX", "Mexico"),
]

# ISA15 usage indicator: T test, P production (X12 ISA segment, element I14).
ENVIRONMENTS = [
    ("test", "Test (ISA15 = T)"),
    ("production", "Production (ISA15 = P)"),
]

# Control-number sequences of each account: field name -> (ISA13, GS06, ST02).
SEQUENCE_FIELDS = {
    "isa_sequence_id": ("ISA13", 9),
    "gs_sequence_id": ("GS06", 9),
    "st_sequence_id": ("ST02", 4),
}


class AcornVendorAccount(models.Model):
    """One Amazon Vendor Central trading relationship over EDI."""

    _name = "acorn.vendor.account"
    _description = "Amazon Vendor Account"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    vendor_code = fields.Char(
        required=True,
        tracking=True,
        help="Vendor code Amazon assigned to this account in Vendor Central.",
    )
    other_vendor_codes = fields.Char(
        help="Further vendor codes traded through the same EDI identifiers, "
        "separated by commas.",
    )
    marketplace = fields.Selection(MARKETPLACES, required=True, default="US")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Amazon (customer)",
        required=True,
        check_company=True,
        tracking=True,
        help="The Amazon entity invoiced for this account's orders. Its invoices "
        "are never e-mailed: a PDF invoice is a 'paper invoice' chargeback.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="EDI Responsible",
        default=lambda self: self.env.user,
        help="Gets the activities: orders to review, acknowledgments close to "
        "their deadline, files without a 997.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        check_company=True,
        help="Our prices, compared with the cost Amazon sends on each PO line.",
    )
    price_tolerance = fields.Float(
        string="Price Tolerance (%)",
        default=1.0,
        help="A PO line whose cost differs from our price by more than this "
        "goes to review.",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term", string="Payment Terms", check_company=True
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        check_company=True,
        help="Warehouse that ships this account's orders.",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", check_company=True)
    environment = fields.Selection(
        ENVIRONMENTS,
        required=True,
        default="test",
        tracking=True,
        help="Default usage indicator; each message type can go live on its own "
        "date (EDI Messages tab).",
    )
    document_setting_ids = fields.One2many(
        "acorn.vendor.account.document", "account_id", string="Message Types"
    )
    parallel_run = fields.Boolean(
        tracking=True,
        help="Generate and archive every outbound document, send nothing: "
        "messages stay 'Held (parallel run)'. Use it while the old system still "
        "trades with Amazon.",
    )
    auto_confirm_orders = fields.Boolean(
        help="Confirm a sale order as soon as its PO is imported without a "
        "reason for review."
    )
    auto_send_855 = fields.Boolean(
        string="Send 855 Automatically",
        help="Send the acknowledgment as soon as a PO is imported without a "
        "reason for review.",
    )
    auto_send_856 = fields.Boolean(string="Send 856 Automatically")
    auto_send_810 = fields.Boolean(string="Send 810 Automatically")
    ack_escalation_hours = fields.Float(
        string="Escalate 855 Before Deadline (h)",
        default=4.0,
        help="An activity is scheduled when a PO is still unacknowledged this many "
        "hours before Amazon's 24 h deadline.",
    )
    ack_timeout_hours = fields.Float(
        string="997 Expected Within (h)",
        default=24.0,
        help="An outbound message still without a 997 after this time raises an alarm.",
    )
    amazon_isa_qualifier = fields.Selection(
        ISA_QUALIFIERS, string="Amazon ISA Qualifier", required=True, default="ZZ"
    )
    amazon_isa_id = fields.Char(string="Amazon ISA ID", required=True, default="AMAZON")
    amazon_gs_id = fields.Char(string="Amazon GS ID", required=True, default="AMAZON")
    vendor_isa_qualifier = fields.Selection(
        ISA_QUALIFIERS, string="Our ISA Qualifier", required=True, default="ZZ"
    )
    vendor_isa_id = fields.Char(string="Our ISA ID", required=True)
    vendor_gs_id = fields.Char(string="Our GS ID", required=True)
    isa_sequence_id = fields.Many2one(
        "ir.sequence", string="ISA13 Sequence", readonly=True, copy=False
    )
    gs_sequence_id = fields.Many2one(
        "ir.sequence", string="GS06 Sequence", readonly=True, copy=False
    )
    st_sequence_id = fields.Many2one(
        "ir.sequence", string="ST02 Sequence", readonly=True, copy=False
    )
    sync_batch_size = fields.Integer(default=50)
    last_sync_date = fields.Datetime(readonly=True, copy=False)
    last_receive_date = fields.Datetime(readonly=True, copy=False)
    fc_ids = fields.One2many(
        "acorn.amazon.fc", "account_id", string="Fulfilment Centres"
    )
    identifier_ids = fields.One2many("acorn.product.identifier", "account_id")
    interchange_ids = fields.One2many("acorn.edi.interchange", "account_id")
    edi_message_ids = fields.One2many("acorn.edi.message", "account_id")
    edi_message_count = fields.Integer(compute="_compute_edi_counts")
    edi_error_count = fields.Integer(compute="_compute_edi_counts")
    interchange_count = fields.Integer(compute="_compute_edi_counts")
    order_count = fields.Integer(compute="_compute_order_count")
    identifier_count = fields.Integer(compute="_compute_order_count")

    _sql_constraints = [
        (
            "vendor_code_company_uniq",
            "unique(company_id, vendor_code)",
            "This vendor code already has an account in this company.",
        ),
    ]

    @api.onchange("vendor_code")
    def _onchange_vendor_code(self):
        for account in self:
            if account.vendor_code and not account.vendor_isa_id:
                account.vendor_isa_id = account.vendor_code
            if account.vendor_code and not account.vendor_gs_id:
                account.vendor_gs_id = account.vendor_code

    @api.constrains("price_tolerance", "sync_batch_size")
    def _check_numbers(self):
        for account in self:
            if account.price_tolerance < 0 or account.sync_batch_size < 1:
                raise ValidationError(
                    self.env._(
                        "The price tolerance can't be negative and a sync batch "
                        "holds at least one file."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        accounts._amz_ensure_sequences()
        accounts._amz_protect_partner()
        return accounts

    def write(self, vals):
        result = super().write(vals)
        if "partner_id" in vals or "company_id" in vals:
            self._amz_protect_partner()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_files(self):
        """Nothing received is ever lost: an account with an archive is archived."""
        if self.sudo().interchange_ids:
            raise UserError(
                self.env._(
                    "This account holds EDI files: archive it instead of deleting it."
                )
            )

    def _amz_protect_partner(self):
        """Amazon invoices travel as 810s, never by e-mail (paper invoice)."""
        for account in self:
            partner = account.partner_id.sudo().with_company(account.company_id)
            if partner.invoice_sending_method != "manual":
                partner.invoice_sending_method = "manual"

    def _amz_ensure_sequences(self):
        """Creates the no-gap ISA13, GS06 and ST02 sequences an account lacks."""
        Sequence = self.env["ir.sequence"].sudo()
        for account in self:
            values = {}
            for field_name, (label, padding) in SEQUENCE_FIELDS.items():
                if account[field_name]:
                    continue
                values[field_name] = Sequence.create(
                    {
                        "name": f"Amazon {account.vendor_code} {label}",
                        "implementation": "no_gap",
                        "padding": padding,
                        "number_next": 1,
                        "company_id": account.company_id.id,
                    }
                ).id
            if values:
                account.sudo().write(values)

    def _amz_next_controls(self, groups=1):
        """Returns the next ISA13, and the first of ``groups`` GS06 and ST02 numbers.

        The sequences are no-gap: each number is drawn under a row lock held until
        the transaction ends, so numbers drawn together are consecutive and no
        number is ever used twice.
        """
        self.ensure_one()
        self._amz_ensure_sequences()
        account = self.sudo()
        isa = int(account.isa_sequence_id._next())
        gs = [int(account.gs_sequence_id._next()) for _ in range(groups)]
        st = [int(account.st_sequence_id._next()) for _ in range(groups)]
        return isa, gs[0], st[0]

    def _amz_usage(self, document_type):
        """ISA15 for an outbound document: "P" once its type is live, else "T"."""
        self.ensure_one()
        setting = self.document_setting_ids.filtered(
            lambda line: line.document_type == document_type
        )[:1]
        if setting:
            return "P" if setting._is_live() else "T"
        return "P" if self.environment == "production" else "T"

    def _compute_edi_counts(self):
        message_groups = self.env["acorn.edi.message"]._read_group(
            [("account_id", "in", self.ids)], ["account_id", "state"], ["__count"]
        )
        totals, errors = {}, {}
        for account, state, count in message_groups:
            totals[account.id] = totals.get(account.id, 0) + count
            if state in self.env["acorn.edi.message"]._ERROR_STATES:
                errors[account.id] = errors.get(account.id, 0) + count
        files = dict(
            self.env["acorn.edi.interchange"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.edi_message_count = totals.get(account.id, 0)
            account.edi_error_count = errors.get(account.id, 0)
            account.interchange_count = files.get(account, 0)

    def _compute_order_count(self):
        orders = dict(
            self.env["sale.order"]._read_group(
                [("amz_account_id", "in", self.ids)], ["amz_account_id"], ["__count"]
            )
        )
        identifiers = dict(
            self.env["acorn.product.identifier"]._read_group(
                [("account_id", "in", self.ids)], ["account_id"], ["__count"]
            )
        )
        for account in self:
            account.order_count = orders.get(account, 0)
            account.identifier_count = identifiers.get(account, 0)

    def _action_open_edi(self, xmlid, domain, context=None, field="account_id"):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [(field, "=", self.id)] + domain
        action["context"] = dict(context or {}, **{f"default_{field}": self.id})
        return action

    def action_view_edi_messages(self):
        return self._action_open_edi("acorn_amazon_vendor.action_acorn_edi_message", [])

    def action_view_edi_errors(self):
        return self._action_open_edi(
            "acorn_amazon_vendor.action_acorn_edi_message",
            [("state", "in", list(self.env["acorn.edi.message"]._ERROR_STATES))],
        )

    def action_view_interchanges(self):
        return self._action_open_edi(
            "acorn_amazon_vendor.action_acorn_edi_interchange", []
        )

    def action_view_orders(self):
        return self._action_open_edi(
            "acorn_amazon_vendor.action_amz_sale_order", [], field="amz_account_id"
        )

    def action_view_identifiers(self):
        return self._action_open_edi(
            "acorn_amazon_vendor.action_acorn_product_identifier", []
        )

    def action_upload_file(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "acorn_amazon_vendor.action_acorn_edi_upload"
        )
        action["context"] = {"default_account_id": self.id}
        return action
