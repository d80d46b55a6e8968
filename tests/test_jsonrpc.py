"""The external API (JSON-RPC), driven like a real client over HTTP."""

from datetime import date, timedelta

from jsonrpc_client import JsonRpcCase

from odoo.tests import tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestJsonRpc(JsonRpcCase):
    def test_sales_reads_master_data_and_may_not_write_it(self):
        call = self._login(
            "rpc_sales", "base.group_user,freight_crm.group_freight_sales"
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

    def test_pricing_files_a_rate_and_sales_find_it(self):
        pricing = self._login(
            "rpc_pricing", "base.group_user,freight_crm.group_freight_pricing"
        )
        sales = self._login(
            "rpc_sales2", "base.group_user,freight_crm.group_freight_sales"
        )
        carrier = self.env["res.partner"].create(
            {
                "name": "RPC Line",
                "is_company": True,
                "freight_carrier_kind": "shipping_line",
            }
        )
        port = self.env["freight.port"]
        cat_lai = port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        busan = port.search([("code", "=", "KRPUS"), ("kind", "=", "seaport")])
        hc = self.env.ref("freight_crm.container_40hc")
        today = date.today()  # served by a real server: dates around today
        rate_id = pricing(
            "freight.rate",
            "create",
            [
                {
                    "mode": "sea_fcl",
                    "carrier_id": carrier.id,
                    "origin_id": cat_lai.id,
                    "destination_id": busan.id,
                    "valid_from": str(today - timedelta(days=1)),
                    "valid_to": str(today + timedelta(days=30)),
                    "line_ids": [[0, 0, {"container_type_id": hc.id, "amount": 420}]],
                }
            ],
        )["result"]
        self.assertTrue(
            pricing("freight.rate", "action_activate", [[rate_id]])["result"]
        )
        with mute_logger("odoo.http"):
            again = pricing("freight.rate", "action_activate", [[rate_id]])
        self.assertEqual(again["error"]["data"]["name"], "odoo.exceptions.UserError")

        found = sales(
            "freight.rate",
            "find_rates",
            ["sea_fcl", "VNCLI", "KRPUS"],
            {"container_type": "40HC", "container_qty": 2, "currency": "USD"},
        )["result"]
        # Demo rates may share the lane: ours is among them, cheapest first.
        totals = [r["all_in_amount"] for r in found]
        self.assertEqual(totals, sorted(totals))
        mine = next(r for r in found if r["rate_id"] == rate_id)
        self.assertEqual(mine["carrier"], "RPC Line")
        self.assertEqual(mine["all_in_amount"], 840.0)
        self.assertEqual(mine["items"][0]["charge_code"], "OF")
        with mute_logger("odoo.http"):
            refused = sales("freight.rate", "write", [[rate_id], {"transit_days": 1}])
            bad = sales("freight.rate", "find_rates", ["sea_fcl", "VNCLI", "ZZZZZ"])
        self.assertEqual(
            refused["error"]["data"]["name"], "odoo.exceptions.AccessError"
        )
        self.assertEqual(bad["error"]["data"]["name"], "odoo.exceptions.UserError")
        self.assertIn("ZZZZZ", bad["error"]["data"]["message"])
