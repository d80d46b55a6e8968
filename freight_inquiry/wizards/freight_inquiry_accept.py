# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class FreightInquiryAccept(models.TransientModel):
    """Pricing accepts an inquiry: the rate finder's results for its
    shipment, the rates ticked become the options of the quotation."""

    _name = "freight.inquiry.accept"
    _description = "Accept a Service Inquiry"

    inquiry_id = fields.Many2one("freight.inquiry", required=True, readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    result_ids = fields.One2many(
        "freight.inquiry.accept.result", "wizard_id", string="Buying Rates"
    )
    no_rate = fields.Boolean(compute="_compute_no_rate")

    @api.depends("result_ids")
    def _compute_no_rate(self):
        for wizard in self:
            wizard.no_rate = not wizard.result_ids

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        inquiry = self.env["freight.inquiry"].browse(
            values.get("inquiry_id") or self.env.context.get("active_id")
        )
        if not inquiry:
            return values
        values["inquiry_id"] = inquiry.id
        shipment = self.env["freight.quotation"].new(inquiry._quotation_values())
        values["currency_id"] = shipment.currency_id.id
        values["result_ids"] = [
            Command.create(
                {
                    "sequence": sequence,
                    "rate_id": result["rate"].id,
                    "total": result["total"],
                }
            )
            for sequence, result in enumerate(self._results(shipment), start=1)
        ]
        return values

    @api.model
    def _results(self, shipment):
        """The finder's results for the inquiry's shipment, cheapest first
        (none when it cannot be priced from rates)."""
        filler = self.env["freight.quotation.filler"]
        try:
            filler._check_lane(shipment)
        except UserError:
            return []
        return filler._results(shipment)

    def action_confirm(self):
        self.ensure_one()
        rates = self.result_ids.filtered("to_quote").sorted("sequence").rate_id
        self.inquiry_id.action_accept(rate_ids=rates.ids)
        return self.inquiry_id.action_view_quotation()


class FreightInquiryAcceptResult(models.TransientModel):
    _name = "freight.inquiry.accept.result"
    _description = "Buying Rate Offered to Accept an Inquiry"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "freight.inquiry.accept", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    rate_id = fields.Many2one("freight.rate", required=True, readonly=True)
    carrier_id = fields.Many2one(related="rate_id.carrier_id")
    vendor_id = fields.Many2one(related="rate_id.vendor_id")
    transit_days = fields.Integer(related="rate_id.transit_days")
    valid_to = fields.Date(related="rate_id.valid_to")
    currency_id = fields.Many2one(related="wizard_id.currency_id")
    total = fields.Monetary(string="All-in Cost", readonly=True)
    to_quote = fields.Boolean(
        string="Quote", help="Tick the rates to offer as options of the quotation."
    )
