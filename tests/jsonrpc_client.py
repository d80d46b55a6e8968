"""A real client of the external API: JSON-RPC over HTTP, as each user."""

import json

from odoo.tests import HttpCase, new_test_user


class JsonRpcCase(HttpCase):
    """Calls the running test server at /jsonrpc, like any external client."""

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

    def _client(self, login, password=None, lang=None):
        """call(model, method, args, kwargs=None) -> the JSON-RPC answer, as
        LOGIN (password: LOGIN_pw unless given), in LANG when given."""
        password = password or f"{login}_pw"
        db = self.env.cr.dbname
        uid = self._rpc("common", "login", db, login, password)["result"]
        self.assertTrue(uid, f"{login} cannot log in")

        def call(model, method, args, kwargs=None):
            kwargs = kwargs or {}
            if lang:
                kwargs = {"context": {"lang": lang}} | kwargs
            return self._rpc(
                "object", "execute_kw", db, uid, password, model, method, args, kwargs
            )

        return call

    def _login(self, login, groups):
        """A new user of GROUPS and their client."""
        new_test_user(self.env, login=login, password=f"{login}_pw", groups=groups)
        return self._client(login)
