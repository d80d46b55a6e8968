# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import TODAY, FreightRateCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRateSecurity(FreightRateCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls.rate = cls._fcl_rate(cls.line_a, {cls.c40hc: 2000.0})
        cls.company_b = cls.env["res.company"].create(
            {"name": "Chi nhánh Hải Phòng", "currency_id": cls.usd.id}
        )
        cls.rate_b = cls._fcl_rate(
            cls.line_b, {cls.c40hc: 1500.0}, company_id=cls.company_b.id
        )

    def _vals(self):
        return {
            "mode": "sea_fcl",
            "carrier_id": self.line_c.id,
            "origin_id": self.cat_lai.id,
            "destination_id": self.los_angeles.id,
            "valid_from": date(2026, 3, 1),
            "valid_to": date(2026, 3, 31),
            "line_ids": [
                Command.create({"container_type_id": self.c20.id, "amount": 9})
            ],
        }

    def test_pricing_maintains_rates(self):
        Rate = self.env["freight.rate"].with_user(self.user_pricing)
        rate = Rate.create(self._vals())
        self.assertEqual((rate.state, rate.create_uid), ("draft", self.user_pricing))
        rate.action_activate()
        self.assertEqual(rate.state, "active")
        rate.line_ids.amount = 10.0
        self.assertEqual(rate.line_ids.amount, 10.0)
        self.rate.with_user(self.user_pricing).write({"transit_days": 30})
        self.assertEqual(self.rate.transit_days, 30)
        action = self.rate.with_user(self.user_pricing).action_new_version()
        version = Rate.browse(action["res_id"])
        self.assertEqual(
            (version.state, version.supersedes_id, version.user_id),
            ("draft", self.rate, self.user_pricing),
        )
        draft = Rate.create(self._vals() | {"valid_to": date(2026, 4, 30)})
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_sales_read_rates_and_use_the_finder_only(self):
        rate = self.rate.with_user(self.user_sales)
        self.assertEqual(rate.line_ids.amount, 2000.0)
        self.assertEqual(rate.price_summary and rate.carrier_id, self.line_a)
        Rate = self.env["freight.rate"].with_user(self.user_sales)
        for attempt in (
            lambda: Rate.create(self._vals()),
            lambda: rate.write({"transit_days": 1}),
            lambda: rate.line_ids.write({"amount": 1.0}),
            lambda: rate.action_expire(),
            lambda: rate.action_new_version(),
            lambda: rate.unlink(),
            lambda: self.env["freight.rate.line"]
            .with_user(self.user_sales)
            .create({"rate_id": rate.id, "container_type_id": self.c20.id}),
        ):
            with self.assertRaises(AccessError):
                attempt()
        self.assertEqual(self.rate.transit_days, 22)
        self.assertEqual(self.rate.state, "active")
        found = Rate.find_rates("sea_fcl", "VNCLI", "USLAX", container_type="40HC")
        self.assertEqual([r["rate_id"] for r in found], [self.rate.id])
        finder = (
            self.env["freight.rate.finder"]
            .with_user(self.user_sales)
            .create(
                {
                    "origin_id": self.cat_lai.id,
                    "destination_id": self.los_angeles.id,
                    "container_type_id": self.c40hc.id,
                }
            )
        )
        finder.action_find()
        self.assertEqual(finder.result_ids.rate_id, self.rate)

    def test_other_users_see_nothing_of_rates(self):
        for user in (self.user_employee, self.user_ops_sea):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.rate.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    self.env["freight.rate"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.env["freight.rate.line"].with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.env["freight.rate"].with_user(user).find_rates(
                        "sea_fcl", "VNCLI", "USLAX", container_type="40HC"
                    )
                with self.assertRaises(AccessError):
                    self.env["freight.rate.finder"].with_user(user).create({})

    def test_rates_of_another_company_stay_there(self):
        for user in (self.user_sales, self.user_pricing):
            Rate = self.env["freight.rate"].with_user(user)
            with self.subTest(user=user.login):
                self.assertNotIn(self.rate_b, Rate.search([]))
                with self.assertRaises(AccessError):
                    self.rate_b.with_user(user).read(["name"])
                found = Rate.find_rates(
                    "sea_fcl", "VNCLI", "USLAX", container_type="40HC"
                )
                self.assertEqual([r["rate_id"] for r in found], [self.rate.id])
        with self.assertRaises(AccessError):
            self.rate_b.with_user(self.user_pricing).write({"transit_days": 3})

    def test_menus_per_role(self):
        sales = {
            "freight_rate_root_menu",
            "freight_rate_finder_menu",
            "freight_rate_menu",
        }
        expected = {
            self.user_sales: sales,
            self.user_manager: sales,
            self.user_pricing: sales | {"freight_rate_import_menu"},
            self.user_admin: sales | {"freight_rate_import_menu"},
            self.user_ops_sea: set(),
            self.user_employee: set(),
        }
        menus = {
            f"freight_rates.{xmlid}"
            for xmlid in (
                "freight_rate_root_menu",
                "freight_rate_finder_menu",
                "freight_rate_menu",
                "freight_rate_import_menu",
            )
        }
        for user, seen in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._visible_menus(user, menus),
                    {f"freight_rates.{xmlid}" for xmlid in seen},
                )

    def test_pricing_lands_on_the_buying_rates(self):
        """The Freight app opens on its first menu with an action: for a
        pricing user, the buying rates (not the ports of the master data)."""
        root = self.env.ref("freight_crm.freight_root_menu")
        rates = self.env.ref("freight_rates.freight_rate_action")
        menus = (
            self.env["ir.ui.menu"].with_user(self.user_pricing).load_web_menus(False)
        )
        self.assertEqual(menus[root.id]["actionID"], rates.id)
