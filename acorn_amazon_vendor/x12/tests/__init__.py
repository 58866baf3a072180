"""Tests of the X12 core (pure: no database, no Odoo)."""
