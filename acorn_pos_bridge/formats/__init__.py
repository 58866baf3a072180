"""Pure Python helpers of the POS bridge (no Odoo import): forecasting."""
