"""Booking requests over JSON-RPC, as real clients: a salesperson requests,
the sea department ticks its checklist, accepts (a job number), marks done;
rejecting goes through the rejection form; a wrong state, another
department, or a context key never gets past a rule. Every refusal writes
nothing."""

from datetime import timedelta

from jsonrpc_client import JsonRpcCase

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

ACCESS_ERROR = "odoo.exceptions.AccessError"
USER_ERROR = "odoo.exceptions.UserError"
MODEL = "freight.booking.request"


@tagged("post_install", "-at_install")
class TestRpcBooking(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def user(login, group):
            return new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups=f"base.group_user,freight_crm.{group}",
            )

        cls.sales = user("rpc_b_sales", "group_freight_sales")
        cls.sea = user("rpc_b_sea", "group_freight_operations_sea")
        cls.air = user("rpc_b_air", "group_freight_operations_air")
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {"name": "RPC Booking Co.", "is_company": True, "user_id": cls.sales.id}
        )
        cls.consignee = Partner.create(
            {"name": "RPC Booking Consignee", "is_company": True}
        )
        Port = cls.env["freight.port"]
        cls.cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        cls.busan = Port.search([("code", "=", "KRPUS"), ("kind", "=", "seaport")])
        cls.sgn = Port.search([("code", "=", "VNSGN"), ("kind", "=", "airport")])
        cls.fra = Port.search([("code", "=", "DEFRA"), ("kind", "=", "airport")])
        cls.c40hc = cls.env.ref("freight_crm.container_40hc")
        cls.reason = cls.env.ref("freight_booking.reject_reason_missing_documents")
        cls.etd = fields.Date.context_today(cls.customer) + timedelta(days=10)
        # The job numbering of the test starts at 00001 (rolled back after).
        departments = cls.env["freight.operation.department"].search([])
        departments.job_sequence_ids.date_range_ids.unlink()

    def _call(self, login, model, method, args, kwargs=None):
        with mute_logger("odoo.http"):  # refusals are logged as warnings
            return self._client(login, lang="en_US")(model, method, args, kwargs)

    def _ok(self, answer):
        self.assertNotIn("error", answer, answer)
        self.env.invalidate_all()
        return answer["result"]

    def _refused(self, answer, exception, message=None):
        self.assertIn("error", answer, answer)
        self.assertEqual(answer["error"]["data"]["name"], exception, answer)
        if message:
            self.assertIn(message, answer["error"]["data"]["message"])
        self.env.invalidate_all()

    def _values(self, **vals):
        return {
            "partner_id": self.customer.id,
            "mode": "sea_fcl",
            "direction": "export",
            "shipper_id": self.customer.id,
            "consignee_id": self.consignee.id,
            "pol_id": self.cat_lai.id,
            "pod_id": self.busan.id,
            "etd": fields.Date.to_string(self.etd),
            "commodity": "Rubber",
            "gross_weight": 20000.0,
            "container_ids": [
                [0, 0, {"container_type_id": self.c40hc.id, "quantity": 2}]
            ],
        } | vals

    def _requested(self, **vals):
        """A request created and requested by the salesperson over
        JSON-RPC."""
        request_id = self._ok(
            self._call("rpc_b_sales", MODEL, "create", [self._values(**vals)])
        )
        self.assertIs(
            self._ok(
                self._call("rpc_b_sales", MODEL, "action_request", [[request_id]])
            ),
            True,
        )
        return self.env[MODEL].browse(request_id)

    def _tick(self, request, login="rpc_b_sea"):
        (record,) = self._ok(
            self._call(login, MODEL, "read", [[request.id], ["checklist_ids"]])
        )
        self._ok(
            self._call(
                login,
                "freight.booking.checklist",
                "write",
                [record["checklist_ids"], {"done": True}],
            )
        )

    def _job_year(self):
        return f"{self.etd.year % 100:02d}"

    def test_request_accept_done(self):
        request = self._requested()
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.department_id.code, "SEA")
        self._tick(request)
        self.assertTrue(request.checklist_done)
        self.assertIs(
            self._ok(self._call("rpc_b_sea", MODEL, "action_accept", [[request.id]])),
            True,
        )
        (record,) = self._ok(
            self._call(
                "rpc_b_sales",
                MODEL,
                "read",
                [[request.id], ["state", "job_number", "operations_user_id"]],
            )
        )
        self.assertEqual(record["state"], "accepted")
        self.assertEqual(record["job_number"], f"SEA/EXP/{self._job_year()}/00001")
        self.assertEqual(record["operations_user_id"][0], self.sea.id)
        self.assertIs(
            self._ok(self._call("rpc_b_sea", MODEL, "action_done", [[request.id]])),
            True,
        )
        self.assertEqual(request.state, "done")
        # The salesperson was told, with the job number.
        self.assertIn(request.job_number, "".join(request.message_ids.mapped("body")))

    def test_wrong_state_refused_nothing_written(self):
        request = self._requested()
        self._tick(request)
        # Not accepted yet: not done either.
        self._refused(
            self._call("rpc_b_sea", MODEL, "action_done", [[request.id]]),
            USER_ERROR,
            "is Requested: it cannot be marked done",
        )
        self.assertEqual(request.state, "requested")
        self._ok(self._call("rpc_b_sea", MODEL, "action_accept", [[request.id]]))
        job = request.job_number
        sequence = request.department_id.job_sequence_ids.filtered(
            lambda seq: seq.code == "freight.job.export"
        )
        number_next = sequence.date_range_ids.number_next
        for login, method, message in (
            ("rpc_b_sea", "action_accept", "is Accepted: it cannot be accepted"),
            ("rpc_b_sales", "action_request", "is Accepted: it cannot be requested"),
            ("rpc_b_sales", "action_draft", "cannot be reset to draft"),
        ):
            with self.subTest(method=method):
                self._refused(
                    self._call(login, MODEL, method, [[request.id]]),
                    USER_ERROR,
                    message,
                )
                self.assertEqual((request.state, request.job_number), ("accepted", job))
        self.assertEqual(sequence.date_range_ids.number_next, number_next)

    def test_reject_through_the_form(self):
        request = self._requested()
        context = {"lang": "en_US", "active_ids": [request.id]}
        # Without a reason: refused, still requested.
        wizard_id = self._ok(
            self._call(
                "rpc_b_sea",
                "freight.booking.reject",
                "create",
                [{"missing_note": "Packing list"}],
                {"context": context},
            )
        )
        self._refused(
            self._call(
                "rpc_b_sea", "freight.booking.reject", "action_reject", [[wizard_id]]
            ),
            USER_ERROR,
            "Give the reason",
        )
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.missing_note)
        wizard_id = self._ok(
            self._call(
                "rpc_b_sea",
                "freight.booking.reject",
                "create",
                [{"reason_id": self.reason.id, "missing_note": "Packing list"}],
                {"context": context},
            )
        )
        self._ok(
            self._call(
                "rpc_b_sea", "freight.booking.reject", "action_reject", [[wizard_id]]
            )
        )
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason_id, self.reason)
        self.assertEqual(request.missing_note, "Packing list")
        self.assertFalse(request.job_number)
        # Corrected and requested again by the salesperson.
        self._ok(
            self._call("rpc_b_sales", MODEL, "write", [[request.id], {"packages": 40}])
        )
        self._ok(self._call("rpc_b_sales", MODEL, "action_request", [[request.id]]))
        self.assertEqual(request.state, "requested")

    def test_reject_directly(self):
        """A client rejects with the reason's id and what is missing; without a
        reason, refused and nothing written."""
        request = self._requested()
        self._refused(
            self._call(
                "rpc_b_sea",
                MODEL,
                "action_reject",
                [[request.id]],
                {"missing_note": "Packing list"},
            ),
            USER_ERROR,
            "Give the reason",
        )
        self.env.invalidate_all()
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.missing_note)
        self.assertIs(
            self._ok(
                self._call(
                    "rpc_b_sea",
                    MODEL,
                    "action_reject",
                    [[request.id]],
                    {"reason_id": self.reason.id, "missing_note": "Packing list"},
                )
            ),
            True,
        )
        self.env.invalidate_all()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason_id, self.reason)
        self.assertEqual(request.missing_note, "Packing list")

    def test_other_department_refused(self):
        request = self._requested()
        self._tick(request)
        for method in ("action_accept", "action_reject", "action_done"):
            with self.subTest(method=method):
                self._refused(
                    self._call("rpc_b_air", MODEL, method, [[request.id]]),
                    ACCESS_ERROR,
                )
        answer = self._call(
            "rpc_b_air",
            MODEL,
            "search_read",
            [[("id", "=", request.id)]],
            {"fields": ["name", "buy_total"]},
        )
        self.assertEqual(answer["result"], [])
        self._refused(
            self._call(
                "rpc_b_air", MODEL, "write", [[request.id], {"vessel_voyage": "X"}]
            ),
            ACCESS_ERROR,
        )
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)
        self.assertFalse(request.vessel_voyage)
        # Sales do not accept their own request either.
        self._refused(
            self._call("rpc_b_sales", MODEL, "action_accept", [[request.id]]),
            ACCESS_ERROR,
            "Only Sea Operations can accept",
        )
        self.assertEqual(request.state, "requested")

    def test_context_keys_skip_no_rule(self):
        # A request is born a draft, whatever the defaults sent.
        context = {
            "lang": "en_US",
            "default_state": "accepted",
            "default_job_number": "SEA/EXP/26/99999",
            "default_operations_user_id": self.sea.id,
            "default_accepted_at": "2026-01-01 00:00:00",
        }
        request_id = self._ok(
            self._call(
                "rpc_b_sales", MODEL, "create", [self._values()], {"context": context}
            )
        )
        request = self.env[MODEL].browse(request_id)
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.job_number)
        self.assertFalse(request.operations_user_id)
        self.assertFalse(request.accepted_at)
        # Nor skips the checklist, the department, the state.
        self._ok(self._call("rpc_b_sales", MODEL, "action_request", [[request_id]]))
        keys = {
            "lang": "en_US",
            "active_test": False,
            "tracking_disable": True,
            "install_mode": True,
            "skip_checklist": True,
        }
        self._refused(
            self._call(
                "rpc_b_sea", MODEL, "action_accept", [[request_id]], {"context": keys}
            ),
            USER_ERROR,
            "Complete the checklist",
        )
        self._refused(
            self._call(
                "rpc_b_air", MODEL, "action_accept", [[request_id]], {"context": keys}
            ),
            ACCESS_ERROR,
        )
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)
        # Nor a plain write of the state or the job number.
        for login, vals in (
            ("rpc_b_sales", {"state": "accepted", "job_number": "SEA/EXP/26/99999"}),
            ("rpc_b_sea", {"state": "done"}),
        ):
            with self.subTest(login=login):
                self._refused(
                    self._call(
                        login, MODEL, "write", [[request_id], vals], {"context": keys}
                    ),
                    ACCESS_ERROR,
                    "moves through its buttons",
                )
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)
        # The salesperson's customer: another salesperson's context does not
        # open it.
        self._refused(
            self._call(
                "rpc_b_air",
                MODEL,
                "read",
                [[request_id], ["buy_total"]],
                {"context": keys},
            ),
            ACCESS_ERROR,
        )
