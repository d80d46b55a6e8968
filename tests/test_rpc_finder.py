"""The rate finder over JSON-RPC, as a client calls it: named-account rates
stay with their customer's salesperson, refusals are clear, converted prices
say at which rate, and the web client's call runs on a read-only cursor."""

from datetime import date, timedelta

from jsonrpc_client import JsonRpcCase

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestRpcFinder(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # The messages and labels are asserted in English.
        env["res.lang"]._activate_lang("en_US")
        groups = {
            "sales": "base.group_user,freight_crm.group_freight_sales",
            "manager": "base.group_user,freight_crm.group_freight_sales_manager",
            "pricing": "base.group_user,freight_crm.group_freight_pricing",
        }
        cls.users = {
            login: new_test_user(
                env, login=login, password=f"{login}_pw", groups=groups[group]
            )
            for login, group in (
                ("rpcf_sales_a", "sales"),
                ("rpcf_sales_b", "sales"),
                ("rpcf_manager", "manager"),
                ("rpcf_pricing", "pricing"),
            )
        }
        Partner = env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "RPC Named Customer",
                "is_company": True,
                "user_id": cls.users["rpcf_sales_a"].id,
            }
        )
        cls.other_customer = Partner.create(
            {
                "name": "RPC Other Customer",
                "is_company": True,
                "user_id": cls.users["rpcf_sales_b"].id,
            }
        )
        line = Partner.create(
            {
                "name": "RPC Finder Line",
                "is_company": True,
                "freight_carrier_kind": "shipping_line",
            }
        )
        Port = env["freight.port"]
        cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        # A lane of its own, so that demo rates do not get in the way.
        cls.keelung = Port.search([("code", "=", "TWKEL"), ("kind", "=", "seaport")])
        assert cls.keelung, "TWKEL is in the master data"
        hc = env.ref("freight_crm.container_40hc")
        vnd = env.ref("base.VND")
        vnd.active = True
        today = date.today()  # served by a real server: dates around today
        env["res.currency.rate"].create(
            {
                "currency_id": vnd.id,
                "rate": 26300.0,
                "name": today - timedelta(days=2),
                "company_id": env.company.id,
            }
        )
        rates = env["freight.rate"]
        for price, vals in (
            (
                1700.0,
                {"rate_type": "named_account", "named_customer_id": cls.customer.id},
            ),
            (2000.0, {}),
        ):
            rates |= rates.create(
                {
                    "mode": "sea_fcl",
                    "carrier_id": line.id,
                    "origin_id": cat_lai.id,
                    "destination_id": cls.keelung.id,
                    "valid_from": today - timedelta(days=1),
                    "valid_to": today + timedelta(days=30),
                    "state": "active",
                    "line_ids": [
                        Command.create({"container_type_id": hc.id, "amount": price}),
                        Command.create(
                            {
                                "line_type": "surcharge",
                                "charge_type_id": env.ref("freight_crm.charge_thco").id,
                                "amount": 2630000.0,
                                "currency_id": vnd.id,
                            }
                        ),
                    ],
                }
                | vals
            )
        cls.named, cls.public = rates
        cls.today = today

    def _client_en(self, login):
        # In English, as the messages and labels are asserted.
        return self._client(login, lang="en_US")

    def _found(self, call, **kwargs):
        response = call(
            "freight.rate",
            "find_rates",
            ["sea_fcl", "VNCLI", "TWKEL"],
            {"container_type": "40HC"} | kwargs,
        )
        return [r["rate_id"] for r in response["result"]]

    def test_named_account_rates_stay_with_their_salesperson(self):
        named, public = self.named.id, self.public.id
        customer, other = self.customer.id, self.other_customer.id
        # (login, sees the rate, finds it for its customer)
        for login, sees in (
            ("rpcf_sales_b", False),
            ("rpcf_sales_a", True),
            ("rpcf_manager", True),
            ("rpcf_pricing", True),
        ):
            with self.subTest(login=login):
                call = self._client_en(login)
                listed = call(
                    "freight.rate",
                    "search_read",
                    [[("id", "in", [named, public])]],
                    {"fields": ["name", "rate_type"]},
                )["result"]
                self.assertEqual(
                    sorted(r["id"] for r in listed),
                    sorted([named, public] if sees else [public]),
                )
                prices = call(
                    "freight.rate.line",
                    "search_read",
                    [[("rate_id", "=", named)]],
                    {"fields": ["amount"]},
                )["result"]
                self.assertEqual(len(prices), 2 if sees else 0)
                with mute_logger("odoo.http"):
                    read = call("freight.rate", "read", [[named], ["name"]])
                if sees:
                    self.assertEqual(read["result"][0]["id"], named)
                else:
                    self.assertEqual(
                        read["error"]["data"]["name"], "odoo.exceptions.AccessError"
                    )
                self.assertEqual(
                    self._found(call, customer=customer),
                    [named, public] if sees else [public],
                )
                # Never for another customer, nor for no customer.
                self.assertEqual(self._found(call, customer=other), [public])
                self.assertEqual(self._found(call), [public])

    def test_refusals_are_clear(self):
        call = self._client_en("rpcf_sales_b")
        for kwargs, args, message in (
            ({}, ["sea_fcl", "VNCLI", "VNCLI"], "both the origin and the destination"),
            ({"limit": 0}, None, "1 to 500 rates"),
            ({"limit": 501}, None, "1 to 500 rates"),
            ({"container_qty": 10001}, None, "10,000 containers"),
        ):
            with self.subTest(kwargs=kwargs, args=args), mute_logger("odoo.http"):
                response = call(
                    "freight.rate",
                    "find_rates",
                    args or ["sea_fcl", "VNCLI", "TWKEL"],
                    {"container_type": "40HC"} | kwargs,
                )
                self.assertEqual(
                    response["error"]["data"]["name"], "odoo.exceptions.UserError"
                )
                self.assertIn(message, response["error"]["data"]["message"])
        for kwargs, args, message in (
            ({"mode": "air", "gross_weight": 1000001}, ["SGN", "FRA"], "1,000,000 kg"),
            ({"mode": "sea_lcl", "volume": 100001}, ["VNCLI", "TWKEL"], "100,000 CBM"),
        ):
            with self.subTest(kwargs=kwargs), mute_logger("odoo.http"):
                mode = kwargs.pop("mode")
                response = call("freight.rate", "find_rates", [mode, *args], kwargs)
                self.assertEqual(
                    response["error"]["data"]["name"], "odoo.exceptions.UserError"
                )
                self.assertIn(message, response["error"]["data"]["message"])

    def test_converted_prices_carry_their_exchange_rate(self):
        call = self._client_en("rpcf_sales_b")
        found = call(
            "freight.rate",
            "find_rates",
            ["sea_fcl", "VNCLI", "TWKEL"],
            {"container_type": "40HC", "currency": "USD"},
        )["result"]
        of, thc = found[0]["items"]
        self.assertEqual(found[0]["all_in_amount"], 2100.0)
        self.assertFalse(of["exchange_rate"])
        self.assertEqual(thc["currency"], "VND")
        self.assertAlmostEqual(thc["exchange_rate"], 1 / 26300)
        rate_day = self.today - timedelta(days=2)
        self.assertEqual(thc["exchange_rate_date"], str(rate_day))
        # Not in this one: its VND price shows as it was filed.
        in_vnd = call(
            "freight.rate",
            "find_rates",
            ["sea_fcl", "VNCLI", "TWKEL"],
            {"container_type": "40HC", "currency": "VND"},
        )["result"]
        of, thc = in_vnd[0]["items"]
        self.assertEqual(of["exchange_rate"], 26300.0)
        self.assertEqual(of["exchange_rate_date"], str(rate_day))
        self.assertEqual(
            (thc["exchange_rate"], thc["exchange_rate_date"]), (False, False)
        )
        self.assertEqual(in_vnd[0]["all_in_amount"], 2000 * 26300.0 + 2630000.0)

    def test_the_web_client_finds_rates_on_a_read_only_cursor(self):
        """/web/dataset/call_kw runs an @api.readonly method on a read-only
        cursor (the replica's when there is one); a write there would be
        retried on a read/write one, with a warning."""
        self.authenticate("rpcf_sales_a", "rpcf_sales_a_pw")
        with self.assertNoLogs("odoo.http", "WARNING"):
            response = self.make_jsonrpc_request(
                "/web/dataset/call_kw/freight.rate/find_rates",
                {
                    "model": "freight.rate",
                    "method": "find_rates",
                    "args": ["sea_fcl", "VNCLI", "TWKEL"],
                    "kwargs": {
                        "container_type": "40HC",
                        "customer": self.customer.id,
                    },
                },
            )
        self.assertEqual(
            [r["rate_id"] for r in response], [self.named.id, self.public.id]
        )
