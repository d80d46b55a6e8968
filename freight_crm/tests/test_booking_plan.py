# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged, users

from odoo.addons.mail.tests.common import mail_new_test_user

NBSP = "\N{NO-BREAK SPACE}"


@tagged("post_install", "-at_install")
@freeze_time("2026-12-10")
class TestBookingPlanCurrency(TransactionCase):
    """A plan's budget becomes the opportunity's expected revenue in the
    company's currency, at the rate of the plan's start date, and the rate
    used is written where the amount changes currency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.env.ref("base.USD")
        cls.vnd = cls.env.ref("base.VND")
        cls.eur = cls.env.ref("base.EUR")
        (cls.usd | cls.vnd | cls.eur).active = True
        # The note is checked in English (the database may run in Vietnamese).
        cls.env["res.lang"]._activate_lang("en_US")
        cls.company = cls.env["res.company"].create(
            {"name": "Freight USD Co", "currency_id": cls.usd.id}
        )
        cls.user_sales = mail_new_test_user(
            cls.env,
            login="fr_plan_sales",
            name="Plan Sales",
            groups="base.group_user,freight_crm.group_freight_sales",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            lang="en_US",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Gỗ Minh Phát", "is_company": True, "user_id": cls.user_sales.id}
        )
        Rate = cls.env["res.currency.rate"]
        for currency, day, rate in (
            # The company's own rates: shared ones (demo data) do not count.
            (cls.usd, date(2026, 1, 1), 1.0),
            (cls.vnd, date(2026, 1, 1), 25000),
            (cls.vnd, date(2026, 11, 30), 26300),  # the one in force on 1 Dec
            (cls.vnd, date(2026, 12, 2), 27000),
            (cls.eur, date(2026, 11, 1), 0.92),
            (cls.eur, date(2026, 12, 5), 0.80),
        ):
            Rate.create(
                {
                    "currency_id": currency.id,
                    "company_id": cls.company.id,
                    "name": day,
                    "rate": rate,
                }
            )

    def _plan(self, currency, budget):
        # The note is written in the user's language: English here.
        return (
            self.env["freight.booking.plan"]
            .with_context(lang="en_US")
            .create(
                {
                    "name": "Đồ gỗ 2027",
                    "partner_id": self.customer.id,
                    "company_id": self.company.id,
                    "transport_mode": "sea_fcl",
                    "currency_id": currency.id,
                    "budget": budget,
                    "date_from": date(2026, 12, 1),
                    "date_to": date(2027, 11, 30),
                }
            )
        )

    @users("fr_plan_sales")
    def test_vnd_budget_in_usd(self):
        plan = self._plan(self.vnd, 2_800_000_000)
        plan.action_create_opportunity()
        lead = plan.lead_id
        self.assertEqual(lead.company_currency, self.usd)
        # 2,800,000,000 / 26,300, not 2,800,000,000 "dollars".
        self.assertAlmostEqual(lead.expected_revenue, 106463.88, places=2)
        note = (
            f"Expected revenue ${NBSP}106,463.88: 2,800,000,000{NBSP}₫ at 1 USD = "
            f"26,300{NBSP}₫ on 12/01/2026."
        )
        self.assertIn(note, str(lead.description).replace("&nbsp;", NBSP))
        self.assertIn(note, str(plan.message_ids[0].body).replace("&nbsp;", NBSP))

    @users("fr_plan_sales")
    def test_eur_budget_in_usd(self):
        plan = self._plan(self.eur, 10_000)
        plan.action_create_opportunity()
        lead = plan.lead_id
        self.assertAlmostEqual(lead.expected_revenue, 10869.57, places=2)
        # Said the way round that reads above one: 1 EUR = $ 1.09.
        note = (
            f"Expected revenue ${NBSP}10,869.57: 10,000.00{NBSP}€ at 1 EUR = "
            f"${NBSP}1.09 on 12/01/2026."
        )
        self.assertIn(note, str(lead.description).replace("&nbsp;", NBSP))
        self.assertIn(note, str(plan.message_ids[0].body).replace("&nbsp;", NBSP))

    @users("fr_plan_sales")
    def test_usd_budget_unchanged(self):
        plan = self._plan(self.usd, 50_000)
        messages = plan.message_ids
        plan.action_create_opportunity()
        self.assertEqual(plan.lead_id.expected_revenue, 50_000)
        self.assertFalse(plan.lead_id.description)
        self.assertFalse(
            (plan.message_ids - messages).filtered(
                lambda m: "Expected revenue" in (m.body or "")
            )
        )
