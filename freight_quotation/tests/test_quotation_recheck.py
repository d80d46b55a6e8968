# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import TODAY, FreightQuotationCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationRecheck(FreightQuotationCommon, TransactionCase):
    """Item 8: a buying rate that changes, expires or is superseded flags
    the open quotations priced from it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        cls.rate = cls._fcl_rate(
            cls.line_a,
            {cls.c40hc: 2000.0},
            surcharges=[{"charge_type_id": cls.charge_baf.id, "amount": 300.0}],
        )
        cls.price = cls.rate.line_ids.filtered("container_type_id")

    def setUp(self):
        super().setUp()
        self.sent = self._filled()
        self.sent.with_user(self.user_sales).action_send()
        self.draft = self._filled()
        self.won = self._filled()
        self.won.with_user(self.user_sales).action_send()
        self.won.with_user(self.user_sales).action_mark_won()
        self.lost = self._filled()
        self.lost.with_user(self.user_sales).action_send()
        self.lost.with_user(self.user_sales)._set_lost(self.reason_price)

    def _filled(self):
        quotation = self._quotation(lines=[])
        quotation.with_user(self.user_sales).action_fill_from_rates()
        return quotation

    def _freight(self, quotation):
        return quotation.line_ids.filtered(lambda line: line.rate_line_id == self.price)

    def test_price_changed(self):
        self.assertEqual(self._freight(self.sent).buy_price, 2000.0)
        self.price.with_user(self.user_pricing).amount = 2200.0
        for quotation in (self.sent, self.draft):
            with self.subTest(state=quotation.state):
                line = self._freight(quotation)
                self.assertTrue(line.buy_rate_changed)
                self.assertEqual(line.buy_price, 2000.0)  # the old one, still shown
                self.assertEqual(line.buy_price_current, 2200.0)
                self.assertIn("changed to", line.buy_change_note)
                self.assertTrue(quotation.buy_rate_changed)
                activity = self._activities(quotation, self.act_buy_changed)
                self.assertEqual(activity.user_id, self.user_sales)
                # The surcharge did not change.
                self.assertFalse(
                    (quotation.line_ids - line).filtered("buy_rate_changed")
                )
        for quotation in (self.won, self.lost):
            with self.subTest(state=quotation.state):
                self.assertFalse(quotation.line_ids.filtered("buy_rate_changed"))
                self.assertFalse(quotation.buy_rate_changed)
                self.assertFalse(self._activities(quotation, self.act_buy_changed))
        # Once per quotation, however often the price moves.
        self.price.with_user(self.user_pricing).amount = 2300.0
        self.assertEqual(len(self._activities(self.sent, self.act_buy_changed)), 1)
        self.assertEqual(self._freight(self.sent).buy_price_current, 2300.0)
        # The draft takes the new price.
        self.draft.with_user(self.user_sales).action_refresh_buy_prices()
        line = self._freight(self.draft)
        self.assertEqual(line.buy_price, 2300.0)
        self.assertFalse(line.buy_rate_changed)
        self.assertFalse(self.draft.buy_rate_changed)
        self.assertEqual(line.buy_amount, 2300.0)

    def test_rate_expired(self):
        self.rate.with_user(self.user_pricing).action_expire()
        for quotation in (self.sent, self.draft):
            with self.subTest(state=quotation.state):
                self.assertEqual(
                    quotation.line_ids.mapped("buy_rate_changed"), [True, True]
                )
                self.assertIn("expired", quotation.line_ids[0].buy_change_note)
                self.assertEqual(
                    len(self._activities(quotation, self.act_buy_changed)), 1
                )
        self.assertFalse(self.won.buy_rate_changed)
        self.assertFalse(self.lost.buy_rate_changed)

    def test_rate_superseded_before_validity(self):
        action = self.rate.with_user(self.user_pricing).action_new_version()
        new = self.env["freight.rate"].browse(action["res_id"])
        new.with_user(self.user_pricing).write({"valid_from": date(2026, 3, 20)})
        new.with_user(self.user_pricing).action_activate()
        self.assertEqual(self.rate.superseded_by_id, new)
        self.assertEqual(self.rate.valid_to, date(2026, 3, 19))
        # Valid until 24 March, priced from a rate that ends on the 19th.
        self.assertTrue(self.sent.buy_rate_changed)
        self.assertIn("superseded", self._freight(self.sent).buy_change_note)
        self.assertTrue(self._activities(self.sent, self.act_buy_changed))
        self.assertFalse(self.won.buy_rate_changed)

    def test_rate_ends_after_validity(self):
        """A rate shortened to a day the quotation no longer needs is no
        news."""
        short = self._filled()
        short.validity_date = date(2026, 3, 15)
        self.rate.with_user(self.user_pricing).valid_to = date(2026, 3, 20)
        self.assertFalse(short.buy_rate_changed)
        self.assertTrue(self.draft.buy_rate_changed)
