# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Writing rate sheets: the export of rates and the template, in the format
the import reads."""

import io
from datetime import date, timedelta

import xlsxwriter

from odoo import fields

from odoo.addons.freight_crm.models.freight_selection import (
    CHARGE_UNITS,
)

from ..models.freight_rate_line import WEIGHT_BREAKS
from .rate_sheet_format import (
    BREAK_HEADERS,
    FIELD_COLUMNS,
    FIELD_HEADERS,
    LCL_HEADERS,
    LCL_MIN_HEADER,
    RATE_FIELDS,
    REQUIRED_FIELDS,
    SELECTIONS,
    TEMPLATE_CHARGES,
    TRIP_HEADER,
    UNIT_TOKENS,
    CellError,
)
from .rate_sheet_reader import RateSheetReader


class RateSheetExport(RateSheetReader):
    """Writes rates, or the blank template, as a rate sheet."""

    # ------------------------------------------------------------------
    # Export and template
    # ------------------------------------------------------------------
    def _freight_headers(self, extra_containers=()):
        """[(line key or "lcl_min", header)] of the freight columns."""
        containers = list(self.active_containers)
        containers += [c for c in extra_containers if c not in containers]
        columns = [
            (("freight", c, False, "per_container"), self.container_codes[c])
            for c in containers
        ]
        columns.append((("freight", False, False, "per_trip"), TRIP_HEADER))
        columns += [
            (("freight", False, False, unit), header)
            for unit, header in LCL_HEADERS.items()
        ]
        columns.append(("lcl_min", LCL_MIN_HEADER))
        columns += [
            (
                (
                    "freight",
                    False,
                    wb,
                    "per_shipment" if wb == "min" else "per_chargeable_kg",
                ),
                header,
            )
            for wb, header in BREAK_HEADERS.items()
        ]
        return columns

    def _freight_header(self, key):
        _kind, container, weight_break, unit = key
        if container:
            return self.container_codes[container]
        if weight_break:
            return BREAK_HEADERS[weight_break]
        return LCL_HEADERS.get(unit) or TRIP_HEADER

    def _charge_sort_key(self, key):
        _kind, charge, container, currency, unit, included = key
        return (
            self.charge_order[charge],
            not included,
            self.container_codes.get(container, ""),
            self.currency_names.get(currency, ""),
            unit or "",
        )

    def export_rows(self, rates):
        """(headers, rows) of the rates, in the template's format."""
        rates = rates.with_context(active_test=False)
        rates.fetch([*RATE_FIELDS, "name", "company_id"])
        self._load_rate_lines(rates)
        keys = {key for lines in self.lines_by_rate.values() for key in lines}
        freight_containers = {k[1] for k in keys if k[0] == "freight" and k[1]}
        freight = self._freight_headers(sorted(freight_containers))
        charges = sorted(
            (key for key in keys if key[0] == "charge"), key=self._charge_sort_key
        )
        headers = [h for _f, h in FIELD_COLUMNS] + [h for _k, h in freight]
        headers += [self._charge_header(key) for key in charges]
        keys = [k for k, _h in freight] + charges
        rows = [self._export_row(rate, keys) for rate in rates]
        return headers, rows

    def _export_row(self, rate, keys):
        vals = self._rate_values(rate)
        mode = vals["mode"]
        cells = [rate.name]
        for fname in RATE_FIELDS:
            cells.append(self._export_value(fname, vals[fname], mode))
        cells.append(None)  # Supersede
        lines = self.lines_by_rate.get(rate.id, {})
        lcl_min = next(
            (
                line["minimum_amount"]
                for key, line in lines.items()
                if key[0] == "freight" and key[3] in LCL_HEADERS
            ),
            None,
        )
        for key in keys:
            if key == "lcl_min":
                cells.append(lcl_min or None)
            else:
                line = lines.get(key)
                cells.append(line["amount"] if line else None)
        return cells

    def _export_value(self, fname, value, mode):
        if not value and fname not in SELECTIONS:
            return None
        if fname in ("origin_id", "destination_id", "transshipment_id"):
            return self._port_text(value, mode)
        if fname == "carrier_id":
            return self._carrier_text(value, mode)
        if fname in ("vendor_id", "named_customer_id"):
            if value in self.partners:
                return self.partners[value][0]
            return self.env["res.partner"].browse(value).name
        if fname == "currency_id":
            return self.currency_names[value]
        return value or None

    def template_headers(self):
        headers = [h for _f, h in FIELD_COLUMNS]
        headers += [h for _k, h in self._freight_headers()]
        for header in TEMPLATE_CHARGES:
            try:
                self._charge_key(header)
            except CellError:
                continue  # that charge type was removed
            headers.append(header)
        return headers

    def template_rows(self, headers):
        """One sample row per mode, on master data that exists, that imports
        as it is: new rates valid from today for 30 days, for the commodity
        "SAMPLE" (so that they overlap no rate of the carrier)."""
        env = self.env
        today = fields.Date.context_today(env["freight.rate"])
        Port = env["freight.port"]

        def port(code, kind):
            found = Port.search_fetch(
                [("code", "=", code), ("kind", "=", kind)], ["code"], limit=1
            ) or Port.search_fetch([("kind", "=", kind)], ["code"], limit=1)
            return found.id

        def partner(kind):
            ids = [pid for pid, (_n, k) in self.partners.items() if k == kind]
            return min(ids) if ids else False

        seaport, other_seaport = port("VNCLI", "seaport"), port("SGSIN", "seaport")
        airport, other_airport = port("VNSGN", "airport"), port("DEFRA", "airport")
        depot = port("VNDVU", "icd") or port("VNSTG", "seaport")
        samples = [
            ("sea_fcl", partner("shipping_line"), False, seaport, other_seaport)
            + ({"20GP": 1200, "40GP": 2000, "40HC": 2100, "BAF": 100},),
            ("sea_lcl", False, partner("coloader"), seaport, other_seaport)
            + ({"LCL/CBM": 25, "LCL MIN": 40, "CFS": 15},),
            ("air", partner("airline"), False, airport, other_airport)
            + (
                {"MIN": 80, "-45": 5.0, "+45": 4.5, "+100": 4.0}
                | {"+300": 3.5, "+500": 3.2, "+1000": 3.0, "FSC": 0.9},
            ),
            ("trucking", partner("trucking"), False, depot, seaport)
            + ({"20GP": 150, "40HC": 180},),
        ]
        rows = []
        for mode, carrier, vendor, origin, destination, prices in samples:
            if not (carrier or vendor) or not origin or not destination:
                continue  # no such carrier or place in this database
            if origin == destination:
                continue
            cells = {
                "Mode": mode,
                "Carrier": carrier and self._carrier_text(carrier, mode),
                "Bought From": vendor and self.partners[vendor][0],
                "Origin": self._port_text(origin, mode),
                "Destination": self._port_text(destination, mode),
                "Commodity": "SAMPLE",
                "Valid From": today,
                "Valid To": today + timedelta(days=30),
                "Remarks": env._("Sample row: change it or delete it."),
            } | prices
            rows.append([cells.get(header) for header in headers])
        return rows

    def _header_notes(self, headers):
        """{column: what to write in it}, in the user's language."""
        texts = {FIELD_HEADERS[fname]: text for fname, text in self._field_texts()}
        prices = dict(self._price_texts())
        notes = {}
        for col, header in enumerate(headers):
            try:
                column = self._column(col, header)
            except CellError:
                continue
            if column.kind == "field":
                notes[col] = texts.get(FIELD_HEADERS[column.key])
            elif column.kind == "charge":
                notes[col] = prices["charge"]
            elif column.kind == "lcl_min":
                notes[col] = prices["lcl_min"]
            else:
                _kind, container, weight_break, unit = column.key
                notes[col] = prices[
                    "container" if container else "break" if weight_break else unit
                ]
        return notes

    def workbook(self, headers, rows):
        """The .xlsx file: the sheet "Rates", then the "Guide"."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet = book.add_worksheet("Rates")
        sheet.freeze_panes(1, 0)
        notes = self._header_notes(headers)
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, max(9, len(header) + 2))
            if notes.get(col):
                sheet.write_comment(0, col, notes[col], {"x_scale": 2, "y_scale": 2})
        for index, cells in enumerate(rows, 1):
            for col, value in enumerate(cells):
                if value is None or value is False:
                    continue
                if isinstance(value, date):
                    sheet.write_datetime(index, col, value, day)
                elif isinstance(value, int | float):
                    sheet.write_number(index, col, value)
                else:
                    sheet.write_string(index, col, str(value))
        last = max(len(rows), 500)
        for fname, choices in SELECTIONS.items():
            col = headers.index(FIELD_HEADERS[fname])
            sheet.data_validation(
                1,
                col,
                last,
                col,
                {
                    "validate": "list",
                    "source": [key for key, _label in choices],
                    "error_type": "warning",
                },
            )
        self._write_guide(book, bold)
        book.close()
        return output.getvalue()

    def _write_guide(self, book, bold):
        sheet = book.add_worksheet("Guide")
        title = book.add_format({"bold": True, "font_size": 14})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 12)
        sheet.set_column(2, 2, 100)
        sheet.write(0, 0, self.env._("How to fill in the rate sheet"), title)
        line = 2
        for text in self._guide_intro():
            sheet.write(line, 0, text)
            line += 1
        line += 1
        sheet.write_row(
            line,
            0,
            [self.env._("Column"), self.env._("Required"), self.env._("What to write")],
            bold,
        )
        line += 1
        for header, required, text in self._guide_columns():
            sheet.write(line, 0, header)
            sheet.write(line, 1, required)
            sheet.write(line, 2, text, wrap)
            line += 1
        for heading, rows in self._guide_lists():
            line += 1
            sheet.write(line, 0, heading, title)
            line += 1
            for values in rows:
                sheet.write_row(line, 0, values)
                line += 1

    def _guide_intro(self):
        return [
            self.env._(
                "One row per lane, carrier and validity. Fill in the sheet "
                "\u201cRates\u201d, save it as .xlsx (or CSV UTF-8) and import it "
                "with Freight > Rates > Import Rate Sheet."
            ),
            self.env._(
                "Every row is checked before anything is written: when a cell is "
                "wrong, nothing is imported and the wizard lists every problem "
                "with its row, column and value."
            ),
            self.env._(
                "Leave Rate No. empty to create a rate; give the number of an "
                "existing rate to update it (what Export Rate Sheet writes). An "
                "empty price cell means no price: on an update, it removes that "
                "price. Columns you delete are left as they are."
            ),
            self.env._(
                "Dates: an Excel date, YYYY-MM-DD or DD/MM/YYYY. Numbers: 1250.50 "
                "or 1,250.50 (1.250,50 in a semicolon CSV). Empty rows are skipped."
            ),
        ]

    def _guide_columns(self):
        yes, no = self.env._("yes"), self.env._("no")
        texts = dict(self._field_texts())
        rows = [
            (header, yes if fname in REQUIRED_FIELDS else no, texts[fname])
            for fname, header in FIELD_COLUMNS
        ]
        prices = dict(self._price_texts())
        headers = {
            "container": "20GP, 40GP, 40HC ...",
            "per_trip": TRIP_HEADER,
            "per_cbm": LCL_HEADERS["per_cbm"],
            "per_wm": LCL_HEADERS["per_wm"],
            "lcl_min": LCL_MIN_HEADER,
            "break": "MIN, -45 ... +1000",
            "charge": self.env._("Surcharges"),
        }
        return rows + [(headers[key], no, text) for key, text in prices.items()]

    def _field_texts(self):
        """[(field, what to write in its column)]."""
        texts = {
            "name": self.env._(
                "Number of the rate to update (BR26-000123); empty for a new rate."
            ),
            "mode": self.env._(
                "sea_fcl, sea_lcl, air or trucking (FCL, LCL and AIR are read too)."
            ),
            "direction": self.env._(
                "export (default), import, cross_trade or domestic."
            ),
            "carrier_id": self.env._(
                "SCAC of the shipping line (MAEU), IATA code of the airline (VN) or "
                "exact name. A rate needs a Carrier or a Bought From."
            ),
            "vendor_id": self.env._(
                "Exact name of the co-loader or agent the rate is bought from."
            ),
            "origin_id": self.env._(
                "UN/LOCODE (VNCLI); IATA code for an airport (SGN). When a code "
                "names a port and a depot, add the kind: VNDVU ICD."
            ),
            "destination_id": self.env._("As Origin."),
            "transshipment_id": self.env._(
                "Transshipment port or airport, as Origin; empty for a direct service."
            ),
            "cargo_type": self.env._("general (default), reefer or dangerous."),
            "commodity": self.env._(
                "What the rate is for, when it is commodity-bound."
            ),
            "rate_type": self.env._("contract (default), spot or named_account."),
            "named_customer_id": self.env._(
                "Exact name of the customer of a named-account rate."
            ),
            "currency_id": self.env._(
                "ISO code of the currency of the prices (USD if empty)."
            ),
            "valid_from": self.env._("First day of validity."),
            "valid_to": self.env._(
                "Last day of validity. A rate that has already ended is imported "
                "as expired."
            ),
            "transit_days": self.env._("Transit time in days."),
            "frequency": self.env._(
                "daily, several_weekly, weekly, fortnightly, monthly or on_request."
            ),
            "free_dem_days": self.env._("Free demurrage days at the terminal."),
            "free_det_days": self.env._(
                "Free detention days with the container outside."
            ),
            "reference": self.env._("Contract or reference number of the carrier."),
            "remarks": self.env._("Free text."),
            "supersede": self.env._(
                "Y: the new rate replaces the active rate it overlaps, which then "
                "ends the day before; without it, an overlapping rate is refused."
            ),
        }
        return list(texts.items())

    def _price_texts(self):
        """[(kind of price column, what to write in it)]."""
        return [
            (
                "container",
                self.env._(
                    "FCL and trucking: the freight per container of that type, one "
                    "column per container type."
                ),
            ),
            ("per_trip", self.env._("Trucking: the price per trip.")),
            ("per_cbm", self.env._("LCL: the freight per CBM.")),
            ("per_wm", self.env._("LCL: the freight per W/M (1 CBM = 1,000 kg).")),
            ("lcl_min", self.env._("LCL: the minimum charge.")),
            (
                "break",
                self.env._(
                    "Air: the minimum charge, then the price per chargeable kg of "
                    "each weight break; a heavier break cannot cost more per kg."
                ),
            ),
            (
                "charge",
                self.env._(
                    "One column per charge code (BAF), optionally followed by a "
                    "container type (THCO 20GP), a currency in brackets when it is "
                    "not the rate's (DOC (VND)), a unit after a slash when it is "
                    "not the charge's default (DOC /BL), and excl for a charge "
                    "paid separately, not in the all-in (THCD 20GP excl)."
                ),
            ),
        ]

    def _guide_lists(self):
        env = self.env
        units = dict(CHARGE_UNITS)
        charges = env["freight.charge.type"].search_fetch(
            [], ["code", "name", "default_unit"]
        )
        containers = env["freight.container.type"].search_fetch([], ["code", "name"])
        rate_fields = env["freight.rate"]._fields

        def selection(fname):
            return rate_fields[fname]._description_selection(env)

        return [
            (self.env._("Modes"), selection("mode")),
            (self.env._("Directions"), selection("direction")),
            (self.env._("Cargo types"), selection("cargo_type")),
            (self.env._("Rate types"), selection("rate_type")),
            (self.env._("Frequencies"), selection("frequency")),
            (self.env._("Container types"), [(c.code, c.name) for c in containers]),
            (
                self.env._("Charge codes"),
                [(c.code, c.name, units.get(c.default_unit, "")) for c in charges],
            ),
            (
                self.env._("Units (after a slash)"),
                [("/" + token, units[unit]) for unit, token in UNIT_TOKENS.items()],
            ),
            (
                self.env._("Air weight breaks"),
                [
                    (header, dict(WEIGHT_BREAKS)[wb])
                    for wb, header in BREAK_HEADERS.items()
                ],
            ),
        ]
