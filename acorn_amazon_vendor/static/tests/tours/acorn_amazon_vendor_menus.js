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
            content: "The app opens on the cockpit",
            trigger: '.o_acorn_cockpit_kanban .o_kanban_record:contains("Amazon Tour")',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_orders"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_amazon_vendor.menu_amz_sale_order_to_ack"]',
            run: "click",
        },
        {
            content: "The POs to acknowledge, filtered",
            trigger: '.o_searchview_facet:contains("POs to Acknowledge")',
        },
        {
            content: "The PO with a price outside tolerance is listed",
            trigger: '.o_data_row:contains("9PRICELO") td[name="amz_po_number"]',
            run: "click",
        },
        {
            content: "The order says why it waits for review",
            trigger: '.alert-warning:contains("differs from our price")',
        },
        {
            content: "The Amazon tab holds the PO data",
            trigger: '.o_notebook a:contains("Amazon")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="amz_fc_code"]:contains("ABE2")',
        },
        {
            content: "Accept Amazon's cost",
            trigger: 'button[name="action_amz_mark_reviewed"]',
            run: "click",
        },
        {
            trigger: '.o_form_view:not(:has(button[name="action_amz_mark_reviewed"]))',
        },
        {
            content: "Acknowledge the PO",
            trigger: 'button[name="action_amz_send_855"]',
            run: "click",
        },
        {
            content: "The 855 is generated and the button is gone",
            trigger: '.o_form_view:not(:has(button[name="action_amz_send_855"]))',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_orders"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_amazon_vendor.menu_amz_sale_order_review"]',
            run: "click",
        },
        {
            content: "The PO with an unknown product waits in review",
            trigger: '.o_data_row:contains("8UNKNOWN")',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_edi"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_amazon_vendor.menu_acorn_edi_message_attention"]',
            run: "click",
        },
        {
            content: "Messages needing attention, filtered",
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
            content: "The file archive lists the files received and the 997s sent",
            trigger: '.o_data_row:contains("amazon_850_unknown_product.edi")',
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
            content: "The account shows its orders as a smart button",
            trigger: '.oe_stat_button:contains("Orders"):contains("2")',
        },
    ],
});
