# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.freight_quotation.tests.common import FreightQuotationCommon

# Times are UTC: the users and the calendar work in Asia/Ho_Chi_Minh (UTC+7).
FRIDAY_16H = "2026-03-13 09:00:00"  # Friday 16:00 local, an hour before closing
MONDAY_10H = "2026-03-16 03:00:00"
MONDAY_11H = datetime(2026, 3, 16, 4, 0)
MONDAY_12H = "2026-03-16 05:00:00"
MONDAY_14H = "2026-03-16 07:00:00"
MONDAY_16H = "2026-03-16 09:00:00"


@tagged("post_install", "-at_install")
class TestInquiryClock(FreightQuotationCommon, TransactionCase):
    """Issue 11 items 3 and 5: routing on submit, the deadline in working
    hours, the measures, the escalation cron and the response time report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        env = cls.env
        cls.Inquiry = env["freight.inquiry"]
        cls.Rule = env["freight.inquiry.routing.rule"]
        cls.Rule.search([]).unlink()
        # 8 working hours a day, Monday to Friday, 8-12 and 13-17 in Vietnam.
        cls.calendar = env["resource.calendar"].create(
            {
                "name": "Vietnam office",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"{day} {start}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": start + 4,
                            "day_period": period,
                        },
                    )
                    for day in range(5)
                    for start, period in ((8, "morning"), (13, "afternoon"))
                ],
            }
        )
        env.company.resource_calendar_id = cls.calendar
        cls.user_pricing_2 = new_test_user(
            env,
            login="fr_pricing_2",
            name="Pricing B",
            groups="base.group_user,freight_crm.group_freight_pricing",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.pricing_manager = new_test_user(
            env,
            login="fr_pricing_manager",
            name="Pricing Manager",
            groups="base.group_user,freight_crm.group_freight_pricing",
            tz="Asia/Ho_Chi_Minh",
        )
        cls.sla_air_urgent = env.ref("freight_inquiry.freight_inquiry_sla_air_urgent")
        cls.sla_air_urgent.manager_id = cls.pricing_manager
        cls.todo = env.ref("mail.mail_activity_data_todo")

    def _inquiry(self, **vals):
        """An urgent air inquiry Saigon -> Frankfurt of the customer's
        salesperson."""
        values = {
            "partner_id": self.customer_a.id,
            "mode": "air",
            "direction": "export",
            "priority": "1",
            "pol_id": self.sgn.id,
            "pod_id": self.fra.id,
            "gross_weight": 500.0,
            "volume": 2.0,
            "cargo_ready_date": date(2026, 3, 20),
        } | vals
        partner = self.env["res.partner"].browse(values["partner_id"])
        return self.Inquiry.with_user(partner.user_id).create(values)

    def _submitted(self, at=FRIDAY_16H, **vals):
        with freeze_time(at):
            inquiry = self._inquiry(**vals)
            inquiry.action_submit()
        return inquiry

    # ------------------------------------------------------------------
    # Routing
    # ------------------------------------------------------------------
    def test_routing_first_matching_rule(self):
        """The first rule by sequence whose criteria all match assigns the
        inquiry; an empty criterion matches anything."""
        germany = self.env.ref("base.de")
        self.Rule.create(
            [
                # Most specific first: this customer's air export to Germany.
                {
                    "sequence": 1,
                    "mode": "air",
                    "destination_country_id": germany.id,
                    "partner_id": self.customer_a.id,
                    "user_id": self.pricing_manager.id,
                },
                {
                    "sequence": 5,
                    "mode": "air",
                    "direction": "import",
                    "user_id": self.user_pricing.id,
                },
                {
                    "sequence": 10,
                    "mode": "air",
                    "origin_country_id": self.env.ref("base.vn").id,
                    "destination_country_id": germany.id,
                    "user_id": self.user_pricing_2.id,
                },
                {"sequence": 20, "mode": "air", "user_id": self.user_admin.id},
            ]
        )
        to_germany = self._submitted()
        self.assertEqual(to_germany.pricing_user_id, self.pricing_manager)
        other_customer = self._submitted(partner_id=self.customer_b.id)
        self.assertEqual(other_customer.pricing_user_id, self.user_pricing_2)
        # Rules 5 and 10 both match: the lower sequence wins.
        imported = self._submitted(partner_id=self.customer_b.id, direction="import")
        self.assertEqual(imported.pricing_user_id, self.user_pricing)
        from_germany = self._submitted(
            partner_id=self.customer_b.id, pol_id=self.fra.id, pod_id=self.sgn.id
        )
        self.assertEqual(from_germany.pricing_user_id, self.user_admin)
        # The assignee gets the activity due on the deadline's day.
        activity = to_germany.activity_ids.filtered(
            lambda act: act.activity_type_id
            == self.env.ref("freight_inquiry.mail_activity_inquiry_answer")
        )
        self.assertEqual(activity.user_id, self.pricing_manager)
        self.assertEqual(activity.date_deadline, date(2026, 3, 16))

    def test_routing_falls_back_to_team(self):
        """No rule matches: no assignee, the pricing team is told in the
        chatter."""
        self.Rule.create(
            {"mode": "sea_fcl", "user_id": self.user_pricing.id},
        )
        inquiry = self._submitted()
        self.assertFalse(inquiry.pricing_user_id)
        message = inquiry.message_ids.filtered(
            lambda msg: self.user_pricing.partner_id in msg.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.user_pricing_2.partner_id, message.partner_ids)

    def test_routing_rule_pricing_only(self):
        """A rule routes to pricing users only; sales cannot edit rules."""
        with self.assertRaises(ValidationError):
            self.Rule.create({"mode": "air", "user_id": self.user_sales.id})
        self.assertFalse(self.Rule.search([]))
        with self.assertRaises(AccessError):
            self.Rule.with_user(self.user_sales).create(
                {"mode": "air", "user_id": self.user_pricing.id}
            )
        self.assertFalse(self.Rule.search([]))
        rule = self.Rule.with_user(self.user_pricing).create(
            {"mode": "air", "user_id": self.user_pricing.id}
        )
        self.assertEqual(rule.company_id, self.env.company)

    # ------------------------------------------------------------------
    # The deadline and the measures
    # ------------------------------------------------------------------
    def test_due_date_working_hours(self):
        """Urgent air: 4 working hours. Friday 16:00 -> one hour on Friday,
        three on Monday morning: Monday 11:00."""
        inquiry = self._submitted()
        self.assertEqual(inquiry.response_due, MONDAY_11H)
        # Normal air: one working day, Monday 16:00; in the evening, the clock
        # starts the next morning.
        normal = self._submitted(priority="0")
        self.assertEqual(normal.response_due, datetime(2026, 3, 16, 9, 0))
        evening = self._submitted(at="2026-03-16 12:00:00", priority="0")  # 19:00
        self.assertEqual(evening.response_due, datetime(2026, 3, 17, 10, 0))
        # Logistics: two working days.
        logistics = self._submitted(
            mode="logistics", priority="0", pol_id=False, pod_id=False
        )
        self.assertEqual(logistics.response_due, datetime(2026, 3, 17, 9, 0))

    def test_due_date_without_sla(self):
        """No response time for the mode: no deadline, nothing overdue."""
        self.env.ref("freight_inquiry.freight_inquiry_sla_air_urgent").unlink()
        inquiry = self._submitted()
        self.assertFalse(inquiry.response_due)
        with freeze_time("2026-04-01"):
            self.Inquiry._cron_escalate()
        self.assertFalse(inquiry.escalated)

    def test_hours_to_accept_and_quote(self):
        """Counted in working hours: the weekend does not count."""
        inquiry = self._submitted()
        with freeze_time(MONDAY_10H):
            inquiry.with_user(self.user_pricing).action_accept()
        self.assertEqual(inquiry.hours_to_answer, 3.0)
        self.assertFalse(inquiry.is_overdue)
        self.assertEqual(inquiry.accepted_rate, 100.0)
        self.assertEqual(inquiry.hours_to_quote, 0.0)
        with freeze_time(MONDAY_16H):
            inquiry._mark_quoted()
        self.assertEqual(inquiry.state, "quoted")
        # Friday 16-17, Monday 8-12 and 13-16.
        self.assertEqual(inquiry.hours_to_quote, 8.0)

    def test_answered_late_is_overdue(self):
        inquiry = self._submitted()
        with freeze_time(MONDAY_14H):
            inquiry.with_user(self.user_pricing).action_accept()
        # Friday 16-17, Monday 8-12 and 13-14.
        self.assertEqual(inquiry.hours_to_answer, 6.0)
        self.assertTrue(inquiry.is_overdue)
        self.assertFalse(inquiry.escalated)
        reason = self.env["freight.inquiry.reject.reason"].search([], limit=1)
        rejected = self._submitted()
        with freeze_time(MONDAY_10H):
            rejected.with_user(self.user_pricing)._reject(reason)
        self.assertEqual(rejected.hours_to_answer, 3.0)
        self.assertEqual(rejected.accepted_rate, 0.0)
        self.assertFalse(rejected.is_overdue)

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------
    def _escalations(self, inquiry):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "freight.inquiry"),
                ("res_id", "=", inquiry.id),
                ("activity_type_id", "=", self.todo.id),
            ]
        )

    def test_cron_escalates_once(self):
        late = self._submitted()
        not_yet = self._submitted(priority="0")  # due Monday 16:00
        with freeze_time(MONDAY_10H):
            self.Inquiry._cron_escalate()
        self.assertFalse(late.escalated)
        self.assertFalse(self._escalations(late))
        with freeze_time(MONDAY_12H):
            self.Inquiry._cron_escalate()
        self.assertTrue(late.escalated)
        self.assertTrue(late.is_overdue)
        activity = self._escalations(late)
        self.assertEqual(activity.user_id, self.pricing_manager)
        self.assertFalse(not_yet.escalated)
        self.assertFalse(not_yet.is_overdue)
        self.assertFalse(self._escalations(not_yet))
        with freeze_time(MONDAY_14H):
            self.Inquiry._cron_escalate()
        self.assertEqual(self._escalations(late), activity, "escalated once only")
        # Answered after the escalation: still counted overdue.
        with freeze_time(MONDAY_14H):
            late.with_user(self.user_pricing).action_accept()
        self.assertTrue(late.is_overdue)

    def test_cron_escalates_to_admins_by_default(self):
        """No manager on the response time: the Freight administrators."""
        inquiry = self._submitted(priority="0")
        with freeze_time("2026-03-17 02:00:00"):
            self.Inquiry._cron_escalate()
        admins = self.env.ref("freight_crm.group_freight_admin").users.filtered(
            lambda user: self.env.company in user.company_ids
        )
        self.assertIn(self.user_admin, admins)
        self.assertEqual(self._escalations(inquiry).user_id, admins)

    def test_resubmitted_clock_restarts(self):
        """A rejected inquiry submitted again gets a new clock."""
        reason = self.env["freight.inquiry.reject.reason"].search([], limit=1)
        inquiry = self._submitted()
        with freeze_time(MONDAY_12H):
            self.Inquiry._cron_escalate()
            inquiry.with_user(self.user_pricing)._reject(reason)
        self.assertTrue(inquiry.escalated)
        with freeze_time(MONDAY_14H):
            inquiry.with_user(self.user_sales).action_submit()
        self.assertFalse(inquiry.escalated)
        self.assertFalse(inquiry.is_overdue)
        # Monday 14-17, Tuesday 8-9.
        self.assertEqual(inquiry.response_due, datetime(2026, 3, 17, 2, 0))

    # ------------------------------------------------------------------
    # Report
    # ------------------------------------------------------------------
    def test_report_numbers(self):
        """By pricing user: count, average hours to answer and acceptance rate
        over the answered inquiries only, overdue count."""
        reason = self.env["freight.inquiry.reject.reason"].search([], limit=1)
        self.Rule.create({"mode": "air", "user_id": self.user_pricing.id})
        fast = self._submitted()
        late = self._submitted()
        rejected = self._submitted()
        waiting = self._submitted()
        with freeze_time(MONDAY_10H):
            fast.with_user(self.user_pricing).action_accept()
            rejected.with_user(self.user_pricing)._reject(reason)
        with freeze_time(MONDAY_14H):
            late.with_user(self.user_pricing).action_accept()
        groups = self.Inquiry.with_user(self.user_pricing).read_group(
            [("id", "in", (fast | late | rejected | waiting).ids)],
            ["hours_to_answer:avg", "accepted_rate:avg", "overdue_count:sum"],
            ["pricing_user_id"],
        )
        self.assertEqual(len(groups), 1)
        group = groups[0]
        self.assertEqual(group["pricing_user_id_count"], 4)
        self.assertAlmostEqual(group["hours_to_answer"], 4.0)  # (3 + 6 + 3) / 3
        self.assertAlmostEqual(group["accepted_rate"], 200 / 3)
        self.assertEqual(group["overdue_count"], 1)
        by_reason = self.Inquiry.read_group(
            [("id", "in", (fast | late | rejected | waiting).ids)],
            ["hours_to_quote:avg"],
            ["reject_reason_id"],
        )
        self.assertEqual(
            {
                g["reject_reason_id"] and g["reject_reason_id"][0]: g[
                    "reject_reason_id_count"
                ]
                for g in by_reason
            },
            {reason.id: 1, False: 3},
        )

    def test_routing_query_count_constant(self):
        """Submitting costs the same queries with 1 rule as with 30."""

        def submit_queries():
            with freeze_time(FRIDAY_16H):
                inquiry = self._inquiry()
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                inquiry.action_submit()
                self.env.flush_all()
                return self.env.cr.sql_log_count - before

        self.Rule.create(
            {"sequence": 99, "mode": "air", "user_id": self.user_pricing.id}
        )
        submit_queries()  # warm the caches
        one_rule = submit_queries()
        self.Rule.create(
            [
                {
                    "sequence": n,
                    "mode": "sea_fcl",
                    "partner_id": self.customer_b.id,
                    "user_id": self.user_pricing_2.id,
                }
                for n in range(30)
            ]
        )
        self.env.flush_all()
        submit_queries()
        self.assertEqual(submit_queries(), one_rule)
