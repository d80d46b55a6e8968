# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest import SkipTest

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from ..models.freight_booking_demo import DEMO, OPERATIONS, SALES
from ..models.freight_booking_selection import DIRECTION_CODES


@tagged("post_install", "-at_install")
class TestBookingDemo(TransactionCase):
    """The demo booking requests: two months of shipments to the four
    departments, built through the workflow by the salespeople and the
    departments' members. Checks the demo data itself, so only where it is
    loaded (`make run`, `make test`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "freight_booking.booking_namcan_tyo_demo", raise_if_not_found=False
        ):
            raise SkipTest("freight_booking demo data is not loaded")
        cls.requests = cls._demo_requests()
        cls.departments = {
            key: cls.env.ref(f"freight_booking.department_{key}") for key in OPERATIONS
        }

    @classmethod
    def _demo_requests(cls):
        ids = (
            cls.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "freight_booking"),
                    ("model", "=", "freight.booking.request"),
                    ("name", "=like", "booking_%_demo"),
                ]
            )
            .mapped("res_id")
        )
        return cls.env["freight.booking.request"].browse(ids)

    def _ref(self, key):
        return self.env.ref(f"freight_booking.booking_{key}_demo")

    def test_every_department_and_state(self):
        self.assertEqual(len(self.requests), len(DEMO))
        self.assertGreaterEqual(len(self.requests), 15)
        self.assertEqual(
            self.requests.department_id,
            self.env["freight.operation.department"].union(*self.departments.values()),
        )
        self.assertEqual(
            set(self.requests.mapped("state")),
            {"draft", "requested", "accepted", "rejected", "done", "cancelled"},
        )
        self.assertEqual(len(set(self.requests.mapped("name"))), len(self.requests))
        for request in self.requests:
            with self.subTest(request=request.name):
                # The customer's own salesperson asked.
                self.assertEqual(request.user_id, request.customer_user_id)
                if request.quotation_id:
                    self.assertEqual(request.quotation_id.state, "won")
                if request.state != "draft":
                    self.assertTrue(request.requested_at)

    def test_job_numbers(self):
        booked = self.requests.filtered(lambda r: r.state in ("accepted", "done"))
        self.assertGreaterEqual(len(booked), 8)
        self.assertEqual(set(booked.department_id), set(self.departments.values()))
        numbers = booked.mapped("job_number")
        self.assertEqual(len(set(numbers)), len(booked), "each job number once")
        for request in booked:
            with self.subTest(request=request.name):
                department = request.department_id
                prefix = (
                    f"{department.code}/{DIRECTION_CODES[request.direction]}/"
                    f"{request.etd:%y}/"
                )
                self.assertTrue(request.job_number.startswith(prefix))
                # Accepted by the department's demo member, with a checklist
                # ticked and a time to accept between 2 and 30 hours.
                self.assertEqual(request.operations_user_id, department.user_id)
                self.assertTrue(request.checklist_ids)
                self.assertTrue(all(request.checklist_ids.mapped("done")))
                self.assertTrue(2 <= request.hours_to_accept <= 30)
                # The first accepted booking made the customer a customer.
                self.assertEqual(request.partner_id.freight_stage, "customer")
        others = self.requests - booked
        self.assertFalse(any(others.mapped("job_number")))

    def test_story(self):
        rejected = self._ref("hbxdn_lax")
        self.assertEqual(rejected.state, "rejected")
        self.assertTrue(rejected.reject_reason_id)
        self.assertTrue(rejected.missing_note)
        # The requester was told and has a to-do to correct it.
        self.assertEqual(rejected.activity_ids.user_id, rejected.user_id)
        waiting = self.requests.filtered(lambda r: r.state == "requested")
        self.assertEqual(len(waiting.department_id), 4, "each department has one")
        for request in waiting:
            with self.subTest(request=request.name):
                self.assertEqual(
                    request.activity_ids.user_id, request.department_id.user_id
                )
        # ETDs: the last two months and the next three weeks.
        created = self._ref("namcan_tyo").create_date.date()
        spread = [(etd - created).days for etd in self.requests.mapped("etd")]
        self.assertTrue(min(spread) >= -62 and max(spread) <= 21, spread)
        self.assertTrue(any(days < 0 for days in spread))
        self.assertTrue(any(days > 0 for days in spread))
        # The sea and air exports name their shipper and consignee.
        for request in self.requests.filtered(
            lambda r: r.state not in ("draft", "cancelled")
            and r.mode in ("sea_fcl", "sea_lcl", "air")
            and r.direction == "export"
        ):
            self.assertTrue(request.shipper_id and request.consignee_id)

    def test_demo_users_see_their_department_only(self):
        Request = self.env["freight.booking.request"]
        for key, xmlid in OPERATIONS.items():
            user = self.env.ref(xmlid)
            department = self.departments[key]
            with self.subTest(department=key):
                self.assertEqual(department.user_id, user)
                visible = Request.with_user(user).search(
                    [("id", "in", self.requests.ids)]
                )
                expected = self.requests.filtered(
                    lambda r, department=department: r.department_id == department
                    and r.state != "draft"
                )
                self.assertTrue(expected)
                self.assertEqual(visible, expected)
                other = self.requests.filtered(
                    lambda r, department=department: r.department_id != department
                )[:1]
                with self.assertRaises(AccessError):
                    other.with_user(user).read(["name"])
        # Each salesperson sees their own customers' requests.
        for xmlid in SALES.values():
            user = self.env.ref(xmlid)
            mine = Request.with_user(user).search([("id", "in", self.requests.ids)])
            self.assertTrue(mine)
            if not user.has_group("freight_crm.group_freight_sales_manager"):
                self.assertEqual(mine.customer_user_id, user)

    def test_loaded_once(self):
        self.env["freight.booking.demo"]._load_demo()
        self.assertEqual(self._demo_requests(), self.requests)
        self.assertEqual(
            self.env["freight.booking.request"].search_count([]), len(self.requests)
        )
