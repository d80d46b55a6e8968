"""A customer belongs to its salesperson: what another salesperson tries over
JSON-RPC, as a real client would, is refused and writes nothing."""

from jsonrpc_client import JsonRpcCase

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestRpcOwnership(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "base.group_user,freight_crm.group_freight_sales"
        cls.owner = new_test_user(
            cls.env, login="rpc_owner", password="rpc_owner_pw", groups=groups
        )
        # The least-privileged user who may log in and use the customers.
        cls.other = new_test_user(
            cls.env, login="rpc_other", password="rpc_other_pw", groups=groups
        )
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "RPC Owner's Customer",
                "is_company": True,
                "user_id": cls.owner.id,
            }
        )
        cls.unowned = Partner.create({"name": "RPC Unowned", "is_company": True})
        cls.kind = cls.env.ref("freight_crm.interaction_kind_visit")

    def _call(self, model, method, args, kwargs=None, login="rpc_other"):
        return self._client(login)(model, method, args, kwargs)

    def _refused(self, model, method, args, kwargs=None):
        with mute_logger("odoo.http"):  # the refusal is logged as a warning
            answer = self._call(model, method, args, kwargs)
        self.assertEqual(
            answer.get("error", {}).get("data", {}).get("name"), ACCESS_ERROR
        )
        self.env.invalidate_all()

    def test_stage_key_is_no_bypass(self):
        for customer in (self.customer, self.unowned):
            with self.subTest(customer=customer.name):
                self._refused(
                    "res.partner",
                    "write",
                    [[customer.id], {"freight_stage": "customer"}],
                    {"context": {"freight_stage_auto": True}},
                )
                self.assertEqual(customer.freight_stage, "lead")

    def test_salesperson_takeover_refused(self):
        for customer, before in ((self.customer, self.owner), (self.unowned, False)):
            with self.subTest(customer=customer.name):
                self._refused(
                    "res.partner", "write", [[customer.id], {"user_id": self.other.id}]
                )
                self.assertEqual(customer.user_id, before or self.env["res.users"])
                self.assertFalse(customer.freight_reassignment_ids)

    def test_interaction_or_opportunity_on_anothers_customer_refused(self):
        for customer in (self.customer, self.unowned):
            with self.subTest(customer=customer.name):
                self._refused(
                    "freight.interaction",
                    "create",
                    [
                        {
                            "name": "Sneaky visit",
                            "partner_id": customer.id,
                            "kind_id": self.kind.id,
                            "user_id": self.other.id,  # "our staff" = me
                        }
                    ],
                )
                self._refused(
                    "crm.lead",
                    "create",
                    [
                        {
                            "name": "Sneaky deal",
                            "type": "opportunity",
                            "partner_id": customer.id,
                            "user_id": self.other.id,  # the lead's salesperson = me
                        }
                    ],
                )
                Interaction = self.env["freight.interaction"]
                self.assertFalse(Interaction.search([("partner_id", "=", customer.id)]))
                self.assertFalse(
                    self.env["crm.lead"].search([("partner_id", "=", customer.id)])
                )
                self.assertEqual(customer.freight_stage, "lead")

    def test_claim_a_customer_without_salesperson(self):
        answer = self._call("res.partner", "action_freight_claim", [[self.unowned.id]])
        self.assertTrue(answer.get("result"), answer)
        self.env.invalidate_all()
        self.assertEqual(self.unowned.freight_claim_user_id, self.other)
        self.assertFalse(self.unowned.user_id)
        self.assertTrue(
            self.unowned.activity_ids.filtered(
                lambda a: a.activity_type_id
                == self.env.ref("freight_crm.mail_activity_type_freight_claim")
            )
        )
        # The owner's own work goes through.
        created = self._call(
            "freight.interaction",
            "create",
            [
                {
                    "name": "Visit",
                    "partner_id": self.customer.id,
                    "kind_id": self.kind.id,
                }
            ],
            login="rpc_owner",
        )
        self.assertTrue(created.get("result"), created)
