# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_selection import DIRECTIONS, TRANSPORT_MODES, VOLUME_UOMS


class CrmLead(models.Model):
    _inherit = "crm.lead"

    freight_direction = fields.Selection(DIRECTIONS, string="Direction", tracking=True)
    transport_mode = fields.Selection(TRANSPORT_MODES, tracking=True)
    origin_port_id = fields.Many2one("freight.port", string="Origin")
    destination_port_id = fields.Many2one("freight.port", string="Destination")
    commodity_id = fields.Many2one(
        "freight.classification",
        domain="[('kind', '=', 'commodity')]",
    )
    expected_shipment_date = fields.Date(tracking=True)
    expected_volume = fields.Float()
    expected_volume_uom = fields.Selection(VOLUME_UOMS, default="teu")
    expected_profit = fields.Monetary(currency_field="company_currency", tracking=True)
    expected_margin = fields.Float(
        string="Margin (%)",
        compute="_compute_expected_margin",
        store=True,
        aggregator="avg",
    )
    customer_user_id = fields.Many2one(
        related="partner_id.commercial_partner_id.user_id",
        store=True,
        index=True,
        string="Customer's Salesperson",
        help="The salesperson the customer belongs to: a salesperson creates and "
        "edits opportunities of their own customers only, whatever the "
        "opportunity's own salesperson.",
    )
    interaction_ids = fields.One2many("freight.interaction", "lead_id")
    interaction_count = fields.Integer(compute="_compute_interaction_count")

    @api.depends("expected_profit", "expected_revenue")
    def _compute_expected_margin(self):
        for lead in self:
            lead.expected_margin = (
                lead.expected_profit / lead.expected_revenue * 100
                if lead.expected_revenue
                else 0.0
            )

    def _compute_interaction_count(self):
        counts = dict(
            self.env["freight.interaction"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.interaction_count = counts.get(lead, 0)

    @api.constrains("expected_volume", "expected_profit", "expected_revenue")
    def _check_freight_amounts(self):
        for lead in self:
            if lead.expected_volume < 0:
                raise ValidationError(
                    self.env._("The expected volume cannot be negative.")
                )
            if lead.expected_profit > lead.expected_revenue > 0:
                raise ValidationError(
                    self.env._(
                        "The expected profit cannot exceed the expected revenue."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads._promote_customers()
        return leads

    def write(self, vals):
        result = super().write(vals)
        if "partner_id" in vals:
            # The rules are checked before the write: check the customer the
            # opportunity now belongs to too.
            self.check_access("write")
        if {"type", "partner_id", "active", "stage_id"} & set(vals):
            self._promote_customers()
        return result

    def _promote_customers(self):
        """A company with an open opportunity is at least a prospect."""
        open_opportunities = self.filtered(
            lambda lead: lead.type == "opportunity"
            and lead.active
            and not lead.stage_id.is_won
            and lead.partner_id
        )
        open_opportunities.partner_id.commercial_partner_id._freight_promote("prospect")

    def action_log_interaction(self):
        self.ensure_one()
        return self.env["freight.interaction"]._action_quick_log(
            self.partner_id.commercial_partner_id, lead=self
        )

    def action_view_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_interaction_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {
            "default_lead_id": self.id,
            "default_partner_id": self.partner_id.commercial_partner_id.id,
        }
        return action
