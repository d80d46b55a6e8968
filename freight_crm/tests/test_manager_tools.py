# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestManagerTools(FreightCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        cls.env.company.freight_neglect_days = 30
        # The report counts days in the reader's time zone.
        cls.today = fields.Date.context_today(
            cls.user_manager.with_user(cls.user_manager)
        )
        cls.customer_c = cls.env["res.partner"].create(
            {
                "name": "Công ty TNHH Điện tử Bắc Ninh",
                "is_company": True,
                "user_id": cls.user_sales.id,
            }
        )
        Interaction = cls.env["freight.interaction"]
        cls.recent = Interaction.create(cls._interaction(cls.customer_a, 10, "done"))
        cls.old = Interaction.create(cls._interaction(cls.customer_c, 40, "done"))
        cls.planned = Interaction.create(
            cls._interaction(cls.customer_a, -5, "planned")
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Weekly LCL to Tokyo",
                "type": "opportunity",
                "partner_id": cls.contact_a.id,
                "user_id": cls.user_sales.id,
                "expected_revenue": 12000,
            }
        )

    @classmethod
    def _interaction(cls, customer, days_ago, state):
        day = cls.today - timedelta(days=days_ago)
        return {
            "name": "Visit",
            "partner_id": customer.id,
            "kind_id": cls.env.ref("freight_crm.interaction_kind_visit").id,
            "user_id": customer.user_id.id,
            "state": state,
            # noon UTC stays on the same day in Asia/Ho_Chi_Minh
            "date_start": datetime.combine(day, time(5, 0)),
        }

    def _report(self, customer, user=None):
        Report = self.env["freight.customer.care.report"].with_user(
            user or self.user_manager
        )
        return Report.search([("partner_id", "=", customer.id)])

    def test_care_report_flags_neglected_customers(self):
        line_a = self._report(self.customer_a)
        self.assertEqual(line_a.user_id, self.user_sales)
        self.assertEqual(line_a.days_since_interaction, 10)
        self.assertFalse(line_a.is_neglected)
        self.assertEqual(line_a.open_opportunity_count, 1)
        self.assertEqual(line_a.open_expected_revenue, 12000)
        self.assertEqual(line_a.interaction_count, 1)
        line_c = self._report(self.customer_c)
        self.assertEqual(line_c.days_since_interaction, 40)
        self.assertTrue(line_c.is_neglected)
        line_b = self._report(self.customer_b)  # never met
        self.assertFalse(line_b.last_interaction_date)
        self.assertTrue(line_b.is_neglected)
        self.env.company.freight_neglect_days = 45
        self.env["freight.customer.care.report"].invalidate_model()
        self.assertFalse(self._report(self.customer_c).is_neglected)

    def test_care_report_is_for_managers_only(self):
        for user in (self.user_sales, self.user_pricing, self.user_ops_sea):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._report(self.customer_a, user=user)

    def test_monthly_report_mails_every_manager(self):
        admin = self.user_admin
        managers = self.env["freight.customer.care.report"]._cron_send_monthly_report()
        self.assertIn(self.user_manager, managers)
        self.assertIn(admin, managers)
        self.assertNotIn(self.user_sales, managers)
        mail = self.env["mail.mail"].search(
            [("email_to", "ilike", self.user_manager.email)], order="id desc", limit=1
        )
        self.assertTrue(mail)
        last_month = self.today.replace(day=1) - timedelta(days=1)
        self.assertIn(last_month.strftime("%m/%Y"), mail.subject)
        self.assertIn(self.user_sales.name, mail.body_html)
        self.assertIn(self.customer_c.name, mail.body_html)  # neglected
        self.assertNotIn(self.customer_a.name, mail.body_html)

    def test_reassign_customers_keeps_history_and_notifies(self):
        self.recent.write({"next_date": self.today + timedelta(days=7)})
        self.assertEqual(self.customer_a.activity_ids.user_id, self.user_sales)
        salespeople = (self.user_sales | self.user_sales_2).partner_id
        emails = [
            ("res_partner_id", "in", salespeople.ids),
            ("notification_type", "=", "email"),
        ]
        emails_before = self.env["mail.notification"].search_count(emails)
        wizard = Form(
            self.env["freight.customer.reassign"]
            .with_user(self.user_manager)
            .with_context(active_model="res.partner", active_ids=self.customer_a.ids)
        )
        wizard.new_user_id = self.user_sales_2
        wizard.reason = "Lan cannot keep up with the weekly bookings"
        wizard.save().action_reassign()
        self.assertEqual(self.customer_a.user_id, self.user_sales_2)
        # Nobody is e-mailed (per document or otherwise): all in their inbox.
        self.assertEqual(
            self.env["mail.notification"].search_count(emails), emails_before
        )
        history = self.customer_a.freight_reassignment_ids
        self.assertEqual(
            (history.old_user_id, history.new_user_id, history.create_uid),
            (self.user_sales, self.user_sales_2, self.user_manager),
        )
        self.assertIn("weekly bookings", history.reason)
        self.assertEqual(self.lead.user_id, self.user_sales_2)
        self.assertEqual(self.planned.user_id, self.user_sales_2)
        self.assertEqual(self.recent.user_id, self.user_sales)  # done: history
        follow_up = self.customer_a.activity_ids.filtered(
            lambda a: a.summary.startswith("Next interaction")
        )
        self.assertEqual(follow_up.user_id, self.user_sales_2)
        message = self.customer_a.message_ids[0]
        self.assertEqual(
            message.partner_ids,
            self.user_sales.partner_id | self.user_sales_2.partner_id,
        )
        # Both salespeople are notified.
        notified = message.notification_ids.res_partner_id
        self.assertIn(self.user_sales.partner_id, notified)
        self.assertIn(self.user_sales_2.partner_id, notified)
        # The new salesperson now sees the customer's planned interaction and
        # the history; the old one keeps what they did.
        self.assertIn(
            self.planned,
            self.env["freight.interaction"].with_user(self.user_sales_2).search([]),
        )

    def test_reassign_refuses_no_change_and_sales(self):
        Wizard = self.env["freight.customer.reassign"]
        wizard = Wizard.with_user(self.user_manager).create(
            {
                "partner_ids": [(6, 0, self.customer_a.ids)],
                "new_user_id": self.user_sales.id,
                "reason": "no change",
            }
        )
        with self.assertRaises(UserError):
            wizard.action_reassign()
        self.assertFalse(self.customer_a.freight_reassignment_ids)
        with self.assertRaises(AccessError):
            Wizard.with_user(self.user_sales).create(
                {
                    "partner_ids": [(6, 0, self.customer_b.ids)],
                    "new_user_id": self.user_sales.id,
                    "reason": "grab",
                }
            )
        self.assertEqual(self.customer_b.user_id, self.user_sales_2)


