# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import timedelta
from xmlrpc.client import Fault

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import FreightCommon

PASSWORD = "fr-sales-Passw0rd"


@tagged("post_install", "-at_install")
class TestExternalApiKeysOnly(FreightCommon, HttpCase):
    """Settings > Freight > External API: API keys only. Over XML-RPC as a
    script signs in: by default a password or an API key; with the policy,
    the key only, whatever the caller sends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls.user_sales.password = PASSWORD
        cls.key = (
            cls.env["res.users.apikeys"]
            .with_user(cls.user_sales)
            .sudo()
            ._generate("rpc", "integration", fields.Datetime.now() + timedelta(days=1))
        )

    def _count(self, secret):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.user_sales.id,
            secret,
            "freight.port",
            "search_count",
            [[]],
        )

    def _set_policy(self, value):
        # As an administrator saves the settings.
        settings = self.env["res.config.settings"].with_user(
            self.env.ref("base.user_admin")
        )
        settings.create({"freight_rpc_api_keys_only": value}).execute()
        self.assertEqual(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.rpc_api_keys_only", "False"),
            str(value),
        )

    def test_password_or_key_by_default(self):
        count = self.env["freight.port"].search_count([])
        self.assertEqual(self._count(PASSWORD), count)
        self.assertEqual(self._count(self.key), count)

    def test_keys_only(self):
        self._set_policy(True)
        count = self.env["freight.port"].search_count([])
        self.assertEqual(self._count(self.key), count)
        with (
            mute_logger("odoo.http", "odoo.addons.base.models.res_users"),
            self.assertRaises(Fault) as refused,
        ):
            self._count(PASSWORD)
        self.assertIn("Access Denied", refused.exception.faultString)
        # The web client still signs in with the password: the policy is
        # for the external API only.
        response = self.url_open(
            "/web/session/authenticate",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "db": self.env.cr.dbname,
                        "login": self.user_sales.login,
                        "password": PASSWORD,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["result"]["uid"], self.user_sales.id)
        self._set_policy(False)
        self.assertEqual(self._count(PASSWORD), count)

    def test_only_an_administrator_sets_it(self):
        settings = self.env["res.config.settings"].with_user(self.user_manager)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            settings.create({"freight_rpc_api_keys_only": True}).execute()
        self.assertFalse(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.rpc_api_keys_only")
        )
