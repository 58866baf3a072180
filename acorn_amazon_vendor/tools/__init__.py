"""Pure helpers of the addon (no Odoo import): workbook building for remittances."""
