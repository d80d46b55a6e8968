# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_rate_expiry_notice_days = fields.Integer(
        related="company_id.freight_rate_expiry_notice_days", readonly=False
    )
