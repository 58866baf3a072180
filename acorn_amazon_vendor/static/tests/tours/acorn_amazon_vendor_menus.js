/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("acorn_amazon_vendor_menus", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Amazon Vendor app",
            trigger: '.o_app[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_root"]',
            run: "click",
        },
        {
            content: "The app opens on what needs attention, filtered",
            trigger: '.o_searchview_facet:contains("Needs attention")',
        },
        {
            content: "The failed PO is listed with its reason",
            trigger: '.o_data_row:contains("TOURPO01"):contains("unknown product") td[name="po_number"]',
            run: "click",
        },
        {
            content: "The form says what went wrong and offers a retry",
            trigger: '.alert-danger:contains("unknown product")',
        },
        {
            trigger: 'button[name="action_retry"]',
            run: "click",
        },
        {
            content: "Retried: back to received",
            trigger: '.o_statusbar_status button[aria-checked="true"]:contains("Received")',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_edi"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_amazon_vendor.menu_acorn_edi_interchange"]',
            run: "click",
        },
        {
            content: "The file archive opens",
            trigger: '.o_breadcrumb:contains("EDI Files")',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_config"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_amazon_vendor.menu_acorn_vendor_account"]',
            run: "click",
        },
        {
            trigger: '.o_data_row td[name="name"]:contains("Amazon Tour")',
            run: "click",
        },
        {
            content: "The account shows its messages as smart buttons",
            trigger: '.oe_stat_button:contains("Messages"):contains("1")',
        },
    ],
});
