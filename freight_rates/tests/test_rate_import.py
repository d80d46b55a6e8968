# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import re
from datetime import date

import openpyxl
import xlsxwriter
from freezegun import freeze_time

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from ..wizards.rate_sheet_format import PRICE_FIELDS, RATE_FIELDS
from .common import TODAY, FreightRateCommon

FCL_HEADER = ["Mode", "Carrier", "Origin", "Destination", "Valid From", "Valid To"]


def xlsx(rows):
    """An .xlsx rate sheet of rows (the header first); dates as dates."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Rates")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    for number, cells in enumerate(rows):
        for col, value in enumerate(cells):
            if isinstance(value, date):
                sheet.write_datetime(number, col, value, day)
            elif value is not None:
                sheet.write(number, col, value)
    book.close()
    return output.getvalue()


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestRateImport(FreightRateCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls.line_a.scac_code = "ZQTA"
        cls.airline_a.airline_iata_code = "Q7"
        # Active, Cat Lai - Los Angeles, March 2026, 20GP and 40HC.
        cls.rate_a = cls._fcl_rate(
            cls.line_a,
            {cls.c20: 1800.0, cls.c40hc: 2400.0},
            surcharges=[{"charge_type_id": cls.charge_baf.id, "amount": 250.0}],
        )
        cls.Wizard = cls.env["freight.rate.import"].with_user(cls.user_pricing)

    def _import(self, content, filename="rates.xlsx", **values):
        wizard = self.Wizard.create(
            dict(values, file=base64.b64encode(content), filename=filename)
        )
        wizard.action_import()
        return wizard

    def _count(self):
        return self.Rate.with_context(active_test=False).search_count([])

    def _problems(self, wizard):
        return {(e.row, e.column, e.value): e.message for e in wizard.error_ids}

    def _snapshot(self, rates):
        """Everything an import could change of the rates and their prices."""
        fnames = ["name", "state", *RATE_FIELDS]
        line_fnames = PRICE_FIELDS
        rates.invalidate_recordset()
        return {
            rate.id: (
                rate.read(fnames),
                rate.line_ids.read(line_fnames),
                len(rate.message_ids),
            )
            for rate in rates
        }

    def test_import_xlsx_creates_active_rates(self):
        sheet = xlsx(
            [
                FCL_HEADER[:2]
                + ["Bought From", *FCL_HEADER[2:], "Transit Days", "20GP", "40HC"]
                + ["LCL/CBM", "LCL MIN", "MIN", "+45", "+100", "BAF", "THCO 20GP"]
                + ["DOC (VND)", "THCD 40HC excl", "CFS", "FSC"],
                ["FCL", "Test Line B", None, "VNHPH", "NLRTM", date(2026, 4, 1)]
                + [date(2026, 4, 30), 32, 1750, 2300.5, None, None, None, None]
                + [None, 180, 95, 800000, 310, None, None],
                ["sea_lcl", None, "Test Co-loader", "VNCLI", "SGSIN", "2026-04-01"]
                + ["30/04/2026", 3, None, None, 28, 45, None, None, None, None]
                + [None, None, None, 6.5, None],
                ["Air", "Q7", None, "SGN", "FRA", date(2026, 4, 1)]
                + [date(2026, 4, 30), 2, None, None, None, None, 85, 5.2, 4.6]
                + [None, None, None, None, None, 0.95],
            ]
        )
        before = self._count()
        wizard = self._import(sheet)
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        self.assertEqual(wizard.created_count, 3)
        self.assertEqual(self._count(), before + 3)
        fcl, lcl, air = wizard.rate_ids.sorted("id")
        self.assertRecordValues(
            fcl | lcl | air,
            [
                {
                    "mode": "sea_fcl",
                    "carrier_id": self.line_b.id,
                    "vendor_id": False,
                    "origin_id": self.hai_phong.id,
                    "destination_id": self.rotterdam.id,
                    "valid_from": date(2026, 4, 1),
                    "valid_to": date(2026, 4, 30),
                    "transit_days": 32,
                    "state": "active",
                    "user_id": self.user_pricing.id,
                    "currency_id": self.usd.id,
                },
                {
                    "mode": "sea_lcl",
                    "carrier_id": False,
                    "vendor_id": self.coloader.id,
                    "origin_id": self.cat_lai.id,
                    "destination_id": self.singapore.id,
                    "valid_from": date(2026, 4, 1),
                    "valid_to": date(2026, 4, 30),
                    "transit_days": 3,
                    "state": "active",
                    "user_id": self.user_pricing.id,
                    "currency_id": self.usd.id,
                },
                {
                    "mode": "air",
                    "carrier_id": self.airline_a.id,
                    "vendor_id": False,
                    "origin_id": self.sgn.id,
                    "destination_id": self.fra.id,
                    "valid_from": date(2026, 4, 1),
                    "valid_to": date(2026, 4, 30),
                    "transit_days": 2,
                    "state": "active",
                    "user_id": self.user_pricing.id,
                    "currency_id": self.usd.id,
                },
            ],
        )
        ocean = self.env.ref("freight_crm.charge_of")
        self.assertRecordValues(
            fcl.line_ids.sorted(lambda x: (x.line_type, x.amount)),
            [
                {
                    "line_type": "freight",
                    "charge_type_id": ocean.id,
                    "container_type_id": self.c20.id,
                    "unit": "per_container",
                    "amount": 1750.0,
                },
                {
                    "line_type": "freight",
                    "charge_type_id": ocean.id,
                    "container_type_id": self.c40hc.id,
                    "unit": "per_container",
                    "amount": 2300.5,
                },
                {
                    "line_type": "surcharge",
                    "charge_type_id": self.charge_thco.id,
                    "container_type_id": self.c20.id,
                    "unit": "per_container",
                    "amount": 95.0,
                },
                {
                    "line_type": "surcharge",
                    "charge_type_id": self.charge_baf.id,
                    "container_type_id": False,
                    "unit": "per_container",
                    "amount": 180.0,
                },
                {
                    "line_type": "surcharge",
                    "charge_type_id": self.charge_thcd.id,
                    "container_type_id": self.c40hc.id,
                    "unit": "per_container",
                    "amount": 310.0,
                },
                {
                    "line_type": "surcharge",
                    "charge_type_id": self.charge_doc.id,
                    "container_type_id": False,
                    "unit": self.charge_doc.default_unit,
                    "amount": 800000.0,
                },
            ],
        )
        doc = fcl.line_ids.filtered(lambda x: x.charge_type_id == self.charge_doc)
        thcd = fcl.line_ids.filtered(lambda x: x.charge_type_id == self.charge_thcd)
        self.assertEqual(doc.currency_id, self.vnd)
        self.assertFalse(thcd.included)
        lcl_freight = lcl.freight_line_ids
        self.assertRecordValues(
            lcl_freight, [{"unit": "per_cbm", "amount": 28.0, "minimum_amount": 45.0}]
        )
        self.assertEqual(lcl.surcharge_line_ids.charge_type_id, self.charge_cfs)
        self.assertEqual(
            sorted(air.freight_line_ids.mapped(lambda x: (x.weight_break, x.amount))),
            [("min", 85.0), ("p100", 4.6), ("p45", 5.2)],
        )
        self.assertEqual(air.surcharge_line_ids.charge_type_id, self.charge_fsc)

    def test_import_csv(self):
        """UTF-8 with a BOM, semicolons and decimal commas (Excel's "CSV" in a
        Vietnamese locale), then commas; empty rows are skipped."""
        semicolon = (
            "Mode;Carrier;Origin;Destination;Valid From;Valid To;20GP;40HC;"
            "DOC (VND)\r\n"
            "FCL;Test Line B;VNCLI;USLAX;01/04/2026;30/04/2026;1850,50;"
            "2.400,00;750000\r\n"
            ";;;;;;;;\r\n"
        )
        wizard = self._import(
            b"\xef\xbb\xbf" + semicolon.encode(), filename="rates.csv"
        )
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        self.assertEqual(wizard.created_count, 1)
        rate = wizard.rate_ids
        self.assertEqual(rate.carrier_id, self.line_b)
        self.assertEqual(
            sorted(rate.line_ids.mapped("amount")), [1850.5, 2400.0, 750000.0]
        )
        comma = (
            "Mode,Carrier,Origin,Destination,Valid From,Valid To,20GP,Remarks\n"
            'sea_fcl,ZQTA,VNHPH,USLAX,2026-05-01,2026-05-31,"1,900","Via Cái Mép, '
            'weekly"\n'
        )
        wizard = self._import(comma.encode(), filename="rates.csv")
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        rate = wizard.rate_ids
        self.assertEqual(rate.carrier_id, self.line_a)
        self.assertEqual(rate.line_ids.amount, 1900.0)
        self.assertEqual(rate.remarks, "Via Cái Mép, weekly")
        # A file that is no UTF-8 CSV, nor .xlsx, is refused at once.
        with self.assertRaisesRegex(UserError, "UTF-8"):
            self._import(comma.encode("cp1258"), filename="rates.csv")

    def test_every_problem_is_listed_and_nothing_is_written(self):
        header = ["Rate No.", *FCL_HEADER, "Currency", "20GP", "40HC", "+45"]
        header += ["+100", "BAF", "XYZ"]
        april = [date(2026, 4, 1), date(2026, 4, 30)]
        fcl = ["FCL", "Test Line B"]
        sheet = xlsx(
            [
                header,
                [None, *fcl, "VNZZZ", "USLAX", *april, None, 100],  # row 2
                [None, *fcl, "SGN", "USLAX", *april, None, 100],  # row 3
                [None, *fcl, "VNCLI", "USLAX", "31/02/2026", april[1], None, 100],
                [None, *fcl, "VNCLI", "USLAX", april[1], april[0], None, 100],
                [None, *fcl, "VNCLI", "USLAX", *april, None, -10, "abc"],  # row 6
                [None, "FCL", "Nobody Shipping", "VNCLI", "USLAX", *april, None, 5],
                [None, "AIR", "Test Airline A", "SGN", "FRA", *april, None, None]
                + [None, 4.0, 4.5],  # row 8: +100 dearer than +45
                [None, *fcl, "VNCLI", "USLAX", *april, None, None, None]
                + [None, None, 50],  # row 9: no container price
                ["BR99-999999", *fcl, "VNCLI", "USLAX", *april, None, 100],
                [None, *fcl, "VNCLI", "USLAX", *april, "ZZZ", 100],  # row 11
                [],  # row 12: empty, skipped
                [None, "FCL", "Test Line C", "VNCLI", "USLAX", *april, None, 1500],
                [None, *fcl, "VNHPH", "USLAX", *april, None, 100, None, 4.1],
            ]
        )
        before = self._count()
        wizard = self._import(sheet)
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(self._count(), before)
        problems = self._problems(wizard)
        expected = {
            (1, "XYZ", "XYZ"): "Unknown column",
            (2, "Origin", "VNZZZ"): "Unknown port code",
            (3, "Origin", "SGN"): "is not a place for Sea FCL",
            (4, "Valid From", "31/02/2026"): "Not a date",
            (5, "Valid To", "2026-04-01"): "before it starts",
            (6, "20GP", "-10"): "cannot be negative",
            (6, "40HC", "abc"): "Not a number",
            (7, "Carrier", "Nobody Shipping"): "Unknown carrier",
            (8, "+100", "4.5"): "heavier weight break cannot cost more",
            (9, "Mode", "FCL"): "needs at least one container price",
            (10, "Rate No.", "BR99-999999"): "No rate has this number",
            (11, "Currency", "ZZZ"): "Unknown currency",
            (14, "+45", "4.1"): "not Per Chargeable kg",
        }
        for key, message in expected.items():
            with self.subTest(problem=key):
                self.assertIn(key, problems)
                self.assertIn(message, problems[key])
        self.assertEqual(len(problems), len(expected), problems)
        self.assertIn("13 problems", wizard.summary)

    def test_overlaps_in_the_sheet_and_with_active_rates(self):
        header = [*FCL_HEADER, "20GP", "40HC", "45HC"]
        route = ["VNCLI", "USLAX"]
        sheet = xlsx(
            [
                header,
                ["FCL", "Test Line B", *route, "2026-04-01", "2026-04-30", 1000],
                ["FCL", "Test Line B", *route, "2026-04-15", "2026-05-15", 1100],
                ["FCL", "Test Line A", *route, "2026-03-20", "2026-04-10", None, 2500],
                # Same lane and dates as rate A, other equipment: no clash.
                ["FCL", "Test Line A", *route, "2026-03-20", "2026-04-10"]
                + [None, None, 2700],
                ["FCL", "Test Line B", *route, "2026-05-16", "2026-06-30", 1200],
            ]
        )
        before = self._count()
        wizard = self._import(sheet)
        self.assertEqual(wizard.state, "errors")
        self.assertEqual(self._count(), before)
        problems = self._problems(wizard)
        self.assertEqual(
            sorted(problems),
            [(3, "Valid From", "2026-04-15"), (4, "Valid From", "2026-03-20")],
        )
        self.assertIn(
            "overlaps row 2 of this sheet", problems[3, "Valid From", "2026-04-15"]
        )
        message = problems[4, "Valid From", "2026-03-20"]
        self.assertIn(self.rate_a.name, message)
        self.assertIn("supersede", message)
        # The same sheet as drafts: drafts may overlap, nothing is refused.
        wizard = self._import(sheet, activate=False)
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        self.assertEqual(set(wizard.rate_ids.mapped("state")), {"draft"})

    def test_supersede_replaces_the_overlapping_rate(self):
        # A rate that starts on or after the new one cannot be superseded.
        sheet = xlsx(
            [
                [*FCL_HEADER, "20GP", "Supersede"],
                ["FCL", "Test Line A", "VNCLI", "USLAX", "2026-03-01", "2026-05-31"]
                + [1800, "Y"],
            ]
        )
        wizard = self._import(sheet)
        self.assertEqual(wizard.state, "errors")
        self.assertIn("Cannot supersede", wizard.error_ids.message)
        sheet = xlsx(
            [
                [*FCL_HEADER, "20GP", "40HC", "Supersede"],
                ["FCL", "Test Line A", "VNCLI", "USLAX", "2026-03-15", "2026-04-30"]
                + [1850, 2450, "Y"],
            ]
        )
        wizard = self._import(sheet)
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        new = wizard.rate_ids
        self.assertEqual(new.state, "active")
        self.assertEqual(new.supersedes_id, self.rate_a)
        self.assertEqual(self.rate_a.superseded_by_id, new)
        self.assertEqual(self.rate_a.valid_to, date(2026, 3, 14))
        self.assertEqual(self.rate_a.state, "active")

    def test_update_by_rate_number_logs_the_price_change(self):
        sheet = xlsx(
            [
                ["Rate No.", "Transit Days", "20GP", "40HC", "BAF", "45HC"],
                [self.rate_a.name, 24, 1900, 2400, None, 2650],
            ]
        )
        before = self._count()
        wizard = self._import(sheet)
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        self.assertEqual(
            (wizard.created_count, wizard.updated_count, wizard.unchanged_count),
            (0, 1, 0),
        )
        self.assertEqual(self._count(), before)
        rate = self.rate_a
        self.assertEqual(rate.transit_days, 24)
        prices = {line._price_label(): line.amount for line in rate.line_ids}
        # BAF's cell is empty: its price is removed; 45HC is added.
        self.assertEqual(prices, {"20GP": 1900.0, "40HC": 2400.0, "45HC": 2650.0})
        bodies = rate.message_ids.mapped("body")
        changed = [b for b in bodies if "Prices changed" in b]
        self.assertEqual(len(changed), 1)
        self.assertIn("20GP", changed[0])
        self.assertRegex(changed[0], r"1[.,]800[.,]00.*→.*1[.,]900[.,]00")
        self.assertNotIn("40HC", changed[0])
        self.assertTrue(any("Prices removed" in b and "BAF" in b for b in bodies))
        self.assertTrue(any("Prices added" in b and "45HC" in b for b in bodies))

    def test_export_then_import_changes_nothing(self):
        air = self._air_rate(
            self.airline_a,
            {"m45": 5.5, "p45": 4.5, "p100": 4.0},
            minimum=80.0,
            surcharges=[{"charge_type_id": self.charge_fsc.id, "amount": 0.95}],
        )
        lcl = self.Rate.create(
            {
                "mode": "sea_lcl",
                "vendor_id": self.coloader.id,
                "origin_id": self.cat_lai.id,
                "destination_id": self.singapore.id,
                "valid_from": date(2026, 3, 1),
                "valid_to": date(2026, 4, 30),
                "reference": "CL-2026/03",
                "state": "active",
                "line_ids": [
                    Command.create(
                        {"unit": "per_wm", "amount": 26.0, "minimum_amount": 40.0}
                    ),
                    Command.create(
                        {
                            "line_type": "surcharge",
                            "charge_type_id": self.charge_cfs.id,
                            "currency_id": self.vnd.id,
                            "amount": 300000.0,
                            "included": False,
                        }
                    ),
                    Command.create(
                        {
                            "line_type": "surcharge",
                            "charge_type_id": self.charge_doc.id,
                            "unit": "per_bill",
                            "amount": 35.0,
                        }
                    ),
                ],
            }
        )
        trucker = self.env["res.partner"].create(
            {
                "name": "Test Trucker",
                "is_company": True,
                "freight_carrier_kind": "trucking",
            }
        )
        customer = self.env["res.partner"].create(
            {"name": "Test Shipper Co", "is_company": True}
        )
        depot = self.env["freight.port"].search(
            [("code", "=", "VNDVU"), ("kind", "=", "icd")]
        )
        trucking = self.Rate.create(
            {
                "mode": "trucking",
                "carrier_id": trucker.id,
                "origin_id": depot.id,
                "destination_id": self.cat_lai.id,
                "rate_type": "named_account",
                "named_customer_id": customer.id,
                "valid_from": date(2026, 3, 1),
                "valid_to": date(2026, 6, 30),
                "state": "active",
                "line_ids": [
                    Command.create({"unit": "per_trip", "amount": 150.0}),
                    Command.create(
                        {"container_type_id": self.c40hc.id, "amount": 180.0}
                    ),
                ],
            }
        )
        rates = self.rate_a | air | lcl | trucking
        before = self._snapshot(rates)
        count = self._count()
        action = self.Wizard.action_export_rates(rates.with_user(self.user_pricing))
        self.assertEqual(action["type"], "ir.actions.act_url")
        export = self.Wizard.browse(int(re.search(r"&id=(\d+)", action["url"])[1]))
        content = base64.b64decode(export.download_file)
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        headers = next(book["Rates"].iter_rows(values_only=True))
        for header in ("Rate No.", "20GP", "-45", "LCL W/M", "LCL MIN", "BAF"):
            self.assertIn(header, headers)
        self.assertIn("CFS (VND) excl", headers)
        self.assertIn("DOC /BL", headers)
        cells = dict(
            zip(
                headers, list(book["Rates"].iter_rows(values_only=True))[4], strict=True
            )
        )
        # VNDVU names a seaport and a depot: the depot is written with its kind.
        self.assertEqual(cells["Origin"], "VNDVU ICD")
        self.assertEqual(cells["Named Account"], "Test Shipper Co")
        self.assertEqual((cells["TRIP"], cells["40HC"]), (150, 180))
        wizard = self._import(content)
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        self.assertEqual(
            (wizard.created_count, wizard.updated_count, wizard.unchanged_count),
            (0, 0, 4),
        )
        self.assertEqual(self._count(), count)
        self.assertEqual(self._snapshot(rates), before)

    def test_sales_cannot_import_nor_export(self):
        Wizard = self.env["freight.rate.import"].with_user(self.user_sales)
        with self.assertRaises(AccessError):
            Wizard.create({"file": base64.b64encode(b"Mode,Origin\n")})
        with self.assertRaises(AccessError):
            Wizard.action_export_rates(self.rate_a.with_user(self.user_sales))

    def test_standard_import_still_works(self):
        fields = [
            "mode",
            "carrier_id",
            "origin_id",
            "destination_id",
            "valid_from",
            "valid_to",
            "state",
            "line_ids/line_type",
            "line_ids/charge_type_id",
            "line_ids/container_type_id",
            "line_ids/currency_id",
            "line_ids/amount",
        ]
        rate = ["sea_fcl", "Test Line B", "VNCLI", "NLRTM", "2026-04-01"]
        rate += ["2026-04-30", "active"]
        rows = [
            [*rate, "freight", "OF", "20GP", "USD", "1500"],
            [""] * len(rate) + ["freight", "OF", "40HC", "USD", "2100"],
            [""] * len(rate) + ["surcharge", "THCO", "20GP", "VND", "4700000"],
            # Blank charge and currency: the defaults, as on the form.
            [""] * len(rate) + ["freight", "", "40GP", "", "1900"],
        ]
        Rate = self.Rate.with_user(self.user_pricing).with_context(import_file=True)
        result = Rate.load(fields, rows)
        self.assertFalse(
            [m for m in result["messages"] if m["type"] == "error"], result
        )
        rate = self.Rate.browse(result["ids"])
        self.assertRecordValues(
            rate,
            [
                {
                    "state": "active",
                    "carrier_id": self.line_b.id,
                    "destination_id": self.rotterdam.id,
                }
            ],
        )
        self.assertEqual(len(rate.line_ids), 4)
        blank = rate.line_ids.filtered(lambda x: x.container_type_id.code == "40GP")
        self.assertEqual(blank.charge_type_id.code, "OF")
        self.assertEqual(blank.currency_id, self.usd)
        self.assertEqual(blank.unit, "per_container")
        thc = rate.surcharge_line_ids
        self.assertEqual((thc.currency_id, thc.amount), (self.vnd, 4700000.0))

    def test_template_download(self):
        self.env["res.partner"].create(
            {
                "name": "Test Trucker",
                "is_company": True,
                "freight_carrier_kind": "trucking",
            }
        )
        wizard = self.Wizard.create({})
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"id={wizard.id}", action["url"])
        self.assertEqual(wizard.download_filename, "rate-sheet-template.xlsx")
        content = base64.b64decode(wizard.download_file)
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        self.assertEqual(book.sheetnames, ["Rates", "Guide"])
        headers = next(book["Rates"].iter_rows(values_only=True))
        for header in (
            "Rate No.",
            "Mode",
            "Carrier",
            "Bought From",
            "Origin",
            "Valid From",
            "Supersede",
            "20GP",
            "40HC",
            "LCL/CBM",
            "LCL W/M",
            "LCL MIN",
            "MIN",
            "+1000",
            "BAF",
            "THCO 20GP",
            "THCD 20GP excl",
        ):
            self.assertIn(header, headers)
        guide = [
            cell
            for row in book["Guide"].iter_rows(values_only=True)
            for cell in row
            if cell
        ]
        for value in ("sea_fcl", "named_account", "40HC", "BAF", "THCO", "+45"):
            self.assertIn(value, guide)
        # Every column header carries its help, in the user's language.
        notes = self._header_notes(content)
        self.assertIn("UN/LOCODE", notes["Origin"])
        self.assertIn("per container", notes["40HC"])
        self.assertIn("weight break", notes["+45"])
        self.assertIn("charge code", notes["BAF"])
        # One sample row per mode, that imports as it is.
        rows = list(book["Rates"].iter_rows(values_only=True))[1:]
        self.assertEqual(
            [row[headers.index("Mode")] for row in rows],
            ["sea_fcl", "sea_lcl", "air", "trucking"],
        )
        wizard = self._import(content)
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        self.assertEqual(wizard.created_count, 4)
        self.assertEqual(
            sorted(wizard.rate_ids.mapped("mode")),
            ["air", "sea_fcl", "sea_lcl", "trucking"],
        )
        self.assertEqual(set(wizard.rate_ids.mapped("state")), {"active"})
        # A sheet with no rate under its header imports nothing, and says so.
        wizard = self._import(xlsx([headers]))
        self.assertEqual(wizard.state, "errors")
        self.assertIn("no rates", wizard.error_ids.message)

    def test_template_notes_in_the_users_language(self):
        """A Vietnamese user's template explains its columns in Vietnamese;
        the column codes stay as they are."""
        self.env["res.lang"]._activate_lang("vi_VN")
        wizard = self.Wizard.with_context(lang="vi_VN").create({})
        wizard.action_download_template()
        content = base64.b64decode(wizard.download_file)
        notes = self._header_notes(content)
        self.assertIn("Transit Days", notes)
        self.assertEqual(notes["Transit Days"], "Thời gian vận chuyển, tính bằng ngày.")

    def _header_notes(self, content):
        """{header: its comment} of the sheet Rates of an .xlsx file."""
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book["Rates"]
        return {cell.value: cell.comment.text for cell in sheet[1] if cell.comment}

    def test_a_new_file_clears_the_problems_of_the_previous_one(self):
        wizard = self._import(xlsx([FCL_HEADER, ["FCL", "Nobody", "VNCLI"]]))
        self.assertEqual(wizard.state, "errors")
        self.assertTrue(wizard.error_ids)
        # In the form, choosing another file clears them at once.
        with Form(wizard) as form:
            form.file = base64.b64encode(xlsx([FCL_HEADER]))
            self.assertEqual(form.state, "upload")
            self.assertFalse(form.error_ids)
        # And so does writing another file, whatever the client.
        wizard = self._import(xlsx([FCL_HEADER, ["FCL", "Nobody", "VNCLI"]]))
        errors = wizard.error_ids
        wizard.write({"file": base64.b64encode(xlsx([FCL_HEADER]))})
        self.assertEqual(wizard.state, "upload")
        self.assertFalse(errors.exists())


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestImportedPricesAsCreated(FreightRateCommon, TransactionCase):
    """What a module adds to prices applies to imported prices as to prices
    entered in the form: a default, a stored compute, a constraint and a
    create() override."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        created = cls.created = []

        class FreightRateLineExtended(models.Model):
            _module = None
            _inherit = "freight.rate.line"

            test_origin = fields.Char(default="by create")
            test_cents = fields.Integer(compute="_compute_test_cents", store=True)

            @api.depends("amount")
            def _compute_test_cents(self):
                for line in self:
                    line.test_cents = round(line.amount * 100)

            @api.constrains("amount")
            def _check_test_not_thirteen(self):
                if any(line.amount == 13.0 for line in self):
                    raise ValidationError(
                        self.env._("Thirteen is refused by the extension.")
                    )

            @api.model_create_multi
            def create(self, vals_list):
                lines = super().create(vals_list)
                created.extend(lines.ids)
                return lines

        cls._extend_model(FreightRateLineExtended)
        cls.Wizard = cls.env["freight.rate.import"].with_user(cls.user_pricing)

    def _import(self, rows):
        wizard = self.Wizard.create({"file": base64.b64encode(xlsx(rows))})
        wizard.action_import()
        return wizard

    def test_imported_prices_go_through_create(self):
        header = [*FCL_HEADER, "20GP", "40HC", "BAF", "+45", "+100", "MIN"]
        april = [date(2026, 4, 1), date(2026, 4, 30)]
        wizard = self._import(
            [
                header,
                ["FCL", "Test Line B", "VNCLI", "USLAX", *april, 1750.5, 2300, 180],
                ["Air", "Test Airline A", "SGN", "FRA", *april, None, None, None]
                + [5.25, 4.6, 85],
            ]
        )
        self.assertEqual(wizard.state, "done", wizard.error_ids.mapped("message"))
        lines = wizard.rate_ids.line_ids
        self.assertEqual(len(lines), 6)
        self.assertEqual(set(lines.mapped("test_origin")), {"by create"})
        self.assertEqual(
            sorted(lines.mapped("test_cents")),
            sorted(round(amount * 100) for amount in lines.mapped("amount")),
        )
        self.assertLessEqual(set(lines.ids), set(self.created))
        # The extension's constraint refuses an imported price as it refuses
        # one entered in the form: nothing is written.
        count = self.env["freight.rate.line"].search_count([])
        wizard = self._import(
            [header, ["FCL", "Test Line C", "VNCLI", "USLAX", *april, 13]]
        )
        self.assertEqual(wizard.state, "errors")
        self.assertIn("Thirteen is refused", wizard.error_ids.message)
        self.assertEqual(self.env["freight.rate.line"].search_count([]), count)
        with self.assertRaisesRegex(ValidationError, "Thirteen is refused"):
            self._fcl_rate(self.line_c, {self.c20: 13.0})
