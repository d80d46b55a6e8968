# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_neglect_days = fields.Integer(
        related="company_id.freight_neglect_days", readonly=False
    )
    freight_birthday_notice_days = fields.Integer(
        related="company_id.freight_birthday_notice_days", readonly=False
    )
    freight_rpc_api_keys_only = fields.Boolean(
        string="External API with API keys only",
        config_parameter="freight_crm.rpc_api_keys_only",
        help="Scripts and integrations sign in to the external API (JSON-RPC, "
        "XML-RPC) with an API key, never with a password. Safer, and much "
        "lighter on the server: a password is checked with a deliberately "
        "slow hash on every call.",
    )
