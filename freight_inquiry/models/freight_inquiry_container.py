# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightInquiryContainer(models.Model):
    _name = "freight.inquiry.container"
    _description = "Containers of a Service Inquiry"
    _order = "inquiry_id, sequence, id"

    inquiry_id = fields.Many2one(
        "freight.inquiry", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    quantity = fields.Integer(required=True, default=1)
    container_type_id = fields.Many2one("freight.container.type", required=True)

    _sql_constraints = [
        (
            "type_once",
            "UNIQUE (inquiry_id, container_type_id)",
            "Each container type is listed once: change its quantity.",
        ),
    ]

    @api.constrains("quantity")
    def _check_quantity(self):
        for row in self:
            if row.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "Ask for at least one %s container.", row.container_type_id.code
                    )
                )
