# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightBookingContainer(models.Model):
    _name = "freight.booking.container"
    _inherit = "freight.container.line.mixin"
    _description = "Containers of a Booking Request"
    _order = "request_id, sequence, id"

    request_id = fields.Many2one(
        "freight.booking.request", required=True, ondelete="cascade", index=True
    )

    _sql_constraints = [
        (
            "type_once",
            "UNIQUE (request_id, container_type_id)",
            "Each container type is listed once: change its quantity.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        rows = super().create(vals_list)
        rows.request_id._check_unlocked({"container_ids"})
        rows.request_id._check_cargo_containers()
        return rows

    def write(self, vals):
        self.request_id._check_unlocked({"container_ids"})
        if vals.get("request_id"):
            target = self.env["freight.booking.request"].browse(vals["request_id"])
            target.check_access("write")
            target._check_unlocked({"container_ids"})
        return super().write(vals)

    def unlink(self):
        self.request_id._check_unlocked({"container_ids"})
        return super().unlink()
