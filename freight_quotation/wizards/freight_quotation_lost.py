# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightQuotationLost(models.TransientModel):
    _name = "freight.quotation.lost"
    _description = "Mark a Quotation Lost"

    quotation_ids = fields.Many2many(
        "freight.quotation",
        default=lambda self: self.env["freight.quotation"].browse(
            self.env.context.get("active_ids", [])
        ),
    )
    lost_reason_id = fields.Many2one("crm.lost.reason", required=True)
    lost_note = fields.Text(string="Details")
    competitor = fields.Char(help="Who won the shipment, when known.")
    competitor_price = fields.Monetary(
        string="Their Price", currency_field="competitor_currency_id"
    )
    competitor_currency_id = fields.Many2one(
        "res.currency",
        string="Currency",
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False),
    )

    def action_confirm(self):
        self.ensure_one()
        # The rules (state, reason, price) are the quotation's own.
        self.quotation_ids._set_lost(
            self.lost_reason_id,
            note=self.lost_note,
            competitor=self.competitor,
            price=self.competitor_price,
            currency=self.competitor_currency_id,
        )
        return {"type": "ir.actions.act_window_close"}
