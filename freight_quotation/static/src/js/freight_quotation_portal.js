/** @odoo-module **/
// The customer's quotation page: the option ticked travels with the
// signature, and the accept dialog says which option is being accepted.

import "@portal/signature_form/signature_form";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { addLoadingEffect } from "@web/core/utils/ui";
import { redirect } from "@web/core/utils/urls";
import publicWidget from "@web/legacy/js/public/public_widget";

const OPTION_INPUT = "input[name='freight_option_id']";
const SignatureForm = registry.category("public_components").get("portal.signature_form");

function checkedOption() {
    return document.querySelector(`${OPTION_INPUT}:checked`);
}

/**
 * Odoo's portal signature form (name and signature), which also posts the
 * option the customer ticked on the page: the server checks it belongs to
 * the quotation.
 */
export class FreightQuotationSignatureForm extends SignatureForm {
    async onClickSubmit() {
        const button = this.rootRef.el.querySelector(".o_portal_sign_submit");
        const restoreBtnLoading = addLoadingEffect(button);
        const option = checkedOption();
        const data = await rpc(this.props.callUrl, {
            name: this.signature.name,
            signature: this.signature.getSignatureImage().split(",")[1],
            option_id: option ? parseInt(option.value) : false,
        });
        if (data.force_refresh) {
            redirect(data.redirect_url);
            // Do not resolve: the page is leaving.
            return new Promise(() => {});
        }
        restoreBtnLoading();
        this.state.error = data.error || false;
    }
}

registry
    .category("public_components")
    .add("freight_quotation.signature_form", FreightQuotationSignatureForm);

publicWidget.registry.FreightQuotationOptions = publicWidget.Widget.extend({
    selector: ".o_freight_quotation_portal",
    events: {
        [`change ${OPTION_INPUT}`]: "_update",
    },

    start() {
        this._update();
        return this._super(...arguments);
    },

    /** Outline the option ticked and name it in the accept dialog. */
    _update() {
        const option = checkedOption();
        const chosen = option ? option.value : "";
        for (const card of this.el.querySelectorAll(".o_freight_option")) {
            card.classList.toggle("border-primary", card.dataset.optionId === chosen);
        }
        for (const summary of this.el.querySelectorAll(".o_freight_option_summary")) {
            summary.classList.toggle("d-none", summary.dataset.optionId !== chosen);
        }
        for (const warning of this.el.querySelectorAll(".o_freight_no_option")) {
            warning.classList.toggle("d-none", Boolean(option));
        }
    },
});
