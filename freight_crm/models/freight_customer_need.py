# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_selection import TRANSPORT_MODES, VOLUME_UOMS

SATISFACTION = [
    ("1", "Very Unhappy"),
    ("2", "Unhappy"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very Satisfied"),
]


class FreightCustomerNeed(models.Model):
    _name = "freight.customer.need"
    _description = "Customer Need"
    _inherit = ["freight.customer.mixin", "mail.thread"]
    _order = "partner_id, id desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    transport_mode = fields.Selection(TRANSPORT_MODES, required=True, tracking=True)
    service = fields.Char(
        help="What the customer needs, e.g. door-to-door, customs, warehousing."
    )
    origin_port_id = fields.Many2one("freight.port", string="Origin")
    destination_port_id = fields.Many2one("freight.port", string="Destination")
    origin_country_id = fields.Many2one("res.country")
    destination_country_id = fields.Many2one("res.country")
    commodity_id = fields.Many2one(
        "freight.classification",
        domain="[('kind', '=', 'commodity')]",
    )
    volume = fields.Float(string="Expected Volume", tracking=True)
    volume_uom = fields.Selection(VOLUME_UOMS, string="Per Month", default="teu")
    provider_id = fields.Many2one(
        "res.partner",
        string="Current Provider",
        domain="[('is_company', '=', True)]",
        help="The forwarder or carrier the customer uses today.",
    )
    provider_name = fields.Char(
        string="Current Provider (name)",
        help="When the provider is not a partner in the database.",
    )
    satisfaction = fields.Selection(
        SATISFACTION, help="How satisfied the customer is with its provider."
    )
    pain_points = fields.Text()

    @api.constrains("volume")
    def _check_volume(self):
        for need in self:
            if need.volume < 0:
                raise ValidationError(
                    self.env._("The expected volume cannot be negative.")
                )

    @api.depends(
        "partner_id", "transport_mode", "origin_port_id", "destination_port_id"
    )
    def _compute_display_name(self):
        modes = dict(self._fields["transport_mode"]._description_selection(self.env))
        for need in self:
            lane = " → ".join(
                p.code for p in (need.origin_port_id, need.destination_port_id) if p
            )
            need.display_name = " ".join(
                part for part in (modes.get(need.transport_mode), lane) if part
            )
