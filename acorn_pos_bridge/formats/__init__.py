"""Pure readers and cleaning rules for sales exports of external POS and Vendor Central.

Nothing here imports Odoo: a file (CSV, XLSX) or a JSON payload is read into a
:class:`~.tables.Table`, a column mapping turns each row into a neutral
:class:`~.sales.SaleRow` or :class:`~.amazon_reports.ReportRow`, and the rules in
:mod:`.cleaning` decide which rows count. The ORM only matches products and writes.
"""
