# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged, users

from .common import TODAY, FreightQuotationCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationWorkflow(FreightQuotationCommon, TransactionCase):
    """Item 5: draft -> to approve -> sent -> won / lost / expired /
    cancelled, revisions, the cron, the opportunity and the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        # The manager leads the salespeople's team: they approve margins.
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Freight Sales (test)",
                "user_id": cls.user_manager.id,
                "member_ids": [(6, 0, (cls.user_sales | cls.user_sales_2).ids)],
            }
        )

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _lead(self, name="40HC Los Angeles"):
        return (
            self.env["crm.lead"]
            .with_user(self.user_sales)
            .create(
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": self.customer_a.id,
                    "user_id": self.user_sales.id,
                    "team_id": self.team.id,
                }
            )
        )

    def _lose(self, quotation, user=None, **vals):
        action = quotation.with_user(user or self.user_sales).action_mark_lost()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user or self.user_sales)
            .with_context(**action["context"])
        )
        wizard.lost_reason_id = self.reason_price
        for fname, value in vals.items():
            setattr(wizard, fname, value)
        return wizard.save().action_confirm()

    @users("fr_sales")
    def test_send(self):
        self.assertEqual(self.customer_a.freight_stage, "lead")
        quotation = self._quotation()
        self._flush_tracking()
        action = quotation.action_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(quotation.state, "sent")
        self.assertEqual(quotation.sent_date, date(2026, 3, 10))
        self.assertTrue(quotation.access_token)
        # freight_crm's stage rule: a company quoted is at least a prospect.
        self.assertEqual(self.customer_a.freight_stage, "prospect")
        self.assertEqual(self.customer_a.last_quotation_date, date(2026, 3, 10))
        self._flush_tracking()
        self.assertEqual(self._state_trackings(quotation), [("Draft", "Sent")])

    @users("fr_sales")
    def test_margin_approved(self):
        quotation = self._quotation(lines=[self._line(sell=100.0, buy=97.0)])
        self.assertTrue(quotation.needs_approval)
        self._flush_tracking()
        quotation.action_send()
        self._flush_tracking()
        self.assertEqual(quotation.state, "to_approve")
        self.assertFalse(quotation.sent_date)
        activity = self._activities(quotation, self.act_approval)
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertIn("3.0%", str(activity.note))
        # The salesperson cannot approve their own margin, nor send it again.
        with self.assertRaises(AccessError):
            quotation.action_approve()
        with self.assertRaises(UserError):
            quotation.action_send()
        self.assertEqual(quotation.state, "to_approve")
        self.assertFalse(quotation.approved_by_id)
        # The manager approves: back to draft, then sent at that margin.
        quotation.with_user(self.user_manager).action_approve()
        self.assertEqual(quotation.state, "draft")
        self.assertEqual(quotation.approved_by_id, self.user_manager)
        self._flush_tracking()
        self.assertAlmostEqual(quotation.approved_margin_percent, 3.0)
        self.assertFalse(self._activities(quotation, self.act_approval))
        self.assertFalse(quotation.needs_approval)
        quotation.action_send()
        self.assertEqual(quotation.state, "sent")
        self._flush_tracking()
        self.assertEqual(
            self._state_trackings(quotation),
            [("Draft", "To Approve"), ("To Approve", "Draft"), ("Draft", "Sent")],
        )

    @users("fr_sales")
    def test_margin_refused(self):
        quotation = self._quotation(lines=[self._line(sell=100.0, buy=97.0)])
        quotation.action_send()
        # The salesperson cannot open the refusal either.
        with self.assertRaises(AccessError):
            quotation.action_refuse()
        manager_quotation = quotation.with_user(self.user_manager)
        action = manager_quotation.action_refuse()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_manager)
            .with_context(**action["context"])
        )
        wizard.reason = "Carrier B is 200 USD cheaper: reprice."
        wizard.save().action_confirm()
        self.assertEqual(quotation.state, "draft")
        self.assertFalse(quotation.approved_by_id)
        self.assertFalse(self._activities(quotation, self.act_approval))
        todo = quotation.activity_ids
        self.assertEqual(todo.user_id, self.user_sales)
        self.assertIn("Carrier B is 200 USD cheaper", str(todo.note))
        self.assertTrue(
            quotation.message_ids.filtered(
                lambda message: "Carrier B is 200 USD cheaper" in str(message.body)
            )
        )
        # Sent again without repricing: it waits for approval again.
        quotation.action_send()
        self.assertEqual(quotation.state, "to_approve")
        # A refusal says why.
        with self.assertRaises(UserError):
            manager_quotation._refuse("  ")
        self.assertEqual(quotation.state, "to_approve")

    @users("fr_sales")
    def test_won_marks_opportunity_won(self):
        lead = self._lead()
        quotation = self._quotation(lead_id=lead.id)
        self._flush_tracking()
        quotation.action_send()
        self._flush_tracking()
        quotation.action_mark_won()
        self._flush_tracking()
        self.assertEqual(
            self._state_trackings(quotation), [("Draft", "Sent"), ("Sent", "Won")]
        )
        self.assertEqual(quotation.state, "won")
        self.assertEqual(quotation.selected_option_id, quotation.option_ids)
        self.assertEqual(lead.probability, 100.0)
        self.assertTrue(lead.stage_id.is_won)

    @users("fr_sales")
    def test_lost_with_reason_competitor_price(self):
        lead = self._lead()
        first = self._quotation(lead_id=lead.id)
        second = self._quotation(lead_id=lead.id)
        self._flush_tracking()
        (first | second).action_send()
        self._flush_tracking()
        self._lose(first, competitor="Quick Logistics", competitor_price=1450.0)
        self.assertEqual(first.state, "lost")
        self.assertEqual(first.lost_reason_id, self.reason_price)
        self.assertEqual(first.competitor, "Quick Logistics")
        self.assertEqual(first.competitor_price, 1450.0)
        self.assertEqual(first.decision_date, date(2026, 3, 10))
        # The other quotation is still open: the opportunity too.
        self.assertTrue(lead.active)
        self.assertFalse(lead.lost_reason_id)
        self._lose(second)
        self._flush_tracking()
        self.assertEqual(self._state_trackings(second)[-1:], [("Sent", "Lost")])
        self.assertFalse(lead.active)
        self.assertEqual(lead.lost_reason_id, self.reason_price)
        self.assertEqual(lead.probability, 0.0)

    @users("fr_sales")
    def test_lost_refused(self):
        quotation = self._quotation()
        with self.assertRaises(UserError):
            quotation.action_mark_lost()  # a draft
        quotation.action_send()
        with self.assertRaises(UserError):
            quotation._set_lost(self.env["crm.lost.reason"])
        with self.assertRaises(UserError):
            quotation._set_lost(self.reason_price, price=-5.0)
        self.assertEqual(quotation.state, "sent")
        self.assertFalse(quotation.lost_reason_id)
        self.assertFalse(quotation.competitor_price)

    @users("fr_sales")
    def test_revise(self):
        quotation = self._quotation()
        count = self.env["freight.quotation"].search_count([])
        with self.assertRaises(UserError):
            quotation.action_revise()  # a draft is changed, not revised
        self.assertEqual(self.env["freight.quotation"].search_count([]), count)
        quotation.action_send()
        action = quotation.action_revise()
        revision = self.env["freight.quotation"].browse(action["res_id"])
        self.assertEqual(revision.name, f"{quotation.name}-R1")
        self.assertEqual(revision.state, "draft")
        self.assertEqual(revision.previous_id, quotation)
        self.assertEqual(quotation.next_revision_id, revision)
        self.assertEqual(quotation.state, "cancelled")
        self.assertEqual(len(revision.line_ids), len(quotation.line_ids))
        self.assertEqual(revision.amount_total, quotation.amount_total)
        # The old one is kept as it was.
        with self.assertRaises(UserError):
            quotation.write({"commodity": "Changed"})
        with self.assertRaises(UserError):
            quotation.line_ids.write({"sell_price": 1.0})
        with self.assertRaises(UserError):
            quotation.action_draft()
        self.assertFalse(quotation.commodity)
        self.assertEqual(quotation.line_ids.sell_price, 100.0)
        self.assertEqual(quotation.state, "cancelled")
        revision.action_send()
        second = self.env["freight.quotation"].browse(
            revision.action_revise()["res_id"]
        )
        self.assertEqual(second.name, f"{quotation.name}-R2")
        self.assertEqual(second.previous_id, revision)

    def test_cron_expiry(self):
        with freeze_time("2026-03-02"):
            past = self._quotation(
                date=date(2026, 3, 1), validity_date=date(2026, 3, 5)
            )
            soon = self._quotation(
                date=date(2026, 3, 2), validity_date=date(2026, 3, 12)
            )
            later = self._quotation(
                date=date(2026, 3, 2), validity_date=date(2026, 3, 24)
            )
            draft = self._quotation(
                date=date(2026, 3, 1), validity_date=date(2026, 3, 5)
            )
            self._flush_tracking()
            (past | soon | later).with_user(self.user_sales).action_send()
            self._flush_tracking()
        self.Quotation._cron_expiry()
        self.assertEqual(past.state, "expired")
        self.assertEqual(past.decision_date, date(2026, 3, 10))
        self.assertEqual(soon.state, "sent")
        self.assertEqual(later.state, "sent")
        self.assertEqual(draft.state, "draft")
        reminder = self._activities(soon, self.act_expiry)
        self.assertEqual(reminder.user_id, self.user_sales)
        self.assertEqual(reminder.date_deadline, date(2026, 3, 12))
        self.assertFalse(self._activities(later, self.act_expiry))
        self.assertFalse(self._activities(past, self.act_expiry))
        # Once.
        self.Quotation._cron_expiry()
        self.assertEqual(len(self._activities(soon, self.act_expiry)), 1)
        self._flush_tracking()
        self.assertEqual(
            self._state_trackings(past), [("Draft", "Sent"), ("Sent", "Expired")]
        )

    @users("fr_sales")
    def test_cancel_and_reset(self):
        quotation = self._quotation()
        self._flush_tracking()
        quotation.action_cancel()
        self.assertEqual(quotation.state, "cancelled")
        self._flush_tracking()
        quotation.action_draft()
        self.assertEqual(quotation.state, "draft")
        self._flush_tracking()
        self.assertEqual(
            self._state_trackings(quotation),
            [("Draft", "Cancelled"), ("Cancelled", "Draft")],
        )

    def test_actions_refused_in_wrong_state(self):
        """Every action_* in a state it does not apply to: a UserError, and
        nothing written (state, chatter, activities)."""
        draft = self._quotation()
        sent = self._quotation()
        sent.with_user(self.user_sales).action_send()
        won = self._quotation()
        won.with_user(self.user_sales).action_send()
        won.with_user(self.user_sales).action_mark_won()
        manager_actions = {"action_approve", "action_refuse"}
        cases = {
            draft: [
                "action_approve",
                "action_refuse",
                "action_mark_won",
                "action_mark_lost",
                "action_revise",
                "action_draft",
                "action_send_email",
            ],
            sent: [
                "action_send",
                "action_fill_from_rates",
                "action_apply_template",
                "action_add_option",
                "action_apply_markup",
                "action_refresh_buy_prices",
                "action_approve",
                "action_draft",
            ],
            won: [
                "action_send",
                "action_mark_won",
                "action_mark_lost",
                "action_cancel",
                "action_revise",
                "action_approve",
                "action_draft",
                "action_send_email",
            ],
        }
        for quotation, actions in cases.items():
            for action in actions:
                user = (
                    self.user_manager if action in manager_actions else self.user_sales
                )
                with self.subTest(state=quotation.state, action=action):
                    state = quotation.state
                    messages = len(quotation.message_ids)
                    activities = len(quotation.activity_ids)
                    with self.assertRaises(UserError):
                        getattr(quotation.with_user(user), action)()
                    quotation.invalidate_recordset()
                    self.assertEqual(quotation.state, state)
                    self.assertEqual(len(quotation.message_ids), messages)
                    self.assertEqual(len(quotation.activity_ids), activities)
        for quotation in (draft, won):
            with self.subTest(state=quotation.state, action="option.action_choose"):
                with self.assertRaises(UserError):
                    quotation.option_ids.with_user(self.user_sales).action_choose()
                self.assertEqual(
                    quotation.state, "won" if quotation == won else "draft"
                )
