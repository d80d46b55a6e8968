# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import str2bool

RPC_API_KEYS_ONLY = "freight_crm.rpc_api_keys_only"


class ResUsers(models.Model):
    _inherit = "res.users"

    def _rpc_api_keys_only(self):
        """Over the external API (/jsonrpc, /xmlrpc), sign in with an API key
        only, when an administrator chose so (Settings > Freight), as Odoo
        does for users with two-factor authentication. A password is then
        never checked on an external call: it costs a PBKDF2 hash of 600,000
        rounds each time (about half a second of a core), an API key one of
        6,000."""
        # sudo: every user signs in under the company's policy, which only
        # an administrator may read or change.
        policy = self.env["ir.config_parameter"].sudo().get_param(RPC_API_KEYS_ONLY)
        return super()._rpc_api_keys_only() or str2bool(policy or "False")
