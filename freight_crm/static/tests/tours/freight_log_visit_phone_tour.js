/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Journey 1 on a phone (390x844): a salesperson opens a customer, taps Log a
// Visit, saves a visit with a next interaction date and sees the follow-up on
// the customer.

import { registry } from "@web/core/registry";

const { DateTime } = luxon;

const SUMMARY = "Tour visit: 2 x 40HC a week to Los Angeles";
// The next-interaction activity is planned on the customer's own chatter.
function customerActivitySteps() {
    return [
        {
            content: "The follow-up is planned on the customer itself",
            trigger: ".o-mail-Chatter .o-mail-Activity:contains('Tour visit')",
        },
    ];
}

registry.category("web_tour.tours").add("freight_log_visit_phone_tour", {
    url: "/odoo/action-freight_crm.res_partner_action_customer",
    steps: () => [
        {
            content: "Open the customer from the list of my customers",
            trigger: ".o_kanban_record:contains('Gỗ Minh Phát')",
            run: "click",
        },
        {
            content: "Log a Visit is on the phone screen, not under the cog",
            trigger: ".o_form_sheet button[name='action_log_interaction']:visible",
            run: "click",
        },
        {
            content: "Say what was discussed",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: `edit ${SUMMARY}`,
        },
        {
            content: "Plan the next interaction a week ahead",
            trigger: ".modal .o_field_widget[name='next_date'] input",
            run: `edit ${DateTime.now().plus({ days: 7 }).toFormat("MM/dd/yyyy")}`,
        },
        {
            content: "Close the date picker",
            trigger: ".modal .o_field_widget[name='next_date'] input",
            run: "press Enter",
        },
        {
            content: "Save the visit",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Back on the customer",
            trigger: "body:not(:has(.modal)) .o_form_sheet button[name='action_log_interaction']",
        },
        ...customerActivitySteps(),
        {
            content: "Open the customer's other actions (folded on a phone)",
            trigger: ".o-form-buttonbox .o_button_more",
            run: "click",
        },
        {
            content: "Open the customer's interactions",
            trigger: "button[name='action_view_freight_interactions']",
            run: "click",
        },
        {
            content: "The visit is among the customer's interactions",
            trigger: `.o_kanban_record:contains('${SUMMARY}'), .o_data_row:contains('${SUMMARY}')`,
        },
    ],
});
