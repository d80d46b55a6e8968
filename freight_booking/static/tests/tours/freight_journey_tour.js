/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The whole journey in the browser, in Vietnamese (tests/test_journey_tour.py):
// the salesperson requests the booking of the won quotation on a phone
// (390x844), sea operations tick the checklist and accept at a desk. No
// English text is matched: fields, buttons and classes only.

import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("freight_journey_sales_booking_tour", {
    steps: () => [
        {
            content: "Request Booking, at the top of the won quotation on a phone",
            trigger: ".o_form_sheet button[name='action_new_booking_request']:visible",
            run: "click",
        },
        {
            content: "The request is prefilled from the quotation's lane",
            trigger: ".o_field_widget[name='pod_id'] input:value('Busan')",
        },
        {
            content: "The requested ETD, in ten days (in the user's date format)",
            trigger: ".o_field_widget[name='etd'] input",
            run: `edit ${formatDate(DateTime.now().plus({ days: 10 }))}`,
        },
        {
            content: "The consignee: a phone picks it in a dialog",
            trigger: ".o_field_widget[name='consignee_id'] input",
            run: "click",
        },
        {
            trigger: ".modal .o_control_panel button:has(.fa-search)",
            run: "click",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "edit Busan Tyre",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".modal .o_kanban_record:contains('Busan Tyre Works')",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name='consignee_id'] input:value('Busan Tyre Works')",
        },
        {
            content: "The gross weight, in kg",
            trigger: ".o_notebook .o_field_widget[name='gross_weight'] input",
            run: "edit 40000",
        },
        {
            content: "Request Booking: sent to sea operations",
            trigger: ".o_form_sheet button[name='action_request']:visible",
            run: "click",
        },
        {
            content: "It waits for operations",
            trigger: ".o_form_saved .o_statusbar_status:has([data-value='requested'][aria-checked='true'])",
        },
        {
            trigger: ".o_form_view .alert-info[role='status']:visible",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_ops_accept_tour", {
    steps: () => [
        {
            content: "The department's requests to accept: the customer's",
            trigger: ".o_kanban_record:contains('Journey Rubber Co.')",
            run: "click",
        },
        {
            content: "Not before the checklist is ticked",
            trigger: ".o_notebook a[name='checklist']",
            run: "click",
        },
        {
            content: "Tick every point",
            trigger: ".o_field_widget[name='checklist_ids'] .o_field_boolean_toggle input:not(:checked)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='checklist_ids'] .o_field_boolean_toggle input:not(:checked)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='checklist_ids'] .o_field_boolean_toggle input:not(:checked)",
            run: "click",
        },
        {
            content: "Every point is ticked",
            trigger: ".o_field_widget[name='checklist_ids']:not(:has(.o_field_boolean_toggle input:not(:checked)))",
        },
        {
            content: "Accept",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_accept']",
            run: "click",
        },
        {
            content: "Accepted: the job number is issued",
            trigger: ".o_form_saved .o_statusbar_status:has([data-value='accepted'][aria-checked='true'])",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='job_number']:contains('SEA/EXP/')",
        },
    ],
});
