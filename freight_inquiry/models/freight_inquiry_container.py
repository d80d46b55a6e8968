# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightInquiryContainer(models.Model):
    _name = "freight.inquiry.container"
    _inherit = "freight.container.line.mixin"
    _description = "Containers of a Service Inquiry"
    _order = "inquiry_id, sequence, id"

    inquiry_id = fields.Many2one(
        "freight.inquiry", required=True, ondelete="cascade", index=True
    )

    _sql_constraints = [
        (
            "type_once",
            "UNIQUE (inquiry_id, container_type_id)",
            "Each container type is listed once: change its quantity.",
        ),
    ]
