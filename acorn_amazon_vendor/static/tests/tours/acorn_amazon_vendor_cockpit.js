/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("acorn_amazon_vendor_cockpit", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Amazon Vendor app",
            trigger: '.o_app[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_root"]',
            run: "click",
        },
        {
            content: "The app opens on the cockpit, one card per account",
            trigger: '.o_acorn_cockpit_kanban .o_kanban_record:contains("Amazon Cockpit")',
        },
        {
            content: "The 997 acceptance rate reads 50 %",
            trigger: '.o_acorn_tile[data-tile="997_accepted"]:contains("50 %")',
        },
        {
            content: "One PO must be acknowledged within 4 hours",
            trigger: '.o_acorn_breach[data-tile="855_due"]:contains("1")',
            run: "click",
        },
        {
            content: "The PO behind the figure is listed",
            trigger: '.o_list_view .o_data_row',
        },
        {
            content: "The same records by week",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_renderer canvas",
        },
        {
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("Cockpit")',
            run: "click",
        },
        {
            content: "The rejected 997 behind the acceptance rate",
            trigger: '.o_acorn_tile_missed[data-tile="997_accepted"]',
            run: "click",
        },
        {
            trigger: '.o_list_view .o_data_row:contains("Rejected")',
        },
        {
            content: "Find a reference",
            trigger: '[data-menu-xmlid="acorn_amazon_vendor.menu_acorn_edi_search"]',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="query"] input',
            run: "edit 9PRICELO",
        },
        {
            trigger: 'button[name="action_search"]',
            run: "click",
        },
        {
            content: "The chain lists the order and its 850",
            trigger: '.o_acorn_search_chain .o_data_row:contains("Order"):contains("9PRICELO")',
        },
        {
            content: "Open the 850 from the chain",
            trigger: '.o_acorn_search_chain .o_data_row:contains("850 Purchase Order") button[name="action_open"]',
            run: "click",
        },
        {
            content: "The 850's form",
            trigger: '.o_form_view .o_field_widget[name="po_number"]:contains("9PRICELO")',
        },
        {
            content: "Open the File tab (an inbound set opens on its Content)",
            trigger: '.o_notebook_headers .nav-link:contains("File")',
            run: "click",
        },
        {
            content: "The raw file is shown",
            trigger: '.o_acorn_raw_file:contains("9PRICELO")',
        },
        {
            content: "The raw file reads one segment per line, the set highlighted",
            trigger: '.o_acorn_raw_file .o_acorn_x12_set:contains("BEG*00*NE*9PRICELO")',
        },
        {
            trigger: 'button[name="action_download_raw"]',
        },
    ],
});
