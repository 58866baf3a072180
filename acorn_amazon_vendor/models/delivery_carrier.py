from odoo import api, fields, models
from odoo.exceptions import ValidationError


class DeliveryCarrier(models.Model):
    _inherit = "delivery.carrier"

    amz_scac = fields.Char(
        string="SCAC",
        size=4,
        help="Standard Carrier Alpha Code (2 to 4 letters), written in the 856 "
        "TD503 for Amazon.",
    )

    @api.constrains("amz_scac")
    def _check_amz_scac(self):
        for carrier in self.filtered("amz_scac"):
            code = carrier.amz_scac
            if not (2 <= len(code) <= 4 and code.isascii() and code.isalpha()):
                raise ValidationError(
                    self.env._(
                        "The SCAC of %(carrier)s is 2 to 4 letters, e.g. UPSN.",
                        carrier=carrier.name,
                    )
                )
