# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged, users

from .common import TODAY, FreightRateCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRateFinder(FreightRateCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        cls.rate_a = cls._fcl_rate(
            cls.line_a,
            {cls.c20: 1500.0, cls.c40hc: 2000.0},
            surcharges=[
                {"charge_type_id": cls.charge_baf.id, "amount": 300.0},
                {
                    "charge_type_id": cls.charge_thco.id,
                    "container_type_id": cls.c40hc.id,
                    "amount": 5000000.0,
                    "currency_id": cls.vnd.id,
                },
                {
                    "charge_type_id": cls.charge_thco.id,
                    "container_type_id": cls.c20.id,
                    "amount": 3200000.0,
                    "currency_id": cls.vnd.id,
                },
                {
                    "charge_type_id": cls.charge_thcd.id,
                    "amount": 150.0,
                    "included": False,
                },
            ],
            transit_days=20,
        )
        cls.rate_b = cls._fcl_rate(
            cls.line_b,
            {cls.c40hc: 2100.0},
            surcharges=[{"charge_type_id": cls.charge_baf.id, "amount": 100.0}],
            transit_days=25,
        )
        cls.rate_c = cls._fcl_rate(cls.line_c, {cls.c20: 1000.0})
        cls.rate_expired = cls._fcl_rate(
            cls.line_c,
            {cls.c40hc: 1000.0},
            valid_from=date(2026, 2, 1),
            valid_to=date(2026, 2, 28),
            state="expired",
        )
        cls.rate_future = cls._fcl_rate(
            cls.line_a,
            {cls.c40hc: 1900.0},
            valid_from=date(2026, 4, 1),
            valid_to=date(2026, 4, 30),
        )
        cls.rate_draft = cls._fcl_rate(cls.line_b, {cls.c40hc: 50.0}, state="draft")
        cls.air_a = cls._air_rate(
            cls.airline_a,
            {"m45": 4.6, "p45": 3.9, "p100": 3.4, "p300": 3.1, "p500": 2.95},
            minimum=85.0,
            surcharges=[
                {
                    "charge_type_id": cls.charge_fsc.id,
                    "unit": "per_chargeable_kg",
                    "amount": 1.2,
                },
                {"charge_type_id": cls.charge_awb.id, "unit": "per_bill", "amount": 15},
            ],
        )
        cls.air_b = cls._air_rate(
            cls.airline_b, {"m45": 6.0, "p45": 5.0, "p100": 4.5}, minimum=120.0
        )
        cls.lcl = cls.Rate.create(
            {
                "mode": "sea_lcl",
                "vendor_id": cls.coloader.id,
                "origin_id": cls.cat_lai.id,
                "destination_id": cls.singapore.id,
                "valid_from": date(2026, 3, 1),
                "valid_to": date(2026, 3, 31),
                "state": "active",
                "line_ids": [
                    (0, 0, {"unit": "per_wm", "amount": 45.0, "minimum_amount": 45.0}),
                    (
                        0,
                        0,
                        {
                            "line_type": "surcharge",
                            "charge_type_id": cls.charge_cfs.id,
                            "unit": "per_wm",
                            "amount": 12.0,
                        },
                    ),
                ],
            }
        )

    def _find(self, mode="sea_fcl", origin="VNCLI", destination="USLAX", **kw):
        return self.env["freight.rate"].find_rates(mode, origin, destination, **kw)

    @users("fr_sales")
    def test_valid_rates_ranked_by_all_in_cost(self):
        results = self._find(container_type="40HC")
        self.assertEqual(
            [r["rate_id"] for r in results], [self.rate_b.id, self.rate_a.id]
        )
        cheap, dear = results
        self.assertEqual(cheap["carrier"], "Test Line B")
        self.assertEqual(cheap["all_in_amount"], 2200.0)
        self.assertEqual(cheap["currency"], "USD")
        # 2,000 freight + 300 BAF + 5,000,000 VND THC (200 USD) = 2,500; the
        # destination THC is itemised but not in the all-in.
        self.assertEqual(dear["freight_amount"], 2000.0)
        self.assertEqual(dear["surcharge_amount"], 500.0)
        self.assertEqual(dear["all_in_amount"], 2500.0)
        self.assertEqual(dear["excluded_amount"], 150.0)
        self.assertEqual(dear["transit_days"], 20)
        self.assertEqual(dear["valid_to"], "2026-03-31")
        self.assertEqual(
            [
                (i["charge_code"], i["currency"], i["amount_converted"])
                for i in dear["items"]
            ],
            [
                ("OF", "USD", 2000.0),
                ("BAF", "USD", 300.0),
                ("THCO", "VND", 200.0),
                ("THCD", "USD", 150.0),
            ],
        )
        self.assertFalse(dear["items"][3]["included"])

    @users("fr_sales")
    def test_amounts_in_the_currency_asked_for(self):
        results = self._find(container_type="40HC", container_qty=2, currency="EUR")
        self.assertEqual(results[0]["currency"], "EUR")
        # (2 x 2,100 + 2 x 100) USD at 0.8 EUR per USD.
        self.assertAlmostEqual(results[0]["all_in_amount"], 3520.0)
        self.assertAlmostEqual(results[1]["all_in_amount"], 4000.0)
        vnd = self._find(container_type="40HC", currency="VND")
        self.assertEqual(vnd[0]["all_in_amount"], 55000000.0)

    @users("fr_sales")
    def test_equipment_date_and_expiry(self):
        # Only rate C prices a 20' here... and A, whose 20' THC applies.
        results = self._find(container_type="20GP")
        self.assertEqual(
            [r["rate_id"] for r in results], [self.rate_c.id, self.rate_a.id]
        )
        self.assertEqual(results[1]["all_in_amount"], 1500.0 + 300.0 + 128.0)
        # Expired rates only when asked for, flagged; drafts never.
        with_expired = self._find(container_type="40HC", include_expired=True)
        self.assertEqual(with_expired[0]["rate_id"], self.rate_expired.id)
        self.assertTrue(with_expired[0]["expired"])
        self.assertNotIn(self.rate_draft.id, [r["rate_id"] for r in with_expired])
        # Another day, other rates.
        april = self._find(container_type="40HC", date="2026-04-10")
        self.assertEqual([r["rate_id"] for r in april], [self.rate_future.id])
        self.assertEqual(self._find(container_type="40HC", date=date(2026, 5, 1)), [])

    @users("fr_sales")
    def test_air_chargeable_weight_and_weight_breaks(self):
        # 1.2 CBM weighs 200.4 kg by air: the +100 kg break applies.
        results = self._find("air", "SGN", "FRA", gross_weight=100, volume=1.2)
        self.assertEqual(
            [r["rate_id"] for r in results], [self.air_b.id, self.air_a.id]
        )
        # B is dearer per kg but has no surcharges: 200.4 x 4.50 = 901.80.
        self.assertAlmostEqual(results[0]["all_in_amount"], 901.8)
        freight, fsc, awb = results[1]["items"]
        self.assertEqual(freight["quantity"], 200.4)
        self.assertEqual(freight["unit_price"], 3.4)
        self.assertEqual(freight["weight_break"], "p100")
        self.assertAlmostEqual(fsc["amount"], 240.48)
        self.assertEqual(awb["amount"], 15.0)
        self.assertAlmostEqual(results[1]["all_in_amount"], 681.36 + 240.48 + 15.0)
        # 280 kg costs less charged as 300 kg at the +300 price.
        heavy = self._find("air", "SGN", "FRA", gross_weight=280)
        freight = next(r for r in heavy if r["rate_id"] == self.air_a.id)["items"][0]
        self.assertEqual((freight["quantity"], freight["unit_price"]), (300.0, 3.1))
        self.assertAlmostEqual(freight["amount"], 930.0)
        # A small parcel pays the minimum.
        small = self._find("air", "VNSGN", "DEFRA", gross_weight=5)
        self.assertEqual(small[0]["freight_amount"], 85.0)
        self.assertTrue(small[0]["items"][0]["minimum_applied"])
        self.assertFalse(results[1]["items"][0]["minimum_applied"])
        self.assertEqual(small[1]["freight_amount"], 120.0)

    @users("fr_sales")
    def test_lcl_by_weight_or_measure_with_a_minimum(self):
        # 2.5 t on 1.5 CBM: 2.5 W/M.
        result = self._find("sea_lcl", "VNCLI", "SGSIN", gross_weight=2500, volume=1.5)
        self.assertEqual(result[0]["bought_from"], "Test Co-loader")
        self.assertFalse(result[0]["carrier"])
        self.assertAlmostEqual(result[0]["freight_amount"], 112.5)
        self.assertAlmostEqual(result[0]["surcharge_amount"], 30.0)
        small = self._find("sea_lcl", "VNCLI", "SGSIN", gross_weight=100, volume=0.3)
        self.assertEqual(small[0]["freight_amount"], 45.0)

    @users("fr_sales")
    def test_named_account_rates_only_for_their_customer(self):
        named = self._fcl_rate(
            self.line_c,
            {self.c40hc: 1700.0},
            rate_type="named_account",
            named_customer_id=self.customer_a.id,
        )
        for customer, expected in (
            (None, [self.rate_b, self.rate_a]),
            (self.customer_b.id, [self.rate_b, self.rate_a]),
            (self.customer_a.id, [named, self.rate_b, self.rate_a]),
            (self.contact_a.id, [named, self.rate_b, self.rate_a]),
        ):
            with self.subTest(customer=customer):
                found = self._find(container_type="40HC", customer=customer)
                self.assertEqual(
                    [r["rate_id"] for r in found], [r.id for r in expected]
                )
        found = self._find(container_type="40HC", customer=self.customer_a.id)
        self.assertEqual(found[0]["named_account"], self.customer_a.name)
        self.assertEqual(found[1]["named_account"], False)

    @users("fr_sales")
    def test_clear_errors_for_what_cannot_be_searched(self):
        cases = [
            ({"origin": "XXAAA", "container_type": "40HC"}, "Unknown origin"),
            ({"origin": "SGN", "container_type": "40HC"}, "Unknown origin"),
            ({}, "container type"),
            ({"container_type": "99ZZ"}, "Unknown container type"),
            ({"mode": "air", "origin": "SGN", "destination": "FRA"}, "gross weight"),
            ({"container_type": "40HC", "currency": "ABC"}, "Unknown currency"),
            ({"container_type": "40HC", "date": "2026-13-01"}, "is not a date"),
            ({"container_type": "40HC", "gross_weight": -1}, "cannot be negative"),
            ({"mode": "rail", "container_type": "40HC"}, "Unknown mode"),
            ({"container_type": "40HC", "customer": 999999999}, "Unknown customer"),
            # What no single search is for.
            (
                {"destination": "VNCLI", "container_type": "40HC"},
                "both the origin and the destination",
            ),
            (
                {"mode": "air", "origin": "SGN", "destination": "VNSGN"},
                "both the origin and the destination",
            ),
            ({"container_type": "40HC", "limit": 0}, "1 to 500 rates"),
            ({"container_type": "40HC", "limit": -5}, "1 to 500 rates"),
            (
                {"container_type": "40HC", "limit": 501},
                "1 to 500 rates at a time, not 501",
            ),
            ({"container_type": "40HC", "limit": "all"}, "at a time, not all"),
            (
                {"container_type": "40HC", "container_qty": 10001},
                r"At most 10[.,]000 containers in one search, not 10[.,]001",
            ),
            (
                {
                    "mode": "air",
                    "origin": "SGN",
                    "destination": "FRA",
                    "gross_weight": 1000000.5,
                },
                r"At most 1[.,]000[.,]000 kg in one search",
            ),
            (
                {"mode": "sea_lcl", "destination": "SGSIN", "volume": 100001},
                r"At most 100[.,]000 CBM in one search, not 100[.,]001",
            ),
            (
                {
                    "mode": "air",
                    "origin": "SGN",
                    "destination": "FRA",
                    "gross_weight": "nan",
                },
                "must be numbers",
            ),
        ]
        finders = self.env["freight.rate.finder"].search_count([])
        for kwargs, message in cases:
            with self.subTest(kwargs=kwargs), self.assertRefused(UserError, message):
                self._find(**kwargs)
        # The screen refuses the same, in its own words, and keeps nothing.
        finder = self.env["freight.rate.finder"].create(
            {
                "origin_id": self.cat_lai.id,
                "destination_id": self.cat_lai.id,
                "container_type_id": self.c40hc.id,
            }
        )
        with self.assertRefused(UserError, "both the origin and the destination"):
            finder.action_find()
        self.assertFalse(finder.result_ids)
        self.assertEqual(self.env["freight.rate.finder"].search_count([]), finders + 1)

    @users("fr_sales")
    def test_the_largest_searches_still_work(self):
        """The limits themselves are allowed."""
        found = self._find(container_type="40HC", container_qty=10000, limit=500)
        self.assertEqual(found[0]["all_in_amount"], 10000 * 2200.0)
        self.assertEqual(len(self._find(container_type="40HC", limit=1)), 1)
        air = self._find("air", "SGN", "FRA", gross_weight=1000000, volume=100000 / 167)
        self.assertEqual(air[0]["items"][0]["quantity"], 1000000.0)
        lcl = self._find("sea_lcl", "VNCLI", "SGSIN", volume=100000)
        self.assertEqual(lcl[0]["items"][0]["quantity"], 100000.0)

    def test_find_rates_may_be_served_by_a_read_replica(self):
        """``@api.readonly``: the web client's call_kw runs it on a read-only
        cursor (the replica's, with ``db_replica_host``)."""
        self.assertTrue(
            getattr(type(self.env["freight.rate"]).find_rates, "_readonly", False)
        )
        engine = type(self.env["freight.rate.finder.engine"])
        self.assertTrue(getattr(engine.find_rates, "_readonly", False))
        # The screen writes its results: not read-only.
        self.assertFalse(
            getattr(
                type(self.env["freight.rate.finder"]).action_find, "_readonly", False
            )
        )

    @users("fr_sales")
    def test_converted_prices_say_at_which_rate(self):
        # The VND rate of 5 March applies from then on, in the results too.
        self.env["res.currency.rate"].sudo().create(
            {
                "currency_id": self.vnd.id,
                "rate": 26300.0,
                "name": date(2026, 3, 5),
                "company_id": self.env.company.id,
            }
        )
        usd = self._find(container_type="40HC")[1]
        self.assertEqual(usd["rate_id"], self.rate_a.id)
        of, baf, thco, thcd = usd["items"]
        self.assertEqual(thco["currency"], "VND")
        self.assertAlmostEqual(thco["exchange_rate"], 1 / 26300)
        self.assertEqual(thco["exchange_rate_date"], "2026-03-05")
        self.assertAlmostEqual(thco["amount_converted"], 190.11)
        # Not converted: no rate.
        for item in (of, baf, thcd):
            self.assertEqual(
                (item["exchange_rate"], item["exchange_rate_date"]), (False, False)
            )
        # In VND, the USD prices are the converted ones.
        vnd = self._find(container_type="40HC", currency="VND")
        of, baf, thco, thcd = next(r for r in vnd if r["rate_id"] == self.rate_a.id)[
            "items"
        ]
        self.assertEqual(of["exchange_rate"], 26300.0)
        self.assertEqual(of["exchange_rate_date"], "2026-03-05")
        self.assertEqual(of["amount_converted"], 2000 * 26300.0)
        self.assertFalse(thco["exchange_rate"])
        # EUR against USD (rate of 1 January) and VND (5 March).
        eur = self._find(container_type="40HC", currency="EUR")
        of, baf, thco, thcd = next(r for r in eur if r["rate_id"] == self.rate_a.id)[
            "items"
        ]
        self.assertEqual(of["exchange_rate"], 0.8)
        self.assertEqual(of["exchange_rate_date"], "2026-01-01")
        self.assertAlmostEqual(thco["exchange_rate"], 0.8 / 26300)
        self.assertEqual(thco["exchange_rate_date"], "2026-03-05")
        # As users read them: one unit of the stronger currency, in their
        # language.
        self.env["res.lang"].sudo()._activate_lang("en_US")
        engine = self.env["freight.rate.finder.engine"]
        for lang, currencies, rate, day, label in (
            (
                "en_US",
                ("VND", "USD"),
                1 / 26300,
                date(2026, 3, 5),
                "1 USD = 26,300 VND (03/05/2026)",
            ),
            (
                "vi_VN",
                ("USD", "VND"),
                26300.0,
                date(2026, 3, 5),
                "1 USD = 26.300 VND (05/03/2026)",
            ),
            (
                "en_US",
                ("USD", "EUR"),
                0.8,
                date(2026, 1, 1),
                "1 EUR = 1.2500 USD (01/01/2026)",
            ),
            (
                "vi_VN",
                ("VND", "EUR"),
                0.8 / 26300,
                date(2026, 3, 5),
                "1 EUR = 32.875 VND (05/03/2026)",
            ),
            ("en_US", ("JPY", "USD"), 1 / 150.25, False, "1 USD = 150.25 JPY"),
        ):
            with self.subTest(lang=lang, label=label):
                self.assertEqual(
                    engine.with_context(lang=lang)._exchange_rate_label(
                        *currencies, rate, day
                    ),
                    label,
                )
        # The screen's breakdown says it under each converted price.
        finder = (
            self.env["freight.rate.finder"]
            .with_context(lang="en_US")
            .create(
                {
                    "origin_id": self.cat_lai.id,
                    "destination_id": self.los_angeles.id,
                    "container_type_id": self.c40hc.id,
                }
            )
        )
        finder.action_find()
        dear = finder.result_ids.filtered(lambda r: r.rate_id == self.rate_a)
        self.assertIn("1 USD = 26,300 VND (03/05/2026)", dear.breakdown)
        self.assertEqual(dear.breakdown.count("o_freight_exchange_rate"), 1)

    @users("fr_sales")
    def test_the_finder_screen(self):
        form = Form(self.env["freight.rate.finder"])
        form.origin_id = self.cat_lai
        form.destination_id = self.los_angeles
        form.container_type_id = self.c40hc
        self.assertEqual(form.result_ids._records[0]["carrier_id"], self.line_b.id)
        self.assertEqual(len(form.result_ids), 2)
        form.mode = "air"
        self.assertEqual(len(form.result_ids), 0)
        self.assertTrue(form.message)
        form.origin_id = self.sgn
        form.destination_id = self.fra
        form.gross_weight = 100
        form.volume = 1.2
        self.assertEqual(form.chargeable_weight, 200.4)
        finder = form.save()
        finder.action_find()
        self.assertEqual(finder.result_ids.rate_id, self.air_b | self.air_a)
        best, other = finder.result_ids
        self.assertTrue(best.is_cheapest)
        self.assertFalse(other.is_cheapest)
        self.assertEqual(best.carrier_id, self.airline_b)
        self.assertIn("FSC", other.breakdown)
        self.assertEqual(other.action_open_rate()["res_id"], self.air_a.id)
        finder.action_swap()
        self.assertEqual(finder.origin_id, self.fra)
        self.assertFalse(finder.result_ids)
        finder.write({"origin_id": False})
        with self.assertRefused(UserError, "where from"):
            finder.action_find()

    @users("fr_sales")
    def test_the_screen_searches_in_place_and_keeps_the_currency(self):
        Finder = self.env["freight.rate.finder"]
        form = Form(Finder)
        self.assertEqual(form.currency_id, self.usd)
        form.origin_id = self.cat_lai
        form.destination_id = self.los_angeles
        form.container_type_id = self.c40hc
        form.currency_id = self.vnd
        finder = form.save()
        # Searching updates the results in place: no new window, no new
        # breadcrumb.
        self.assertFalse(finder.action_find())
        self.assertEqual(finder.result_ids[0].all_in_amount, 55000000.0)
        self.assertEqual(finder.result_ids.currency_id, self.vnd)
        finder.container_qty = 2
        self.assertFalse(finder.action_find())
        self.assertEqual(finder.currency_id, self.vnd)
        self.assertEqual(finder.result_ids[0].all_in_amount, 110000000.0)
        self.assertFalse(finder.action_swap())
        self.assertEqual(finder.currency_id, self.vnd)
        # The next finder opens in the currency chosen last, for this user
        # only.
        self.assertEqual(Form(Finder).currency_id, self.vnd)
        finder.currency_id = self.eur
        self.assertEqual(Form(Finder).currency_id, self.eur)
        other = Finder.with_user(self.user_sales_2)
        self.assertEqual(Form(other).currency_id, self.usd)

    @users("fr_sales")
    def test_the_screen_shows_cheapest_and_fastest_badges(self):
        finder = self.env["freight.rate.finder"].create(
            {
                "origin_id": self.cat_lai.id,
                "destination_id": self.los_angeles.id,
                "container_type_id": self.c40hc.id,
            }
        )
        finder.action_find()
        # B is cheaper (25 days), A faster (20 days).
        self.assertEqual(
            [(r.rate_id, r.highlight) for r in finder.result_ids],
            [(self.rate_b, "cheapest"), (self.rate_a, "fastest")],
        )
        finder.write({"container_type_id": self.c20.id})
        finder.action_find()
        # C is cheapest; A (20 days) is faster than C (22 days).
        self.assertEqual(
            [(r.rate_id, r.highlight) for r in finder.result_ids],
            [(self.rate_c, "cheapest"), (self.rate_a, "fastest")],
        )
        finder.write(
            {
                "mode": "air",
                "origin_id": self.sgn.id,
                "destination_id": self.fra.id,
                "gross_weight": 100,
            }
        )
        finder.action_find()
        self.assertEqual(finder.result_ids[0].highlight, "cheapest_fastest")


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestNamedAccountRates(FreightRateCommon, TransactionCase):
    """A named-account rate is seen by pricing, sales managers and the named
    customer's salesperson only: in lists, reads, exports and the finder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        cls.public = cls._fcl_rate(cls.line_a, {cls.c40hc: 2000.0})
        # customer_a is Sales A's customer, customer_b Sales B's.
        cls.named = cls._fcl_rate(
            cls.line_b,
            {cls.c40hc: 1700.0},
            rate_type="named_account",
            named_customer_id=cls.customer_a.id,
        )

    def _found(self, user, customer):
        found = (
            self.env["freight.rate"]
            .with_user(user)
            .find_rates(
                "sea_fcl", "VNCLI", "USLAX", container_type="40HC", customer=customer
            )
        )
        return [r["rate_id"] for r in found]

    def test_another_salesperson_cannot_see_it(self):
        user = self.user_sales_2
        Rate = self.env["freight.rate"].with_user(user)
        ours = [("id", "in", (self.named | self.public).ids)]
        self.assertEqual(Rate.search(ours), self.public)
        self.assertEqual(Rate.search_count([("rate_type", "=", "named_account")]), 0)
        with self.assertRaises(AccessError):
            self.named.with_user(user).read(["name"])
        user.groups_id += self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            self.named.with_user(user).export_data(["name", "line_ids/amount"])
        exported = Rate.search(ours).export_data(["name"])["datas"]
        self.assertEqual(exported, [[self.public.name]])
        Line = self.env["freight.rate.line"].with_user(user)
        self.assertEqual(Line.search([("rate_id", "=", self.named.id)]).ids, [])
        with self.assertRaises(AccessError):
            self.named.line_ids.with_user(user).read(["amount"])
        # Not from the finder either, even asking for the customer by name.
        for customer in (None, self.customer_a.id, self.contact_a.id):
            with self.subTest(customer=customer):
                self.assertEqual(self._found(user, customer), [self.public.id])
        finder = (
            self.env["freight.rate.finder"]
            .with_user(user)
            .create(
                {
                    "origin_id": self.cat_lai.id,
                    "destination_id": self.los_angeles.id,
                    "container_type_id": self.c40hc.id,
                    "partner_id": self.customer_a.id,
                }
            )
        )
        finder.action_find()
        self.assertEqual(finder.result_ids.rate_id, self.public)
        # Other rates as before.
        self.assertEqual(self.public.with_user(user).line_ids.amount, 2000.0)

    def test_its_customer_salesperson_sees_it_for_that_customer(self):
        user = self.user_sales
        Rate = self.env["freight.rate"].with_user(user)
        ours = [("id", "in", (self.named | self.public).ids)]
        self.assertEqual(Rate.search(ours), self.named | self.public)
        self.assertEqual(self.named.with_user(user).line_ids.amount, 1700.0)
        self.assertEqual(
            self._found(user, self.customer_a.id), [self.named.id, self.public.id]
        )
        # Quoting another customer: not this one's rate.
        self.assertEqual(self._found(user, self.customer_b.id), [self.public.id])
        self.assertEqual(self._found(user, None), [self.public.id])

    def test_pricing_and_managers_see_it(self):
        for user in (self.user_pricing, self.user_manager, self.user_admin):
            with self.subTest(user=user.login):
                Rate = self.env["freight.rate"].with_user(user)
                self.assertIn(self.named, Rate.search([]))
                self.assertEqual(self.named.with_user(user).line_ids.amount, 1700.0)
                self.assertEqual(
                    self._found(user, self.customer_a.id),
                    [self.named.id, self.public.id],
                )
                self.assertEqual(
                    self._found(user, self.customer_b.id), [self.public.id]
                )

    def test_a_new_salesperson_sees_it_from_the_handover(self):
        """The rule follows the customer's salesperson."""
        self.assertEqual(
            self._found(self.user_sales_2, self.customer_a.id), [self.public.id]
        )
        self.customer_a.user_id = self.user_sales_2
        self.assertEqual(
            self._found(self.user_sales_2, self.customer_a.id),
            [self.named.id, self.public.id],
        )
        self.assertEqual(
            self._found(self.user_sales, self.customer_a.id), [self.public.id]
        )
