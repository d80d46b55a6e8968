/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The whole journey in the browser, in Vietnamese (tests/test_journey_tour.py):
// the salesperson cuts the margin and sends on a phone (390x844), the sales
// manager approves at a desk, the customer accepts on the portal page on a
// phone, the sales manager reads the win rate. No English text is matched:
// fields, buttons and classes only.

import { registry } from "@web/core/registry";

function stateIs(state) {
    return `.o_form_saved .o_statusbar_status:has([data-value='${state}'][aria-checked='true'])`;
}

registry.category("web_tour.tours").add("freight_journey_sales_margin_tour", {
    steps: () => [
        {
            content: "The freight charge from the rate, with the 15% markup",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='sell_price']:contains('747')",
            run: "click",
        },
        {
            content: "Cut it to 5% over the buying price: under the 10% floor",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row.o_selected_row td[name='sell_price'] input",
            run: "edit 682,50", // vi_VN: a decimal comma
        },
        {
            content: "Address it to the contact met at the visit",
            trigger: ".o_form_view .o_field_widget[name='contact_id'] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains('Trần Thị Mai')",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_field_widget[name='contact_id'] input:value('Trần Thị Mai')",
        },
        {
            content: "Send, at the top of the phone screen: the manager must approve",
            trigger: ".o_form_sheet button[name='action_send']:visible",
            run: "click",
        },
        {
            content: "It waits for the sales manager",
            trigger: `${stateIs("to_approve")}`,
        },
        {
            content: "Under the floor, in red",
            trigger: ".o_form_view .alert-warning[role='alert']:visible",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_manager_approve_tour", {
    steps: () => [
        {
            content: "The quotations to approve: the customer's",
            trigger: ".o_data_row:contains('Journey Rubber Co.') td[name='partner_id']",
            run: "click",
        },
        {
            content: "Approve the margin",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_approve']",
            run: "click",
        },
        {
            content: "Back in draft, for the salesperson to send",
            trigger: `${stateIs("draft")}`,
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_approve']))",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_sales_send_tour", {
    steps: () => [
        {
            content: "Approved: Send, at the top of the phone screen",
            trigger: ".o_form_sheet button[name='action_send']:visible",
            run: "click",
        },
        {
            content: "Send the e-mail with the PDF from the composer",
            trigger: ".modal .o_mail_send",
            run: "click",
        },
        {
            content: "Sent; the e-mail is in the chatter",
            trigger: `body:not(:has(.modal)) ${stateIs("sent")}`,
        },
        {
            trigger: ".o-mail-Message:has(.o-mail-AttachmentList)",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_portal_accept_tour", {
    steps: () => [
        {
            content: "The customer's page: Accept & Sign",
            trigger: ".o_freight_quotation_portal .o_freight_accept_btn:visible:first",
            run: "click",
        },
        {
            content: "The contact's name is already there",
            trigger: ".modal .o_web_sign_name_and_signature input:value('Trần Thị Mai')",
        },
        {
            content: "The name is drawn as the signature (a font loads first)",
            trigger: ".modal .o_web_sign_signature",
            async run() {
                const canvas = this.anchor;
                const drawn = () =>
                    canvas
                        .getContext("2d")
                        .getImageData(0, 0, canvas.width, canvas.height)
                        .data.some((value, index) => index % 4 === 3 && value);
                for (let tries = 0; !drawn(); tries++) {
                    if (tries > 100) {
                        throw new Error("The signature was never drawn");
                    }
                    await new Promise((resolve) => setTimeout(resolve, 50));
                }
            },
        },
        {
            content: "Sign",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "Accepted: thanked",
            trigger: ".o_freight_quotation_portal .alert-success[role='status']:visible",
        },
    ],
});

registry.category("web_tour.tours").add("freight_journey_manager_winrate_tour", {
    steps: () => [
        {
            content: "The win-rate analysis, as a list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_searchview_input",
            run: "edit Journey Rubber",
        },
        {
            content: "Search it as the customer (the second field of the search)",
            trigger: ".o_searchview_autocomplete li.o_menu_item:eq(1)",
            run: "click",
        },
        {
            content: "The customer's quotation, won (green)",
            trigger: ".o_list_view .o_data_row:contains('Journey Rubber Co.') td[name='state'] .text-bg-success",
        },
    ],
});
