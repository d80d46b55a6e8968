# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command, models
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged, users

from .common import TODAY, FreightRateCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRate(FreightRateCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls.rate_a = cls._fcl_rate(
            cls.line_a,
            {cls.c20: 1800.0, cls.c40hc: 2400.0},
            surcharges=[{"charge_type_id": cls.charge_baf.id, "amount": 250.0}],
        )

    def _count(self):
        return self.Rate.with_context(active_test=False).search_count([])

    @users("fr_pricing")
    def test_pricing_keeps_a_rate_with_the_form(self):
        form = Form(self.env["freight.rate"])
        form.mode = "sea_fcl"
        form.origin_id = self.hai_phong
        form.destination_id = self.rotterdam
        form.carrier_id = self.line_b
        form.valid_from = date(2026, 3, 1)
        form.valid_to = date(2026, 4, 15)
        form.transit_days = 32
        with form.freight_line_ids.new() as line:
            line.container_type_id = self.c40hc
            line.amount = 3150.0
        with form.surcharge_line_ids.new() as line:
            line.charge_type_id = self.charge_thco
            line.currency_id = self.vnd
            line.amount = 4700000.0
        rate = form.save()
        self.assertEqual(rate.state, "draft")
        self.assertRegex(rate.name, r"^BR26-\d{6}$")
        self.assertEqual(rate.user_id, self.env.user)
        self.assertEqual(rate.currency_id, self.usd)
        freight, thc = rate.freight_line_ids, rate.surcharge_line_ids
        self.assertEqual(freight.charge_type_id, self.env.ref("freight_crm.charge_of"))
        self.assertEqual(freight.unit, "per_container")
        self.assertEqual(freight.currency_id, self.usd)
        self.assertEqual(thc.unit, self.charge_thco.default_unit)
        self.assertEqual(thc.currency_id, self.vnd)
        rate.action_activate()
        self.assertEqual(rate.state, "active")
        self.assertIn("40HC", rate.price_summary)

    def test_validity_must_not_end_before_it_starts(self):
        before = self._count()
        with self.assertRefused(ValidationError, "before it starts"):
            self._fcl_rate(
                self.line_b,
                {self.c20: 100.0},
                valid_from=date(2026, 3, 20),
                valid_to=date(2026, 3, 19),
            )
        self.assertEqual(self._count(), before)
        with self.assertRefused(ValidationError, "before it starts"):
            self.rate_a.valid_to = date(2026, 2, 1)

    def test_prices_cannot_be_negative(self):
        before = self._count()
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._fcl_rate(self.line_b, {self.c20: -5.0})
        self.assertEqual(self._count(), before)
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.rate_a.surcharge_line_ids.minimum_amount = -1.0

    def test_ports_and_carrier_must_match_the_mode(self):
        before = self._count()
        with self.assertRefused(ValidationError, "not a place for"):
            self._air_rate(
                self.airline_a, {"m45": 4.0}, destination_id=self.rotterdam.id
            )
        with self.assertRefused(ValidationError, "not a place for"):
            self._fcl_rate(self.line_b, {self.c20: 1.0}, origin_id=self.sgn.id)
        with self.assertRefused(ValidationError, "not a carrier for this mode"):
            self._fcl_rate(self.airline_a, {self.c20: 1.0})
        with self.assertRefused(ValidationError, "not a co-loader"):
            self._fcl_rate(self.line_b, {self.c20: 1.0}, vendor_id=self.line_c.id)
        with self.assertRefused(ValidationError, "both"):
            self._fcl_rate(self.line_b, {self.c20: 1.0}, destination_id=self.cat_lai.id)
        with self.assertRefused(ValidationError, "carrier or the co-loader"):
            self._fcl_rate(self.line_b, {self.c20: 1.0}, carrier_id=False)
        with self.assertRefused(ValidationError, "named-account"):
            self._fcl_rate(self.line_b, {self.c20: 1.0}, rate_type="named_account")
        self.assertEqual(self._count(), before)

    def test_prices_have_the_shape_of_the_mode(self):
        with self.assertRefused(ValidationError, "heavier weight break"):
            self._air_rate(self.airline_a, {"m45": 3.0, "p45": 3.2, "p100": 2.9})
        with self.assertRefused(ValidationError, "twice"):
            self._fcl_rate(
                self.line_b,
                {self.c20: 1.0},
                surcharges=[],
                line_ids=[
                    Command.create({"container_type_id": self.c20.id, "amount": 1}),
                    Command.create({"container_type_id": self.c20.id, "amount": 2}),
                ],
            )
        with self.assertRefused(ValidationError, "needs its container type"):
            self._fcl_rate(
                self.line_b, {}, line_ids=[Command.create({"amount": 1000.0})]
            )
        with self.assertRefused(ValidationError, "needs its weight break"):
            self._air_rate(
                self.airline_a, {}, line_ids=[Command.create({"amount": 3.0})]
            )
        with self.assertRefused(ValidationError, "weight breaks are for air"):
            self._fcl_rate(
                self.line_b,
                {},
                line_ids=[
                    Command.create(
                        {
                            "container_type_id": self.c20.id,
                            "weight_break": "p45",
                            "amount": 1.0,
                        }
                    )
                ],
            )
        # A ladder that falls is fine, the minimum is a flat charge.
        rate = self._air_rate(
            self.airline_a, {"m45": 4.6, "p45": 3.9, "p100": 3.4}, minimum=85.0
        )
        minimum = rate.line_ids.filtered(lambda x: x.weight_break == "min")
        self.assertEqual(minimum.unit, "per_shipment")
        self.assertEqual(
            set(rate.line_ids.mapped("unit")), {"per_shipment", "per_chargeable_kg"}
        )

    def test_overlapping_active_rates_are_refused(self):
        before = self._count()
        with self.assertRefused(ValidationError, "overlaps the active rate"):
            self._fcl_rate(
                self.line_a,
                {self.c40hc: 2300.0},
                valid_from=date(2026, 3, 20),
                valid_to=date(2026, 4, 30),
            )
        self.assertEqual(self._count(), before)
        # Another container type, another carrier, another period, a draft,
        # a reefer rate: none of them is the same product.
        self._fcl_rate(self.line_a, {self.c40: 2100.0})
        self._fcl_rate(self.line_b, {self.c40hc: 2300.0})
        self._fcl_rate(
            self.line_a,
            {self.c40hc: 2300.0},
            valid_from=date(2026, 4, 1),
            valid_to=date(2026, 4, 30),
        )
        draft = self._fcl_rate(self.line_a, {self.c40hc: 2300.0}, state="draft")
        self._fcl_rate(self.line_a, {self.c40hc: 2300.0}, cargo_type="reefer")
        with self.assertRefused(ValidationError, "overlaps the active rate"):
            draft.action_activate()
        self.assertEqual(draft.state, "draft")
        # Adding the clashing container to an active rate is refused too.
        other = self._fcl_rate(self.line_c, {self.c20: 1.0})
        with self.assertRefused(ValidationError, "overlaps the active rate"):
            self._fcl_rate(
                self.line_c, {self.c40: 1.0}
            ).line_ids.container_type_id = self.c20
        self.assertEqual(other.state, "active")

    @users("fr_pricing")
    def test_a_new_rate_supersedes_the_old_one(self):
        old = self.rate_a.with_user(self.env.user)
        new = self._fcl_rate(
            self.line_a,
            {self.c40hc: 2250.0},
            valid_from=date(2026, 3, 15),
            valid_to=date(2026, 4, 30),
            supersedes_id=old.id,
            state="draft",
        ).with_user(self.env.user)
        new.action_activate()
        self.assertEqual(new.state, "active")
        self.assertEqual(old.valid_to, date(2026, 3, 14))
        self.assertEqual(old.superseded_by_id, new)
        self.assertEqual(old.state, "active")
        self.assertIn(new.name, old.message_ids[0].body)
        with self.assertRefused(UserError, "already superseded"):
            old.action_new_version()

    def test_supersede_refused_when_the_old_rate_starts_later(self):
        new = self._fcl_rate(
            self.line_a,
            {self.c40hc: 2250.0},
            valid_from=date(2026, 3, 1),
            supersedes_id=self.rate_a.id,
            state="draft",
        )
        with self.assertRefused(UserError, "would end before it starts"):
            new.action_activate()
        self.assertEqual(self.rate_a.valid_to, date(2026, 3, 31))
        self.assertEqual(new.state, "draft")

    @users("fr_pricing")
    def test_new_version_copies_prices_and_supersedes_once_active(self):
        old = self.rate_a.with_user(self.env.user)
        action = old.action_new_version()
        new = self.env["freight.rate"].browse(action["res_id"])
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.supersedes_id, old)
        self.assertEqual(new.valid_from, date(2026, 3, 10))
        self.assertNotEqual(new.name, old.name)
        self.assertEqual(
            sorted(new.line_ids.mapped("amount")), sorted(old.line_ids.mapped("amount"))
        )
        new.freight_line_ids.filtered(
            lambda x: x.container_type_id == self.c40hc
        ).amount = 2600.0
        new.action_activate()
        self.assertEqual(old.valid_to, date(2026, 3, 9))
        self.assertEqual(old.superseded_by_id, new)

    @users("fr_pricing")
    def test_price_changes_are_tracked_in_the_chatter(self):
        rate = self.rate_a.with_user(self.env.user)
        line_40 = rate.freight_line_ids.filtered(
            lambda x: x.container_type_id == self.c40hc
        )
        line_40.amount = 2550.0
        message = rate.message_ids[0]
        self.assertIn("40HC", message.body)
        self.assertRegex(message.body, r"2[.,]400[.,]00.*→.*2[.,]550[.,]00")
        rate.write(
            {
                "surcharge_line_ids": [
                    Command.create(
                        {
                            "charge_type_id": self.charge_doc.id,
                            "amount": 900000.0,
                            "currency_id": self.vnd.id,
                        }
                    )
                ]
            }
        )
        self.assertIn("DOC", rate.message_ids[0].body)
        rate.surcharge_line_ids.filtered(
            lambda x: x.charge_type_id == self.charge_baf
        ).unlink()
        self.assertIn("BAF", rate.message_ids[0].body)
        # Validity is tracked like any field.
        self.env.cr.precommit.run()  # the rate was made in this transaction
        rate.valid_to = date(2026, 4, 5)
        self.env.cr.precommit.run()
        tracked = rate.sudo().message_ids[0].tracking_value_ids
        self.assertEqual(tracked.field_id.name, "valid_to")
        # A draft is a working copy: its edits are not posted.
        draft = self._fcl_rate(self.line_b, {self.c20: 10.0}, state="draft")
        count = len(draft.message_ids)
        draft.line_ids.amount = 20.0
        self.assertEqual(len(draft.message_ids), count)

    def test_workflow_refuses_what_the_state_does_not_allow(self):
        with self.assertRefused(UserError, "only drafts can be activated"):
            self.rate_a.action_activate()
        empty = self.Rate.create(
            {
                "mode": "sea_fcl",
                "carrier_id": self.line_b.id,
                "origin_id": self.cat_lai.id,
                "destination_id": self.los_angeles.id,
                "valid_from": date(2026, 3, 1),
                "valid_to": date(2026, 3, 31),
            }
        )
        with self.assertRefused(UserError, "no freight price"):
            empty.action_activate()
        with self.assertRefused(UserError, "is already a draft"):
            empty.action_draft()
        with self.assertRefused(UserError, "is not active"):
            empty.action_expire()
        past = self._fcl_rate(
            self.line_b,
            {self.c20: 1.0},
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 1, 31),
            state="draft",
        )
        with self.assertRefused(UserError, "already expired"):
            past.action_activate()
        with self.assertRefused(UserError, "Only draft rates can be deleted"):
            self.rate_a.unlink()
        self.rate_a.action_expire()
        self.assertEqual(self.rate_a.state, "expired")
        self.rate_a.action_draft()
        self.assertEqual(self.rate_a.state, "draft")
        empty.unlink()
        self.assertFalse(empty.exists())


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRateStateChanges(FreightRateCommon, TransactionCase):
    """A module that inherits the rate sees every state change in write()."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        writes = cls.writes = []

        class FreightRateRecordingWrites(models.Model):
            _module = None
            _inherit = "freight.rate"

            def write(self, vals):
                writes.append((set(self.ids), dict(vals)))
                return super().write(vals)

        cls._extend_model(FreightRateRecordingWrites)
        cls.rate_a = cls._fcl_rate(cls.line_a, {cls.c40hc: 2400.0})

    def _written(self, rates):
        return [vals for ids, vals in self.writes if ids == set(rates.ids)]

    @users("fr_pricing")
    def test_activate_supersede_and_expire_go_through_write(self):
        old = self.rate_a.with_user(self.env.user)
        new = self._fcl_rate(
            self.line_a,
            {self.c40hc: 2250.0},
            valid_from=date(2026, 3, 15),
            valid_to=date(2026, 4, 30),
            supersedes_id=old.id,
            state="draft",
        ).with_user(self.env.user)
        self.writes.clear()
        new.action_activate()
        self.assertEqual(new.state, "active")
        self.assertIn({"state": "active"}, self._written(new))
        self.assertIn(
            {"valid_to": date(2026, 3, 14), "superseded_by_id": new.id},
            self._written(old),
        )
        self.writes.clear()
        new.action_expire()
        self.assertEqual(self._written(new), [{"state": "expired"}])
        # The daily cron expires through write() too.
        with freeze_time("2026-05-02"):
            expired = self.env["freight.rate"].sudo()._expire_past(date(2026, 5, 2))
        self.assertIn(old, expired)
        self.assertIn({"state": "expired"}, self._written(expired))
        # A rate created active is activated through write().
        self.writes.clear()
        created = self._fcl_rate(
            self.line_b, {self.c20: 1500.0}, valid_from=date(2026, 3, 10)
        )
        self.assertEqual(created.state, "active")
        self.assertIn({"state": "active"}, self._written(created))
