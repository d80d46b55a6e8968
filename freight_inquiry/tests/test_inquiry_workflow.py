# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .common import TODAY, FreightInquiryCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestInquiryWorkflow(FreightInquiryCommon, TransactionCase):
    """Items 2 and 4: the refusals of the workflow, the quotation made on
    accept (from the rates pricing ticks, the cheapest, or by hand), the
    inquiry quoted when the quotation is sent, and the buying prices entered
    by hand saved as a new buying rate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_inquiries()
        cls.rate_a = cls._fcl_rate(cls.line_a, {cls.c40hc: 2000.0})
        cls.rate_b = cls._fcl_rate(
            cls.line_b,
            {cls.c40hc: 1800.0},
            surcharges=[
                {
                    "charge_type_id": cls.charge_baf.id,
                    "unit": "per_container",
                    "amount": 100.0,
                }
            ],
        )
        cls.lead = (
            cls.env["crm.lead"]
            .with_user(cls.user_sales)
            .create(
                {
                    "name": "2 x 40HC Los Angeles",
                    "type": "opportunity",
                    "partner_id": cls.customer_a.id,
                    "user_id": cls.user_sales.id,
                }
            )
        )

    def _accept_wizard(self, inquiry):
        return (
            self.env["freight.inquiry.accept"]
            .with_user(self.user_pricing)
            .with_context(default_inquiry_id=inquiry.id)
            .create({})
        )

    # ------------------------------------------------------------------
    # The quotation made on accept
    # ------------------------------------------------------------------
    def test_accept_prefills_quotation_from_cheapest_rate(self):
        inquiry = self._submitted(lead_id=self.lead.id, incoterm_id=False)
        inquiry.with_user(self.user_pricing).action_accept()
        self.assertEqual(inquiry.state, "accepted")
        quotation = inquiry.quotation_id
        self.assertTrue(quotation)
        self.assertEqual(quotation.inquiry_id, inquiry)
        self.assertEqual(quotation.state, "draft")
        self.assertEqual(quotation.partner_id, self.customer_a)
        self.assertEqual(quotation.user_id, self.user_sales)
        self.assertEqual(quotation.lead_id, self.lead)
        self.assertEqual(
            (quotation.mode, quotation.pol_id, quotation.pod_id),
            ("sea_fcl", self.cat_lai, self.los_angeles),
        )
        self.assertEqual(quotation.commodity, "Wooden furniture")
        self.assertEqual(
            [(row.container_type_id, row.quantity) for row in quotation.container_ids],
            [(self.c40hc, 2)],
        )
        # The cheapest all-in: line B (1,800 + 100 BAF per 40HC).
        self.assertEqual(quotation.option_ids.rate_id, self.rate_b)
        freight = quotation.line_ids.filtered(
            lambda line: line.rate_line_id.line_type == "freight"
        )
        self.assertEqual(freight.buy_price, 1800.0)
        self.assertEqual(freight.quantity, 2)
        # The customer's markup (the company's 10 %).
        self.assertAlmostEqual(freight.sell_price, 1980.0)
        self.assertEqual(len(quotation.line_ids), 2)
        self.assertEqual(
            quotation.with_user(self.user_pricing).inquiry_id.quotation_id, quotation
        )

    def test_accept_with_ticked_rates_one_option_each(self):
        inquiry = self._submitted()
        wizard = self._accept_wizard(inquiry)
        self.assertEqual(wizard.result_ids.rate_id, self.rate_a | self.rate_b)
        # Cheapest first, the all-in of the shipment (2 containers).
        self.assertEqual(wizard.result_ids[0].rate_id, self.rate_b)
        self.assertAlmostEqual(wizard.result_ids[0].total, 3800.0)
        self.assertAlmostEqual(wizard.result_ids[1].total, 4000.0)
        wizard.result_ids.to_quote = True
        action = wizard.action_confirm()
        quotation = inquiry.quotation_id
        self.assertEqual(action["res_id"], quotation.id)
        self.assertEqual(inquiry.state, "accepted")
        self.assertEqual(quotation.option_ids.rate_id, self.rate_a | self.rate_b)
        self.assertEqual(len(quotation.option_ids), 2)
        for option in quotation.option_ids:
            self.assertTrue(option.line_ids)
            self.assertEqual(option.carrier_id, option.rate_id.carrier_id)

    def test_accept_on_the_form_as_the_web_client(self):
        """The form sends the rates back although they are read-only."""
        inquiry = self._submitted()
        form = Form(
            self.env["freight.inquiry.accept"]
            .with_user(self.user_pricing)
            .with_context(default_inquiry_id=inquiry.id)
        )
        # Cheapest first: rate B, then rate A, ticked.
        with form.result_ids.edit(1) as row:
            row.to_quote = True
        wizard = form.save()
        self.assertEqual(wizard.result_ids.rate_id, self.rate_b | self.rate_a)
        wizard.action_confirm()
        self.assertEqual(inquiry.quotation_id.option_ids.rate_id, self.rate_a)

    def test_accept_ticked_rate_only(self):
        inquiry = self._submitted()
        wizard = self._accept_wizard(inquiry)
        wizard.result_ids.filtered(
            lambda result: result.rate_id == self.rate_a
        ).to_quote = True
        wizard.action_confirm()
        self.assertEqual(inquiry.quotation_id.option_ids.rate_id, self.rate_a)

    def test_accept_without_rate_blank_charges(self):
        inquiry = self._submitted(pod_id=self.rotterdam.id)
        wizard = self._accept_wizard(inquiry)
        self.assertTrue(wizard.no_rate)
        wizard.action_confirm()
        quotation = inquiry.quotation_id
        self.assertEqual(inquiry.state, "accepted")
        self.assertFalse(quotation.option_ids.rate_id)
        # One blank ocean freight per container type, for pricing to price.
        self.assertEqual(len(quotation.line_ids), 1)
        self.assertEqual(quotation.line_ids.container_type_id, self.c40hc)
        self.assertEqual(quotation.line_ids.buy_price, 0.0)
        self.assertFalse(quotation.line_ids.rate_line_id)
        self.assertIn(
            "Not priced from a buying rate",
            "".join(quotation.message_ids.mapped("body")),
        )

    def test_pricing_buy_side_sales_sell_side(self):
        inquiry = self._submitted()
        inquiry.with_user(self.user_pricing).action_accept()
        line = inquiry.quotation_id.line_ids[:1]
        line.with_user(self.user_pricing).buy_price = 1750.0
        self.assertEqual(line.buy_price, 1750.0)
        sell = line.sell_price
        with self.assertRefused(AccessError, "buying side"):
            line.with_user(self.user_pricing).sell_price = 5.0
        self.assertEqual(line.sell_price, sell)
        line.with_user(self.user_sales).sell_price = 2100.0
        self.assertEqual(line.sell_price, 2100.0)

    def test_sent_quotation_quotes_inquiry(self):
        inquiry = self._submitted()
        inquiry.with_user(self.user_pricing).action_accept()
        quotation = inquiry.quotation_id
        self.assertEqual(inquiry.state, "accepted")
        quotation.with_user(self.user_sales).action_send()
        self.assertEqual(quotation.state, "sent")
        self.assertEqual(inquiry.state, "quoted")
        self.assertTrue(inquiry.quoted_at)

    # ------------------------------------------------------------------
    # Refusals: the wrong state, nothing written
    # ------------------------------------------------------------------
    def test_submit_twice_refused(self):
        inquiry = self._submitted()
        submitted_at = inquiry.submitted_at
        messages = len(inquiry.message_ids)
        with self.assertRefused(UserError, "cannot be submitted"):
            inquiry.with_user(self.user_sales).action_submit()
        self.assertEqual(inquiry.state, "submitted")
        self.assertEqual(inquiry.submitted_at, submitted_at)
        self.assertEqual(len(inquiry.message_ids), messages)

    def test_accept_draft_refused(self):
        inquiry = self._inquiry()
        with self.assertRefused(UserError, "cannot be accepted"):
            inquiry.with_user(self.user_pricing).action_accept()
        self.assertEqual(inquiry.state, "draft")
        self.assertFalse(inquiry.quotation_id)
        self.assertFalse(
            self.env["freight.quotation"].search([("inquiry_id", "=", inquiry.id)])
        )

    def test_accept_twice_refused(self):
        inquiry = self._submitted()
        inquiry.with_user(self.user_pricing).action_accept()
        quotation = inquiry.quotation_id
        with self.assertRefused(UserError, "is Accepted: it cannot be accepted"):
            inquiry.with_user(self.user_pricing).action_accept()
        self.assertEqual(inquiry.quotation_id, quotation)
        self.assertEqual(
            self.env["freight.quotation"].search_count(
                [("inquiry_id", "=", inquiry.id)]
            ),
            1,
        )

    def test_reject_quoted_refused(self):
        inquiry = self._submitted()
        inquiry.with_user(self.user_pricing).action_accept()
        inquiry.quotation_id.with_user(self.user_sales).action_send()
        self.assertEqual(inquiry.state, "quoted")
        as_pricing = inquiry.with_user(self.user_pricing)
        with self.assertRefused(UserError, "cannot be rejected"):
            as_pricing.action_reject()
        with self.assertRefused(UserError, "cannot be rejected"):
            as_pricing._reject(self.reason_missing, "late")
        self.assertEqual(inquiry.state, "quoted")
        self.assertFalse(inquiry.reject_reason_id)

    def test_cancel_accepted_refused(self):
        inquiry = self._submitted()
        inquiry.with_user(self.user_pricing).action_accept()
        with self.assertRefused(UserError, "cannot be cancelled"):
            inquiry.with_user(self.user_sales).action_cancel()
        with self.assertRefused(UserError, "cannot be reset to draft"):
            inquiry.with_user(self.user_sales).action_draft()
        self.assertEqual(inquiry.state, "accepted")

    def test_draft_of_submitted_refused(self):
        inquiry = self._submitted()
        with self.assertRefused(UserError, "cannot be reset to draft"):
            inquiry.with_user(self.user_sales).action_draft()
        self.assertEqual(inquiry.state, "submitted")

    def test_sales_cannot_accept_or_reject(self):
        inquiry = self._submitted()
        as_sales = inquiry.with_user(self.user_sales)
        with self.assertRefused(AccessError, "Only pricing can accept"):
            as_sales.action_accept()
        with self.assertRefused(AccessError, "Only pricing can reject"):
            as_sales.action_reject()
        with self.assertRefused(AccessError, "Only pricing can reject"):
            as_sales._reject(self.reason_missing)
        self.assertEqual(inquiry.state, "submitted")
        self.assertFalse(inquiry.quotation_id)

    # ------------------------------------------------------------------
    # Save the buying prices entered by hand as a new buying rate
    # ------------------------------------------------------------------
    def _hand_priced(self):
        inquiry = self._submitted(pod_id=self.rotterdam.id)
        inquiry.with_user(self.user_pricing).action_accept()
        quotation = inquiry.quotation_id
        # The salesperson chose the carrier pricing named; pricing enters the
        # buying prices.
        quotation.option_ids.with_user(self.user_sales).carrier_id = self.line_c
        return quotation

    def test_save_buying_rate(self):
        quotation = self._hand_priced()
        freight = quotation.line_ids
        freight.with_user(self.user_pricing).buy_price = 2400.0
        baf = self.QuotationLine.with_user(self.user_sales).create(
            self._line(
                self.charge_baf,
                sell=0.0,
                buy=0.0,
                quotation_id=quotation.id,
                unit="per_container",
                container_type_id=self.c40hc.id,
            )
        )
        baf.with_user(self.user_pricing).buy_price = 150.0
        option = quotation.option_ids.with_user(self.user_pricing)
        action = option.action_save_buying_rate()
        rate = self.Rate.browse(action["res_id"])
        self.assertEqual(action["res_model"], "freight.rate")
        self.assertEqual(rate.state, "draft")
        self.assertEqual(
            (rate.mode, rate.carrier_id, rate.origin_id, rate.destination_id),
            ("sea_fcl", self.line_c, self.cat_lai, self.rotterdam),
        )
        self.assertEqual(
            (rate.valid_from, rate.valid_to),
            (date(2026, 3, 10), quotation.validity_date),
        )
        self.assertEqual(rate.currency_id, self.usd)
        self.assertEqual(
            [
                (p.line_type, p.charge_type_id, p.container_type_id, p.amount)
                for p in rate.line_ids.sorted("id")
            ],
            [
                ("freight", freight.charge_type_id, self.c40hc, 2400.0),
                ("surcharge", self.charge_baf, self.c40hc, 150.0),
            ],
        )
        self.assertEqual(freight.rate_line_id.rate_id, rate)
        self.assertEqual(baf.rate_line_id.rate_id, rate)
        # Saved once: the option is priced from a rate now.
        with self.assertRefused(UserError, "priced from"):
            option.action_save_buying_rate()
        self.assertEqual(
            self.Rate.search_count([("carrier_id", "=", self.line_c.id)]), 1
        )

    def test_save_buying_rate_without_buy_price_refused(self):
        quotation = self._hand_priced()
        rates = self.Rate.search_count([])
        with self.assertRefused(UserError, "has no buying price"):
            quotation.option_ids.with_user(self.user_pricing).action_save_buying_rate()
        with self.assertRefused(UserError, "has no buying price"):
            quotation.with_user(self.user_pricing).action_save_buying_rate()
        self.assertEqual(self.Rate.search_count([]), rates)
        self.assertFalse(quotation.line_ids.rate_line_id)

    def test_save_buying_rate_by_rule_and_rights(self):
        quotation = self._hand_priced()
        quotation.line_ids.with_user(self.user_pricing).buy_price = 2400.0
        rates = self.Rate.search_count([])
        with self.assertRefused(AccessError, "Only pricing"):
            quotation.option_ids.with_user(self.user_sales).action_save_buying_rate()
        # The rate's own rules: a trucking company carries no sea rate.
        trucker = self.env["res.partner"].create(
            {"name": "Test Trucker", "freight_carrier_kind": "trucking"}
        )
        quotation.option_ids.with_user(self.user_sales).carrier_id = trucker
        with self.assertRefused(ValidationError, "not a carrier for this mode"):
            quotation.option_ids.with_user(self.user_pricing).action_save_buying_rate()
        self.assertEqual(self.Rate.search_count([]), rates)
        self.assertFalse(quotation.line_ids.rate_line_id)
