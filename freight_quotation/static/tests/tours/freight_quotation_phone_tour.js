/** @odoo-module **/
// Copyright 2026 Freight CRM contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// On a phone (390x844): a salesperson goes from an opportunity to a sent
// quotation in four taps: New Quotation, Fill from Rates, Send, and Send in
// the e-mail composer.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("freight_quotation_phone_tour", {
    steps: () => [
        {
            content: "Tap 1: New Quotation, on the opportunity's phone screen",
            trigger: ".o_form_sheet button[name='action_new_freight_quotation']:visible",
            run: "click",
        },
        {
            content: "The quotation is prefilled from the opportunity's lane",
            trigger: ".o_field_widget[name='pod_id'] input:value('Los Angeles')",
        },
        {
            content: "Tap 2: Fill from Rates (the cheapest valid buying rate)",
            trigger: ".o_form_sheet button[name='action_fill_from_rates']:visible",
            run: "click",
        },
        {
            content: "The charges came from the rate, with the markup",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row:contains('OF - '), .o_field_widget[name='line_ids'] .o_kanban_record:contains('OF - ')",
        },
        {
            content: "Tap 3: Send",
            trigger: ".o_form_sheet button[name='action_send']:visible",
            run: "click",
        },
        {
            content: "Tap 4: send the e-mail with the PDF from the composer",
            trigger: ".modal .o_mail_send",
            run: "click",
        },
        {
            content: "The e-mail is in the chatter",
            trigger: "body:not(:has(.modal)) .o-mail-Message:has(.o-mail-AttachmentList)",
        },
    ],
});
