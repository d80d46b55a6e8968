# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.freight_rates.tests.common import FreightRateCommon


@tagged("post_install", "-at_install")
class TestQuotationUiPhone(FreightRateCommon, HttpCase):
    """From an opportunity to a sent quotation on a phone, in four taps."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        # The browser runs on the real clock: a rate valid around today on a
        # lane of its own (demo rates of the lane put aside).
        today = fields.Date.today()
        cls.Rate.search(
            [
                ("origin_id", "=", cls.cat_lai.id),
                ("destination_id", "=", cls.los_angeles.id),
            ]
        ).write({"active": False})
        carrier = cls.env["res.partner"].create(
            {
                "name": "Tour Rates Line",
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
                        {"container_type_id": cls.c40hc.id, "amount": 2300.0}
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
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Tour Rates: 4 TEU of furniture to Los Angeles",
                "type": "opportunity",
                "partner_id": cls.contact_a.id,
                "user_id": cls.user_sales.id,
                "transport_mode": "sea_fcl",
                "freight_direction": "export",
                "origin_port_id": cls.cat_lai.id,
                "destination_port_id": cls.los_angeles.id,
                "expected_volume": 4,
                "expected_volume_uom": "teu",
            }
        )
        cls.contact_a.email = "mai@gominhphat.example.com"

    def test_opportunity_to_sent_quotation_in_four_taps(self):
        self.start_tour(
            f"/odoo/crm/{self.lead.id}",
            "freight_quotation_phone_tour",
            login="fr_sales",
        )
        quotation = self.env["freight.quotation"].search(
            [("lead_id", "=", self.lead.id)]
        )
        self.assertEqual(quotation.state, "sent")
        self.assertEqual(quotation.partner_id, self.customer_a)
        self.assertEqual(quotation.contact_id, self.contact_a)
        self.assertEqual(quotation.container_summary, "2 x 40HC")
        self.assertEqual(quotation.carrier_id.name, "Tour Rates Line")
        freight = quotation.line_ids.filtered(
            lambda line: line.charge_type_id.code == "OF"
        )
        self.assertEqual(freight.quantity, 2)
        self.assertEqual(freight.buy_price, 2300.0)
        self.assertGreater(freight.sell_price, freight.buy_price)
        mail = quotation.message_ids.filtered(
            lambda message: message.message_type == "comment" and message.attachment_ids
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.contact_a, mail.partner_ids)
