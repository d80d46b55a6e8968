"""Quotations over JSON-RPC, as real clients: a salesperson reaches only
their own customers' quotations, pricing only the buying side, operations
only the won ones, and a portal user none of the buying prices and margins.
Every refusal writes nothing."""

from jsonrpc_client import JsonRpcCase

from odoo import Command
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

ACCESS_ERROR = "odoo.exceptions.AccessError"
USER_ERROR = "odoo.exceptions.UserError"


@tagged("post_install", "-at_install")
class TestRpcQuotation(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sales = "base.group_user,freight_crm.group_freight_sales"

        def user(login, groups):
            return new_test_user(
                cls.env, login=login, password=f"{login}_pw", groups=groups
            )

        cls.sales_a = user("rpc_q_sales_a", sales)
        cls.sales_b = user("rpc_q_sales_b", sales)
        cls.pricing = user(
            "rpc_q_pricing", "base.group_user,freight_crm.group_freight_pricing"
        )
        cls.ops = user(
            "rpc_q_ops", "base.group_user,freight_crm.group_freight_operations_sea"
        )
        cls.portal = user("rpc_q_portal", "base.group_portal")
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {"name": "RPC Quoted A", "is_company": True, "user_id": cls.sales_a.id}
        )
        cls.customer_b = Partner.create(
            {"name": "RPC Quoted B", "is_company": True, "user_id": cls.sales_b.id}
        )
        cls.portal.partner_id.parent_id = cls.customer_a
        Port = cls.env["freight.port"]
        cls.cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        cls.busan = Port.search([("code", "=", "KRPUS"), ("kind", "=", "seaport")])
        cls.usd = cls.env.ref("base.USD")
        cls.charge = cls.env.ref("freight_crm.charge_doc")
        cls.quotation_a = cls._quotation(cls.customer_a)
        # B's customer's quotation, naming A as its salesperson: still B's.
        cls.quotation_b = cls._quotation(cls.customer_b, user_id=cls.sales_a.id)
        cls.quotation_won = cls._quotation(cls.customer_a)
        cls.quotation_won.action_send()
        cls.quotation_won.action_mark_won()
        # Operations read a won quotation their department is to handle
        # (freight_booking sets it from the booking requests).
        cls.quotation_won.operations_group_ids = cls.env.ref(
            "freight_crm.group_freight_operations_sea"
        )
        cls.line_a = cls.quotation_a.line_ids
        cls.line_b = cls.quotation_b.line_ids

    @classmethod
    def _quotation(cls, customer, **vals):
        return cls.env["freight.quotation"].create(
            {
                "partner_id": customer.id,
                "mode": "sea_lcl",
                "pol_id": cls.cat_lai.id,
                "pod_id": cls.busan.id,
                "currency_id": cls.usd.id,
                "volume": 2.0,
                "line_ids": [Command.create(cls._line_values())],
            }
            | vals
        )

    @classmethod
    def _line_values(cls):
        return {
            "charge_type_id": cls.charge.id,
            "unit": "per_shipment",
            "sell_price": 100.0,
            "buy_price": 80.0,
            "sell_currency_id": cls.usd.id,
            "buy_currency_id": cls.usd.id,
        }

    def _refused(self, answer, exception=ACCESS_ERROR):
        self.assertIn("error", answer, answer)
        self.assertEqual(answer["error"]["data"]["name"], exception, answer)
        self.env.invalidate_all()

    def _call(self, login, *args):
        with mute_logger("odoo.http"):  # refusals are logged as warnings
            return self._client(login)(*args)

    def _unchanged(self, quotation, line):
        self.env.invalidate_all()
        self.assertEqual(quotation.state, "draft")
        self.assertFalse(quotation.commodity)
        self.assertEqual((line.sell_price, line.buy_price), (100.0, 80.0))

    def test_salesperson_crossing_refused(self):
        login = "rpc_q_sales_a"
        found = self._call(
            login, "freight.quotation", "search_read", [[]], {"fields": ["name"]}
        )
        self.assertEqual(
            {row["id"] for row in found["result"]},
            set((self.quotation_a | self.quotation_won).ids),
        )
        found = self._call(
            login,
            "freight.quotation.line",
            "search_read",
            [[("quotation_id", "=", self.quotation_b.id)]],
            {"fields": ["name"]},
        )
        self.assertEqual(found["result"], [])
        ids = self.quotation_b.ids
        self._refused(self._call(login, "freight.quotation", "read", [ids, ["name"]]))
        self._refused(
            self._call(
                login, "freight.quotation", "write", [ids, {"commodity": "Shrimp"}]
            )
        )
        self._refused(self._call(login, "freight.quotation", "unlink", [ids]))
        self._refused(
            self._call(
                login,
                "freight.quotation.line",
                "write",
                [self.line_b.ids, {"sell_price": 1.0}],
            )
        )
        self._refused(self._call(login, "freight.quotation", "action_send", [ids]))
        # Nor slip a charge of their own into it.
        self._refused(
            self._call(
                login,
                "freight.quotation.line",
                "write",
                [self.line_a.ids, {"quotation_id": self.quotation_b.id}],
            )
        )
        self.assertEqual(self.line_a.quotation_id, self.quotation_a)
        self.assertEqual(self.quotation_b.line_ids, self.line_b)
        self._unchanged(self.quotation_b, self.line_b)
        count = self.env["freight.quotation"].search_count([])
        created = self._call(
            login,
            "freight.quotation",
            "create",
            [
                {
                    "partner_id": self.customer_b.id,
                    "mode": "sea_lcl",
                    "currency_id": self.usd.id,
                    "line_ids": [[0, 0, self._line_values()]],
                }
            ],
        )
        self._refused(created)
        self.assertEqual(self.env["freight.quotation"].search_count([]), count)
        # Their own goes through.
        answer = self._call(
            login,
            "freight.quotation",
            "write",
            [self.quotation_a.ids, {"commodity": "Furniture"}],
        )
        self.assertIs(answer.get("result"), True, answer)

    def test_action_in_wrong_state_refused(self):
        answer = self._call(
            "rpc_q_sales_a",
            "freight.quotation",
            "action_mark_won",
            [self.quotation_a.ids],
        )
        self._refused(answer, USER_ERROR)
        self.assertIn("cannot be marked won", answer["error"]["data"]["message"])
        answer = self._call(
            "rpc_q_sales_a",
            "freight.quotation",
            "action_approve",
            [self.quotation_a.ids],
        )
        self._refused(answer, ACCESS_ERROR)
        self._unchanged(self.quotation_a, self.line_a)

    def test_pricing_buy_side_only(self):
        login = "rpc_q_pricing"
        found = self._call(
            login, "freight.quotation", "search_read", [[]], {"fields": ["margin"]}
        )
        ids = {row["id"] for row in found["result"]}
        self.assertTrue(
            (self.quotation_a | self.quotation_b).ids
            and set((self.quotation_a | self.quotation_b).ids) <= ids
        )
        self._refused(
            self._call(
                login,
                "freight.quotation.line",
                "write",
                [self.line_b.ids, {"sell_price": 200.0}],
            )
        )
        self._refused(
            self._call(
                login,
                "freight.quotation",
                "write",
                [self.quotation_b.ids, {"commodity": "Shrimp"}],
            )
        )
        self._unchanged(self.quotation_b, self.line_b)
        answer = self._call(
            login,
            "freight.quotation.line",
            "write",
            [self.line_b.ids, {"buy_price": 85.0}],
        )
        self.assertIs(answer.get("result"), True, answer)
        self.env.invalidate_all()
        self.assertEqual(self.line_b.buy_price, 85.0)

    def test_operations_read_won_only(self):
        login = "rpc_q_ops"
        ours = (self.quotation_a | self.quotation_b | self.quotation_won).ids
        found = self._call(
            login,
            "freight.quotation",
            "search_read",
            [[("id", "in", ours)]],
            {"fields": ["name", "amount_total"]},
        )
        self.assertEqual([row["id"] for row in found["result"]], self.quotation_won.ids)
        self._refused(
            self._call(
                login, "freight.quotation", "read", [self.quotation_a.ids, ["name"]]
            )
        )
        self._refused(
            self._call(
                login,
                "freight.quotation",
                "write",
                [self.quotation_won.ids, {"note": "x"}],
            )
        )
        self.env.invalidate_all()
        self.assertFalse(self.quotation_won.note)

    def test_portal_gets_no_buying_price_nor_margin(self):
        login = "rpc_q_portal"
        self._refused(
            self._call(
                login,
                "freight.quotation.line",
                "search_read",
                [[]],
                {"fields": ["buy_price", "margin"]},
            )
        )
        self._refused(
            self._call(
                login, "freight.quotation", "search_read", [[]], {"fields": ["margin"]}
            )
        )
        self._refused(
            self._call(
                login, "freight.quotation", "read", [self.quotation_a.ids, ["name"]]
            )
        )
