# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    freight_inquiry_ids = fields.One2many(
        "freight.inquiry", "lead_id", string="Service Inquiries"
    )
    freight_inquiry_count = fields.Integer(
        string="Inquiries", compute="_compute_freight_inquiry_count"
    )

    @api.depends("freight_inquiry_ids")
    @api.depends_context("uid")
    def _compute_freight_inquiry_count(self):
        # _read_group applies the record rules: sales count their own.
        counts = dict(
            self.env["freight.inquiry"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.freight_inquiry_count = counts.get(lead, 0)

    def _freight_inquiry_defaults(self):
        """What an inquiry made from the opportunity starts with: what the
        quotation would (customer, lane, mode, direction, commodity, the
        containers from the TEU), the requester being who asks."""
        self.ensure_one()
        Inquiry = self.env["freight.inquiry"]
        defaults = {
            key: value
            for key, value in self._freight_quotation_defaults().items()
            if key.removeprefix("default_") in Inquiry._fields
            and key != "default_user_id"
        }
        defaults["default_lead_id"] = self.id
        return defaults

    def action_new_freight_inquiry(self):
        """An inquiry to pricing, prefilled from the opportunity."""
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
        """The opportunity's inquiries, their state at a glance."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_inquiry.freight_inquiry_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = self._freight_inquiry_defaults()
        action["view_mode"] = "list,kanban,form"
        action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
        return action