@tagged("post_install", "-at_install")
class TestCustomerCareCompanies(FreightCommon, TransactionCase):
    """The report, its e-mail and the partner flag, with two companies of
    different neglect thresholds and a customer shared by both."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        cls.main = cls.env.ref("base.main_company")
        cls.main.freight_neglect_days = 30
        cls.hanoi = cls.env["res.company"].create(
            {"name": "Chi nhánh Hà Nội", "freight_neglect_days": 10}
        )
        cls.user_manager_hn = mail_new_test_user(
            cls.env,
            login="fr_manager_hn",
            name="Hanoi Manager",
            email="fr_manager_hn@example.com",
            groups="base.group_user,freight_crm.group_freight_sales_manager",
            company_id=cls.hanoi.id,
            company_ids=[(6, 0, cls.hanoi.ids)],
            tz="Asia/Ho_Chi_Minh",
        )
        cls.user_sales_hn = mail_new_test_user(
            cls.env,
            login="fr_sales_hn",
            name="Hanoi Sales",
            groups="base.group_user,freight_crm.group_freight_sales",
            company_id=cls.hanoi.id,
            company_ids=[(6, 0, cls.hanoi.ids)],
            tz="Asia/Ho_Chi_Minh",
        )
        cls.customer_hn = cls.env["res.partner"].create(
            {
                "name": "Công ty CP Thép Hải Phòng",
                "is_company": True,
                "company_id": cls.hanoi.id,
                "user_id": cls.user_sales_hn.id,
            }
        )
        cls.today = fields.Date.context_today(
            cls.user_manager.with_user(cls.user_manager)
        )
        # customer_a (shared: main company's 30 days) and customer_hn (Hanoi:
        # 10 days) were both last met 20 days ago; customer_b never.
        day = cls.today - timedelta(days=20)
        for customer, company in (
            (cls.customer_a, cls.main),
            (cls.customer_hn, cls.hanoi),
        ):
            cls.env["freight.interaction"].create(
                {
                    "name": "Visit",
                    "partner_id": customer.id,
                    "kind_id": cls.kind_visit.id,
                    "user_id": customer.user_id.id,
                    "company_id": company.id,
                    "state": "done",
                    "date_start": datetime.combine(day, time(5, 0)),
                }
            )

    def test_one_definition_of_neglected(self):
        expected = {
            self.customer_a: False,
            self.customer_b: True,  # never met
            self.customer_hn: True,
        }
        Report = self.env["freight.customer.care.report"]
        for user in (self.user_manager, self.user_manager_hn):
            Partner = self.env["res.partner"].with_user(user)
            neglected = Partner.search([("is_neglected", "=", True)])
            cared = Partner.search([("is_neglected", "=", False)])
            for customer, flag in expected.items():
                if customer == self.customer_hn and user == self.user_manager:
                    continue  # another company's customer: not readable
                with self.subTest(user=user.login, customer=customer.name):
                    self.assertEqual(Partner.browse(customer.id).is_neglected, flag)
                    self.assertEqual(customer in neglected, flag)
                    self.assertEqual(customer in cared, not flag)
                    line = Report.sudo().search([("partner_id", "=", customer.id)])
                    self.assertEqual(line.is_neglected, flag)
                    self.assertEqual(line.neglected_count, int(flag))

    def test_report_is_per_company(self):
        Report = self.env["freight.customer.care.report"]
        main_lines = Report.with_user(self.user_manager).search([])
        hanoi_lines = Report.with_user(self.user_manager_hn).search([])
        self.assertIn(self.customer_a, main_lines.partner_id)
        self.assertIn(self.customer_b, main_lines.partner_id)
        self.assertNotIn(self.customer_hn, main_lines.partner_id)
        self.assertEqual(hanoi_lines.partner_id, self.customer_hn)
        self.assertEqual(hanoi_lines.company_id, self.hanoi)
        self.assertEqual(
            main_lines.filtered(
                lambda line: line.partner_id == self.customer_a
            ).company_id,
            self.main,
        )

    def test_never_met_group_counts_and_row_opens_the_customer(self):
        Report = self.env["freight.customer.care.report"].with_user(self.user_manager)
        line_b = Report.search([("partner_id", "=", self.customer_b.id)])
        self.assertFalse(line_b.days_since_interaction)
        self.assertEqual(line_b.days_since_label, "Never")
        line_a = Report.search([("partner_id", "=", self.customer_a.id)])
        self.assertEqual(line_a.days_since_label, "20 days")
        groups = dict(
            Report._read_group(
                [("partner_id", "in", (self.customer_a | self.customer_b).ids)],
                ["user_id"],
                ["neglected_count:sum"],
            )
        )
        self.assertEqual(groups, {self.user_sales: 0, self.user_sales_2: 1})
        action = line_b.action_open_customer()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.partner", self.customer_b.id)
        )

    def test_monthly_email_per_company(self):
        mailed = self.env["freight.customer.care.report"]._cron_send_monthly_report()
        self.assertIn(self.user_manager, mailed)
        self.assertIn(self.user_manager_hn, mailed)

        def mail_of(user):
            mails = self.env["mail.mail"].search([("email_to", "ilike", user.email)])
            self.assertEqual(len(mails), 1)
            return mails

        hanoi = mail_of(self.user_manager_hn)
        self.assertIn(self.customer_hn.name, hanoi.body_html)
        self.assertIn(self.user_sales_hn.name, hanoi.body_html)
        self.assertNotIn(self.customer_b.name, hanoi.body_html)
        self.assertNotIn(self.user_sales_2.name, hanoi.body_html)
        main = mail_of(self.user_manager)
        self.assertIn(self.customer_b.name, main.body_html)
        self.assertNotIn(self.customer_hn.name, main.body_html)
        self.assertNotIn(self.user_sales_hn.name, main.body_html)
