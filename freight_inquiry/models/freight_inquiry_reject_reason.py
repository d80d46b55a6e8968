# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightInquiryRejectReason(models.Model):
    """Why pricing rejects an inquiry: a list pricing edits."""

    _name = "freight.inquiry.reject.reason"
    _description = "Inquiry Rejection Reason"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
