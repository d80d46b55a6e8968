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
