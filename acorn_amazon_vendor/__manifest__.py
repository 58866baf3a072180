{
    "name": "Amazon Vendor Central (EDI)",
    "summary": "Run an Amazon Vendor Central (1P) business over X12 EDI: purchase "
    "orders, acknowledgments, ship notices and invoices; remittances (820): "
    "reconciliation arriving",
    "version": "18.0.1.2.0",
    "category": "Sales/Amazon Vendor",
    "website": "https://github.com/acorn-erp/acorn",
    "author": "ACORN contributors",
    "maintainers": ["acorn-erp"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "depends": [
        "sale_management",
        "sale_stock",
        "stock_delivery",
        "stock_picking_batch",
        "product_expiry",
        "account",
    ],
    "data": [
        "security/acorn_amazon_vendor_security.xml",
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/acorn_amz_shipment_data.xml",
        "report/acorn_amz_label_report.xml",
        "views/acorn_edi_message_views.xml",
        "views/acorn_edi_interchange_views.xml",
        "views/acorn_product_identifier_views.xml",
        "views/acorn_vendor_account_views.xml",
        "views/sale_order_views.xml",
        "views/acorn_amz_shipment_views.xml",
        "views/stock_picking_views.xml",
        "views/account_move_views.xml",
        "views/acorn_vendor_account_billing_views.xml",
        "views/acorn_dashboard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/acorn_vendor_account_demo.xml",
        "demo/acorn_shipment_demo.xml",
        "demo/acorn_invoice_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "acorn_amazon_vendor/static/src/cockpit/*",
        ],
        "web.assets_tests": [
            "acorn_amazon_vendor/static/tests/tours/*.js",
        ],
    },
}
