from odoo import api, fields, models
from odoo.exceptions import ValidationError

# PO106/107 ... product ID qualifiers Amazon sends on an 850 line
# (FACTS §3.2 PO1: BP buyer's part number = ASIN, EN, IB, UA, UK, UP, VN).
QUALIFIERS = [
    ("BP", "ASIN (BP)"),
    ("EN", "EAN (EN)"),
    ("UP", "UPC (UP)"),
    ("IB", "ISBN (IB)"),
    ("VN", "Vendor item number (VN)"),
    ("UK", "GTIN-14 (UK)"),
    ("UA", "UPC/EAN case code (UA)"),
]


class AcornProductIdentifier(models.Model):
    """How Amazon names one of our products on an account: ASIN, EAN, UPC, SKU ...

    Several identifiers of one qualifier may point to one product: the newest is
    current, older ones keep matching with a warning until they are retired
    (archived).
    """

    _name = "acorn.product.identifier"
    _description = "Amazon Product Identifier"
    _order = "account_id, qualifier, value, id desc"
    _rec_name = "value"
    _check_company_auto = True

    account_id = fields.Many2one(
        "acorn.vendor.account",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
    )
    qualifier = fields.Selection(QUALIFIERS, required=True, default="BP")
    value = fields.Char(required=True, index=True)
    active = fields.Boolean(
        default=True, help="Archive an identifier to retire it: it stops matching."
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "account_qualifier_value_uniq",
            "unique(account_id, qualifier, value)",
            "This identifier already names a product on this account.",
        ),
    ]

    @api.constrains("value")
    def _check_value(self):
        for identifier in self:
            if identifier.value != identifier.value.strip() or not identifier.value:
                raise ValidationError(
                    self.env._("An identifier has no leading or trailing spaces.")
                )

    @api.depends("qualifier", "value")
    def _compute_display_name(self):
        for identifier in self:
            identifier.display_name = f"{identifier.qualifier} {identifier.value}"

    def _current_for_product(self):
        """Returns the newest active identifier of the same product and qualifier."""
        self.ensure_one()
        return self.search(
            [
                ("account_id", "=", self.account_id.id),
                ("product_id", "=", self.product_id.id),
                ("qualifier", "=", self.qualifier),
            ],
            order="id desc",
            limit=1,
        )
