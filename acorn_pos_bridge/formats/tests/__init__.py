"""Tests of the POS bridge's pure helpers (no database, no Odoo)."""
