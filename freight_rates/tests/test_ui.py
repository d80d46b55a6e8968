# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .common import FreightRateCommon


@tagged("post_install", "-at_install")
class TestRateUi(FreightRateCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        # The browser runs on the real clock: rates valid around today, on a
        # lane of their own so that demo rates do not get in the way.
        today = fields.Date.today()
        for name, price in (("Tour Line A", 2300.0), ("Tour Line B", 2100.0)):
            carrier = cls.env["res.partner"].create(
                {
                    "name": name,
                    "is_company": True,
                    "freight_carrier_kind": "shipping_line",
                }
            )
            cls.Rate.create(
                {
                    "mode": "sea_fcl",
                    "carrier_id": carrier.id,
                    "origin_id": cls.cat_lai.id,
                    "destination_id": cls.los_angeles.id,
                    "valid_from": today - timedelta(days=3),
                    "valid_to": today + timedelta(days=30),
                    "state": "active",
                    "line_ids": [
                        Command.create(
                            {"container_type_id": cls.c40hc.id, "amount": price}
                        ),
                        Command.create(
                            {
                                "line_type": "surcharge",
                                "charge_type_id": cls.charge_baf.id,
                                "amount": 100.0,
                            }
                        ),
                    ],
                }
            )
        # Demo rates on the same lane would be cheaper or dearer: keep only ours.
        cls.Rate.search(
            [
                ("origin_id", "=", cls.cat_lai.id),
                ("destination_id", "=", cls.los_angeles.id),
                ("carrier_id.name", "not like", "Tour Line"),
            ]
        ).write({"active": False})

    def test_sales_find_the_cheapest_rate(self):
        self.start_tour("/odoo", "freight_rate_finder_tour", login="fr_sales")
