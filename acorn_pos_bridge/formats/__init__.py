"""Pure code of the POS bridge (no Odoo import): readers, cleaning rules, forecast.

A file (CSV, XLSX) or a JSON payload is read into a :class:`~.tables.Table`, a
column mapping turns each row into a neutral :class:`~.sales.SaleRow` or
:class:`~.amazon_reports.ReportRow`, and the rules in :mod:`.cleaning` decide which
rows count; the ORM only matches products and writes. :mod:`.forecast` computes
the Amazon demand forecast behind the replenishment suggestions.
"""
