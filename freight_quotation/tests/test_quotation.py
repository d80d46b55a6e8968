# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged, users

from .common import TODAY, FreightQuotationCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotation(FreightQuotationCommon, TransactionCase):
    """Items 1 and 2: the document, its cargo, its charges and totals."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()

    def test_number_from_sequence(self):
        sequence = self.env.ref("freight_quotation.seq_freight_quotation")
        sequence.date_range_ids.unlink()
        first = self._quotation()
        second = self._quotation()
        self.assertEqual(first.name, "QT26-00001")
        self.assertEqual(second.name, "QT26-00002")
        self.assertEqual(first.base_name, "QT26-00001")
        self.assertEqual(first.state, "draft")
        self.assertEqual(first.user_id, self.user_sales)
        self.assertEqual(first.customer_user_id, self.user_sales)
        self.assertEqual(first.lane, "VNCLI → USLAX")
        self.assertEqual(first.container_summary, "1 x 40HC")
        self.assertEqual(first.teu, 2.0)

    @users("fr_sales")
    def test_chargeable_weight(self):
        air = self._quotation(mode="air", gross_weight=100.0, volume=1.0)
        self.assertEqual(air.chargeable_weight, 167.0)  # 1 CBM = 167 kg by air
        air.gross_weight = 200.0
        self.assertEqual(air.chargeable_weight, 200.0)
        lcl = self._quotation(mode="sea_lcl", gross_weight=1500.0, volume=1.2)
        self.assertEqual(lcl.revenue_tons, 1.5)  # 1 CBM = 1,000 kg: tonnes win
        lcl.gross_weight = 800.0
        self.assertEqual(lcl.revenue_tons, 1.2)  # the measure wins

    @users("fr_sales")
    def test_quantity_from_cargo(self):
        units = {
            ("per_container", self.c40hc): 2.0,
            ("per_container", None): 3.0,
            ("per_shipment", None): 1.0,
            ("per_bill", None): 1.0,
            ("per_cbm", None): 50.0,
            ("per_wm", None): 50.0,
            ("per_kg", None): 12000.0,
            ("per_chargeable_kg", None): 50000.0,
        }
        quotation = self._quotation(
            lines=[
                self._line(unit=unit, container_type_id=ctype.id if ctype else False)
                for unit, ctype in units
            ],
            gross_weight=12000.0,
            volume=50.0,
            container_ids=[
                Command.create({"container_type_id": self.c40hc.id, "quantity": 2}),
                Command.create({"container_type_id": self.c20.id, "quantity": 1}),
            ],
        )
        for line, expected in zip(
            quotation.line_ids.sorted("id"), units.values(), strict=True
        ):
            with self.subTest(unit=line.unit, container=line.container_type_id.code):
                self.assertEqual(line.quantity, expected)
        # Computed, and editable.
        line = quotation.line_ids.filtered(lambda line: line.unit == "per_shipment")
        line.quantity = 4.0
        self.assertEqual(line.quantity, 4.0)
        self.assertEqual(line.amount, 400.0)
        # LCL per W/M and air per chargeable kg.
        lcl = self._quotation(
            lines=[self._line(unit="per_wm")],
            mode="sea_lcl",
            gross_weight=1500.0,
            volume=1.2,
        )
        self.assertEqual(lcl.line_ids.quantity, 1.5)
        air = self._quotation(
            lines=[self._line(unit="per_chargeable_kg")],
            mode="air",
            gross_weight=100.0,
            volume=1.0,
        )
        self.assertEqual(air.line_ids.quantity, 167.0)

    @users("fr_sales")
    def test_amounts_in_quotation_currency(self):
        self.env["res.currency.rate"].sudo().create(
            {
                "currency_id": self.vnd.id,
                "rate": 26000.0,
                "name": date(2026, 3, 5),
                "company_id": self.env.company.id,
            }
        )
        quotation = self._quotation(
            lines=[
                self._line(sell=100.0, buy=80.0),
                self._line(
                    self.charge_baf,
                    sell=80.0,
                    buy=40.0,
                    sell_currency_id=self.eur.id,
                    buy_currency_id=self.eur.id,
                ),
            ],
            currency_id=self.vnd.id,
        )
        usd_line, eur_line = quotation.line_ids.sorted("id")
        # The rate of the quotation date (5 March), not of January.
        self.assertEqual(usd_line.exchange_rate, 26000.0)
        self.assertEqual(usd_line.amount, 2600000.0)
        self.assertEqual(usd_line.buy_amount, 2080000.0)
        self.assertEqual(usd_line.margin, 520000.0)
        self.assertAlmostEqual(usd_line.margin_percent, 20.0)
        # 1 EUR = 1.25 USD = 32,500 VND
        self.assertAlmostEqual(eur_line.exchange_rate, 32500.0)
        self.assertEqual(eur_line.amount, 2600000.0)
        self.assertEqual(eur_line.buy_amount, 1300000.0)
        self.assertAlmostEqual(eur_line.margin_percent, 50.0)
        self.assertEqual(quotation.amount_untaxed, 5200000.0)
        self.assertEqual(quotation.buy_total, 3380000.0)
        self.assertEqual(quotation.margin, 1820000.0)
        self.assertAlmostEqual(quotation.margin_percent, 35.0)
        self.assertEqual(quotation.amount_total_vnd, 5200000.0)
        self.assertAlmostEqual(quotation.amount_total_usd, 200.0)
        self.assertEqual(quotation.exchange_rate_date, date(2026, 3, 5))
        # Dated before the new rate: January's rate.
        quotation.date = date(2026, 3, 1)
        self.assertEqual(usd_line.exchange_rate, 25000.0)
        self.assertEqual(quotation.amount_untaxed, 5000000.0)
        self.assertEqual(quotation.exchange_rate_date, date(2026, 1, 1))

    @users("fr_sales")
    def test_discount_taxes_and_internal_lines(self):
        tax = (
            self.env["account.tax"]
            .sudo()
            .create({"name": "VAT 10% (test)", "amount": 10.0, "type_tax_use": "sale"})
        )
        quotation = self._quotation(
            lines=[
                self._line(
                    sell=100.0, buy=80.0, discount=10.0, tax_ids=[Command.set(tax.ids)]
                ),
                # What the customer does not see: a cost, and a price of our own.
                self._line(self.charge_thco, sell=20.0, buy=30.0, is_printed=False),
            ]
        )
        printed, internal = quotation.line_ids.sorted("id")
        self.assertEqual(printed.amount, 90.0)
        self.assertEqual(printed.amount_tax, 9.0)
        self.assertEqual(internal.amount, 20.0)
        # The customer's total is what is printed; the cost counts every line.
        self.assertEqual(quotation.amount_untaxed, 90.0)
        self.assertEqual(quotation.amount_tax, 9.0)
        self.assertEqual(quotation.amount_total, 99.0)
        self.assertEqual(quotation.buy_total, 110.0)
        self.assertEqual(quotation.margin, -20.0)
        self.assertEqual(quotation.option_ids.amount_total, 99.0)

    @users("fr_sales")
    def test_groups_of_charges(self):
        quotation = self._quotation(
            lines=[
                self._line(self.charge_thcd),
                self._line(self.charge_baf),
                self._line(self.charge_thco),
            ]
        )
        self.assertEqual(
            quotation.line_ids.sorted().mapped("charge_group"),
            ["origin", "freight", "destination"],
        )


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationOptions(FreightQuotationCommon, TransactionCase):
    """Item 3: options, the one chosen, and rate offers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()

    def _two_options(self, **vals):
        quotation = self._quotation(**vals)
        first = quotation.option_ids
        first.with_user(self.user_sales).write(
            {"carrier_id": self.line_a.id, "name": "Direct"}
        )
        second = (
            self.env["freight.quotation.option"]
            .with_user(self.user_sales)
            .create(
                {
                    "quotation_id": quotation.id,
                    "name": "Via Singapore",
                    "carrier_id": self.line_b.id,
                    "via_id": self.singapore.id,
                    "transit_days": 28,
                    "sequence": 2,
                }
            )
        )
        self.QuotationLine.with_user(self.user_sales).create(
            [
                dict(
                    self._line(sell=150.0, buy=100.0),
                    quotation_id=quotation.id,
                    option_id=second.id,
                ),
                dict(
                    self._line(self.charge_baf, sell=50.0, buy=40.0),
                    quotation_id=quotation.id,
                    option_id=second.id,
                ),
            ]
        )
        return quotation, first, second

    @users("fr_sales")
    def test_single_option_shows_no_trace(self):
        quotation = self._quotation()
        self.assertEqual(quotation.option_count, 1)
        self.assertFalse(quotation.is_multi_option)
        self.assertEqual(quotation.line_ids.option_id, quotation.option_ids)

    @users("fr_sales")
    def test_options_own_lines_carrier_total(self):
        quotation, first, second = self._two_options()
        self.assertTrue(quotation.is_multi_option)
        self.assertEqual(quotation.option_count, 2)
        self.assertEqual(first.amount_total, 100.0)
        self.assertEqual(second.amount_total, 200.0)
        self.assertEqual(second.margin, 60.0)
        self.assertEqual(len(second.line_ids), 2)
        self.assertEqual(quotation.amount_total, 100.0)  # the first until one is chosen
        self.assertAlmostEqual(quotation.lowest_margin_percent, 20.0)
        self.assertEqual(quotation.carrier_id, self.line_a)
        quotation.action_send()
        second.action_choose()
        self.assertEqual(quotation.state, "won")
        self.assertEqual(quotation.selected_option_id, second)
        self.assertTrue(second.is_selected)
        self.assertEqual(quotation.carrier_id, self.line_b)
        self.assertEqual(quotation.amount_total, 200.0)

    @users("fr_sales")
    def test_won_with_selected_option(self):
        quotation, _first, second = self._two_options()
        quotation.action_send()
        with self.assertRaises(UserError) as catcher:
            quotation.action_mark_won()
        self.assertIn("choose the one the customer accepted", str(catcher.exception))
        self.assertEqual(quotation.state, "sent")
        self.assertFalse(quotation.selected_option_id)
        quotation.selected_option_id = second
        quotation.action_mark_won()
        self.assertEqual(quotation.state, "won")
        self.assertEqual(quotation.decision_date, date(2026, 3, 10))

    @users("fr_sales")
    def test_rate_offer_accepted_as_a_whole(self):
        quotation, _first, _second = self._two_options(kind="rate_offer")
        quotation.action_send()
        quotation.action_mark_won()
        self.assertEqual(quotation.state, "won")
        self.assertFalse(quotation.selected_option_id)
        # Quantities of a rate offer are the lane's unit prices: one each.
        self.assertEqual(set(quotation.line_ids.mapped("quantity")), {1.0})


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationCreation(FreightQuotationCommon, TransactionCase):
    """Item 4: from the opportunity, the finder, rates, markups, templates,
    duplicates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        cls.rate_a = cls._fcl_rate(
            cls.line_a,
            {cls.c40hc: 2000.0, cls.c20: 1500.0},
            surcharges=[{"charge_type_id": cls.charge_baf.id, "amount": 300.0}],
        )
        cls.rate_b = cls._fcl_rate(cls.line_b, {cls.c40hc: 1800.0}, transit_days=30)
        cls.template_fcl = cls.env.ref("freight_quotation.quotation_template_sea_fcl")
        cls.template_air = cls.env.ref("freight_quotation.quotation_template_air")

    @users("fr_sales")
    def test_from_opportunity(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "40HC to Los Angeles",
                "type": "opportunity",
                "partner_id": self.contact_a.id,
                "transport_mode": "sea_fcl",
                "freight_direction": "export",
                "origin_port_id": self.cat_lai.id,
                "destination_port_id": self.los_angeles.id,
            }
        )
        action = lead.action_new_freight_quotation()
        self.assertEqual(action["res_model"], "freight.quotation")
        form = Form(self.env["freight.quotation"].with_context(**action["context"]))
        self.assertEqual(form.partner_id, self.customer_a)
        self.assertEqual(form.contact_id, self.contact_a)
        self.assertEqual(form.lead_id, lead)
        self.assertEqual(form.mode, "sea_fcl")
        self.assertEqual(form.pol_id, self.cat_lai)
        self.assertEqual(form.pod_id, self.los_angeles)
        self.assertEqual(form.template_id, self.template_fcl)
        with form.container_ids.new() as row:
            row.container_type_id = self.c40hc
            row.quantity = 2
        quotation = form.save()
        self.assertEqual(quotation.user_id, self.user_sales)
        self.assertEqual(lead.freight_quotation_count, 1)
        # The template's standard charges, for the equipment quoted only.
        charges = {
            (line.charge_type_id, line.container_type_id): line
            for line in quotation.line_ids
        }
        thc = self.env.ref("freight_crm.charge_thco")
        self.assertIn((thc, self.c40hc), charges)
        self.assertNotIn((thc, self.c20), charges)
        self.assertEqual(charges[(thc, self.c40hc)].quantity, 2.0)
        self.assertEqual(charges[(thc, self.c40hc)].sell_price, 4900000.0)
        self.assertEqual(len(quotation.line_ids), 4)  # THC 40HC, B/L, seal, handling
        self.assertIn("VAT", quotation.terms)

    @users("fr_sales")
    def test_from_finder(self):
        finder = self.env["freight.rate.finder"].create(
            {
                "mode": "sea_fcl",
                "origin_id": self.cat_lai.id,
                "destination_id": self.los_angeles.id,
                "container_type_id": self.c40hc.id,
                "container_qty": 2,
                "partner_id": self.customer_a.id,
                "currency_id": self.usd.id,
            }
        )
        finder.action_find()
        self.assertEqual(finder.result_ids.rate_id, self.rate_a | self.rate_b)
        finder.result_ids.to_quote = True
        action = finder.action_create_quotation()
        quotation = self.env["freight.quotation"].browse(action["res_id"])
        self.assertEqual(quotation.partner_id, self.customer_a)
        self.assertEqual(quotation.container_summary, "2 x 40HC")
        self.assertEqual(quotation.option_count, 2)
        self.assertEqual(
            set(quotation.option_ids.mapped("rate_id")), {self.rate_a, self.rate_b}
        )
        for option in quotation.option_ids:
            with self.subTest(rate=option.rate_id.name):
                rate = option.rate_id
                self.assertEqual(option.carrier_id, rate.carrier_id)
                self.assertEqual(option.transit_days, rate.transit_days)
                from_rate = option.line_ids.filtered("rate_line_id")
                self.assertEqual(from_rate.rate_line_id.rate_id, rate)
                self.assertEqual(
                    len(from_rate),
                    len(
                        rate.line_ids.filtered("container_type_id").filtered(
                            lambda p: p.container_type_id == self.c40hc
                        )
                    )
                    + len(rate.line_ids.filtered(lambda p: not p.container_type_id)),
                )
                for line in from_rate:
                    self.assertEqual(line.buy_price, line.rate_line_id.amount)
                    self.assertEqual(
                        line.buy_currency_id, line.rate_line_id.currency_id
                    )
                    # The company's markup: 10%.
                    self.assertAlmostEqual(line.sell_price, line.buy_price * 1.1)
                    self.assertEqual(line.quantity, 2.0)
        # Only the rates ticked: one of them, one option.
        finder.result_ids.to_quote = False
        finder.result_ids.filtered(
            lambda row: row.rate_id == self.rate_b
        ).to_quote = True
        single = self.env["freight.quotation"].browse(
            finder.action_create_quotation()["res_id"]
        )
        self.assertEqual(single.option_ids.rate_id, self.rate_b)
        self.assertFalse(single.is_multi_option)
        freight_b = quotation.option_ids.filtered(
            lambda option: option.rate_id == self.rate_b
        ).line_ids.filtered("rate_line_id")
        self.assertEqual(freight_b.buy_price, 1800.0)
        self.assertEqual(freight_b.buy_amount, 3600.0)

    @users("fr_sales")
    def test_fill_from_rates(self):
        quotation = self._quotation(lines=[])
        quotation.action_fill_from_rates()
        # The cheapest valid rate of the lane: B's 1,800 against A's 2,300.
        self.assertEqual(quotation.option_ids.rate_id, self.rate_b)
        self.assertEqual(quotation.carrier_id, self.line_b)
        line = quotation.line_ids
        self.assertEqual(line.rate_line_id, self.rate_b.line_ids)
        self.assertEqual(line.buy_price, 1800.0)
        self.assertEqual(line.sell_price, 1980.0)
        self.assertEqual(quotation.transit_days, 30)

    @users("fr_sales")
    def test_fill_without_rate(self):
        quotation = self._quotation(lines=[], pod_id=self.rotterdam.id)
        with self.assertRaises(UserError) as catcher:
            quotation.action_fill_from_rates()
        self.assertIn("No valid buying rate for VNCLI → NLRTM", str(catcher.exception))
        self.assertFalse(quotation.line_ids)
        self.assertFalse(quotation.option_ids.rate_id)
        self.assertFalse(quotation.transit_days)

    def test_markup_rules(self):
        Rule = self.Rule.with_user(self.user_manager)
        company = self.env.company
        self.assertEqual(
            Rule._rule_for(company, self.customer_a, "sea_fcl"), self.rule_company
        )
        per_mode = Rule.create(
            {
                "mode": "air",
                "markup_type": "amount",
                "markup_value": 0.5,
                "markup_currency_id": self.usd.id,
                "min_margin_percent": 8.0,
            }
        )
        per_customer = Rule.create(
            {
                "partner_id": self.customer_a.id,
                "markup_type": "percent",
                "markup_value": 20.0,
            }
        )
        self.assertEqual(Rule._rule_for(company, self.customer_b, "air"), per_mode)
        self.assertEqual(Rule._rule_for(company, self.contact_a, "air"), per_customer)
        self.assertEqual(
            Rule._rule_for(company, self.customer_b, "sea_fcl"), self.rule_company
        )
        # Applied by the salesperson: percent, and an amount per unit.
        sea = self._quotation(lines=[self._line(sell=0.0, buy=80.0)])
        sea.with_user(self.user_sales).action_apply_markup()
        self.assertEqual(sea.line_ids.sell_price, 96.0)
        air = self._quotation(
            lines=[
                self._line(
                    self.charge_fsc, unit="per_chargeable_kg", sell=0.0, buy=3.0
                ),
                self._line(
                    self.charge_awb,
                    sell=0.0,
                    buy=300000.0,
                    buy_currency_id=self.vnd.id,
                    sell_currency_id=self.vnd.id,
                ),
            ],
            partner_id=self.customer_b.id,
            user=self.user_sales_2,
            mode="air",
            pol_id=self.sgn.id,
            pod_id=self.fra.id,
            gross_weight=100.0,
        )
        air.with_user(self.user_sales_2).action_apply_markup()
        fsc, awb = air.line_ids.sorted("id")
        self.assertEqual(fsc.sell_price, 3.5)
        self.assertEqual(awb.sell_price, 312500.0)  # 0.5 USD = 12,500 VND
        self.assertEqual(air.margin_floor, 8.0)

    @users("fr_sales")
    def test_template_per_mode(self):
        quotation = self._quotation(
            lines=[],
            mode="air",
            pol_id=self.sgn.id,
            pod_id=self.fra.id,
            gross_weight=100.0,
            template_id=self.template_air.id,
        )
        self.assertEqual(
            quotation.line_ids.charge_type_id,
            self.template_air.line_ids.charge_type_id,
        )
        self.assertFalse(quotation.line_ids.container_type_id)
        self.assertIn("167", quotation.terms)
        # Applied again: nothing twice.
        quotation.action_apply_template()
        self.assertEqual(len(quotation.line_ids), len(self.template_air.line_ids))

    @users("fr_sales")
    def test_duplicate(self):
        quotation = self._quotation(template_id=self.template_fcl.id)
        quotation.option_ids.carrier_id = self.line_a
        quotation.action_add_option()
        quotation.option_ids[1].carrier_id = self.line_b
        quotation.action_send()
        copy = quotation.copy()
        self.assertEqual(copy.state, "draft")
        self.assertNotEqual(copy.name, quotation.name)
        self.assertRegex(copy.name, r"^QT26-\d{5}$")
        self.assertEqual(copy.base_name, copy.name)
        self.assertEqual(len(copy.option_ids), 2)
        for old, new in zip(quotation.option_ids, copy.option_ids, strict=True):
            self.assertEqual(new.carrier_id, old.carrier_id)
            self.assertEqual(
                sorted(new.line_ids.mapped("name")), sorted(old.line_ids.mapped("name"))
            )
            self.assertEqual(new.amount_total, old.amount_total)
        self.assertEqual(len(copy.line_ids), len(quotation.line_ids))
        self.assertEqual(quotation.state, "sent")


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationBadInput(FreightQuotationCommon, TransactionCase):
    """Item 11: each bad input is refused with a clear message, and nothing
    is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()

    def _count(self, model="freight.quotation"):
        return self.env[model].sudo().search_count([])

    @users("fr_sales")
    def test_validity_before_date(self):
        count = self._count()
        with self.assertRefused(ValidationError, "before its date"):
            self._quotation(validity_date=date(2026, 3, 9))
        self.assertEqual(self._count(), count)
        quotation = self._quotation()
        with self.assertRefused(ValidationError, "choose a later validity"):
            quotation.validity_date = date(2026, 3, 1)
        quotation.invalidate_recordset()
        self.assertEqual(quotation.validity_date, date(2026, 3, 24))

    @users("fr_sales")
    def test_send_without_lines(self):
        quotation = self._quotation(lines=[])
        with self.assertRefused(UserError, "has no charge to print"):
            quotation.action_send()
        # An internal charge alone prints nothing either.
        quotation.line_ids = [Command.create(self._line(is_printed=False))]
        with self.assertRefused(UserError, "has no charge to print"):
            quotation.action_send()
        quotation.invalidate_recordset()
        self.assertEqual(quotation.state, "draft")
        self.assertFalse(quotation.sent_date)
        self.assertEqual(self.customer_a.freight_stage, "lead")

    @users("fr_sales")
    def test_send_past_validity(self):
        quotation = self._quotation(
            date=date(2026, 3, 1), validity_date=date(2026, 3, 5)
        )
        with self.assertRefused(UserError, "extend its validity"):
            quotation.action_send()
        quotation.invalidate_recordset()
        self.assertEqual(quotation.state, "draft")
        self.assertFalse(quotation.access_token)
        self.assertFalse(self.customer_a.sudo().last_quotation_date)

    @users("fr_sales")
    def test_negative_quantity_or_price(self):
        quotation = self._quotation()
        line = quotation.line_ids
        for fname in ("quantity", "sell_price", "buy_price"):
            with self.subTest(field=fname):
                with self.assertRefused(ValidationError, "cannot be negative"):
                    line.write({fname: -1.0})
                line.invalidate_recordset()
                self.assertEqual(
                    (line.quantity, line.sell_price, line.buy_price), (1.0, 100.0, 80.0)
                )
        lines = self._count("freight.quotation.line")
        with self.assertRefused(ValidationError, "cannot be negative"):
            quotation.line_ids = [Command.create(self._line(sell=-5.0))]
        self.assertEqual(self._count("freight.quotation.line"), lines)

    @users("fr_sales")
    def test_currency_without_rate(self):
        currency = (
            self.env["res.currency"]
            .sudo()
            .create({"name": "XTS", "symbol": "¤", "active": True})
        )
        quotation = self._quotation()
        lines = self._count("freight.quotation.line")
        for fname in ("sell_currency_id", "buy_currency_id"):
            with self.subTest(field=fname):
                with self.assertRefused(
                    ValidationError, r"XTS has no exchange rate on \S*2026"
                ):
                    quotation.line_ids = [
                        Command.create(self._line(**{fname: currency.id}))
                    ]
                self.assertEqual(self._count("freight.quotation.line"), lines)
                with self.assertRefused(ValidationError, "XTS has no exchange rate"):
                    quotation.line_ids.write({fname: currency.id})
                quotation.line_ids.invalidate_recordset()
                self.assertEqual(quotation.line_ids[fname], self.usd)
        # The quotation in that currency, or a charge in VND dated before the
        # first VND rate (1 January 2026).
        with self.assertRefused(
            ValidationError, r"XTS has no exchange rate on \S*2026"
        ):
            quotation.currency_id = currency
        quotation.line_ids = [
            Command.create(
                self._line(sell_currency_id=self.vnd.id, buy_currency_id=self.vnd.id)
            )
        ]
        with self.assertRefused(
            ValidationError, r"VND has no exchange rate on \S*2025"
        ):
            quotation.date = date(2025, 12, 15)
        quotation.invalidate_recordset()
        self.assertEqual(quotation.currency_id, self.usd)
        self.assertEqual(quotation.date, date(2026, 3, 10))
        self.assertEqual(len(quotation.line_ids), 2)

    @users("fr_sales")
    def test_container_on_air(self):
        count = self._count()
        with self.assertRefused(ValidationError, "carries no container"):
            self._quotation(
                mode="air",
                container_ids=[Command.create({"container_type_id": self.c40hc.id})],
            )
        self.assertEqual(self._count(), count)
        quotation = self._quotation(mode="air", pol_id=self.sgn.id, pod_id=self.fra.id)
        with self.assertRefused(ValidationError, "carries no container"):
            self.env["freight.quotation.container"].create(
                {"quotation_id": quotation.id, "container_type_id": self.c20.id}
            )
        with self.assertRefused(ValidationError, "carries no container"):
            quotation.container_ids = [
                Command.create({"container_type_id": self.c20.id})
            ]
        self.assertFalse(
            self.env["freight.quotation.container"].search(
                [("quotation_id", "=", quotation.id)]
            )
        )
        with self.assertRefused(ValidationError, "remove the container type"):
            quotation.line_ids.container_type_id = self.c20
        quotation.line_ids.invalidate_recordset()
        self.assertFalse(quotation.line_ids.container_type_id)
        lines = self._count("freight.quotation.line")
        with self.assertRefused(ValidationError, "remove the container type"):
            quotation.line_ids = [
                Command.create(
                    self._line(unit="per_container", container_type_id=self.c20.id)
                )
            ]
        self.assertEqual(self._count("freight.quotation.line"), lines)
        # An FCL quotation with containers cannot become an air one.
        fcl = self._quotation()
        with self.assertRefused(ValidationError, "carries no container"):
            fcl.mode = "air"
        fcl.invalidate_recordset()
        self.assertEqual(fcl.mode, "sea_fcl")
        # Nor one whose charges are per container type.
        fcl.container_ids = [Command.clear()]
        fcl.line_ids.container_type_id = self.c40hc
        with self.assertRefused(ValidationError, "carries no container"):
            fcl.mode = "air"
        fcl.invalidate_recordset()
        self.assertEqual(fcl.mode, "sea_fcl")

    @users("fr_sales")
    def test_accept_twice(self):
        quotation = self._quotation()
        quotation.action_send()
        quotation.action_mark_won()
        messages = len(quotation.message_ids)
        with self.assertRefused(UserError, "is Won: it cannot be marked won"):
            quotation.action_mark_won()
        with self.assertRefused(UserError, "is Won"):
            quotation.option_ids.action_choose()
        self.assertEqual(quotation.state, "won")
        self.assertEqual(len(quotation.message_ids), messages)

    @users("fr_sales")
    def test_revision_of_draft(self):
        quotation = self._quotation()
        count = self._count()
        with self.assertRefused(UserError, "is Draft: it cannot be revised"):
            quotation.action_revise()
        self.assertEqual(self._count(), count)
        self.assertEqual(quotation.state, "draft")
        self.assertFalse(quotation.next_revision_id)

    @users("fr_sales")
    def test_discount_below_zero(self):
        quotation = self._quotation()
        with self.assertRefused(ValidationError, "leaves it below zero"):
            quotation.line_ids.discount = 120.0
        quotation.line_ids.invalidate_recordset()
        self.assertEqual(quotation.line_ids.discount, 0.0)
        self.assertEqual(quotation.amount_total, 100.0)
        lines = self._count("freight.quotation.line")
        with self.assertRefused(ValidationError, "leaves it below zero"):
            quotation.line_ids = [Command.create(self._line(sell=50.0, discount=60.0))]
        self.assertEqual(self._count("freight.quotation.line"), lines)
