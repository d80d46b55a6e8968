# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged, users
from odoo.tools import mute_logger

from .common import TODAY, FreightQuotationCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationSecurity(FreightQuotationCommon, TransactionCase):
    """Item 10: each rule crossed by the least-privileged user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        cls.portal = new_test_user(
            cls.env, login="fr_portal", groups="base.group_portal"
        )
        cls.public = cls.env.ref("base.public_user")

    def setUp(self):
        super().setUp()
        self.quotation_a = self._quotation()
        # B's customer, even though the quotation names A as salesperson.
        self.quotation_b = self._quotation(
            user=self.user_sales_2,
            partner_id=self.customer_b.id,
            user_id=self.user_sales.id,
        )
        self.line_b = self.quotation_b.line_ids

    def _unchanged_b(self):
        self.env.invalidate_all()
        self.assertEqual(self.quotation_b.commodity, False)
        self.assertEqual(self.line_b.sell_price, 100.0)
        self.assertEqual(self.line_b.buy_price, 80.0)
        self.assertTrue(self.quotation_b.exists())

    @users("fr_sales")
    def test_salesperson_deletes_own_draft(self):
        """A draft goes with its options and charges; a sent one stays, with
        all of them."""
        Quotation = self.env["freight.quotation"]
        draft = Quotation.browse(self.quotation_a.id)
        draft.action_add_option()
        options, lines = draft.option_ids, draft.line_ids
        self.assertEqual(len(options), 2)
        self.assertTrue(lines)
        draft.unlink()
        self.env.flush_all()
        self.assertFalse(draft.exists())
        self.assertFalse(options.exists())
        self.assertFalse(lines.exists())

        sent = Quotation.browse(self._quotation().id)
        sent.sudo().write({"state": "sent"})
        options, lines = sent.option_ids, sent.line_ids
        with self.assertRaises(UserError):
            sent.unlink()
        self.env.invalidate_all()
        self.assertEqual(sent.state, "sent")
        self.assertEqual(sent.option_ids, options)
        self.assertEqual(sent.line_ids, lines)

    @users("fr_sales")
    def test_salesperson_own_customers_only(self):
        Quotation = self.env["freight.quotation"]
        self.assertEqual(Quotation.search([]), self.quotation_a)
        self.assertFalse(
            self.env["freight.quotation.line"].search(
                [("quotation_id", "=", self.quotation_b.id)]
            )
        )
        self.assertFalse(
            self.env["freight.quotation.option"].search(
                [("quotation_id", "=", self.quotation_b.id)]
            )
        )
        theirs = Quotation.browse(self.quotation_b.id)
        with mute_logger("odoo.models"):
            with self.assertRaises(AccessError):
                theirs.read(["name"])
            with self.assertRaises(AccessError):
                theirs.write({"commodity": "Shrimp"})
            with self.assertRaises(AccessError):
                theirs.unlink()
            with self.assertRaises(AccessError):
                self.env["freight.quotation.line"].browse(self.line_b.id).write(
                    {"sell_price": 1.0}
                )
            with self.assertRaises(AccessError):
                self.env["freight.quotation.line"].create(
                    dict(self._line(), quotation_id=self.quotation_b.id)
                )
        self._unchanged_b()
        # Their own is theirs.
        mine = Quotation.browse(self.quotation_a.id)
        mine.write({"commodity": "Furniture"})
        self.assertEqual(mine.commodity, "Furniture")

    @users("fr_sales")
    def test_salesperson_cannot_move_into_anothers_quotation(self):
        mine = self.env["freight.quotation"].browse(self.quotation_a.id)
        records = (mine.line_ids, mine.option_ids, mine.container_ids)
        for record in records:
            with self.subTest(model=record._name):
                with mute_logger("odoo.models"), self.assertRaises(AccessError):
                    record.write({"quotation_id": self.quotation_b.id})
        self.env.invalidate_all()
        for record in records:
            self.assertEqual(record.quotation_id, self.quotation_a)
        self.assertEqual(self.quotation_b.sudo().line_ids, self.line_b)

    @users("fr_sales")
    def test_salesperson_cannot_quote_anothers_customer(self):
        count = self.env["freight.quotation"].sudo().search_count([])
        with mute_logger("odoo.models"):
            with self.assertRaises(AccessError):
                self._quotation(user=self.env.user, partner_id=self.customer_b.id)
            # Nor move their own quotation onto B's customer.
            with self.assertRaises(AccessError):
                self.env["freight.quotation"].browse(self.quotation_a.id).write(
                    {"partner_id": self.customer_b.id}
                )
        self.assertEqual(self.env["freight.quotation"].sudo().search_count([]), count)
        self.env.invalidate_all()
        self.assertEqual(self.quotation_a.partner_id, self.customer_a)

    @users("fr_manager")
    def test_manager_all(self):
        Quotation = self.env["freight.quotation"]
        self.assertEqual(
            Quotation.search([("id", "in", (self.quotation_a | self.quotation_b).ids)]),
            self.quotation_a | self.quotation_b,
        )
        Quotation.browse(self.quotation_b.id).write({"commodity": "Shrimp"})
        self.env["freight.quotation.line"].browse(self.line_b.id).sell_price = 120.0
        self.assertEqual(self.quotation_b.amount_total, 120.0)

    @users("fr_pricing")
    def test_pricing_reads_all_writes_buy_prices(self):
        Quotation = self.env["freight.quotation"]
        both = Quotation.browse((self.quotation_a | self.quotation_b).ids)
        self.assertEqual(len(both.read(["name", "margin"])), 2)
        line = self.env["freight.quotation.line"].browse(self.line_b.id)
        line.buy_price = 85.0
        self.assertEqual(line.buy_price, 85.0)
        with mute_logger("odoo.models"):
            with self.assertRaises(AccessError):
                line.sell_price = 200.0
            with self.assertRaises(AccessError):
                line.write({"buy_price": 90.0, "discount": 5.0})
            with self.assertRaises(AccessError):
                Quotation.browse(self.quotation_b.id).write({"commodity": "Shrimp"})
            with self.assertRaises(AccessError):
                Quotation.create(self._quotation_values([self._line()]))
            with self.assertRaises(AccessError):
                line.unlink()
        self.env.invalidate_all()
        self.assertEqual(self.line_b.sell_price, 100.0)
        self.assertEqual(self.line_b.buy_price, 85.0)
        self.assertFalse(self.quotation_b.commodity)

    @users("fr_pricing")
    def test_pricing_sets_an_options_carrier_only(self):
        """Pricing, pricing a quotation by hand, says which carrier it buys
        from; naming and selling the option stay with the salesperson."""
        option = self.env["freight.quotation.option"].browse(
            self.quotation_b.option_ids[:1].id
        )
        carrier = (
            self.env["res.partner"]
            .sudo()
            .search([("freight_carrier_kind", "=", "shipping_line")], limit=1)
        )
        option.write({"carrier_id": carrier.id, "transit_days": 21})
        self.assertEqual(option.carrier_id, carrier)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            option.write({"carrier_id": False, "name": "Cheapest"})
        self.env.invalidate_all()
        self.assertEqual(option.carrier_id, carrier)
        self.assertFalse(option.name)

    def test_pricing_buy_price_while_approval_waits(self):
        quotation = self._quotation(lines=[self._line(sell=100.0, buy=97.0)])
        quotation.with_user(self.user_sales).action_send()
        self.assertEqual(quotation.state, "to_approve")
        line = quotation.line_ids.with_user(self.user_pricing)
        line.buy_price = 90.0  # the carrier gave a better price
        self.assertEqual(quotation.margin, 10.0)
        with self.assertRaises(AccessError):
            line.sell_price = 120.0
        # Once sent, not even the buying side.
        quotation.with_user(self.user_manager).action_approve()
        quotation.with_user(self.user_sales).action_send()
        with self.assertRaises(UserError):
            line.buy_price = 70.0
        self.env.invalidate_all()
        self.assertEqual(quotation.line_ids.buy_price, 90.0)
        self.assertEqual(quotation.line_ids.sell_price, 100.0)

    def test_operations_read_won_only(self):
        self.quotation_a.with_user(self.user_sales).action_send()
        self.quotation_a.with_user(self.user_sales).action_mark_won()
        # Which operations read it is operations_group_ids: every department
        # here, the departments it is booked to once freight_booking is
        # installed (its own tests cross that).
        self.quotation_a.sudo().operations_group_ids = self.env.ref(
            "freight_crm.group_freight_operations_sea"
        )
        self.quotation_a.flush_recordset()
        Quotation = self.env["freight.quotation"].with_user(self.user_ops_sea)
        # (Among the quotations of the test: the demo data has won ones too.)
        mine = [("id", "in", (self.quotation_a | self.quotation_b).ids)]
        self.assertEqual(Quotation.search(mine), self.quotation_a)
        lines = [("quotation_id", "in", (self.quotation_a | self.quotation_b).ids)]
        self.assertEqual(
            self.env["freight.quotation.line"]
            .with_user(self.user_ops_sea)
            .search(lines),
            self.quotation_a.line_ids,
        )
        with mute_logger("odoo.models"):
            with self.assertRaises(AccessError):
                Quotation.browse(self.quotation_b.id).read(["name"])
            with self.assertRaises(AccessError):
                Quotation.browse(self.quotation_a.id).write({"note": "ops"})
            with self.assertRaises(AccessError):
                self.quotation_a.line_ids.with_user(self.user_ops_sea).write(
                    {"buy_price": 1.0}
                )
            with self.assertRaises(AccessError):
                Quotation.create(self._quotation_values([self._line()]))
        self.env.invalidate_all()
        self.assertFalse(self.quotation_a.note)
        self.assertEqual(self.quotation_a.line_ids.buy_price, 80.0)

    def test_portal_and_public_get_nothing(self):
        for user in (self.portal, self.public):
            for model in (
                "freight.quotation",
                "freight.quotation.line",
                "freight.quotation.option",
                "freight.quotation.container",
            ):
                with self.subTest(user=user.login, model=model):
                    with mute_logger("odoo.models"), self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
            with mute_logger("odoo.models"), self.assertRaises(AccessError):
                self.quotation_a.with_user(user).read(["name"])
            with mute_logger("odoo.models"), self.assertRaises(AccessError):
                self.env["freight.quotation"].with_user(user).create(
                    self._quotation_values(
                        [self._line()],
                        partner_id=self.customer_a.id,
                        container_ids=[Command.clear()],
                    )
                )
        self._unchanged_b()
