/** @odoo-module **/

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("acorn_amazon_vendor_account_setup", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="acorn_amazon_vendor.menu_amazon_vendor_root"]',
            run: "click",
        },
        {
            content: "The cockpit opens first",
            trigger: ".o_acorn_cockpit_kanban",
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
            content: "Create a vendor account",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name="name"] input',
            run: "edit Amazon Canada Tour",
        },
        {
            content: "The vendor code fills our ISA and GS identifiers",
            trigger: '.o_field_widget[name="vendor_code"] input',
            run: "edit TOURCA",
        },
        {
            trigger: '.o_field_widget[name="partner_id"] input',
            run: "edit Amazon.com",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("Amazon.com Services")',
            run: "click",
        },
        {
            content: "Alert when no file came for 12 hours",
            trigger: '.o_field_widget[name="heartbeat_hours"] input',
            run: "edit 12",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the cockpit",
            trigger: '[data-menu-xmlid="acorn_amazon_vendor.menu_acorn_vendor_cockpit"]',
            run: "click",
        },
        {
            content: "The new account has its card, nothing in error yet",
            trigger:
                '.o_kanban_record:contains("Amazon Canada Tour") .o_acorn_breach[data-tile="messages_error"]:contains("0")',
        },
    ],
});
