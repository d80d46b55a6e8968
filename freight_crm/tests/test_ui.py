# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestFreightUi(FreightCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()

    def test_sales_finds_a_port_in_master_data(self):
        self.start_tour("/odoo", "freight_master_data_tour", login="fr_sales")


@tagged("post_install", "-at_install")
class TestFreightUiPhone(FreightCommon, HttpCase):
    """Journey 1 at the size of a phone."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()

    def test_salesperson_logs_a_visit_on_a_phone(self):
        self.start_tour(
            "/odoo/action-freight_crm.res_partner_action_customer",
            "freight_log_visit_phone_tour",
            login="fr_sales",
        )
        visit = self.env["freight.interaction"].search(
            [("partner_id", "=", self.customer_a.id)]
        )
        self.assertEqual(visit.name, "Tour visit: 2 x 40HC a week to Los Angeles")
        self.assertEqual(visit.user_id, self.user_sales)
        self.assertTrue(visit.kind_id.is_visit)
        self.assertTrue(visit.next_date)
