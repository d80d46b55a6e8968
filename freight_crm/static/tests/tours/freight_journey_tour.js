/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The whole journey in the browser, in Vietnamese (tests/test_journey_tour.py):
// the salesperson's screens of freight_crm on a phone (390x844), the sales
// manager's care report on a desktop. No English text is matched: fields,
// buttons and classes only.

import { registry } from "@web/core/registry";

/** On a phone a many2one opens a dialog: search SEARCH, pick the record
 * showing TEXT. */
function pickInDialog(field, search, text = search, scope = ".o_form_view") {
    return [
        {
            content: `Open the ${field} dialog`,
            trigger: `${scope} .o_field_widget[name='${field}'] input`,
            run: "click",
        },
        {
            trigger: ".modal .o_control_panel button:has(.fa-search)",
            run: "click",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: `edit ${search}`,
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: `Pick ${text}`,
            trigger: `.modal .o_kanban_record:contains('${text}')`,
            run: "click",
        },
        {
            trigger: `body:not(:has(.modal .o_kanban_view)) ${scope} .o_field_widget[name='${field}'] input:value('${text}')`,
        },
    ];
}


registry.category("web_tour.tours").add("freight_journey_sales_customer_tour", {
    steps: () => [
        {
            content: "A new customer: a company (the screen's default)",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Journey Rubber Co.",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='email'] input",
            run: "edit info@journey-rubber.example.com",
        },
        {
            content: "Add its contact",
            trigger: ".o_field_widget[name='child_ids'] .o_x2m_control_panel button",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit Trần Thị Mai",
        },
        {
            trigger: ".modal .o_field_widget[name='email'] input",
            run: "edit mai@journey-rubber.example.com",
        },
        {
            content: "Save the contact",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name='child_ids'] .o_kanban_record:contains('Trần Thị Mai')",
        },
        {
            content: "Save the customer",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: a lead (the stage is not the salesperson's to set)",
            trigger: ".o_form_saved .o_statusbar_status:has([data-value='lead'][aria-checked='true'])",
        },
        {
            content: "Log a Visit, at the top of the phone screen",
            trigger: ".o_form_sheet button[name='action_log_interaction']:visible",
            run: "click",
        },
        {
            content: "Say what was discussed",
            trigger: ".modal .o_field_widget[name='name'] input",
            run: "edit First visit",
        },
        ...pickInDialog("contact_id", "Trần Thị Mai", "Trần Thị Mai", ".modal .o_form_view"),
        {
            content: "Save the visit",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: "Back on the customer: the visit is its last interaction",
            trigger: "body:not(:has(.modal)) .o_form_saved .o_field_widget[name='last_interaction_date'] span:not(:empty)",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_sales_opportunity_tour", {
    steps: () => [
        {
            content: "A new opportunity",
            trigger: ".o_form_view .o_field_widget[name='name'] textarea",
            run: "edit Rubber to Busan",
        },
        ...pickInDialog("partner_id", "Journey Rubber", "Journey Rubber Co."),
        {
            trigger: ".o_form_view .o_field_widget[name='freight_direction'] select",
            run: 'select "export"',
        },
        {
            trigger: ".o_form_view .o_field_widget[name='transport_mode'] select",
            run: 'select "sea_fcl"',
        },
        ...pickInDialog("origin_port_id", "VNCLI", "Cát Lái"),
        ...pickInDialog("destination_port_id", "KRPUS", "Busan"),
        {
            content: "Four TEU: two 40' high cubes",
            trigger: ".o_form_view .o_field_widget[name='expected_volume'] input",
            run: "edit 4",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='expected_volume_uom'] select",
            run: 'select "teu"',
        },
        {
            content: "Save the opportunity",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: Ask Pricing is on the phone screen",
            trigger: ".o_form_saved .o_form_sheet button[name='action_new_freight_inquiry']:visible",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_manager_care_tour", {
    steps: () => [
        {
            content: "The care report: search the customer",
            trigger: ".o_list_view .o_searchview_input",
            run: "edit Journey Rubber",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The customer, visited, now a customer ('Khách hàng' in vi.po)",
            trigger: ".o_list_view .o_data_row:contains('Journey Rubber Co.') td[name='freight_stage']",
            run() {
                const stage = this.anchor.textContent.trim();
                if (stage !== "Khách hàng") {
                    throw new Error(`The customer's stage is ${stage}`);
                }
            },
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Journey Rubber Co.') td[name='interaction_count']:contains('1')",
        },
    ],
});
