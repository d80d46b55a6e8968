# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import UserError


class FreightRateFinder(models.TransientModel):
    _inherit = "freight.rate.finder"

    lead_id = fields.Many2one("crm.lead", string="Opportunity")

    def action_create_quotation(self):
        """A quotation with one option per ticked rate, buy prices copied
        from the rates and linked to them."""
        self.ensure_one()
        results = self.result_ids.filtered("to_quote") or self.result_ids[:1]
        if not results:
            raise UserError(self.env._("Find rates first, then tick those to quote."))
        if not self.partner_id:
            raise UserError(self.env._("Choose the customer to quote."))
        values = {
            "partner_id": self.partner_id.commercial_partner_id.id,
            "lead_id": self.lead_id.id,
            "mode": self.mode,
            "pol_id": self.origin_id.id,
            "pod_id": self.destination_id.id,
            "date": self.date,
            "gross_weight": self.gross_weight,
            "volume": self.volume,
            "currency_id": self.currency_id.id,
        }
        if self.lead_id:
            values["direction"] = self.lead_id.freight_direction or "export"
            if self.lead_id.partner_id != self.partner_id.commercial_partner_id:
                values["contact_id"] = self.lead_id.partner_id.id
        if self.mode in ("sea_fcl", "trucking") and self.container_type_id:
            values["container_ids"] = [
                Command.create(
                    {
                        "container_type_id": self.container_type_id.id,
                        "quantity": self.container_qty or 1,
                    }
                )
            ]
        template = self.env["freight.quotation.template"].search(
            [
                ("mode", "=", self.mode),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            limit=1,
        )
        quotation = self.env["freight.quotation"].create(values)
        self.env["freight.quotation.filler"]._fill(
            quotation, rates=results.sorted("sequence").rate_id
        )
        if template:
            # The template's standard charges on every option, after the
            # rates' (a charge a rate prices is not added twice).
            quotation.template_id = template
            quotation._apply_template()
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.quotation",
            "res_id": quotation.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
