# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged, users
from odoo.tools import mute_logger

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestCustomer(FreightCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()

    def test_new_company_is_a_lead_carrier_has_no_stage(self):
        self.assertEqual(self.customer_a.freight_stage, "lead")
        carrier = self.env["res.partner"].create(
            {
                "name": "Test Line",
                "is_company": True,
                "freight_carrier_kind": "coloader",
            }
        )
        self.assertFalse(carrier.freight_stage)
        self.assertFalse(self.contact_a.freight_stage)

    @users("fr_sales")
    def test_new_company_on_the_web_form_is_a_lead_of_its_salesperson(self):
        """The web form sends company_type and an empty stage, not
        is_company: the company is a lead all the same, and the
        salesperson's."""
        form = Form(
            self.env["res.partner"].with_context(default_is_company=True),
            view="base.view_partner_form",
        )
        form.name = "Web Form Rubber Co."
        customer = form.save()
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.freight_stage, "lead")
        self.assertEqual(customer.user_id, self.user_sales)

    @users("fr_sales")
    def test_open_opportunity_makes_a_prospect_and_never_demotes(self):
        customer = self.customer_a.with_user(self.env.user)
        # Records created in the current transaction are not tracked: end
        # the creation's tracking as a commit would.
        self.env.cr.precommit.run()
        lead = self.env["crm.lead"].create(
            {
                "name": "Furniture to LA",
                "type": "opportunity",
                "partner_id": customer.id,
            }
        )
        self.assertEqual(customer.freight_stage, "prospect")
        # The stage change is tracked in the chatter (tracking is written when
        # the transaction commits).
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = customer.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "freight_stage"
        )
        self.assertEqual(tracking.new_value_char, "Prospect")
        # A manager makes it a customer; a new opportunity does not demote it.
        customer.with_user(self.user_manager).freight_stage = "customer"
        lead.copy()
        self.assertEqual(customer.freight_stage, "customer")

    def test_lead_type_does_not_promote(self):
        self.env["crm.lead"].create(
            {"name": "Cold lead", "type": "lead", "partner_id": self.customer_a.id}
        )
        self.assertEqual(self.customer_a.freight_stage, "lead")

    @users("fr_sales")
    def test_only_a_manager_sets_the_stage_by_hand(self):
        customer = self.customer_a.with_user(self.env.user)
        with self.assertRaises(AccessError):
            customer.write({"freight_stage": "customer"})
        self.assertEqual(customer.freight_stage, "lead")
        with self.assertRaises(AccessError):
            self.env["res.partner"].create(
                {"name": "X", "is_company": True, "freight_stage": "customer"}
            )
        customer.with_user(self.user_manager).write({"freight_stage": "customer"})
        self.assertEqual(customer.freight_stage, "customer")
        # A salesperson may still duplicate it: the copy starts as a lead.
        self.assertEqual(customer.copy().freight_stage, "lead")

    def test_parent_company_cannot_loop(self):
        group = self.env["res.partner"].create({"name": "Group", "is_company": True})
        self.customer_a.freight_parent_company_id = group
        self.assertEqual(group.freight_subsidiary_ids, self.customer_a)
        with self.assertRaises(ValidationError):
            group.freight_parent_company_id = self.customer_a
        self.assertFalse(group.freight_parent_company_id)
        with self.assertRaises(ValidationError):
            group.freight_parent_company_id = group
        self.assertFalse(group.freight_parent_company_id)

    @freeze_time("2026-03-10")
    def test_birthdays(self):
        with self.assertRaises(ValidationError):
            self.contact_a.birthdate = date(2026, 3, 11)
        self.assertFalse(self.contact_a.birthdate)
        self.contact_a.birthdate = date(1985, 3, 20)  # in 10 days
        self.contact_b.birthdate = date(1990, 6, 1)  # in 83 days
        Partner = self.env["res.partner"]
        found = Partner.search([("birthday_soon", "=", True)])
        self.assertIn(self.contact_a, found)
        self.assertNotIn(self.contact_b, found)
        self.assertIn(self.contact_b, Partner.search([("birthday_soon", "=", False)]))

    @freeze_time("2026-12-25")
    def test_birthday_window_wraps_the_year(self):
        self.contact_a.birthdate = date(1985, 1, 5)
        self.assertTrue(self.contact_a.birthday_soon)

    @freeze_time("2026-03-20")
    def test_birthday_reminder_goes_to_the_salesperson(self):
        self.env.company.freight_birthday_notice_days = 3
        self.contact_a.birthdate = date(1985, 3, 23)
        self.contact_b.birthdate = date(1985, 3, 24)
        self.env["res.partner"]._cron_freight_birthdays()
        activity = self.contact_a.activity_ids
        self.assertEqual(activity.user_id, self.user_sales)
        self.assertEqual(activity.date_deadline, date(2026, 3, 23))
        self.assertFalse(self.contact_b.activity_ids)

    def test_neglected_and_days_without_interaction(self):
        Interaction = self.env["freight.interaction"]
        with freeze_time("2026-01-05"):
            Interaction.create(
                {
                    "name": "Visit",
                    "partner_id": self.customer_a.id,
                    "kind_id": self.kind_visit.id,
                    "user_id": self.user_sales.id,
                    "state": "done",
                    "date_start": datetime(2026, 1, 5, 3, 0),
                }
            )
        self.assertEqual(self.customer_a.last_interaction_date, date(2026, 1, 5))
        self.env.company.freight_neglect_days = 30
        Partner = self.env["res.partner"]
        with freeze_time("2026-01-20"):
            self.customer_a.invalidate_recordset(["is_neglected"])
            self.assertFalse(self.customer_a.is_neglected)
            self.assertTrue(self.customer_b.is_neglected)  # never met
            neglected = Partner.search([("is_neglected", "=", True)])
            self.assertNotIn(self.customer_a, neglected)
            self.assertIn(self.customer_b, neglected)
            self.assertIn(
                self.customer_a, Partner.search([("is_neglected", "=", False)])
            )
            self.assertIn(
                self.customer_a, Partner.search([("days_since_interaction", ">=", 15)])
            )
            self.assertNotIn(
                self.customer_a, Partner.search([("days_since_interaction", ">=", 16)])
            )
        with self.assertRaises(UserError):
            Partner.search([("days_since_interaction", "=", "many")])
        with freeze_time("2026-02-10"):
            self.customer_a.invalidate_recordset(["is_neglected"])
            self.assertTrue(self.customer_a.is_neglected)
            self.assertEqual(self.customer_a.days_since_interaction, 36)

    def test_financials(self):
        Financial = self.env["freight.customer.financial"]
        Financial.create(
            {"partner_id": self.customer_a.id, "year": 2024, "revenue": 100e9}
        )
        fin_2025 = Financial.create(
            {"partner_id": self.customer_a.id, "year": 2025, "revenue": 120e9}
        )
        self.assertAlmostEqual(fin_2025.revenue_growth, 20.0)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.cr.savepoint():
                Financial.create({"partner_id": self.customer_a.id, "year": 2025})
        self.assertEqual(
            Financial.search_count([("partner_id", "=", self.customer_a.id)]), 2
        )
        with self.assertRaises(ValidationError):
            Financial.create(
                {"partner_id": self.customer_a.id, "year": 2026, "employees": -1}
            )

    def test_needs_refuse_bad_values(self):
        Need = self.env["freight.customer.need"]
        vals = {"partner_id": self.customer_a.id, "transport_mode": "sea_fcl"}
        with self.assertRaises(ValidationError):
            Need.create(vals | {"volume": -5})
        with self.assertRaises(ValueError):
            Need.create(vals | {"satisfaction": "6"})
        self.assertFalse(Need.search([("partner_id", "=", self.customer_a.id)]))
        need = Need.create(vals | {"satisfaction": "2", "volume": 20})
        self.assertEqual(need.satisfaction, "2")

    @users("fr_sales")
    def test_booking_plan_becomes_an_opportunity(self):
        Plan = self.env["freight.booking.plan"]
        base = {
            "name": "2027 export programme",
            "partner_id": self.customer_a.id,
            "transport_mode": "sea_fcl",
            "date_from": date(2027, 1, 1),
            "date_to": date(2027, 12, 31),
        }
        with self.assertRaises(ValidationError):
            Plan.create(base | {"budget": -1})
        with self.assertRaises(ValidationError):
            Plan.create(base | {"date_to": date(2026, 1, 1)})
        plan = Plan.create(
            base
            | {
                "budget": 50000,
                "volume": 120,
                "origin_port_id": self.env.ref("freight_crm.port_vncli").id,
            }
        )
        plan.action_create_opportunity()
        lead = plan.lead_id
        self.assertEqual(plan.state, "opportunity")
        self.assertEqual(
            (lead.type, lead.partner_id, lead.transport_mode, lead.expected_volume),
            ("opportunity", self.customer_a, "sea_fcl", 120),
        )
        self.assertEqual(lead.origin_port_id.code, "VNCLI")
        self.assertEqual(lead.user_id, self.user_sales)
        self.assertEqual(self.customer_a.freight_stage, "prospect")
        with self.assertRaises(UserError):
            plan.action_create_opportunity()

    def test_opportunity_margin(self):
        with Form(self.env["crm.lead"].with_context(default_type="opportunity")) as f:
            f.name = "Air cargo HAN-FRA"
            f.partner_id = self.customer_a
            f.expected_revenue = 20000
            f.expected_profit = 3000
            f.transport_mode = "air"
            f.freight_direction = "export"
        lead = f.record
        self.assertAlmostEqual(lead.expected_margin, 15.0)
        with self.assertRaises(ValidationError):
            lead.expected_profit = 30000
        with self.assertRaises(ValidationError):
            lead.expected_volume = -1
