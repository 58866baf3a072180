/** @odoo-module **/

import { Component } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardFieldProps } from "@web/views/fields/standard_field_props";

/**
 * The tiles of a vendor account's cockpit (acorn.vendor.account.cockpit_data):
 * KPI rates with their misses and weekly trend, and time-to-breach counts. Each
 * figure opens the records behind it (action_cockpit_open on the server).
 */
export class AcornCockpitField extends Component {
    static template = "acorn_amazon_vendor.CockpitField";
    static props = { ...standardFieldProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
    }

    get tiles() {
        return this.props.record.data[this.props.name] || [];
    }

    get kpis() {
        return this.tiles.filter((tile) => tile.section === "kpi");
    }

    get breaches() {
        return this.tiles.filter((tile) => tile.section === "breach");
    }

    formatRate(tile) {
        return tile.rate === null || tile.rate === undefined ? "–" : `${tile.rate} %`;
    }

    trendText(tile) {
        return (tile.trend || []).map((week) => `${week.rate}`).join(" · ");
    }

    async open(tile, part) {
        const action = await this.orm.call(
            "acorn.vendor.account",
            "action_cockpit_open",
            [[this.props.record.resId], tile.key, part]
        );
        await this.action.doAction(action);
    }
}

export const acornCockpitField = {
    component: AcornCockpitField,
    supportedTypes: ["json"],
};

registry.category("fields").add("acorn_cockpit", acornCockpitField);
