# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from odoo.addons.base.tests.common import TransactionCase
from odoo.addons.freight_rates.tests.common import FreightRateCommon


@tagged("post_install", "-at_install")
class TestQuotationAnalysis(FreightRateCommon, TransactionCase):
    """The win rate over a small world.

    Sales A: won 1000 (margin 200), won 500 (50, in February), won 800 EUR
    (200 EUR, i.e. 1000 and 250 USD at 0.8), lost 2000 (120), expired 1500
    (280); cancelled and still sent ones that do not count. Sales B: won 400
    (100). A: 3 of 5 won (60 %), margin 900 / 6000 = 15 % (the average of
    the rows' percentages would be 15.9 %).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        env = cls.env
        cls.reason = env["crm.lost.reason"].create({"name": "Price too high (test)"})
        cls.customer_c = env["res.partner"].create(
            {
                "name": "Never quoted Co.",
                "is_company": True,
                "user_id": cls.user_sales.id,
            }
        )
        cls.lead_a = env["crm.lead"].create(
            {
                "name": "Wood furniture to Los Angeles",
                "type": "opportunity",
                "partner_id": cls.customer_a.id,
                "user_id": cls.user_sales.id,
            }
        )
        # The opportunity was opened on February 1st (create_date is the
        # transaction's time, which freezegun does not move).
        env.flush_all()
        env.cr.execute(
            "UPDATE crm_lead SET create_date = '2026-02-01 02:00:00' WHERE id = %s",
            [cls.lead_a.id],
        )
        env.invalidate_all()
        a, b = cls.user_sales, cls.user_sales_2
        with freeze_time("2026-02-10 03:00:00"):
            cls.won_feb = cls._quotation(a, 500, 450, lead=cls.lead_a)
            cls._send(cls.won_feb)
        with freeze_time("2026-02-12 03:00:00"):
            cls.won_feb.with_user(a).action_mark_won()
        with freeze_time("2026-03-05 03:00:00"):
            cls.won_1 = cls._quotation(a, 1000, 800, lead=cls.lead_a)
            cls.won_eur = cls._quotation(a, 800, 600, currency=cls.eur)
            cls.lost = cls._quotation(a, 2000, 1880, lead=cls.lead_a)
            cls.expired = cls._quotation(a, 1500, 1220, validity=date(2026, 3, 6))
            cls.cancelled = cls._quotation(a, 9999, 1, lead=cls.lead_a)
            cls.sent = cls._quotation(a, 7777, 1, lead=cls.lead_a)
            cls._send(cls.won_1 | cls.won_eur | cls.lost | cls.expired)
            cls._send(cls.cancelled | cls.sent)
            cls.cancelled.with_user(a).action_cancel()
        with freeze_time("2026-03-06 03:00:00"):
            cls.won_b = cls._quotation(b, 400, 300)
            cls._send(cls.won_b)
        with freeze_time("2026-03-09 03:00:00"):
            (cls.won_1 | cls.won_eur).with_user(a).action_mark_won()
            cls.lost.with_user(a)._set_lost(cls.reason)
            cls.won_b.with_user(b).action_mark_won()
        with freeze_time("2026-03-10 03:00:00"):
            env["freight.quotation"]._cron_expiry()
        env.flush_all()

    @property
    def Analysis(self):
        return self.env["freight.quotation.analysis"]

    @classmethod
    def _quotation(cls, user, sell, buy, lead=None, currency=None, validity=None):
        partner = cls.customer_a if user == cls.user_sales else cls.customer_b
        currency = currency or cls.usd
        today = date.today()
        return (
            cls.env["freight.quotation"]
            .with_user(user)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "lead_id": lead.id if lead else False,
                    "mode": "sea_fcl",
                    "pol_id": cls.cat_lai.id,
                    "pod_id": cls.los_angeles.id,
                    "currency_id": currency.id,
                    "date": today,
                    "validity_date": validity or date(2026, 3, 31),
                    "option_ids": [
                        Command.create({"sequence": 1, "carrier_id": cls.line_a.id})
                    ],
                    "line_ids": [
                        Command.create(
                            {
                                "charge_type_id": cls.charge_doc.id,
                                "unit": "per_shipment",
                                "quantity": 1.0,
                                "sell_price": sell,
                                "sell_currency_id": currency.id,
                                "buy_price": buy,
                                "buy_currency_id": currency.id,
                            }
                        )
                    ],
                }
            )
        )

    @classmethod
    def _send(cls, quotations):
        for quotation in quotations:
            quotation.with_user(quotation.user_id).action_send()
        assert set(quotations.mapped("state")) == {"sent"}, quotations.mapped("state")

    def _totals(self, user, domain=(), groupby=()):
        """read_group as the pivot calls it, as USER, on this test's customers
        (demo quotations are no part of it)."""
        return self.Analysis.with_user(user).read_group(
            [("partner_id", "in", self._test_customers().ids), *domain],
            [
                "decided_count:sum",
                "won_count:sum",
                "win_rate:avg",
                "sell:sum",
                "margin:sum",
                "margin_percent:avg",
            ],
            list(groupby),
            lazy=False,
        )

    def _test_customers(self):
        return self.customer_a | self.customer_b

    # ------------------------------------------------------------------
    @users("fr_sales")
    def test_rows_decided_only(self):
        rows = self.Analysis.search([])
        self.assertEqual(
            rows.quotation_id,
            self.won_feb | self.won_1 | self.won_eur | self.lost | self.expired,
            "cancelled, sent (and B's) quotations are not rows for A",
        )
        self.assertEqual(
            sorted(rows.mapped("state")), ["expired", "lost", "won", "won", "won"]
        )
        eur = rows.filtered(lambda row: row.quotation_id == self.won_eur)
        self.assertAlmostEqual(eur.sell, 1000.0, msg="800 EUR at 0.8 EUR per USD")
        self.assertAlmostEqual(eur.margin, 250.0)
        self.assertAlmostEqual(eur.margin_percent, 25.0)
        self.assertEqual(eur.company_currency_id, self.usd)
        lost = rows.filtered(lambda row: row.quotation_id == self.lost)
        self.assertEqual((lost.lost_count, lost.won_count, lost.win_rate), (1, 0, 0.0))
        self.assertEqual(lost.lost_reason_id, self.reason)
        self.assertEqual(lost.carrier_id, self.line_a)
        self.assertEqual(lost.lane, self.won_1.lane)
        self.assertEqual(lost.days_to_decision, 4.0, "sent March 5, lost March 9")
        self.assertEqual(lost.days_to_quote, 9.0, "opened Feb 1, first quoted Feb 10")
        expired = rows.filtered(lambda row: row.quotation_id == self.expired)
        self.assertEqual((expired.expired_count, expired.days_to_decision), (1, 5.0))
        self.assertFalse(expired.days_to_quote, "no opportunity, no delay")

    @users("fr_sales")
    def test_win_rate_and_margin(self):
        (total,) = self._totals(self.env.user)
        self.assertEqual(total["decided_count"], 5)
        self.assertEqual(total["won_count"], 3)
        self.assertAlmostEqual(total["win_rate"], 60.0)
        self.assertAlmostEqual(total["sell"], 6000.0)
        self.assertAlmostEqual(total["margin"], 900.0)
        self.assertAlmostEqual(total["margin_percent"], 15.0, msg="900 / 6000")
        # Only the margin percentage asked for: no stray sums in the group.
        (group,) = self.Analysis.read_group([], ["margin_percent:avg"], [], lazy=False)
        self.assertAlmostEqual(group["margin_percent"], 15.0)
        self.assertNotIn("sell", group)

    @users("fr_manager")
    def test_pivot_by_salesperson_and_month(self):
        groups = self._totals(self.env.user, groupby=["user_id", "date:month"])
        got = {
            (group["user_id"][0], group["__range"]["date:month"]["from"]): (
                group["decided_count"],
                group["won_count"],
                round(group["win_rate"], 2),
                round(group["margin_percent"], 2),
            )
            for group in groups
        }
        a, b = self.user_sales.id, self.user_sales_2.id
        self.assertEqual(
            got,
            {
                (a, "2026-02-01"): (1, 1, 100.0, 10.0),
                # 1000 + 1000 + 2000 + 1500 sold, 200 + 250 + 120 + 280 margin
                (a, "2026-03-01"): (4, 2, 50.0, round(850 / 5500 * 100, 2)),
                (b, "2026-03-01"): (1, 1, 100.0, 25.0),
            },
        )
        (total,) = self._totals(self.env.user)
        self.assertEqual((total["decided_count"], total["won_count"]), (6, 4))
        self.assertAlmostEqual(total["margin_percent"], 1000 / 6400 * 100)

    def test_salesperson_reads_only_own_customers(self):
        b = self.user_sales_2
        rows = self.Analysis.with_user(b).search([])
        self.assertEqual(rows.quotation_id, self.won_b)
        groups = self._totals(b, groupby=["user_id"])
        self.assertEqual(
            [(group["user_id"][0], group["decided_count"]) for group in groups],
            [(b.id, 1)],
        )
        a_row = self.Analysis.search([("quotation_id", "=", self.won_1.id)])
        with self.assertRaises(AccessError):
            a_row.with_user(b).read(["sell"])
        # By salesperson A's name, still nothing.
        self.assertFalse(
            self.Analysis.with_user(b).search_count(
                [("user_id", "=", self.user_sales.id)]
            )
        )

    def test_company_rule(self):
        """A decided quotation of another company is no row for a manager
        working in this one, and is one once that company is allowed."""
        other = self.env["res.company"].create(
            {"name": "Freight Hà Nội (test)", "currency_id": self.usd.id}
        )
        manager = self.user_manager
        manager.company_ids |= other
        quotation = self.env["freight.quotation"].create(
            {
                "company_id": other.id,
                "partner_id": self.customer_b.id,
                "user_id": self.user_sales_2.id,
                "pol_id": self.cat_lai.id,
                "pod_id": self.los_angeles.id,
                "currency_id": self.usd.id,
                "date": date(2026, 3, 5),
                "validity_date": date(2026, 3, 31),
            }
        )
        # A decided quotation as the database holds it (the workflow is not
        # what this test is about).
        quotation.sudo().write({"state": "won", "decision_date": date(2026, 3, 9)})
        Analysis = self.env["freight.quotation.analysis"].with_user(manager)
        here = Analysis.with_context(allowed_company_ids=[self.env.company.id])
        self.assertNotIn(quotation, here.search([]).quotation_id)
        mine = [("partner_id", "in", self._test_customers().ids)]
        self.assertEqual(
            here.read_group(mine, ["decided_count:sum"], [], lazy=False)[0][
                "decided_count"
            ],
            6,
        )
        both = Analysis.with_context(
            allowed_company_ids=[self.env.company.id, other.id]
        )
        self.assertIn(quotation, both.search([]).quotation_id)

    @users("fr_employee")
    def test_employee_has_no_analysis(self):
        with self.assertRaises(AccessError):
            self.Analysis.search([])

    @users("fr_sales")
    def test_lead_kpis(self):
        lead = self.lead_a.with_env(self.env)
        self.assertEqual(lead.freight_decided_count, 3, "Feb won, won, lost")
        self.assertAlmostEqual(lead.freight_win_rate, 200 / 3)
        self.assertAlmostEqual(lead.freight_margin_percent, 370 / 3500 * 100)
        action = lead.action_view_freight_win_rate()
        self.assertEqual(action["res_model"], "freight.quotation.analysis")
        self.assertEqual(
            self.Analysis.search(action["domain"]).quotation_id,
            self.won_feb | self.won_1 | self.lost,
        )

    @users("fr_sales")
    def test_partner_kpis(self):
        partners = self.env["res.partner"].browse(
            [self.customer_a.id, self.contact_a.id, self.customer_c.id]
        )
        # As many queries for three customers as for one (one read_group).
        self.env.invalidate_all()
        partners[:1].mapped("freight_decided_count")  # warm the ACL caches
        counts = []
        for records in (partners[:1], partners):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.mapped("freight_decided_count")
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.assertEqual(partners.mapped("freight_decided_count"), [5, 5, 0])
        customer, contact, never = partners
        self.assertAlmostEqual(customer.freight_win_rate, 60.0)
        self.assertAlmostEqual(customer.freight_margin_percent, 15.0)
        self.assertAlmostEqual(contact.freight_win_rate, 60.0)
        self.assertEqual((never.freight_win_rate, never.freight_margin_percent), (0, 0))
        action = contact.action_view_freight_win_rate()
        self.assertEqual(action["domain"], [("partner_id", "=", self.customer_a.id)])
        self.assertEqual(len(self.Analysis.search(action["domain"])), 5)

    @users("fr_manager")
    def test_team_member_card(self):
        team = (
            self.env["crm.team"]
            .sudo()
            .create(
                {
                    "name": "Export team (test)",
                    "member_ids": [
                        Command.set([self.user_sales.id, self.user_sales_2.id])
                    ],
                }
            )
        )
        members = team.crm_team_member_ids.with_env(self.env)
        figures = {
            member.user_id: (
                member.freight_decided_count,
                member.freight_win_rate,
                member.freight_margin_percent,
            )
            for member in members
        }
        self.assertEqual(
            figures,
            {self.user_sales: (5, 60.0, 15.0), self.user_sales_2: (1, 100.0, 25.0)},
        )

    @users("fr_manager")
    def test_care_report_last_quotation_date(self):
        customers = self.customer_a | self.customer_b | self.customer_c
        lines = self.env["freight.customer.care.report"].search(
            [("partner_id", "in", customers.ids)]
        )
        self.assertEqual(
            {line.partner_id: line.last_quotation_date for line in lines},
            {
                self.customer_a: date(2026, 3, 5),
                self.customer_b: date(2026, 3, 6),
                self.customer_c: False,
            },
        )
        never = self.env["freight.customer.care.report"].search(
            [
                ("partner_id", "in", (self.customer_a | self.customer_c).ids),
                ("last_quotation_date", "=", False),
            ]
        )
        self.assertEqual(never.partner_id, self.customer_c)
