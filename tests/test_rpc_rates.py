"""Buying rates over JSON-RPC: what a client sends in the context skips no rule."""

from datetime import date, timedelta

from jsonrpc_client import JsonRpcCase

from odoo.tests import tagged
from odoo.tools import mute_logger

# A context key that used to let the activation of an expired rate through.
FORMER_KEY = {"freight_rate_allow_past": True}


@tagged("post_install", "-at_install")
class TestRpcRates(JsonRpcCase):
    def _refused(self, result, exception):
        self.assertIn("error", result, result)
        self.assertEqual(result["error"]["data"]["name"], exception)

    def setUp(self):
        super().setUp()
        carrier = self.env["res.partner"].create(
            {
                "name": "RPC Past Line",
                "is_company": True,
                "freight_carrier_kind": "shipping_line",
            }
        )
        Port = self.env["freight.port"]
        cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        busan = Port.search([("code", "=", "KRPUS"), ("kind", "=", "seaport")])
        hc = self.env.ref("freight_crm.container_40hc")
        # Served by a real server: dates around today; this rate has ended.
        today = date.today()
        self.vals = {
            "mode": "sea_fcl",
            "carrier_id": carrier.id,
            "origin_id": cat_lai.id,
            "destination_id": busan.id,
            "valid_from": str(today - timedelta(days=60)),
            "valid_to": str(today - timedelta(days=30)),
            "line_ids": [[0, 0, {"container_type_id": hc.id, "amount": 420}]],
        }
        self.expired = self.env["freight.rate"].create(dict(self.vals))
        self.count = self.env["freight.rate"].search_count([])

    def test_pricing_cannot_activate_an_expired_rate_with_the_former_key(self):
        pricing = self._login(
            "rpc_past_pricing", "base.group_user,freight_crm.group_freight_pricing"
        )
        rate = self.expired
        context = {"context": FORMER_KEY}
        with mute_logger("odoo.http"):
            activated = pricing("freight.rate", "action_activate", [[rate.id]], context)
            written = pricing(
                "freight.rate", "write", [[rate.id], {"state": "active"}], context
            )
            created = pricing(
                "freight.rate", "create", [dict(self.vals, state="active")], context
            )
        for result in (activated, written, created):
            self._refused(result, "odoo.exceptions.ValidationError")
            self.assertIn("already expired", result["error"]["data"]["message"])
        rate.invalidate_recordset()
        self.assertEqual(rate.state, "draft")
        self.assertEqual(self.env["freight.rate"].search_count([]), self.count)

    def test_sales_cannot_activate_an_expired_rate_with_the_former_key(self):
        sales = self._login(
            "rpc_past_sales", "base.group_user,freight_crm.group_freight_sales"
        )
        rate = self.expired
        context = {"context": FORMER_KEY}
        with mute_logger("odoo.http"):
            results = [
                sales("freight.rate", "action_activate", [[rate.id]], context),
                sales(
                    "freight.rate", "write", [[rate.id], {"state": "active"}], context
                ),
                sales(
                    "freight.rate", "create", [dict(self.vals, state="active")], context
                ),
            ]
        for result in results:
            self._refused(result, "odoo.exceptions.AccessError")
        rate.invalidate_recordset()
        self.assertEqual(rate.state, "draft")
        self.assertEqual(self.env["freight.rate"].search_count([]), self.count)
