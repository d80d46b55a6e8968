# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightInquiryReject(models.TransientModel):
    _name = "freight.inquiry.reject"
    _description = "Reject a Service Inquiry"

    inquiry_ids = fields.Many2many(
        "freight.inquiry",
        default=lambda self: self.env["freight.inquiry"].browse(
            self.env.context.get("active_ids", [])
        ),
    )
    reject_reason_id = fields.Many2one(
        "freight.inquiry.reject.reason", string="Reason", required=True
    )
    reject_note = fields.Text(string="What Is Missing or Wrong")

    def action_confirm(self):
        self.ensure_one()
        self.inquiry_ids._reject(self.reject_reason_id, self.reject_note)
        return {"type": "ir.actions.act_window_close"}
