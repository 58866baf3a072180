"""Pure Python code of the POS bridge (no Odoo import): the demand forecast."""
