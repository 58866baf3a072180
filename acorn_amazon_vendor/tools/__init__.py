"""Helpers of the addon that are not models (as ``account_edi_ubl_cii/tools`` and
``mail/tools`` in Odoo): the freight of a shipment as the 856 and the labels see
it (freight.py), what an 850 batch needs to know (po_context.py), the GS1-128
barcode images of the labels (barcode.py), and the remittance workbooks
(remittance_xlsx.py, pure: no Odoo import)."""
