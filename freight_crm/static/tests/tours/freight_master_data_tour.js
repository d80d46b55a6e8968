/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("freight_master_data_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Freight app",
            trigger: ".o_app[data-menu-xmlid='freight_crm.freight_root_menu']",
            run: "click",
        },
        {
            content: "Open Master Data",
            trigger: "[data-menu-xmlid='freight_crm.freight_master_data_menu']",
            run: "click",
        },
        {
            content: "Open Ports & Airports",
            trigger: "[data-menu-xmlid='freight_crm.freight_port_menu']",
            run: "click",
        },
        {
            content: "Search Cat Lai",
            trigger: ".o_searchview_input",
            run: "edit Cat Lai",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Cat Lai is found by its name, with its UN/LOCODE",
            trigger: ".o_data_row td[name='code']:contains('VNCLI')",
        },
    ],
});
