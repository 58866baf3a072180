from odoo import fields, models

from .acorn_edi_message import DOCUMENT_TYPES

# Go-live status of one message type (FACTS §2.3: per-message testing, then a
# per-message Go Live button with its own date in Vendor Central).
STATUSES = [("test", "Test"), ("live", "Live")]


class AcornVendorAccountDocument(models.Model):
    """Test or live status of one message type of a vendor account."""

    _name = "acorn.vendor.account.document"
    _description = "Amazon Message Type Status"
    _order = "account_id, document_type"
    _check_company_auto = True

    account_id = fields.Many2one(
        "acorn.vendor.account", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    document_type = fields.Selection(DOCUMENT_TYPES, required=True)
    status = fields.Selection(STATUSES, required=True, default="test")
    go_live_date = fields.Date(
        help="First day documents of this type go out with ISA15 = P."
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "account_type_uniq",
            "unique(account_id, document_type)",
            "Each message type has one status per account.",
        ),
    ]

    def _is_live(self):
        self.ensure_one()
        today = fields.Date.context_today(self)
        return self.status == "live" and (
            not self.go_live_date or self.go_live_date <= today
        )
