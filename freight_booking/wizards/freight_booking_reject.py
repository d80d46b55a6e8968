# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightBookingReject(models.TransientModel):
    _name = "freight.booking.reject"
    _description = "Reject a Booking Request"

    request_ids = fields.Many2many(
        "freight.booking.request",
        default=lambda self: self.env.context.get("active_ids"),
    )
    reason_id = fields.Many2one("freight.booking.reject.reason")
    missing_note = fields.Text(
        string="What Is Missing",
        help="What the salesperson must add or correct before requesting again.",
    )
    note = fields.Text(string="Comment")

    def action_reject(self):
        self.ensure_one()
        # The rules (department, state, a reason) are the model's.
        self.request_ids._reject(self.reason_id, self.missing_note, self.note)
        return {"type": "ir.actions.act_window_close"}
