"""Service inquiries over JSON-RPC, as real clients: a salesperson asks for
their own customer, pricing accepts (with the rates it ticks) and the
quotation appears prefilled; another salesperson is refused; accepting twice
is refused with a clear message. Every refusal writes nothing."""

from datetime import timedelta

from jsonrpc_client import JsonRpcCase

from odoo import Command, fields
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

ACCESS_ERROR = "odoo.exceptions.AccessError"
USER_ERROR = "odoo.exceptions.UserError"


@tagged("post_install", "-at_install")
class TestRpcInquiry(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sales = "base.group_user,freight_crm.group_freight_sales"

        def user(login, groups):
            return new_test_user(
                cls.env, login=login, password=f"{login}_pw", groups=groups
            )

        cls.sales_a = user("rpc_i_sales_a", sales)
        cls.sales_b = user("rpc_i_sales_b", sales)
        cls.pricing = user(
            "rpc_i_pricing", "base.group_user,freight_crm.group_freight_pricing"
        )
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {"name": "RPC Inquiring A", "is_company": True, "user_id": cls.sales_a.id}
        )
        cls.carrier = Partner.create(
            {"name": "RPC Test Line", "freight_carrier_kind": "shipping_line"}
        )
        Port = cls.env["freight.port"]
        cls.cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        cls.busan = Port.search([("code", "=", "KRPUS"), ("kind", "=", "seaport")])
        cls.c40hc = cls.env.ref("freight_crm.container_40hc")
        today = fields.Date.context_today(cls.env["freight.rate"])
        cls.rate = cls.env["freight.rate"].create(
            {
                "mode": "sea_fcl",
                "carrier_id": cls.carrier.id,
                "origin_id": cls.cat_lai.id,
                "destination_id": cls.busan.id,
                "valid_from": today - timedelta(days=1),
                "valid_to": today + timedelta(days=30),
                "state": "active",
                "line_ids": [
                    Command.create({"container_type_id": cls.c40hc.id, "amount": 650.0})
                ],
            }
        )

    def _call(self, login, *args):
        with mute_logger("odoo.http"):  # refusals are logged as warnings
            return self._client(login, lang="en_US")(*args)

    def _refused(self, answer, exception=ACCESS_ERROR, message=None):
        self.assertIn("error", answer, answer)
        self.assertEqual(answer["error"]["data"]["name"], exception, answer)
        if message:
            self.assertIn(message, answer["error"]["data"]["message"])
        self.env.invalidate_all()

    def _submitted(self):
        """An inquiry of customer A created and submitted over JSON-RPC."""
        answer = self._call(
            "rpc_i_sales_a",
            "freight.inquiry",
            "create",
            [
                {
                    "partner_id": self.customer_a.id,
                    "mode": "sea_fcl",
                    "pol_id": self.cat_lai.id,
                    "pod_id": self.busan.id,
                    "commodity": "Rubber",
                    "container_ids": [
                        [0, 0, {"container_type_id": self.c40hc.id, "quantity": 3}]
                    ],
                }
            ],
        )
        inquiry_id = answer["result"]
        answer = self._call(
            "rpc_i_sales_a", "freight.inquiry", "action_submit", [[inquiry_id]]
        )
        self.assertIs(answer.get("result"), True, answer)
        return self.env["freight.inquiry"].browse(inquiry_id)

    def test_ask_accept_quotation_prefilled(self):
        inquiry = self._submitted()
        self.assertEqual(inquiry.state, "submitted")
        answer = self._call(
            "rpc_i_pricing",
            "freight.inquiry",
            "action_accept",
            [[inquiry.id]],
            {"rate_ids": [self.rate.id]},
        )
        self.assertIs(answer.get("result"), True, answer)
        # The salesperson finds the quotation prefilled from the inquiry.
        answer = self._call(
            "rpc_i_sales_a",
            "freight.quotation",
            "search_read",
            [[("inquiry_id", "=", inquiry.id)]],
            {"fields": ["partner_id", "pol_id", "pod_id", "commodity", "state"]},
        )
        (quotation,) = answer["result"]
        self.assertEqual(quotation["partner_id"][0], self.customer_a.id)
        self.assertEqual(quotation["pol_id"][0], self.cat_lai.id)
        self.assertEqual(quotation["pod_id"][0], self.busan.id)
        self.assertEqual(quotation["commodity"], "Rubber")
        self.assertEqual(quotation["state"], "draft")
        self.env.invalidate_all()
        self.assertEqual(inquiry.state, "accepted")
        self.assertEqual(inquiry.quotation_id.id, quotation["id"])
        self.assertEqual(inquiry.quotation_id.option_ids.rate_id, self.rate)
        self.assertEqual(
            [
                (row.container_type_id, row.quantity)
                for row in inquiry.quotation_id.container_ids
            ],
            [(self.c40hc, 3)],
        )
        freight = inquiry.quotation_id.line_ids.filtered("rate_line_id")
        self.assertEqual((freight.buy_price, freight.quantity), (650.0, 3))
        # Accepting twice: a clear refusal, still one quotation.
        answer = self._call(
            "rpc_i_pricing", "freight.inquiry", "action_accept", [[inquiry.id]]
        )
        self._refused(answer, USER_ERROR, "cannot be accepted")
        self.assertEqual(
            self.env["freight.quotation"].search_count(
                [("inquiry_id", "=", inquiry.id)]
            ),
            1,
        )

    def test_other_salesperson_refused(self):
        inquiry = self._submitted()
        answer = self._call(
            "rpc_i_sales_b",
            "freight.inquiry",
            "search_read",
            [[("id", "=", inquiry.id)]],
            {"fields": ["name"]},
        )
        self.assertEqual(answer["result"], [])
        answer = self._call(
            "rpc_i_sales_b", "freight.inquiry", "read", [[inquiry.id], ["name"]]
        )
        self._refused(answer)
        answer = self._call(
            "rpc_i_sales_b",
            "freight.inquiry",
            "write",
            [[inquiry.id], {"commodity": "Stolen"}],
        )
        self._refused(answer)
        answer = self._call(
            "rpc_i_sales_b", "freight.inquiry", "action_cancel", [[inquiry.id]]
        )
        self._refused(answer)
        self.assertEqual((inquiry.state, inquiry.commodity), ("submitted", "Rubber"))

    def test_sales_cannot_accept_pricing_cannot_create(self):
        inquiry = self._submitted()
        answer = self._call(
            "rpc_i_sales_a", "freight.inquiry", "action_accept", [[inquiry.id]]
        )
        self._refused(answer, ACCESS_ERROR, "Only pricing can accept")
        self.assertEqual(inquiry.state, "submitted")
        self.assertFalse(inquiry.quotation_id)
        count = self.env["freight.inquiry"].search_count([])
        answer = self._call(
            "rpc_i_pricing",
            "freight.inquiry",
            "create",
            [{"partner_id": self.customer_a.id, "mode": "sea_lcl"}],
        )
        self._refused(answer)
        self.assertEqual(self.env["freight.inquiry"].search_count([]), count)
