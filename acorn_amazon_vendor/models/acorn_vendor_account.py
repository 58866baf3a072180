from odoo import api, fields, models

# ISA05/ISA07 interchange ID qualifiers (X12 ISA segment, element I05).
ISA_QUALIFIERS = [
    ("01", "01 - DUNS"),
    ("08", "08 - UCC EDI Communications ID"),
    ("12", "12 - Phone number"),
    ("14", "14 - DUNS with suffix"),
    ("ZZ", "ZZ - Mutually defined"),
]

# Amazon retail marketplaces an X12 vendor account trades with (FACTS.md §2).
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


class AcornVendorAccount(models.Model):
    """One Amazon Vendor Central trading relationship over EDI."""

    _name = "acorn.vendor.account"
    _description = "Amazon Vendor Account"
    _inherit = ["mail.thread"]
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
        help="The Amazon entity invoiced for this account's orders.",
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        check_company=True,
        help="Warehouse that ships this account's orders.",
    )
    team_id = fields.Many2one("crm.team", string="Sales Team", check_company=True)
    environment = fields.Selection(
        ENVIRONMENTS, required=True, default="test", tracking=True
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
    interchange_ids = fields.One2many("acorn.edi.interchange", "account_id")
    edi_message_ids = fields.One2many("acorn.edi.message", "account_id")
    edi_message_count = fields.Integer(compute="_compute_edi_counts")
    edi_error_count = fields.Integer(compute="_compute_edi_counts")
    interchange_count = fields.Integer(compute="_compute_edi_counts")

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

    def _action_open_edi(self, xmlid, domain, context=None):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("account_id", "=", self.id)] + domain
        action["context"] = dict(context or {}, default_account_id=self.id)
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
