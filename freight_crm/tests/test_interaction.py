# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged, users

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestInteraction(FreightCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        cls.Interaction = cls.env["freight.interaction"]

    def _vals(self, **extra):
        return {
            "name": "Visit at the factory",
            "partner_id": self.customer_a.id,
            "kind_id": self.kind_visit.id,
            "user_id": self.user_sales.id,
            "date_start": datetime(2026, 3, 2, 2, 0),
        } | extra

    @users("fr_sales")
    def test_log_a_visit_with_the_quick_form(self):
        action = self.customer_a.with_user(self.env.user).action_log_interaction()
        self.assertEqual(action["target"], "new")
        form = Form(
            self.env["freight.interaction"].with_context(**action["context"]),
            view="freight_crm.freight_interaction_view_form_quick",
        )
        self.assertEqual(form.partner_id, self.customer_a)
        self.assertEqual(form.kind_id, self.kind_visit)
        self.assertEqual(form.state, "done")
        form.name = "2 x 40HC a week to Los Angeles from March"
        form.contact_id = self.contact_a
        interaction = form.save()
        self.assertEqual(interaction.user_id, self.env.user)
        self.assertEqual(self.customer_a.freight_interaction_count, 1)

    def test_end_before_start_refused_and_duration(self):
        with self.assertRaises(ValidationError):
            self.Interaction.create(self._vals(date_end=datetime(2026, 3, 2, 1, 0)))
        self.assertFalse(
            self.Interaction.search([("partner_id", "=", self.customer_a.id)])
        )
        interaction = self.Interaction.create(
            self._vals(date_end=datetime(2026, 3, 2, 3, 30))
        )
        self.assertEqual(interaction.duration, 1.5)
        # date is the local (Asia/Ho_Chi_Minh) day of the start
        self.assertEqual(interaction.with_user(self.user_sales).date, date(2026, 3, 2))

    def test_counterpart_must_be_the_customers_person(self):
        with self.assertRaises(ValidationError) as caught:
            self.Interaction.create(self._vals(contact_id=self.contact_b.id))
        self.assertIn("does not work for", str(caught.exception))
        self.assertFalse(
            self.Interaction.search([("partner_id", "=", self.customer_a.id)])
        )
        form = Form(self.Interaction.with_user(self.user_sales))
        form.partner_id = self.customer_a
        form.contact_id = self.contact_a
        form.partner_id = self.customer_b  # the counterpart no longer fits
        self.assertFalse(form.contact_id)

    def test_next_interaction_schedules_an_activity_and_the_follow_up(self):
        interaction = self.Interaction.create(
            self._vals(
                state="done",
                next_date=date(2026, 3, 16),
                plan_next=True,
                next_kind_id=self.kind_call.id,
            )
        )
        # The follow-up shows on the customer, for its salesperson.
        self.assertFalse(interaction.activity_ids)
        activity = self.customer_a.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_sales)
        self.assertEqual(activity.date_deadline, date(2026, 3, 16))
        self.assertEqual(
            activity.summary, f"Next interaction with {self.customer_a.name}"
        )
        follow_up = interaction.next_interaction_id
        self.assertEqual(follow_up.state, "planned")
        self.assertEqual(follow_up.kind_id, self.kind_call)
        self.assertEqual(follow_up.date_start.date(), date(2026, 3, 16))
        self.assertEqual(follow_up.partner_id, self.customer_a)

    def test_saving_again_does_not_duplicate_the_follow_up(self):
        interaction = self.Interaction.create(
            self._vals(state="done", next_date=date(2026, 3, 16))
        )
        self.assertEqual(len(self.customer_a.activity_ids), 1)
        interaction.write({"plan_next": True})
        self.assertEqual(interaction.next_interaction_id.state, "planned")
        interaction.write({"next_date": date(2026, 3, 16), "plan_next": True})
        self.assertEqual(len(self.customer_a.activity_ids), 1)
        self.assertEqual(
            self.Interaction.search_count([("name", "like", "Follow-up:")]), 1
        )
        interaction.write({"next_date": date(2026, 3, 20)})
        self.assertEqual(len(self.customer_a.activity_ids), 2)

    def test_workflow_refuses_wrong_states(self):
        interaction = self.Interaction.create(self._vals())
        interaction.action_start()
        self.assertEqual(interaction.state, "in_progress")
        interaction.action_done()
        self.assertEqual(interaction.state, "done")
        self.assertTrue(interaction.date_end)
        with self.assertRaises(UserError):
            interaction.action_start()
        with self.assertRaises(UserError):
            interaction.action_cancel()
        self.assertEqual(interaction.state, "done")
        interaction.action_reset()
        interaction.action_cancel()
        self.assertEqual(interaction.state, "cancelled")

    def test_last_interaction_date_follows_done_interactions(self):
        planned = self.Interaction.create(self._vals())
        self.assertFalse(self.customer_a.last_interaction_date)
        planned.action_done()
        self.assertEqual(self.customer_a.last_interaction_date, planned.date)

    @freeze_time("2026-03-05 02:00:00")
    def test_cron_reminds_due_interactions_once(self):
        due = self.Interaction.create(self._vals())  # 2 March, still planned
        later = self.Interaction.create(self._vals(date_start=datetime(2026, 3, 20)))
        self.assertEqual(self.Interaction._cron_remind_due(), 1)
        self.assertEqual(due.activity_ids.user_id, self.user_sales)
        self.assertFalse(later.activity_ids)
        self.assertEqual(self.Interaction._cron_remind_due(), 0)
        self.assertEqual(len(due.activity_ids), 1)

    def test_opportunity_logs_interactions(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Reefer to Busan",
                "type": "opportunity",
                "partner_id": self.contact_a.id,
            }
        )
        action = lead.action_log_interaction()
        self.assertEqual(action["context"]["default_partner_id"], self.customer_a.id)
        self.assertEqual(action["context"]["default_lead_id"], lead.id)
        self.Interaction.create(self._vals(lead_id=lead.id))
        self.assertEqual(lead.interaction_count, 1)
