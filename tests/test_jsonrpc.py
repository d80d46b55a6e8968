"""The external API (JSON-RPC), driven like a real client over HTTP."""

import json

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestJsonRpc(HttpCase):
    def _rpc(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"service": service, "method": method, "args": args},
            "id": 1,
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_sales_reads_master_data_and_may_not_write_it(self):
        new_test_user(
            self.env,
            login="rpc_sales",
            password="rpc_sales_pw",
            groups="base.group_user,freight_crm.group_freight_sales",
        )
        db = self.env.cr.dbname
        uid = self._rpc("common", "login", db, "rpc_sales", "rpc_sales_pw")["result"]
        self.assertTrue(uid)

        def call(model, method, args, kwargs=None):
            return self._rpc(
                "object",
                "execute_kw",
                db,
                uid,
                "rpc_sales_pw",
                model,
                method,
                args,
                kwargs or {},
            )

        found = call(
            "freight.port",
            "search_read",
            [[("iata_code", "=", "SGN")]],
            {"fields": ["code", "kind", "country_id"]},
        )["result"]
        self.assertEqual(len(found), 1)
        self.assertEqual((found[0]["code"], found[0]["kind"]), ("VNSGN", "airport"))

        with mute_logger("odoo.http"):  # the refusal is logged as a warning
            refused = call(
                "freight.port",
                "create",
                [
                    {
                        "name": "X",
                        "code": "VNRPC",
                        "country_id": found[0]["country_id"][0],
                    }
                ],
            )
        self.assertEqual(
            refused["error"]["data"]["name"], "odoo.exceptions.AccessError"
        )
        self.assertFalse(self.env["freight.port"].search([("code", "=", "VNRPC")]))
