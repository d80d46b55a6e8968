# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import TODAY, FreightRateCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRateExpiry(FreightRateCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls.user_pricing_2 = cls.user_pricing.copy(
            {"login": "fr_pricing_2", "name": "Pricing B", "email": "p2@example.com"}
        )
        # Today is 10 March; the reminder comes 7 days ahead (default).
        cls.ends_soon = cls._fcl_rate(
            cls.line_a,
            {cls.c40hc: 2000.0},
            valid_to=date(2026, 3, 15),
            user_id=cls.user_pricing.id,
        )
        cls.ends_later = cls._fcl_rate(
            cls.line_b,
            {cls.c40hc: 2100.0},
            valid_to=date(2026, 3, 22),
            user_id=cls.user_pricing_2.id,
        )
        cls.ends_next_month = cls._fcl_rate(
            cls.line_c, {cls.c40hc: 2200.0}, valid_to=date(2026, 4, 30)
        )
        cls.ended = cls._fcl_rate(
            cls.line_a,
            {cls.c20: 1500.0},
            valid_from=date(2026, 3, 1),
            valid_to=date(2026, 3, 12),
        )
        cls.activity_type = cls.env.ref("freight_rates.mail_activity_type_rate_expiry")

    def _digests(self):
        return self.env["mail.mail"].search(
            [("subject", "like", "buying rates expire"), ("model", "=", "res.company")]
        )

    def test_daily_expiry_reminders_and_weekly_digest(self):
        Rate = self.env["freight.rate"]
        with freeze_time("2026-03-13 01:00:00"):
            Rate._cron_expiry()
        # Past its validity: expired, kept, and the change is in the chatter.
        self.assertEqual(self.ended.state, "expired")
        self.assertTrue(self.ended.exists())
        # The owner of a rate ending within 7 days gets one activity.
        activity = self.ends_soon.activity_ids
        self.assertEqual(activity.activity_type_id, self.activity_type)
        self.assertEqual(activity.user_id, self.user_pricing)
        self.assertEqual(activity.date_deadline, date(2026, 3, 15))
        self.assertFalse(self.ends_later.activity_ids)
        self.assertFalse(self.ends_next_month.activity_ids)
        # One digest to the pricing team, listing what ends in 14 days.
        digests = self._digests()
        self.assertEqual(len(digests), 1)
        pricing = self.env.ref("freight_crm.group_freight_pricing").users
        self.assertEqual(digests.recipient_ids, pricing.filtered("email").partner_id)
        self.assertIn(self.user_pricing_2.partner_id, digests.recipient_ids)
        self.assertNotIn(self.user_sales.partner_id, digests.recipient_ids)
        self.assertIn(self.ends_soon.name, digests.body_html)
        self.assertIn(self.ends_later.name, digests.body_html)
        self.assertNotIn(self.ends_next_month.name, digests.body_html)
        self.assertIn("2 buying rates", digests.subject)
        # The next day: no second activity, no second digest this week.
        with freeze_time("2026-03-16 01:00:00"):
            Rate._cron_expiry()
        self.assertEqual(len(self.ends_soon.activity_ids), 1)
        self.assertEqual(self.ends_later.activity_ids.user_id, self.user_pricing_2)
        self.assertEqual(self.ends_soon.state, "expired")
        self.assertEqual(len(self._digests()), 1)
        # A week after the first digest, the next one.
        with freeze_time("2026-03-20 01:00:00"):
            Rate._cron_expiry()
        self.assertEqual(len(self._digests()), 2)

    def test_renewing_a_rate_rearms_its_reminder(self):
        with freeze_time("2026-03-13 01:00:00"):
            self.env["freight.rate"]._cron_expiry()
        self.assertTrue(self.ends_soon.expiry_reminded)
        self.ends_soon.valid_to = date(2026, 4, 15)
        self.assertFalse(self.ends_soon.expiry_reminded)
        # A longer notice, set by the company.
        self.env.company.freight_rate_expiry_notice_days = 60
        with freeze_time("2026-03-14 01:00:00"):
            self.env["freight.rate"]._cron_expiry()
        self.assertEqual(len(self.ends_soon.activity_ids), 2)
        self.assertTrue(self.ends_next_month.activity_ids)

    def test_search_filters(self):
        arch = self.env.ref("freight_rates.freight_rate_view_search").arch
        filters = {
            node.get("name"): node.get("domain")
            for node in etree.fromstring(arch).iter("filter")
            if node.get("domain")
        }
        context = {
            "context_today": lambda: date(2026, 3, 10),
            "relativedelta": relativedelta,
            "uid": self.env.uid,
        }
        mine = self.ends_soon | self.ends_later | self.ends_next_month | self.ended

        def found(name):
            domain = safe_eval(filters[name], context)
            return self.env["freight.rate"].search(domain) & mine

        self.assertEqual(found("valid_today"), mine)
        self.assertEqual(found("expiring_7"), self.ends_soon | self.ended)
        self.assertFalse(found("expired"))
        self.ended.state = "expired"
        self.assertEqual(found("expired"), self.ended)
