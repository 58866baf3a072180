"""Tests of the POS bridge's pure code (no database, no Odoo)."""
