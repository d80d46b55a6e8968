# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    freight_inquiry_count = fields.Integer(
        string="Inquiries", compute="_compute_freight_inquiry_count"
    )

    @api.depends_context("uid")
    def _compute_freight_inquiry_count(self):
        # _read_group applies the record rules: sales count their own.
        counts = dict(
            self.env["freight.inquiry"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.freight_inquiry_count = counts.get(partner.commercial_partner_id, 0)

    def _freight_inquiry_defaults(self):
        self.ensure_one()
        return {"default_partner_id": self.commercial_partner_id.id}

    def action_new_freight_inquiry(self):
        """An inquiry to pricing for the customer."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Inquiry"),
            "res_model": "freight.inquiry",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": self._freight_inquiry_defaults(),
        }

    def action_view_freight_inquiries(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_inquiry.freight_inquiry_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = self._freight_inquiry_defaults()
        action["view_mode"] = "list,kanban,form"
        action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
        return action
