/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The whole journey in the browser, in Vietnamese (tests/test_journey_tour.py):
// the salesperson asks pricing from the opportunity on a phone (390x844),
// pricing accepts the inquiry from its inbox on a desktop. No English text
// is matched: fields, buttons and classes only.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("freight_journey_sales_inquiry_tour", {
    steps: () => [
        {
            content: "Ask Pricing, at the top of the opportunity on a phone",
            trigger: ".o_form_sheet button[name='action_new_freight_inquiry']:visible",
            run: "click",
        },
        {
            content: "The inquiry is prefilled from the opportunity: 4 TEU, two 40HC",
            trigger: ".o_form_view .o_field_widget[name='container_ids'] .o_data_row td[name='quantity']:contains('2')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='pod_id'] input:value('Busan')",
        },
        {
            content: "What the cargo is",
            trigger: ".o_form_view .o_field_widget[name='commodity'] input",
            run: "edit Cao su thiên nhiên",
        },
        {
            content: "Submit to Pricing, at the top of the phone screen",
            trigger: ".o_form_sheet button[name='action_submit']:visible",
            run: "click",
        },
        {
            content: "Submitted: pricing has it",
            trigger: ".o_form_saved .o_statusbar_status:has([data-value='submitted'][aria-checked='true'])",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_submit']:visible))",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_pricing_accept_tour", {
    steps: () => [
        {
            content: "Pricing's inbox: the customer's inquiry",
            trigger: ".o_kanban_record:contains('Journey Rubber Co.')",
            run: "click",
        },
        {
            content: "Accept (opens the rates to quote)",
            trigger: ".o_form_view .o_statusbar_buttons button.btn-primary",
            run: "click",
        },
        {
            content: "The finder's rate is offered",
            trigger: ".modal .o_field_widget[name='result_ids'] .o_data_row:contains('Journey Tour Line')",
        },
        {
            content: "Accept: none ticked, the cheapest",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The quotation, prefilled from the rate, in draft",
            trigger: "body:not(:has(.modal)) .o_form_view .o_statusbar_status:has([data-value='draft'][aria-checked='true'])",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains('650')",
        },
    ],
});
