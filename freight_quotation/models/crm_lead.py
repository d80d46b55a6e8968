# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math

from odoo import Command, api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    freight_quotation_ids = fields.One2many(
        "freight.quotation", "lead_id", string="Freight Quotations"
    )
    freight_quotation_count = fields.Integer(
        string="Quotations", compute="_compute_freight_quotation_count"
    )

    freight_win_rate = fields.Float(
        string="Win Rate (%)",
        compute="_compute_freight_win_rate",
        help="The won quotations over the decided ones (won, lost, expired).",
    )
    freight_margin_percent = fields.Float(
        string="Average Margin (%)",
        compute="_compute_freight_win_rate",
        help="The margin over the sell of the decided quotations.",
    )
    freight_decided_count = fields.Integer(
        string="Decided Quotations", compute="_compute_freight_win_rate"
    )

    @api.depends("freight_quotation_ids")
    def _compute_freight_quotation_count(self):
        counts = dict(
            self.env["freight.quotation"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.freight_quotation_count = counts.get(lead, 0)

    @api.depends("freight_quotation_ids.state")
    def _compute_freight_win_rate(self):
        Analysis = self.env["freight.quotation.analysis"]
        kpis = Analysis._kpis("lead_id", self) if Analysis.has_access("read") else {}
        for lead in self:
            (
                lead.freight_decided_count,
                lead.freight_win_rate,
                lead.freight_margin_percent,
            ) = kpis.get(lead, (0, 0.0, 0.0))

    def _freight_quotation_defaults(self):
        """What a quotation made from the opportunity starts with."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        contact = self.partner_id if self.partner_id != customer else False
        defaults = {
            "default_lead_id": self.id,
            "default_partner_id": customer.id,
            "default_contact_id": contact.id if contact else False,
            "default_user_id": (self.user_id or self.env.user).id,
            "default_mode": self.transport_mode or "sea_fcl",
            "default_direction": self.freight_direction or "export",
            "default_pol_id": self.origin_port_id.id,
            "default_pod_id": self.destination_port_id.id,
            "default_commodity_id": self.commodity_id.id,
            "default_commodity": self.commodity_id.name or False,
        }
        mode = defaults["default_mode"]
        if (
            self.expected_volume_uom == "teu"
            and self.expected_volume
            and mode in ("sea_fcl", "trucking")
        ):
            # A volume in TEU is quoted in 40' high cubes (a 20' for one TEU).
            single = self.expected_volume < 2
            container = self.env.ref(
                "freight_crm.container_20gp"
                if single
                else "freight_crm.container_40hc",
                raise_if_not_found=False,
            )
            if container:
                defaults["default_container_ids"] = [
                    Command.create(
                        {
                            "container_type_id": container.id,
                            "quantity": 1
                            if single
                            else math.ceil(self.expected_volume / 2),
                        }
                    )
                ]
        elif self.expected_volume_uom == "kg":
            defaults["default_gross_weight"] = self.expected_volume
        elif self.expected_volume_uom == "cbm":
            defaults["default_volume"] = self.expected_volume
        template = self.env["freight.quotation.template"].search(
            [
                ("mode", "=", defaults["default_mode"]),
                (
                    "company_id",
                    "in",
                    [self.company_id.id or self.env.company.id, False],
                ),
            ],
            limit=1,
        )
        defaults["default_template_id"] = template.id
        return defaults

    def action_new_freight_quotation(self):
        """A quotation prefilled from the opportunity: customer, lane, mode
        and cargo."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Quotation"),
            "res_model": "freight.quotation",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": self._freight_quotation_defaults(),
        }

    def action_view_freight_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_quotation.freight_quotation_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = self._freight_quotation_defaults()
        return action

    def action_view_freight_win_rate(self):
        self.ensure_one()
        return self.env["freight.quotation.analysis"]._action_for(
            [("lead_id", "=", self.id)]
        )
