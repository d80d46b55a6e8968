/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// On a phone (390x844): a salesperson hands a won quotation to operations
// (Request Booking, the ETD and the consignee, Request Booking), then sea
// operations tick their checklist and accept it.

import { registry } from "@web/core/registry";
import { formatDate } from "@web/core/l10n/dates";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("freight_booking_request_phone_tour", {
    steps: () => [
        {
            content: "Request Booking, at the top of the won quotation on a phone",
            trigger: ".o_form_sheet button[name='action_new_booking_request']:visible",
            run: "click",
        },
        {
            content: "The request is prefilled from the quotation's lane",
            trigger: ".o_field_widget[name='pod_id'] input:value('Los Angeles')",
        },
        {
            content: "Give the requested ETD",
            trigger: ".o_field_widget[name='etd'] input",
            run: `edit ${formatDate(DateTime.now().plus({ days: 10 }))}`,
        },
        {
            content: "Give the consignee: a phone picks it in a dialog",
            trigger: ".o_field_widget[name='consignee_id'] input",
            run: "click",
        },
        {
            content: "Open the dialog's search bar",
            trigger: ".modal .o_control_panel button:has(.fa-search)",
            run: "click",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "edit Tour Consignee",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".modal .o_kanban_record:contains('Tour Consignee Inc')",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name='consignee_id'] input:value('Tour Consignee Inc')",
        },
        {
            content: "Request Booking: sent to sea operations",
            trigger: ".o_form_sheet button[name='action_request']:visible",
            run: "click",
        },
        {
            content: "It waits for operations",
            trigger: ".o_form_view .alert-info[role='status']:visible",
        },
    ],
});

registry.category("web_tour.tours").add("freight_booking_accept_phone_tour", {
    steps: () => [
        {
            content: "Operations open the checklist",
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
            content: "Accept, at the top of the form on a phone",
            trigger: ".o_form_sheet button[name='action_accept']:visible",
            run: "click",
        },
        {
            content: "The job number is issued",
            trigger: ".o_form_view .o_field_widget[name='job_number']:contains('SEA/EXP/')",
        },
    ],
});
