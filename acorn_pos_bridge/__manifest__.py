{
    "name": "Chain Store Sales Bridge",
    "summary": "Bring the brand's own chain-store sales (Odoo Point of Sale and "
    "external POS exports) beside Amazon's sales in one channel report",
    "version": "18.0.1.1.0",
    "category": "Sales/Point of Sale",
    "website": "https://github.com/acorn-erp/acorn",
    "author": "ACORN contributors",
    "maintainers": ["acorn-erp"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["point_of_sale", "acorn_amazon_vendor"],
    "data": [
        "security/acorn_pos_bridge_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/acorn_store_views.xml",
        "views/acorn_channel_sale_views.xml",
        "report/acorn_channel_report_views.xml",
        "views/menus.xml",
        "security/acorn_amz_replenishment_security.xml",
        "data/ir_cron_replenishment_data.xml",
        "views/acorn_amz_replenishment_views.xml",
        "views/acorn_amz_replenishment_menus.xml",
    ],
    "demo": [
        "demo/acorn_store_demo.xml",
        "demo/acorn_channel_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "acorn_pos_bridge/static/tests/tours/*.js",
        ],
    },
}
