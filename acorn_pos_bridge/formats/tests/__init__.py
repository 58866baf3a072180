"""Tests of the POS and Vendor Central format readers (pure: no database, no Odoo)."""
