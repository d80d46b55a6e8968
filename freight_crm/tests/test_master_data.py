# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.freight_crm.models.freight_selection import TRANSPORT_MODES


@tagged("post_install", "-at_install")
class TestMasterData(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Port = cls.env["freight.port"]
        cls.vn = cls.env.ref("base.vn")

    def test_transport_modes_are_the_design_contract(self):
        self.assertEqual(
            [key for key, _label in TRANSPORT_MODES],
            ["sea_fcl", "sea_lcl", "air", "trucking", "logistics"],
        )

    def test_seeded_ports_and_airports(self):
        airports = self.Port.search_count([("kind", "=", "airport")])
        others = self.Port.search_count([("kind", "!=", "airport")])
        self.assertGreaterEqual(airports, 80)
        self.assertGreaterEqual(others, 150)
        cat_lai = self.env.ref("freight_crm.port_vncli")
        self.assertEqual((cat_lai.code, cat_lai.kind), ("VNCLI", "seaport"))
        self.assertEqual(cat_lai.country_id, self.vn)
        for iata in ("SGN", "HAN", "DAD", "CXR", "VCA", "PQC"):
            airport = self.Port.search([("iata_code", "=", iata)])
            self.assertEqual(len(airport), 1, iata)
            self.assertEqual(airport.kind, "airport")
            self.assertEqual(airport.country_id, self.vn)
            self.assertEqual(airport.code, "VN" + iata)
        vn_icds = self.Port.search_count(
            [("kind", "=", "icd"), ("country_id", "=", self.vn.id)]
        )
        self.assertGreaterEqual(vn_icds, 5)
        # Every seeded code is a valid UN/LOCODE of its own country.
        for port in self.Port.search([]):
            self.assertEqual(port.code[:2], port.country_id.code, port.name)

    def test_search_by_code_iata_or_name(self):
        cat_lai = self.env.ref("freight_crm.port_vncli")
        self.assertIn(cat_lai.id, self._search_ids("VNCLI"))
        self.assertIn(cat_lai.id, self._search_ids("cat lai"))
        sgn = self.Port.search([("iata_code", "=", "SGN")])
        self.assertEqual(self._search_ids("SGN")[:1], [sgn.id])
        self.assertEqual(sgn.display_name, f"SGN - {sgn.name}")
        self.assertEqual(cat_lai.display_name, f"VNCLI - {cat_lai.name}")

    def _search_ids(self, text):
        return [rec_id for rec_id, _name in self.Port.name_search(text, limit=20)]

    def test_port_codes_are_normalised(self):
        port = self.Port.create(
            {"name": "Test Port", "code": " vnzzz ", "country_id": self.vn.id}
        )
        self.assertEqual(port.code, "VNZZZ")

    def test_bad_port_input_is_refused_and_nothing_written(self):
        before = self.Port.search_count([])
        bad = [
            ({"code": "VN-CL"}, "is not a UN/LOCODE"),
            ({"code": "VNCL"}, "is not a UN/LOCODE"),
            ({"code": "THCLI"}, "does not start with the code"),
            ({"kind": "airport", "code": "VNZZZ"}, "needs its IATA code"),
            (
                {"kind": "airport", "code": "VNZZZ", "iata_code": "S1N"},
                "is not an IATA airport code",
            ),
        ]
        for vals, message in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as caught:
                self.Port.create(
                    {"name": "Bad", "country_id": self.vn.id, "code": "VNZZZ"} | vals
                )
            self.assertIn(message, str(caught.exception))
        self.assertEqual(self.Port.search_count([]), before)

    @mute_logger("odoo.sql_db")
    def test_duplicate_port_code_and_kind_refused(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.Port.create(
                {"name": "Cat Lai again", "code": "VNCLI", "country_id": self.vn.id}
            )
        # The same code for another kind (airport vs seaport) is allowed.
        self.Port.create(
            {
                "name": "Ho Chi Minh ICD",
                "code": "VNCLI",
                "kind": "icd",
                "country_id": self.vn.id,
            }
        )

    def test_container_types(self):
        types = self.env["freight.container.type"].search([])
        by_code = {t.code: t for t in types}
        expected = {
            "20GP": ("22G1", 1.0),
            "40GP": ("42G1", 2.0),
            "40HC": ("45G1", 2.0),
            "45HC": ("L5G1", 2.25),
            "20RF": ("22R1", 1.0),
            "40RF": ("42R1", 2.0),
            "20OT": ("22U1", 1.0),
            "40OT": ("42U1", 2.0),
            "20FR": ("22P1", 1.0),
            "40FR": ("42P1", 2.0),
        }
        for code, (iso, teu) in expected.items():
            self.assertEqual((by_code[code].iso_code, by_code[code].teu), (iso, teu))
        self.assertTrue(by_code["20TK"].iso_code.startswith("22T"))
        with self.assertRaises(ValidationError) as caught:
            self.env["freight.container.type"].create(
                {"code": "99XX", "name": "Bad", "iso_code": "2G", "size": "20"}
            )
        self.assertIn("ISO 6346", str(caught.exception))
        self.assertFalse(
            self.env["freight.container.type"].search([("code", "=", "99XX")])
        )

    def test_charge_types_have_default_units(self):
        charges = self.env["freight.charge.type"].search([])
        self.assertGreaterEqual(len(charges), 30)
        units = {c.code: c.default_unit for c in charges}
        self.assertEqual(units["OF"], "per_container")
        self.assertEqual(units["AF"], "per_chargeable_kg")
        self.assertEqual(units["THCO"], "per_container")
        self.assertEqual(units["BILL"], "per_bill")
        self.assertIn("CIC", units)
        self.assertIn("AMS", units)
        self.assertEqual(
            set(units.values()),
            {
                "per_container",
                "per_shipment",
                "per_bill",
                "per_kg",
                "per_chargeable_kg",
                "per_cbm",
                "per_wm",
                "per_trip",
            },
        )

    def test_seeded_carriers(self):
        Partner = self.env["res.partner"]
        maersk = Partner.search([("scac_code", "=", "MAEU")])
        self.assertEqual(maersk.freight_carrier_kind, "shipping_line")
        vietnam_airlines = Partner.search([("awb_prefix", "=", "738")])
        self.assertEqual(vietnam_airlines.airline_iata_code, "VN")
        self.assertEqual(vietnam_airlines.freight_carrier_kind, "airline")
        self.assertGreaterEqual(
            Partner.search_count([("freight_carrier_kind", "=", "shipping_line")]), 15
        )
        self.assertGreaterEqual(
            Partner.search_count([("freight_carrier_kind", "=", "airline")]), 15
        )

    def test_bad_carrier_codes_are_refused(self):
        Partner = self.env["res.partner"]
        for vals in (
            {"scac_code": "ma3u"},
            {"airline_iata_code": "V"},
            {"awb_prefix": "73A"},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Partner.create({"name": "Bad Carrier", "is_company": True} | vals)
        self.assertFalse(Partner.search([("name", "=", "Bad Carrier")]))
