# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightQuotationRefuse(models.TransientModel):
    _name = "freight.quotation.refuse"
    _description = "Refuse a Quotation's Margin"

    quotation_ids = fields.Many2many(
        "freight.quotation",
        default=lambda self: self.env["freight.quotation"].browse(
            self.env.context.get("active_ids", [])
        ),
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.quotation_ids._refuse(self.reason)
        return {"type": "ir.actions.act_window_close"}
