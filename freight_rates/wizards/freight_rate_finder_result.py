# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightRateFinderResult(models.TransientModel):
    _name = "freight.rate.finder.result"
    _description = "Rate Finder Result"
    _order = "sequence, id"

    finder_id = fields.Many2one(
        "freight.rate.finder", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(string="Rank")
    rate_id = fields.Many2one("freight.rate", required=True, ondelete="cascade")
    carrier_id = fields.Many2one(related="rate_id.carrier_id")
    vendor_id = fields.Many2one(related="rate_id.vendor_id")
    transshipment_id = fields.Many2one(related="rate_id.transshipment_id")
    transit_days = fields.Integer(related="rate_id.transit_days")
    frequency = fields.Selection(related="rate_id.frequency")
    rate_type = fields.Selection(related="rate_id.rate_type")
    named_customer_id = fields.Many2one(related="rate_id.named_customer_id")
    valid_from = fields.Date(related="rate_id.valid_from")
    valid_to = fields.Date(related="rate_id.valid_to")
    free_dem_days = fields.Integer(related="rate_id.free_dem_days")
    free_det_days = fields.Integer(related="rate_id.free_det_days")
    remarks = fields.Text(related="rate_id.remarks")
    currency_id = fields.Many2one("res.currency", required=True)
    freight_amount = fields.Monetary(string="Freight")
    surcharge_amount = fields.Monetary(string="Surcharges")
    all_in_amount = fields.Monetary(string="All-in")
    excluded_amount = fields.Monetary(string="Not in All-in")
    is_cheapest = fields.Boolean(string="Cheapest")
    is_fastest = fields.Boolean(string="Fastest")
    highlight = fields.Selection(
        [
            ("cheapest_fastest", "Cheapest, Fastest"),
            ("cheapest", "Cheapest"),
            ("fastest", "Fastest"),
        ],
        string="Best",
        compute="_compute_highlight",
        help="The badges of the cheapest and the fastest rates, as on the phone.",
    )
    is_expired = fields.Boolean(string="Expired")
    breakdown = fields.Html(sanitize=False, readonly=True)

    @api.depends("is_cheapest", "is_fastest")
    def _compute_highlight(self):
        for result in self:
            if result.is_cheapest and result.is_fastest:
                result.highlight = "cheapest_fastest"
            elif result.is_cheapest or result.is_fastest:
                result.highlight = "cheapest" if result.is_cheapest else "fastest"
            else:
                result.highlight = False

    def action_open_rate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.rate",
            "res_id": self.rate_id.id,
            "view_mode": "form",
            "target": "current",
        }
