# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.models.freight_selection import (
    DIRECTIONS,
    TRANSPORT_MODES,
)


class FreightInquiryRoutingRule(models.Model):
    """Who answers an inquiry: the first rule (by sequence) whose criteria
    all match; an empty criterion matches everything."""

    _name = "freight.inquiry.routing.rule"
    _description = "Inquiry Routing Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    mode = fields.Selection(TRANSPORT_MODES)
    direction = fields.Selection(DIRECTIONS)
    origin_country_id = fields.Many2one(
        "res.country",
        help="The country of the port of loading.",
    )
    destination_country_id = fields.Many2one(
        "res.country",
        help="The country of the port of discharge.",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assignee",
        required=True,
        check_company=True,
        domain=lambda self: [
            ("share", "=", False),
            ("groups_id", "in", self.env.ref("freight_crm.group_freight_pricing").id),
        ],
    )

    @api.constrains("user_id")
    def _check_user_pricing(self):
        for rule in self:
            if not rule.user_id.has_group("freight_crm.group_freight_pricing"):
                raise ValidationError(
                    self.env._(
                        "%s is not in pricing: route inquiries to a pricing user.",
                        rule.user_id.name,
                    )
                )

    def _matches(self, inquiry):
        self.ensure_one()
        criteria = (
            (self.mode, inquiry.mode),
            (self.direction, inquiry.direction),
            (self.origin_country_id, inquiry.pol_id.country_id),
            (self.destination_country_id, inquiry.pod_id.country_id),
            (self.partner_id, inquiry.partner_id.commercial_partner_id),
        )
        return all(not wanted or wanted == value for wanted, value in criteria)
