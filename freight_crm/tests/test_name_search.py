# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.modules.db import FunctionStatus
from odoo.tests import TransactionCase, tagged, users
from odoo.tools import config

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestNameSearch(FreightCommon, TransactionCase):
    """Ports, airports, carriers and customers are found the way Vietnamese
    users type: with or without diacritics, with or without spaces, by code."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        cls.cat_lai = cls.env.ref("freight_crm.port_vncli")
        cls.cai_lan = cls.env.ref("freight_crm.port_vncln")
        cls.tan_son_nhat = cls.env["freight.port"].search(
            [("iata_code", "=", "SGN"), ("kind", "=", "airport")]
        )
        cls.hai_an = cls.env.ref("freight_crm.carrier_hai_an")
        cls.maersk = cls.env.ref("freight_crm.carrier_maersk")

    def _found(self, model, text, operator="ilike"):
        return {
            rec_id
            for rec_id, _name in self.env[model].name_search(
                text, operator=operator, limit=None
            )
        }

    def test_unaccent_is_on(self):
        """The search below relies on PostgreSQL's unaccent, as Odoo uses it:
        the option on, the function present and immutable (indexable)."""
        self.assertTrue(config["unaccent"])
        self.assertEqual(self.registry.has_unaccent, FunctionStatus.INDEXABLE)
        self.env.cr.execute("SELECT unaccent('Cát Lái, Đà Nẵng')")
        self.assertEqual(self.env.cr.fetchone()[0], "Cat Lai, Da Nang")

    def test_vietnamese_names_in_master_data(self):
        self.assertEqual(self.cat_lai.name, "Cát Lái")
        self.assertEqual(self.env.ref("freight_crm.port_vncmt").name, "Cái Mép")
        self.assertEqual(self.env.ref("freight_crm.port_vndad").name, "Đà Nẵng")
        self.assertEqual(self.tan_son_nhat.name, "Sân bay Tân Sơn Nhất")
        self.assertEqual(self.tan_son_nhat.city, "TP. Hồ Chí Minh")
        noi_bai = self.env["freight.port"].search(
            [("iata_code", "=", "HAN"), ("kind", "=", "airport")]
        )
        self.assertEqual(noi_bai.name, "Sân bay Nội Bài")

    @users("fr_sales")
    def test_port_every_form(self):
        for text in ("Cát Lái", "cat lai", "CAT LAI", "CATLAI", "catlái", "VNCLI"):
            with self.subTest(text=text):
                found = self._found("freight.port", text)
                self.assertIn(self.cat_lai.id, found)
                # "Cái Lân" shares the letters, not the name.
                self.assertNotIn(self.cai_lan.id, found)

    @users("fr_sales")
    def test_airport_every_form(self):
        for text in ("Tân Sơn Nhất", "tan son nhat", "TANSONNHAT", "SGN", "VNSGN"):
            with self.subTest(text=text):
                self.assertIn(self.tan_son_nhat.id, self._found("freight.port", text))

    @users("fr_sales")
    def test_port_search_box(self):
        """The list's search box goes through the same name search."""
        for text in ("cat lai", "CATLAI", "VNCLI"):
            with self.subTest(text=text):
                ports = self.env["freight.port"].search(
                    [("display_name", "ilike", text)]
                )
                self.assertIn(self.cat_lai, ports)

    @users("fr_pricing")
    def test_carrier_every_form(self):
        for text in ("Hải An", "hai an", "HAIAN", "haian"):
            with self.subTest(text=text):
                self.assertIn(self.hai_an.id, self._found("res.partner", text))
        self.assertIn(self.maersk.id, self._found("res.partner", "maersk"))

    @users("fr_sales")
    def test_customer_every_form(self):
        customer = self.customer_a.with_env(self.env)  # Công ty TNHH Gỗ Minh Phát
        for text in ("Gỗ Minh Phát", "go minh phat", "GO MINH PHAT", "GOMINHPHAT"):
            with self.subTest(text=text):
                self.assertIn(customer.id, self._found("res.partner", text))
                self.assertNotIn(self.customer_b.id, self._found("res.partner", text))

    @users("fr_sales")
    def test_trade_name(self):
        self.customer_a.sudo().trade_name = "Minh Phát Furniture"
        self.assertIn(self.customer_a.id, self._found("res.partner", "MINHPHATFURN"))

    def test_other_operators_untouched(self):
        """Only a positive ilike gets the form without spaces: a negative
        search still excludes the port, an exact one still needs the name."""
        Port = self.env["freight.port"]
        self.assertNotIn(
            self.cat_lai, Port.search([("display_name", "not ilike", "cat lai")])
        )
        self.assertFalse(self._found("freight.port", "CATLAI", operator="="))
        self.assertIn(self.cat_lai.id, self._found("freight.port", "Cát Lái", "="))
