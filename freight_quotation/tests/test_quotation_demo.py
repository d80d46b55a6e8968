# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestQuotationDemo(TransactionCase):
    """The demo quotations tell a consistent story: built through the
    workflow, by their customers' salespeople, from the demo opportunities
    and buying rates. Checks the demo data itself, so only where it is loaded
    (`make run`, `make test`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "freight_quotation.quotation_chaudoc_mnl_demo", raise_if_not_found=False
        ):
            raise SkipTest("freight_quotation demo data is not loaded")
        ids = (
            cls.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "freight_quotation"),
                    ("model", "=", "freight.quotation"),
                    ("name", "=like", "quotation_%_demo"),
                ]
            )
            .mapped("res_id")
        )
        cls.quotations = cls.env["freight.quotation"].browse(ids)
        cls.salespeople = (
            cls.env.ref("freight_crm.user_sales_demo")
            | cls.env.ref("freight_crm.user_sales_2_demo")
            | cls.env.ref("freight_crm.user_sales_manager_demo")
        )

    def _ref(self, key):
        return self.env.ref(f"freight_quotation.quotation_{key}_demo")

    def test_counts_per_state_and_mode(self):
        quotations = self.quotations
        self.assertGreaterEqual(len(quotations), 20)
        self.assertEqual(
            set(quotations.mapped("mode")),
            {"sea_fcl", "sea_lcl", "air", "trucking", "logistics"},
        )
        counts = {
            state: len(quotations.filtered(lambda q, s=state: q.state == s))
            for state in ("draft", "to_approve", "sent", "won", "lost", "expired")
        }
        self.assertEqual(counts["draft"], 1)
        self.assertEqual(counts["to_approve"], 1)
        self.assertGreaterEqual(counts["sent"], 5)
        self.assertGreaterEqual(counts["won"], 5)
        self.assertGreaterEqual(counts["lost"], 3)
        self.assertGreaterEqual(counts["expired"], 2)
        self.assertIn(
            "air", quotations.filtered(lambda q: q.state == "expired").mapped("mode")
        )
        self.assertEqual(len(set(quotations.mapped("name"))), len(quotations))

    def test_dates_follow_the_workflow(self):
        dates = self.quotations.mapped("date")
        self.assertLessEqual(max(dates) - min(dates), timedelta(days=120))
        for quotation in self.quotations:
            with self.subTest(quotation=quotation.name):
                self.assertLessEqual(quotation.date, quotation.validity_date)
                if quotation.state in ("draft", "to_approve"):
                    self.assertFalse(quotation.sent_date)
                    continue
                self.assertGreaterEqual(quotation.sent_date, quotation.date)
                if quotation.state in ("won", "lost"):
                    self.assertGreaterEqual(
                        quotation.decision_date, quotation.sent_date
                    )
                    self.assertLessEqual(
                        quotation.decision_date, quotation.validity_date
                    )
                elif quotation.state == "expired":
                    self.assertGreater(quotation.decision_date, quotation.validity_date)
                elif quotation.state == "sent":
                    self.assertFalse(quotation.decision_date)

    def test_salespeople_are_the_customers(self):
        for quotation in self.quotations:
            with self.subTest(quotation=quotation.name):
                customer = quotation.partner_id.commercial_partner_id
                self.assertIn(customer.user_id, self.salespeople)
                self.assertEqual(quotation.customer_user_id, customer.user_id)
                self.assertEqual(quotation.user_id, customer.user_id)
                # Built as them: they read their own quotations.
                quotation.with_user(quotation.user_id).check_access("read")
                self.assertIn(customer.freight_stage, ("prospect", "customer"))
                if quotation.lead_id:
                    self.assertEqual(
                        quotation.lead_id.partner_id.commercial_partner_id, customer
                    )
                    self.assertEqual(quotation.lead_id.user_id, quotation.user_id)
        # Each customer shows the day it was last sent a quotation (any: later
        # modules' demo sends some too).
        for customer in self.quotations.partner_id:
            sent = self.env["freight.quotation"].search(
                [("partner_id", "=", customer.id), ("sent_date", "!=", False)]
            )
            if sent:
                self.assertEqual(
                    customer.last_quotation_date, max(sent.mapped("sent_date"))
                )

    def test_decisions(self):
        won = self.quotations.filtered(lambda q: q.state == "won")
        self.assertTrue(won.lead_id)
        for quotation in won:
            with self.subTest(quotation=quotation.name):
                self.assertTrue(quotation.selected_option_id)
                if quotation.lead_id:
                    self.assertTrue(quotation.lead_id.stage_id.is_won)
        # The opportunity won with its quotation (it was still open).
        self.assertTrue(self._ref("lap_pus").lead_id.stage_id.is_won)
        lost = self.quotations.filtered(lambda q: q.state == "lost")
        self.assertGreaterEqual(len(lost.lost_reason_id), 3)
        for quotation in lost:
            with self.subTest(quotation=quotation.name):
                self.assertTrue(quotation.competitor)
                self.assertGreater(quotation.competitor_price, 0)
        # The US lane lost on price to a competitor.
        us_lost = lost.filtered(
            lambda q: q.pod_id.code.startswith("US")
            and q.lost_reason_id
            == self.env.ref("freight_quotation.lost_reason_competitor_price")
        )
        self.assertTrue(us_lost)
        self.assertLess(us_lost[0].competitor_price, us_lost[0].amount_total)

    def test_margin_waits_for_approval(self):
        quotation = self.quotations.filtered(lambda q: q.state == "to_approve")
        self.assertEqual(len(quotation), 1)
        self.assertLess(quotation.lowest_margin_percent, quotation.margin_floor)
        activity = quotation.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("freight_quotation.mail_activity_margin_approval")
        )
        self.assertEqual(len(activity), 1)
        self.assertTrue(
            activity.user_id.has_group("freight_crm.group_freight_sales_manager")
        )

    def test_options_revision_and_rate_offer(self):
        three = self.quotations.filtered(
            lambda q: q.kind == "spot" and q.option_count == 3
        )
        self.assertEqual(len(three), 1)
        self.assertEqual(len(three.option_ids.carrier_id), 3)
        self.assertEqual(len(three.option_ids.rate_id.origin_id), 1)
        self.assertEqual(three.option_ids.rate_id.destination_id, three.pod_id)
        for option in three.option_ids:
            self.assertTrue(option.line_ids.filtered("rate_line_id"))

        revision = self.quotations.filtered("previous_id")
        self.assertEqual(len(revision), 1)
        previous = revision.previous_id
        self.assertEqual(revision.name, f"{previous.name}-R1")
        self.assertEqual(previous.state, "cancelled")
        self.assertEqual(previous.next_revision_id, revision)
        self.assertLess(revision.amount_total, previous.amount_total)
        self.assertEqual(len(revision.line_ids), len(previous.line_ids))

        offer = self.quotations.filtered(lambda q: q.kind == "rate_offer")
        self.assertEqual(len(offer), 1)
        self.assertGreaterEqual(offer.option_count, 3)
        lanes = {(o.pol_id, o.pod_id) for o in offer.option_ids}
        self.assertEqual(len(lanes), offer.option_count)
        self.assertTrue(all(o.pol_id and o.pod_id for o in offer.option_ids))
        for option in offer.option_ids:
            self.assertEqual(option.rate_id.destination_id, option.pod_id)

    def test_buy_prices_are_the_rates(self):
        lines = self.quotations.line_ids.filtered("rate_line_id")
        self.assertGreaterEqual(len(lines.quotation_id), 10)
        for line in lines:
            price = line.rate_line_id
            with self.subTest(quotation=line.quotation_id.name, charge=line.name):
                self.assertEqual(line.buy_price, price.amount)
                self.assertEqual(line.buy_currency_id, price.currency_id)
                rate = price.rate_id
                self.assertLessEqual(rate.valid_from, line.quotation_id.date)
                self.assertGreaterEqual(rate.valid_to, line.quotation_id.date)
                self.assertEqual(rate.mode, line.quotation_id.mode)

    def test_totals_are_the_lines(self):
        for quotation in self.quotations:
            with self.subTest(quotation=quotation.name):
                option = quotation.selected_option_id or quotation.option_ids[:1]
                self.assertTrue(quotation.line_ids)
                self.assertAlmostEqual(
                    quotation.amount_untaxed, sum(option.line_ids.mapped("amount"))
                )
                cost = sum(option.line_ids.mapped("buy_amount"))
                self.assertAlmostEqual(
                    quotation.margin, quotation.amount_untaxed - cost
                )
                if quotation.state in ("sent", "won", "lost", "expired"):
                    self.assertGreaterEqual(
                        quotation.lowest_margin_percent, quotation.margin_floor
                    )
