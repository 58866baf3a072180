/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("acorn_pos_bridge_imports", {
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
            trigger: '.dropdown-item[data-menu-xmlid="acorn_pos_bridge.menu_acorn_pos_import"]',
            run: "click",
        },
        {
            content: "The recent import is listed with its counts",
            trigger: '.o_data_row:contains("tour_export.csv") td[name="name"]',
            run: "click",
        },
        {
            content: "Each cleaning rule that held lines out has its smart button",
            trigger: '.oe_stat_button:contains("Test"):contains("1")',
        },
        {
            trigger: '.oe_stat_button:contains("Unknown products")',
        },
        {
            content: "The test transaction is included by hand",
            trigger: '.o_field_one2many .o_data_row:contains("T-TOUR") button[name="action_include"]',
            run: "click",
        },
        {
            content: "Its decision can be undone from the same row",
            trigger: '.o_field_one2many .o_data_row:contains("T-TOUR") button[name="action_follow_rules"]',
        },
        {
            trigger: 'button[data-menu-xmlid="acorn_pos_bridge.menu_chain_stores"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="acorn_pos_bridge.menu_acorn_pos_unmapped_product"]',
            run: "click",
        },
        {
            content: "The unknown SKU waits in the mapping queue",
            trigger: '.o_data_row:contains("NEW-TOUR")',
        },
    ],
});
