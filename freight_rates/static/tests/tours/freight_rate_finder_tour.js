/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("freight_rate_finder_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Freight app",
            trigger: ".o_app[data-menu-xmlid='freight_crm.freight_root_menu']",
            run: "click",
        },
        {
            content: "Open Rates",
            trigger: "[data-menu-xmlid='freight_rates.freight_rate_root_menu']",
            run: "click",
        },
        {
            content: "Open the Rate Finder",
            trigger: "[data-menu-xmlid='freight_rates.freight_rate_finder_menu']",
            run: "click",
        },
        {
            content: "From Cat Lai",
            trigger: ".o_field_widget[name='origin_id'] input",
            run: "edit Cat Lai",
        },
        {
            trigger: ".o-autocomplete--dropdown-item > a:contains('VNCLI')",
            run: "click",
        },
        {
            content: "To Los Angeles",
            trigger: ".o_field_widget[name='destination_id'] input",
            run: "edit Los Angeles",
        },
        {
            trigger: ".o-autocomplete--dropdown-item > a:contains('USLAX')",
            run: "click",
        },
        {
            content: "The cheapest all-in comes first",
            trigger:
                ".o_field_widget[name='result_ids'] .o_data_row:first-child td[name='carrier_id']:contains('Tour Line B')",
        },
        {
            content: "Two containers",
            trigger: ".o_field_widget[name='container_qty'] input",
            run: "edit 2 && press Tab",
        },
        {
            content: "Prices follow the quantity",
            trigger:
                ".o_field_widget[name='result_ids'] .o_data_row:first-child td[name='all_in_amount']:contains('400')",
        },
        {
            content: "Show the rates in dong",
            trigger: ".o_field_widget[name='currency_id'] input",
            run: "edit VND",
        },
        {
            trigger: ".o-autocomplete--dropdown-item > a:contains('VND')",
            run: "click",
        },
        {
            content: "The amounts are converted (2 x 2,200 USD at 25,000)",
            trigger:
                ".o_field_widget[name='result_ids'] .o_data_row:first-child td[name='all_in_amount']:contains('110')",
        },
        {
            content: "Search",
            trigger: "button[name='action_find']",
            run: "click",
        },
        {
            content: "Wait for the search to end (buttons come back)",
            trigger: "button[name='action_find']:enabled",
        },
        {
            content: "The results update in place, still in dong, with no new breadcrumb",
            trigger:
                ".o_breadcrumb:not(:has(.breadcrumb-item)) .o_last_breadcrumb_item",
        },
        {
            trigger: ".o_field_widget[name='currency_id'] input:value(VND)",
        },
        {
            content: "One container again",
            trigger: ".o_field_widget[name='container_qty'] input",
            run: "edit 1 && press Tab",
        },
        {
            content: "Search again",
            trigger:
                ".o_field_widget[name='result_ids'] .o_data_row:first-child td[name='all_in_amount']:contains('55')",
        },
        {
            trigger: "button[name='action_find']",
            run: "click",
        },
        {
            content: "Wait for the second search to end",
            trigger: "button[name='action_find']:enabled",
        },
        {
            content: "Still in dong after two searches",
            trigger:
                ".o_breadcrumb:not(:has(.breadcrumb-item)) .o_last_breadcrumb_item",
        },
        {
            trigger: ".o_field_widget[name='currency_id'] input:value(VND)",
        },
        {
            content: "The cheapest is marked as on the phone",
            trigger:
                ".o_field_widget[name='result_ids'] .o_data_row:first-child td[name='highlight'] .badge",
        },
        {
            content: "Open the cheapest rate's breakdown",
            trigger: ".o_field_widget[name='result_ids'] .o_data_row:first-child td[name='carrier_id']",
            run: "click",
        },
        {
            content: "Its surcharges are itemised",
            trigger: ".modal .o_freight_breakdown td:contains('BAF')",
        },
        {
            content: "Converted prices say at which rate",
            trigger: ".modal .o_freight_exchange_rate:contains('1 USD = 25')",
        },
        {
            content: "Close the breakdown",
            trigger: ".modal .modal-footer .btn-secondary",
            run: "click",
        },
        {
            content: "On to the rates themselves",
            trigger: "body:not(:has(.modal)) [data-menu-xmlid='freight_rates.freight_rate_root_menu']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='freight_rates.freight_rate_menu']",
            run: "click",
        },
        {
            trigger: ".o_list_view",
        },
        {
            content: "Back to the Rate Finder",
            trigger: "[data-menu-xmlid='freight_rates.freight_rate_root_menu']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='freight_rates.freight_rate_finder_menu']",
            run: "click",
        },
        {
            content: "A new search opens in the currency chosen last",
            trigger: ".o_field_widget[name='currency_id'] input:value(VND)",
        },
    ],
});
