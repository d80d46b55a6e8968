# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
from types import SimpleNamespace

import pytz
from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged, users
from odoo.tools.safe_eval import safe_eval

from .common_ui import InquiryUiCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02 03:00:00")
class TestInquiryUi(InquiryUiCommon, TransactionCase):
    """Items 1 and 6: made from the opportunity or the customer, counted on
    them for their salesperson only, and the clock on the board."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_inquiry_ui()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Furniture to Los Angeles",
                "type": "opportunity",
                "partner_id": cls.contact_a.id,
                "user_id": cls.user_sales.id,
                "transport_mode": "sea_fcl",
                "freight_direction": "export",
                "origin_port_id": cls.cat_lai.id,
                "destination_port_id": cls.los_angeles.id,
                "expected_volume": 6,
                "expected_volume_uom": "teu",
            }
        )

    # ------------------------------------------------------------------
    # Made from the opportunity and the customer (item 1)
    # ------------------------------------------------------------------
    @users("fr_sales")
    def test_new_from_opportunity_prefilled(self):
        lead = self.lead.with_env(self.env)
        action = lead.action_new_freight_inquiry()
        self.assertEqual(action["res_model"], "freight.inquiry")
        form = Form(self.env["freight.inquiry"].with_context(**action["context"]))
        self.assertEqual(form.partner_id, self.customer_a)
        self.assertEqual(form.lead_id, lead)
        self.assertEqual(form.user_id, self.user_sales)
        self.assertEqual(form.mode, "sea_fcl")
        self.assertEqual(form.direction, "export")
        self.assertEqual(form.pol_id, self.cat_lai)
        self.assertEqual(form.pod_id, self.los_angeles)
        self.assertEqual(len(form.container_ids), 1)
        with form.container_ids.edit(0) as row:
            # 6 TEU: three 40' high cubes.
            self.assertEqual(row.container_type_id, self.c40hc)
            self.assertEqual(row.quantity, 3)
        inquiry = form.save()
        self.assertEqual(inquiry.lead_id, lead)
        self.assertEqual(inquiry.container_summary, "3 x 40HC")
        self.assertEqual(lead.freight_inquiry_count, 1)

    @users("fr_sales")
    def test_new_from_air_opportunity_weight(self):
        lead = self.lead.with_env(self.env).copy(
            {
                "transport_mode": "air",
                "origin_port_id": self.sgn.id,
                "destination_port_id": self.fra.id,
                "expected_volume": 1200,
                "expected_volume_uom": "kg",
            }
        )
        form = Form(
            self.env["freight.inquiry"].with_context(
                **lead.action_new_freight_inquiry()["context"]
            )
        )
        self.assertEqual(form.mode, "air")
        self.assertEqual(form.gross_weight, 1200)
        self.assertFalse(form.container_ids)
        form.save()

    @users("fr_sales")
    def test_new_from_customer_prefilled(self):
        customer = self.customer_a.with_env(self.env)
        for partner in (customer, self.contact_a.with_env(self.env)):
            with self.subTest(partner=partner.name):
                action = partner.action_new_freight_inquiry()
                form = Form(
                    self.env["freight.inquiry"].with_context(**action["context"])
                )
                self.assertEqual(form.partner_id, customer)
                self.assertEqual(form.user_id, self.user_sales)
        self.assertEqual(
            customer.action_view_freight_inquiries()["domain"],
            [("partner_id", "=", customer.id)],
        )

    # ------------------------------------------------------------------
    # Smart buttons: each salesperson counts their own
    # ------------------------------------------------------------------
    def test_smart_buttons_follow_the_rules(self):
        mine = self._inquiry(lead_id=self.lead.id)
        self._inquiry(lead_id=self.lead.id).action_submit()
        # Another salesperson's customer on the same (shared) opportunity
        # would not be theirs: count per user through the record rules.
        self.assertEqual(self.lead.with_user(self.user_sales).freight_inquiry_count, 2)
        self.assertEqual(
            self.lead.with_user(self.user_pricing).freight_inquiry_count, 2
        )
        self.assertEqual(
            self.customer_a.with_user(self.user_sales).freight_inquiry_count, 2
        )
        self.assertEqual(
            self.contact_a.with_user(self.user_sales).freight_inquiry_count, 2
        )
        self.assertEqual(
            self.customer_a.with_user(self.user_sales_2).freight_inquiry_count, 0
        )
        self.assertEqual(
            self.lead.with_user(self.user_sales_2).freight_inquiry_count, 0
        )
        action = self.lead.with_user(self.user_sales).action_view_freight_inquiries()
        self.assertEqual(action["domain"], [("lead_id", "=", self.lead.id)])
        self.assertEqual(action["views"][0][1], "list")
        listed = (
            self.env["freight.inquiry"]
            .with_user(self.user_sales)
            .search(action["domain"])
        )
        self.assertEqual(set(listed.mapped("state")), {"draft", "submitted"})
        self.assertIn(mine, listed)

    # ------------------------------------------------------------------
    # The clock (item 6)
    # ------------------------------------------------------------------
    def _submitted(self, due, **vals):
        inquiry = self._inquiry(**vals)
        inquiry.action_submit()
        inquiry.sudo().write({"response_due": due})
        return inquiry

    def test_clock_remaining_and_overdue(self):
        due_soon = self._submitted("2026-03-02 06:30:00")
        overdue = self._submitted("2026-03-02 01:00:00")
        later = self._submitted("2026-03-05 03:00:00")
        draft = self._inquiry()
        self.assertEqual(due_soon.response_remaining, "Due in 3h")
        self.assertFalse(due_soon.response_overdue)
        self.assertEqual(overdue.response_remaining, "Overdue by 2h")
        self.assertTrue(overdue.response_overdue)
        self.assertEqual(later.response_remaining, "Due in 3d")
        self.assertFalse(draft.response_remaining)
        self.assertFalse(draft.response_overdue)
        Inquiry = self.env["freight.inquiry"].with_user(self.user_pricing)
        mine = (due_soon | overdue | later | draft).ids
        self.assertEqual(
            Inquiry.search([("id", "in", mine), ("response_overdue", "=", True)]),
            overdue,
        )
        self.assertEqual(
            Inquiry.search([("id", "in", mine), ("response_overdue", "=", False)]),
            due_soon | later | draft,
        )
        # An accepted inquiry is answered: no clock.
        overdue.with_user(self.user_pricing).action_accept()
        overdue.invalidate_recordset(["response_overdue", "response_remaining"])
        self.assertFalse(overdue.response_overdue)
        self.assertFalse(overdue.response_remaining)
        with self.assertRaises(UserError):
            Inquiry.search([("response_overdue", "in", [True])])

    def _filter_domains(self, user):
        """The board's filters as the browser evaluates them for ``user``, in
        Vietnam (py.js's datetime.now() and combine() are local, to_utc()
        converts to the UTC the server stores)."""
        tz = pytz.timezone("Asia/Ho_Chi_Minh")

        class LocalDateTime(datetime.datetime):
            def to_utc(self):
                return tz.localize(self).astimezone(pytz.utc).replace(tzinfo=None)

        now = LocalDateTime.combine(datetime.date(2026, 3, 2), datetime.time(10, 0))
        shim = SimpleNamespace(
            datetime=SimpleNamespace(combine=LocalDateTime.combine, now=lambda: now),
            time=datetime.time,
        )
        view = self.env.ref("freight_inquiry.freight_inquiry_view_search")
        return {
            node.get("name"): safe_eval(
                node.get("domain"),
                {
                    "uid": user.id,
                    "datetime": shim,
                    "context_today": lambda: datetime.date(2026, 3, 2),
                    "relativedelta": relativedelta,
                },
            )
            for node in view._get_combined_arch().iter("filter")
            if node.get("domain")
        }

    def test_search_filters(self):
        """The board's filters: mine, unassigned, due today, overdue, with
        the datetimes in UTC and the user in Vietnam."""
        # 03:00 UTC is 10:00 in Vietnam; the day ends at 17:00 UTC.
        today = self._submitted("2026-03-02 16:00:00")
        tomorrow = self._submitted("2026-03-02 18:00:00")
        overdue = self._submitted(
            "2026-03-02 02:00:00", pricing_user_id=self.user_pricing.id
        )
        draft = self._inquiry()
        ids = (today | tomorrow | overdue | draft).ids
        domains = self._filter_domains(self.user_pricing)
        Inquiry = self.env["freight.inquiry"].with_user(self.user_pricing)

        def found(name):
            return Inquiry.search([("id", "in", ids), *domains[name]])

        self.assertEqual(found("due_today"), today | overdue)
        self.assertEqual(found("overdue"), overdue)
        self.assertEqual(found("unassigned"), today | tomorrow)
        self.assertEqual(found("mine"), overdue)
        domains = self._filter_domains(self.user_sales)
        self.assertEqual(found("mine"), today | tomorrow | overdue | draft)

    def test_views_render(self):
        """The board, the list and the form load for sales and pricing (the
        clock fields are readable by both)."""
        self._submitted("2026-03-02 01:00:00")
        for user in (self.user_sales, self.user_pricing):
            Inquiry = self.env["freight.inquiry"].with_user(user)
            for view_type in ("kanban", "list", "form", "search"):
                with self.subTest(user=user.login, view=view_type):
                    arch = Inquiry.get_views([(False, view_type)])["views"][view_type][
                        "arch"
                    ]
                    if view_type == "kanban":
                        self.assertIn("response_remaining", arch)
                        self.assertIn("o_kanban_mobile", arch)
            records = Inquiry.search_read(
                [], ["response_remaining", "response_overdue", "duplicate_inquiry_ids"]
            )
            self.assertTrue(records)

    def test_sales_forms_offer_the_inquiry(self):
        """The opportunity and the customer forms carry the count and the
        button, in the header and at the top of the sheet for a phone."""
        for model in ("crm.lead", "res.partner"):
            with self.subTest(model=model):
                arch = (
                    self.env[model]
                    .with_user(self.user_sales)
                    .get_views([(False, "form")])["views"]["form"]["arch"]
                )
                self.assertIn('name="action_view_freight_inquiries"', arch)
                self.assertIn('name="freight_inquiry_count"', arch)
                self.assertEqual(arch.count('name="action_new_freight_inquiry"'), 2)
        arch = (
            self.env["freight.inquiry"]
            .with_user(self.user_sales)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="duplicate_inquiry_ids"', arch)
