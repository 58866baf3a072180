/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("acorn_pos_bridge_channel_report", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="point_of_sale.menu_point_root"]',
            run: "click",
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_pos_bridge.menu_chain_stores"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_pos_bridge.menu_acorn_channel_report"]',
            run: "click",
        },
        {
            content: "The pivot shows the channels and the store",
            trigger: '.o_pivot th:contains("Amazon Vendor")',
        },
        {
            trigger: '.o_pivot th:contains("Tour Store")',
        },
        {
            trigger: '.o_cp_switch_buttons .o_list, button.o_switch_view.o_list',
            run: "click",
        },
        {
            content: "The store's week line with its units and sell-through",
            trigger: '.o_data_row:contains("Tour Store"):contains("Tour Lamp") td[name="units"]:contains("3")',
        },
        {
            content: "The XLSX export is offered",
            trigger: 'button[name="action_export_xlsx"]',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_pos_bridge.menu_chain_stores"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_pos_bridge.menu_acorn_store"]',
            run: "click",
        },
        {
            content: "The store is listed with its last sync",
            trigger: '.o_data_row:contains("Tour Store") td[name="name"]',
            run: "click",
        },
        {
            trigger: '.oe_stat_button:contains("Sales lines")',
            run: "click",
        },
        {
            content: "The store's sales open in the channel sales",
            trigger: '.o_pivot, .o_list_view',
        },
        {
            trigger: '.o_cp_switch_buttons .o_list, button.o_switch_view.o_list',
            run: "click",
        },
        {
            content: "The store's receipt line is there",
            trigger: '.o_data_row:contains("TOUR-SKU"):contains("TOUR-R1")',
        },
    ],
});
