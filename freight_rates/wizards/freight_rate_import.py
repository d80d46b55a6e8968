# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rate-sheet import and export.

A rate sheet has one row per lane x carrier x validity: the rate's own
columns (Mode, Carrier, Origin, ...), then one column per price: container
types, LCL units, air weight breaks and surcharges. The whole sheet is
checked before anything is written; at the first problem nothing is written
and the wizard lists every problem with its row, column and value. Export
writes the same format, so that exporting then importing changes nothing.
"""

import base64
import csv
import io
import math
import re
from collections import defaultdict, namedtuple
from datetime import date, datetime

import openpyxl
import xlsxwriter
from openpyxl.utils.datetime import from_excel

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, split_every

from odoo.addons.freight_crm.models.freight_selection import (
    CHARGE_UNITS,
    DIRECTIONS,
    MODE_PORT_KINDS,
    PORT_KINDS,
)

from ..models.freight_rate import (
    CARGO_TYPES,
    FREQUENCIES,
    MODE_CARRIER_KINDS,
    RATE_MODES,
    RATE_TYPES,
    VENDOR_KINDS,
)
from ..models.freight_rate_line import WEIGHT_BREAKS

# The rate's own columns, in the order of the sheet: (field, header).
FIELD_COLUMNS = [
    ("name", "Rate No."),
    ("mode", "Mode"),
    ("direction", "Direction"),
    ("carrier_id", "Carrier"),
    ("vendor_id", "Bought From"),
    ("origin_id", "Origin"),
    ("destination_id", "Destination"),
    ("transshipment_id", "Via"),
    ("cargo_type", "Cargo Type"),
    ("commodity", "Commodity"),
    ("rate_type", "Rate Type"),
    ("named_customer_id", "Named Account"),
    ("currency_id", "Currency"),
    ("valid_from", "Valid From"),
    ("valid_to", "Valid To"),
    ("transit_days", "Transit Days"),
    ("frequency", "Frequency"),
    ("free_dem_days", "Free Dem"),
    ("free_det_days", "Free Det"),
    ("reference", "Reference"),
    ("remarks", "Remarks"),
    ("supersede", "Supersede"),
]
FIELD_HEADERS = dict(FIELD_COLUMNS)
FIELD_ORDER = {fname: index for index, (fname, _header) in enumerate(FIELD_COLUMNS)}
# What a new rate cannot do without.
REQUIRED_FIELDS = ("mode", "origin_id", "destination_id", "valid_from", "valid_to")
# Other spellings accepted for those headers (compared in lower case, letters
# and digits only).
HEADER_ALIASES = {
    "rate": "name",
    "ratenumber": "name",
    "transportmode": "mode",
    "shippingline": "carrier_id",
    "airline": "carrier_id",
    "coloader": "vendor_id",
    "vendor": "vendor_id",
    "pol": "origin_id",
    "aol": "origin_id",
    "pod": "destination_id",
    "aod": "destination_id",
    "transshipment": "transshipment_id",
    "namedcustomer": "named_customer_id",
    "transittime": "transit_days",
    "transittimedays": "transit_days",
    "freedemurrage": "free_dem_days",
    "freedemurragedays": "free_dem_days",
    "freedetention": "free_det_days",
    "freedetentiondays": "free_det_days",
    "contract": "reference",
    "contractreferenceno": "reference",
}
SELECTIONS = {
    "mode": RATE_MODES,
    "direction": DIRECTIONS,
    "cargo_type": CARGO_TYPES,
    "rate_type": RATE_TYPES,
    "frequency": FREQUENCIES,
}
# Short forms of selection values the trade writes.
SELECTION_ALIASES = {
    "mode": {
        "fcl": "sea_fcl",
        "lcl": "sea_lcl",
        "truck": "trucking",
        "road": "trucking",
    },
    "cargo_type": {"gc": "general", "rf": "reefer", "dg": "dangerous"},
    "rate_type": {"na": "named_account", "nac": "named_account"},
}
# What an empty cell means for a selection (the rate's default).
SELECTION_DEFAULTS = {
    "direction": "export",
    "cargo_type": "general",
    "rate_type": "contract",
    "frequency": False,
}
M2O_FIELDS = (
    "carrier_id",
    "vendor_id",
    "origin_id",
    "destination_id",
    "transshipment_id",
    "named_customer_id",
    "currency_id",
)
TEXT_FIELDS = ("commodity", "reference", "remarks")
DAY_FIELDS = ("transit_days", "free_dem_days", "free_det_days")
# The rate fields an import writes (all the field columns but the number).
RATE_FIELDS = [fname for fname, _header in FIELD_COLUMNS[1:-1]]

# Price columns other than container types and surcharges.
TRIP_HEADER = "TRIP"
LCL_HEADERS = {"per_cbm": "LCL/CBM", "per_wm": "LCL W/M"}
LCL_MIN_HEADER = "LCL MIN"
BREAK_HEADERS = {
    "min": "MIN",
    "m45": "-45",
    "p45": "+45",
    "p100": "+100",
    "p300": "+300",
    "p500": "+500",
    "p1000": "+1000",
}
# The unit of a surcharge, written after a slash in its header when it is not
# the charge type's default unit: "DOC /BL".
UNIT_TOKENS = {
    "per_container": "CNTR",
    "per_shipment": "SHPT",
    "per_bill": "BL",
    "per_kg": "KG",
    "per_chargeable_kg": "CHW",
    "per_cbm": "CBM",
    "per_wm": "WM",
    "per_trip": "TRIP",
}
EXCLUDED_TOKENS = ("EXCL", "EXCLUDED", "(EXCL)")
# Surcharge columns of the blank template (those whose charge type exists).
TEMPLATE_CHARGES = [
    "BAF",
    "LSS",
    "THCO 20GP",
    "THCO 40GP",
    "THCO 40HC",
    "SEAL",
    "DOC",
    "THCD 20GP excl",
    "THCD 40GP excl",
    "THCD 40HC excl",
    "CFS",
    "FSC",
    "SSC",
    "AWB",
]
PORT_KIND_TOKENS = {
    "SEAPORT": "seaport",
    "SEA": "seaport",
    "PORT": "seaport",
    "AIRPORT": "airport",
    "AIR": "airport",
    "ICD": "icd",
    "DEPOT": "icd",
    "RAIL": "rail",
}
TRUE_WORDS = ("y", "yes", "x", "1", "true", "có", "co")
FALSE_WORDS = ("n", "no", "0", "false", "không", "khong")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
# Rates created per ORM call: large enough to batch the queries, small
# enough to keep the cache of one batch in memory.
CREATE_BATCH = 1000

# One column of the sheet. kind: field (key: the field name), freight (key:
# the price's line key, modes: the modes it prices), lcl_min, charge (key:
# the surcharge's line key).
Column = namedtuple("Column", "index header kind key modes")


class _CellError(Exception):
    """A cell the import cannot take; the message says why."""


def _norm(text):
    return re.sub(r"[^0-9a-z]", "", str(text).lower())


def _is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value):
    """A cell as the user sees it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _to_date(value):
    """A date from an xlsx date, an Excel serial number or a text date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return from_excel(value).date()
        raise ValueError(value)
    text = str(value).strip()
    if len(text) > 10 and text[10] in " T":
        text = text[:10]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def _line_key(line, rate_currency_id, default_units):
    """How the sheet names a price line (see Column.key)."""
    if line["line_type"] == "freight":
        return (
            "freight",
            line["container_type_id"] or False,
            line["weight_break"] or False,
            line["unit"],
        )
    charge = line["charge_type_id"]
    return (
        "charge",
        charge,
        line["container_type_id"] or False,
        None if line["currency_id"] == rate_currency_id else line["currency_id"],
        None if line["unit"] == default_units.get(charge) else line["unit"],
        bool(line["included"]),
    )


class _Row:
    """One sheet row: where it is, what it says, what it will write."""

    __slots__ = (
        "number",
        "rate",
        "old",
        "old_lines",
        "vals",
        "prices",
        "lcl_min",
        "supersede",
        "supersedes_id",
        "ok",
        "rule",
        "price_cells",
    )

    def __init__(self, number):
        self.number = number
        self.rate = None  # the rate the row updates (Rate No.)
        self.old = {}  # that rate's values, as the sheet writes them
        self.old_lines = {}  # its prices: {line key: line values}
        self.vals = {}  # the rate's values after the import
        self.prices = {}  # {line key: (amount, column, cell)} of the row's cells
        self.lcl_min = None  # the LCL minimum, when the sheet has the column
        self.supersede = False
        self.supersedes_id = False
        self.ok = True  # no problem in its cells
        self.rule = None  # its values, as freight.rate._rate_problems() checks
        self.price_cells = []  # (column, cell) of each of rule's prices


class _RateSheet:
    """Reads, checks and writes rate sheets; writes them for export.

    Master data (ports, carriers, charges, currencies, container types) is
    read once, one query each, so that every cell is checked against
    dictionaries whatever the number of rows.
    """

    def __init__(self, env):
        self.env = env
        self.errors = []
        self.decimal_comma = False
        self.columns = []
        self.field_columns = {}
        self._selection_maps = {}
        self._load_master_data()

    # ------------------------------------------------------------------
    # Master data
    # ------------------------------------------------------------------
    def _load_master_data(self):
        env = self.env
        self.ports = {}  # id: (code, iata, kind)
        self.ports_by_code = defaultdict(dict)  # code: {kind: id}
        self.airports_by_iata = {}
        for port in env["freight.port"].search_fetch(
            [], ["code", "iata_code", "kind"], order="id"
        ):
            self.ports[port.id] = (port.code, port.iata_code, port.kind)
            self.ports_by_code[port.code][port.kind] = port.id
            if port.kind == "airport" and port.iata_code:
                self.airports_by_iata.setdefault(port.iata_code, port.id)
        self.partners = {}  # id: (name, carrier kind)
        self.carriers_by_code = defaultdict(list)  # SCAC / airline code: [ids]
        self.carriers_by_name = defaultdict(list)  # lower-case name: [ids]
        self.carrier_codes = {}  # id: the code the sheet writes for it
        for partner in env["res.partner"].search_fetch(
            [("freight_carrier_kind", "!=", False)],
            ["name", "freight_carrier_kind", "scac_code", "airline_iata_code"],
            order="id",
        ):
            self._add_partner(partner)
        currencies = (
            env["res.currency"]
            .with_context(active_test=False)
            .search_fetch([], ["name", "active", "rounding"])
        )
        self.currencies = {c.name.upper(): c.id for c in currencies}
        self.currency_names = {c.id: c.name for c in currencies}
        self.active_currencies = {c.id for c in currencies if c.active}
        self.roundings = {c.id: c.rounding for c in currencies}
        self.containers = {}  # code: id
        self.container_codes = {}  # id: code
        self.active_containers = []  # ids, in the order of the sheet
        for container in (
            env["freight.container.type"]
            .with_context(active_test=False)
            .search_fetch([], ["code", "active", "sequence"])
        ):
            self.containers[container.code.upper()] = container.id
            self.container_codes[container.id] = container.code
            if container.active:
                self.active_containers.append(container.id)
        self.charges = {}  # code: id
        self.charge_codes = {}  # id: code
        self.charge_units = {}  # id: default unit
        self.charge_order = {}  # id: position
        for position, charge in enumerate(
            env["freight.charge.type"]
            .with_context(active_test=False)
            .search_fetch([], ["code", "default_unit", "active", "sequence"])
        ):
            if charge.active:
                self.charges[charge.code.upper()] = charge.id
            self.charge_codes[charge.id] = charge.code
            self.charge_units[charge.id] = charge.default_unit
            self.charge_order[charge.id] = position
        self.default_currency_id = env["freight.rate"]._default_currency_id().id
        Line = env["freight.rate.line"]
        self.freight_charges = {
            mode: Line._default_freight_charge(mode).id for mode, _label in RATE_MODES
        }

    def _add_partner(self, partner):
        self.partners[partner.id] = (partner.name, partner.freight_carrier_kind)
        self.carriers_by_name[partner.name.strip().lower()].append(partner.id)
        code = False
        if partner.scac_code and partner.freight_carrier_kind == "shipping_line":
            code = partner.scac_code.upper()
        elif partner.airline_iata_code and partner.freight_carrier_kind == "airline":
            code = partner.airline_iata_code.upper()
        if code:
            self.carriers_by_code[code].append(partner.id)
            self.carrier_codes[partner.id] = code

    def _load_named_accounts(self, names):
        """The customers named in the sheet, by their exact name (any case)."""
        self.accounts_by_name = defaultdict(list)
        self.account_names = {}
        if not names:
            return
        Partner = self.env["res.partner"]
        base = [("is_company", "=", True), ("freight_carrier_kind", "=", False)]
        found = Partner.search_fetch(base + [("name", "in", list(names))], ["name"])
        missing = {n.lower() for n in names} - {p.name.lower() for p in found}
        for chunk in split_every(200, sorted(missing)):
            domain = ["|"] * (len(chunk) - 1)
            for name in chunk:
                pattern = re.sub(r"([\\%_])", r"\\\1", name)
                domain.append(("name", "=ilike", pattern))
            found |= Partner.search_fetch(base + domain, ["name"])
        for partner in found:
            self.accounts_by_name[partner.name.strip().lower()].append(partner.id)
            self.account_names[partner.id] = partner.name

    # ------------------------------------------------------------------
    # Reading the file
    # ------------------------------------------------------------------
    def _read(self, content):
        """[(row number as the user sees it, [cell values])]."""
        if content[:4] == b"PK\x03\x04":
            return self._read_xlsx(content)
        if content[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise UserError(
                self.env._(
                    "This is an old Excel file (.xls): save it as .xlsx or .csv "
                    "and import it again."
                )
            )
        return self._read_csv(content)

    def _read_xlsx(self, content):
        try:
            book = openpyxl.load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
        except Exception as exc:  # openpyxl raises many kinds on a bad file
            raise UserError(
                self.env._("The file cannot be read as an .xlsx workbook: %s", exc)
            ) from exc
        try:
            sheet = book["Rates"] if "Rates" in book.sheetnames else book.worksheets[0]
            sheet.reset_dimensions()
            return [
                (number, list(values))
                for number, values in enumerate(sheet.iter_rows(values_only=True), 1)
            ]
        finally:
            book.close()

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(
                self.env._(
                    "The CSV file is not in UTF-8: save it from Excel as "
                    "\u201cCSV UTF-8\u201d, or import the .xlsx file."
                )
            ) from exc
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        # A semicolon CSV comes from a spreadsheet that writes decimal commas.
        self.decimal_comma = delimiter == ";"
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return list(enumerate(reader, 1))

    # ------------------------------------------------------------------
    # Errors
    # ------------------------------------------------------------------
    def _error(self, number, column, value, message):
        """Record a problem; column is a Column, a field name or a header."""
        if isinstance(column, Column):
            header, position = column.header, column.index
        else:
            header = FIELD_HEADERS.get(column, column or "")
            found = self._column_of(column)
            position = found.index if found else FIELD_ORDER.get(column, -1)
            header = found.header if found else header
        self.errors.append((number, position, header, _text(value)[:250], message))

    def _column_of(self, fname):
        return self.field_columns.get(fname)

    def sorted_errors(self):
        return sorted(self.errors, key=lambda e: (e[0], e[1]))

    # ------------------------------------------------------------------
    # Header
    # ------------------------------------------------------------------
    def _find_header(self, rows):
        """The first row that names a column of the template (a title may
        come above it)."""
        known = {_norm(header) for _fname, header in FIELD_COLUMNS}
        known |= set(HEADER_ALIASES)
        for number, cells in rows[:20]:
            if any(not _is_empty(cell) and _norm(cell) in known for cell in cells):
                return number, cells
        raise UserError(
            self.env._(
                "No header row found: the first row of the sheet must hold the "
                "column names of the template (Mode, Carrier, Origin, ...). "
                "Download the template from the import wizard."
            )
        )

    def _parse_header(self, number, cells):
        columns, seen = [], {}
        for index, cell in enumerate(cells):
            if _is_empty(cell):
                continue
            header = _text(cell)
            try:
                column = self._column(index, header)
            except _CellError as exc:
                column = Column(index, header, "unknown", None, ())
                self._error(number, column, header, str(exc))
                continue
            marker = column.key if column.kind != "lcl_min" else "lcl_min"
            if marker in seen:
                self._error(
                    number,
                    column,
                    header,
                    self.env._(
                        "This column is already in the sheet (%s).", seen[marker]
                    ),
                )
                continue
            seen[marker] = header
            columns.append(column)
        self.columns = columns
        self.field_columns = {c.key: c for c in columns if c.kind == "field"}
        self.price_columns = [c for c in columns if c.kind != "field"]
        # The mode first: ports and carriers are read for the mode.
        self.parse_order = sorted(
            (c for c in self.field_columns.values() if c.key != "name"),
            key=lambda c: (c.key != "mode", c.index),
        )
        self.file_keys = {c.key for c in columns if c.kind in ("freight", "charge")}

    def _column(self, index, header):
        """The Column a header names; _CellError when it names none."""
        norm = _norm(header)
        fname = HEADER_ALIASES.get(norm) or next(
            (f for f, h in FIELD_COLUMNS if _norm(h) == norm or f == header), None
        )
        if fname:
            return Column(index, header, "field", fname, ())
        compact = re.sub(r"\s+", "", header.upper())
        if compact.endswith("KG") and compact[:1] in "+-":
            compact = compact[:-2]
        if compact in self.containers:
            key = ("freight", self.containers[compact], False, "per_container")
            return Column(index, header, "freight", key, ("sea_fcl", "trucking"))
        if compact in ("TRIP", "PERTRIP"):
            key = ("freight", False, False, "per_trip")
            return Column(index, header, "freight", key, ("trucking",))
        for unit, lcl_header in LCL_HEADERS.items():
            spelling = lcl_header.replace(" ", "")
            if compact in (spelling, spelling.replace("/", "")):
                key = ("freight", False, False, unit)
                return Column(index, header, "freight", key, ("sea_lcl",))
        if compact in ("LCLMIN", "LCLMINIMUM"):
            return Column(index, header, "lcl_min", None, ("sea_lcl",))
        for weight_break, break_header in BREAK_HEADERS.items():
            if compact == break_header or (
                weight_break == "min" and compact == "MINIMUM"
            ):
                unit = "per_shipment" if weight_break == "min" else "per_chargeable_kg"
                key = ("freight", False, weight_break, unit)
                return Column(index, header, "freight", key, ("air",))
        return Column(index, header, "charge", self._charge_key(header), ())

    def _charge_key(self, header):
        """A surcharge column: CODE [container] [(currency)] [/unit] [excl]."""
        tokens = header.replace("(", " (").split()
        charge = self.charges.get(tokens[0].upper())
        if not charge:
            raise _CellError(
                self.env._(
                    "Unknown column: not a column of the template, a container "
                    "type or a charge code (see the Guide sheet of the template)."
                )
            )
        container = currency = unit = None
        included = True
        for token in tokens[1:]:
            upper = token.upper()
            if upper in EXCLUDED_TOKENS:
                included = False
            elif upper.startswith("(") and upper.endswith(")"):
                currency = self.currencies.get(upper[1:-1])
                if not currency or currency not in self.active_currencies:
                    raise _CellError(
                        self.env._(
                            "Unknown or inactive currency %s in the header.", token
                        )
                    )
            elif upper.startswith("/"):
                unit = next(
                    (u for u, t in UNIT_TOKENS.items() if upper[1:] in (t, u.upper())),
                    None,
                )
                if not unit:
                    raise _CellError(
                        self.env._(
                            "Unknown unit %(unit)s: use one of %(units)s.",
                            unit=token,
                            units=", ".join("/" + t for t in UNIT_TOKENS.values()),
                        )
                    )
            elif upper in self.containers:
                container = self.containers[upper]
            else:
                raise _CellError(
                    self.env._(
                        "%(word)s in a surcharge header is neither a container "
                        "type, a currency in brackets, a /unit nor \u201cexcl\u201d.",
                        word=token,
                    )
                )
        if unit == self.charge_units[charge]:
            unit = None
        return ("charge", charge, container or False, currency, unit, included)

    def _charge_header(self, key):
        _kind, charge, container, currency, unit, included = key
        parts = [self.charge_codes[charge]]
        if container:
            parts.append(self.container_codes[container])
        if currency:
            parts.append(f"({self.currency_names[currency]})")
        if unit:
            parts.append("/" + UNIT_TOKENS[unit])
        if not included:
            parts.append("excl")
        return " ".join(parts)

    # ------------------------------------------------------------------
    # Cells
    # ------------------------------------------------------------------
    def _number(self, value):
        """A float, None for an empty cell; ValueError if not a number."""
        if _is_empty(value):
            return None
        if isinstance(value, bool):
            raise ValueError(value)
        if isinstance(value, int | float):
            number = float(value)
        else:
            text = str(value).strip().replace("\xa0", "").replace(" ", "")
            if "," in text and "." in text:
                if text.rfind(",") > text.rfind("."):
                    text = text.replace(".", "").replace(",", ".")
                else:
                    text = text.replace(",", "")
            elif "," in text:
                if self.decimal_comma or not THOUSANDS_RE.match(text):
                    text = text.replace(",", ".")
                else:
                    text = text.replace(",", "")
            number = float(text)
        if not math.isfinite(number):
            raise ValueError(value)
        return number

    def _price(self, value):
        try:
            number = self._number(value)
        except ValueError as exc:
            raise _CellError(self.env._("Not a number.")) from exc
        return number

    def _selection(self, fname, value):
        choices = self._selection_maps.get(fname)
        if choices is None:
            field = self.env["freight.rate"]._fields[fname]
            labels = field._description_selection(self.env)
            choices = {}
            for key, label in [*SELECTIONS[fname], *labels]:
                choices[_norm(key)] = key
                choices[_norm(label)] = key
            choices.update(SELECTION_ALIASES.get(fname, {}))
            self._selection_maps[fname] = choices
        key = choices.get(_norm(value))
        if not key:
            raise _CellError(
                self.env._(
                    "Unknown value: use one of %s.",
                    ", ".join(key for key, _label in SELECTIONS[fname]),
                )
            )
        return key

    def _port(self, value, mode):
        """A port id from a UN/LOCODE or an IATA airport code, optionally
        followed by the kind when a code names several places: VNDVU ICD."""
        text = _text(value).upper().split(" - ")[0]
        words = re.findall(r"[A-Z0-9]+", text)
        hint = None
        if len(words) == 2 and words[1] in PORT_KIND_TOKENS:
            hint = PORT_KIND_TOKENS[words[1]]
        elif len(words) != 1:
            raise _CellError(
                self.env._("Not a port code: write a UN/LOCODE such as VNCLI.")
            )
        code = words[0]
        if len(code) == 3 and code in self.airports_by_iata:
            places = {"airport": self.airports_by_iata[code]}
        else:
            places = self.ports_by_code.get(code, {})
        if hint:
            places = {k: v for k, v in places.items() if k == hint}
        if not places:
            raise _CellError(
                self.env._(
                    "Unknown port code: write the UN/LOCODE of the port or depot "
                    "(VNCLI) or the IATA code of the airport (SGN)."
                )
            )
        kinds = MODE_PORT_KINDS.get(mode) or [kind for kind, _label in PORT_KINDS]
        for kind in kinds:
            if kind in places:
                return places[kind]
        labels = dict(
            self.env["freight.port"]._fields["kind"]._description_selection(self.env)
        )
        raise _CellError(
            self.env._(
                "%(code)s is not a place for this mode (it names: %(kinds)s): an "
                "air rate goes from airport to airport, a sea rate from port or "
                "depot.",
                code=code,
                kinds=", ".join(labels[kind] for kind in sorted(places)),
            )
        )

    def _port_text(self, port_id, mode):
        """How the sheet writes a port, so that reading it gives it back."""
        code, iata, kind = self.ports[port_id]
        text = iata if kind == "airport" and iata else code
        if self._accepts(self._port, text, mode) == port_id:
            return text
        return f"{code} {kind.upper()}"

    def _accepts(self, parse, *args):
        """What parse reads of a value, None when it refuses it."""
        try:
            return parse(*args)
        except _CellError:
            return None

    def _partner(self, value, kinds, role):
        """A carrier or co-loader id, by SCAC, airline code or exact name."""
        text = _text(value)
        by_code = self.carriers_by_code.get(text.upper(), [])
        by_name = self.carriers_by_name.get(text.lower(), [])
        for ids in (by_code, by_name):
            fitting = [i for i in ids if self.partners[i][1] in kinds]
            if len(fitting) == 1:
                return fitting[0]
            if fitting:
                raise _CellError(
                    self.env._(
                        "Several partners are named %s: give its SCAC or airline code.",
                        text,
                    )
                )
        ids = by_code or by_name
        if ids:
            kind_labels = dict(
                self.env["res.partner"]
                ._fields["freight_carrier_kind"]
                ._description_selection(self.env)
            )
            raise _CellError(
                self.env._(
                    "%(name)s is a %(kind)s, not a %(role)s for this mode.",
                    name=self.partners[ids[0]][0],
                    kind=kind_labels.get(self.partners[ids[0]][1], ""),
                    role=role,
                )
            )
        raise _CellError(
            self.env._(
                "Unknown %(role)s: give its SCAC (shipping line), its IATA code "
                "(airline) or its exact name, as in Freight > Configuration.",
                role=role,
            )
        )

    def _carrier_text(self, partner_id, mode):
        code = self.carrier_codes.get(partner_id)
        kinds = MODE_CARRIER_KINDS.get(mode, ())
        if code and self._accepts(self._partner, code, kinds, "") == partner_id:
            return code
        return self.partners[partner_id][0]

    def _named_account(self, value):
        ids = self.accounts_by_name.get(_text(value).lower(), [])
        if len(ids) > 1:
            raise _CellError(self.env._("Several customers have this name."))
        if not ids:
            raise _CellError(
                self.env._(
                    "Unknown customer: give the exact name of the customer company."
                )
            )
        return ids[0]

    def _currency(self, value):
        currency = self.currencies.get(_text(value).upper())
        if not currency:
            raise _CellError(
                self.env._("Unknown currency: give its ISO code (USD, VND).")
            )
        if currency not in self.active_currencies:
            raise _CellError(
                self.env._(
                    "This currency is not active: activate it in Accounting first."
                )
            )
        return currency

    def _days(self, value):
        try:
            number = self._number(value)
        except ValueError as exc:
            raise _CellError(self.env._("Not a number of days.")) from exc
        if number is None:
            return 0
        if number < 0 or not float(number).is_integer():
            raise _CellError(self.env._("Write a whole number of days, 0 or more."))
        return int(number)

    def _flag(self, value):
        text = _text(value).lower()
        if text in TRUE_WORDS:
            return True
        if not text or text in FALSE_WORDS:
            return False
        raise _CellError(self.env._("Write Y to supersede, or leave it empty."))

    def _date(self, value):
        try:
            return _to_date(value)
        except (TypeError, ValueError, OverflowError) as exc:
            raise _CellError(
                self.env._("Not a date: write YYYY-MM-DD or DD/MM/YYYY.")
            ) from exc

    # ------------------------------------------------------------------
    # Import
    # ------------------------------------------------------------------
    def import_sheet(self, content, activate=True):
        """Check the whole sheet; write it only when there is no problem.

        Returns {created, updated, unchanged: recordsets}, or None when
        self.errors lists problems (then nothing was written).
        """
        data = self._read(content)
        header_number, header = self._find_header(data)
        self._parse_header(header_number, header)
        self.activate = activate
        self.company_id = self.env.company.id
        body = [
            (number, cells)
            for number, cells in data
            if number > header_number and not all(_is_empty(c) for c in cells)
        ]
        self._preload(body)
        self._check_missing_columns(header_number, body)
        rows = [self._parse_row(number, cells) for number, cells in body]
        rows = [row for row in rows if row]
        self._check_rules(rows)
        if self.errors:
            return None
        if not rows:
            raise UserError(self.env._("The sheet has no rates under its header."))
        return self._write(rows)

    def _cell(self, cells, column):
        return cells[column.index] if column.index < len(cells) else None

    def _preload(self, body):
        """The rates the sheet updates and the customers it names, at once."""
        name_column = self.field_columns.get("name")
        account_column = self.field_columns.get("named_customer_id")
        names, accounts = {}, set()
        for number, cells in body:
            if name_column and not _is_empty(self._cell(cells, name_column)):
                name = _text(self._cell(cells, name_column))
                if name in names:
                    self._error(
                        number,
                        name_column,
                        name,
                        self.env._(
                            "Rate %(rate)s is already on row %(row)s.",
                            rate=name,
                            row=names[name],
                        ),
                    )
                else:
                    names[name] = number
            if account_column and not _is_empty(self._cell(cells, account_column)):
                accounts.add(_text(self._cell(cells, account_column)))
        self._load_named_accounts(accounts)
        self.rates_by_name = {}
        if names:
            rates = (
                self.env["freight.rate"]
                .with_context(active_test=False)
                .search_fetch(
                    [("name", "in", list(names))],
                    [*RATE_FIELDS, "name", "company_id", "state", "active"],
                )
            )
            for rate in rates:
                self.rates_by_name.setdefault(rate.name, rate)
            self._load_rate_lines(rates)

    def _load_rate_lines(self, rates):
        self.lines_by_rate = defaultdict(dict)
        lines = self.env["freight.rate.line"].search_fetch(
            [("rate_id", "in", rates.ids)],
            [
                "rate_id",
                "line_type",
                "charge_type_id",
                "container_type_id",
                "weight_break",
                "unit",
                "currency_id",
                "amount",
                "minimum_amount",
                "included",
            ],
            order="rate_id, line_type, sequence, id",
        )
        currencies = {rate.id: rate.currency_id.id for rate in rates}
        for line in lines:
            values = self._line_values(line)
            key = _line_key(values, currencies[values["rate_id"]], self.charge_units)
            self.lines_by_rate[values["rate_id"]].setdefault(key, values)

    def _line_values(self, line):
        return {
            "id": line.id,
            "rate_id": line.rate_id.id,
            "line_type": line.line_type,
            "charge_type_id": line.charge_type_id.id,
            "container_type_id": line.container_type_id.id,
            "weight_break": line.weight_break,
            "unit": line.unit,
            "currency_id": line.currency_id.id,
            "amount": line.amount,
            "minimum_amount": line.minimum_amount,
            "included": line.included,
        }

    def _rate_values(self, rate):
        vals = {"company_id": rate.company_id.id}
        for fname in RATE_FIELDS:
            value = rate[fname]
            if fname in M2O_FIELDS:
                value = value.id or False
            elif fname in TEXT_FIELDS:
                value = value or False
            vals[fname] = value
        return vals

    def _parse_row(self, number, cells):
        row = _Row(number)
        name_column = self.field_columns.get("name")
        name = name_column and _text(self._cell(cells, name_column))
        if name:
            row.rate = self.rates_by_name.get(name)
            if not row.rate:
                self._error(
                    number,
                    name_column,
                    name,
                    self.env._(
                        "No rate has this number: leave Rate No. empty to create "
                        "a new rate."
                    ),
                )
                return None
            row.old = self._rate_values(row.rate)
            row.old_lines = self.lines_by_rate.get(row.rate.id, {})
            row.vals = dict(row.old)
        else:
            row.vals = dict(
                SELECTION_DEFAULTS,
                company_id=self.company_id,
                currency_id=self.default_currency_id,
                transit_days=0,
                free_dem_days=0,
                free_det_days=0,
            )
        before = len(self.errors)
        self._parse_fields(row, cells)
        self._parse_prices(row, cells)
        row.ok = len(self.errors) == before
        # A new row without the columns of a new rate is reported once, at
        # the header: it cannot be checked further.
        complete = row.rate or not self.missing_columns
        return row if complete and row.vals.get("mode") else None

    def _parse_fields(self, row, cells):
        for column in self.parse_order:
            fname = column.key
            value = self._cell(cells, column)
            try:
                if _is_empty(value):
                    parsed = self._empty_value(row, fname)
                else:
                    parsed = self._parse_value(row, fname, value)
            except _CellError as exc:
                self._error(row.number, column, value, str(exc))
                continue
            if fname == "supersede":
                row.supersede = parsed
            else:
                row.vals[fname] = parsed

    def _empty_value(self, row, fname):
        if fname in REQUIRED_FIELDS:
            raise _CellError(self.env._("Required: a rate cannot do without it."))
        if fname in SELECTION_DEFAULTS:
            return SELECTION_DEFAULTS[fname]
        if fname == "currency_id":
            return self.default_currency_id
        if fname in DAY_FIELDS:
            return 0
        return False

    def _parse_value(self, row, fname, value):
        mode = row.vals.get("mode")
        if fname in SELECTIONS:
            return self._selection(fname, value)
        if fname in ("origin_id", "destination_id", "transshipment_id"):
            return self._port(value, mode)
        if fname == "carrier_id":
            kinds = MODE_CARRIER_KINDS.get(mode) or ("shipping_line", "airline")
            return self._partner(value, kinds, self.env._("carrier"))
        if fname == "vendor_id":
            return self._partner(value, VENDOR_KINDS, self.env._("co-loader or agent"))
        if fname == "named_customer_id":
            return self._named_account(value)
        if fname == "currency_id":
            return self._currency(value)
        if fname in ("valid_from", "valid_to"):
            return self._date(value)
        if fname in DAY_FIELDS:
            return self._days(value)
        if fname == "supersede":
            return self._flag(value)
        return _text(value) or False

    def _parse_prices(self, row, cells):
        mode = row.vals.get("mode")
        mode_labels = dict(RATE_MODES)
        for column in self.price_columns:
            value = self._cell(cells, column)
            if _is_empty(value):
                if column.kind == "lcl_min" and mode == "sea_lcl":
                    row.lcl_min = 0.0
                continue
            try:
                amount = self._price(value)
                if column.modes and mode not in column.modes:
                    raise _CellError(
                        self.env._(
                            "This column prices %(modes)s rates, not %(mode)s ones.",
                            modes=" / ".join(mode_labels[m] for m in column.modes),
                            mode=mode_labels.get(mode, mode or ""),
                        )
                    )
            except _CellError as exc:
                self._error(row.number, column, value, str(exc))
                continue
            if column.kind == "lcl_min":
                row.lcl_min = amount
            else:
                row.prices[column.key] = (amount, column, value)

    # ------------------------------------------------------------------
    # Row checks
    # ------------------------------------------------------------------
    def _check_rules(self, rows):
        """The rules of a rate (freight.rate._rate_problems()) on every row,
        each problem reported at its cell. A row with a cell the import could
        not read is checked for its prices only."""
        for row in rows:
            row.rule = self._rule_values(row)
        self._resolve_supersede(rows)
        problems = self.env["freight.rate"]._rate_problems([row.rule for row in rows])
        kept = self.env._(
            "The rate keeps this price: add its column with an empty cell to remove it."
        )
        for problem in problems:
            row = rows[problem.index]
            if problem.price is not None:
                cell = row.price_cells[problem.price]
                if cell:
                    self._error(row.number, cell[0], cell[1], problem.message)
                else:
                    self._error(
                        row.number,
                        "mode",
                        row.vals["mode"],
                        f"{problem.message} {kept}",
                    )
            elif not row.ok:
                continue
            elif problem.field == "supersedes_id":
                self._error(row.number, "supersede", "Y", problem.message)
            else:
                self._error(row.number, problem.field, problem.value, problem.message)

    def _rule_values(self, row):
        """The row's rate as freight.rate._rate_problems() takes it."""
        vals = dict(row.vals)
        prices, cells = [], []
        for key, line in row.old_lines.items():
            if key not in self.file_keys:
                prices.append(line)
                cells.append(None)
        for key, (amount, column, value) in row.prices.items():
            prices.append(self._new_line_vals(row, key, amount))
            cells.append((column, value))
        row.price_cells = cells
        if row.rate:
            state, active = row.rate.state, row.rate.active
        elif not row.ok or not self.activate:
            state, active = "draft", True
        elif vals["valid_to"] < fields.Date.context_today(self.env["freight.rate"]):
            # A rate that has already ended is imported as expired.
            state, active = "expired", True
        else:
            state, active = "active", True
        vals.update(
            id=row.rate.id if row.rate else False,
            label=self.env._("row %s of this sheet", row.number),
            state=state,
            active=active,
            activating=state == "active" and not row.rate,
            supersedes_id=False,
            prices=prices,
        )
        return vals

    def _check_missing_columns(self, number, body):
        self.missing_columns = False
        name_column = self.field_columns.get("name")
        if name_column and all(
            not _is_empty(self._cell(cells, name_column)) for _n, cells in body
        ):
            return  # updates only: the rates have their values
        for fname in REQUIRED_FIELDS:
            if fname not in self.field_columns:
                self.missing_columns = True
                self._error(
                    number,
                    FIELD_HEADERS[fname],
                    "",
                    self.env._("Column missing: new rates need it."),
                )
        if not {"carrier_id", "vendor_id"} & set(self.field_columns):
            self.missing_columns = True
            self._error(
                number,
                FIELD_HEADERS["carrier_id"],
                "",
                self.env._(
                    "Column missing: new rates need a Carrier or Bought From column."
                ),
            )

    # ------------------------------------------------------------------
    # Supersede
    # ------------------------------------------------------------------
    def _resolve_supersede(self, rows):
        """The active rate each Supersede row replaces: the one it overlaps.
        Whether it may replace it is the rate's rule."""
        for row in rows:
            if row.rate and row.supersede:
                self._error(
                    row.number,
                    "supersede",
                    "Y",
                    self.env._(
                        "Supersede is for new rates: this row updates %s.",
                        row.rate.name,
                    ),
                )
        wanted = [row for row in rows if row.ok and row.supersede and not row.rate]
        if not wanted:
            return
        clashes = defaultdict(list)
        for index, other in self.env["freight.rate"]._find_overlaps(
            [row.rule for row in wanted]
        ):
            if not isinstance(other, int):
                clashes[index].append(other)
        for index, row in enumerate(wanted):
            found = clashes[index]
            if len(found) > 1:
                self._error(
                    row.number,
                    "supersede",
                    "Y",
                    self.env._(
                        "Overlaps several active rates (%s): Supersede replaces "
                        "one; end the others first.",
                        ", ".join(other["name"] for other in found),
                    ),
                )
            elif found:
                row.supersedes_id = row.rule["supersedes_id"] = found[0]["id"]

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------
    def _write(self, rows):
        Rate = self.env["freight.rate"]
        result = {"created": [], "updated": [], "unchanged": []}
        line_ops = {"create": [], "write": [], "unlink": []}
        for row in rows:
            if row.rate:
                changed = self._write_update(row, line_ops)
                result["updated" if changed else "unchanged"].append(row.rate.id)
        Line = self.env["freight.rate.line"]
        for line_id, vals in line_ops["write"]:
            Line.browse(line_id).write(vals)
        if line_ops["create"]:
            Line.create(line_ops["create"])
        if line_ops["unlink"]:
            Line.browse(line_ops["unlink"]).unlink()
        new_rows = [row for row in rows if not row.rate]
        # Superseding rates first, so that the rates they end are out of the
        # way; they keep the chatter of a rate made by hand.
        superseding = [row for row in new_rows if row.supersedes_id]
        plain = [row for row in new_rows if not row.supersedes_id]
        created = []
        if superseding:
            created += Rate.create([self._create_vals(row) for row in superseding]).ids
        bulk = Rate.with_context(tracking_disable=True, mail_create_nolog=True)
        for batch in split_every(CREATE_BATCH, plain):
            created += self._bulk_create(bulk, batch).ids
        result["created"] = created
        return {kind: Rate.browse(ids) for kind, ids in result.items()}

    def _bulk_create(self, Rate, rows):
        """Create the rates of ROWS as drafts, then all their prices in one
        create(), then set their states: the rules run once per batch of
        rates rather than once per rate."""
        vals_list = []
        for row in rows:
            vals = self._create_vals(row)
            del vals["line_ids"]
            vals["state"] = "draft"
            vals_list.append(vals)
        rates = Rate.create(vals_list)
        Rate.env["freight.rate.line"].create(
            [
                dict(self._new_line_vals(row, key, amount), rate_id=rate.id)
                for rate, row in zip(rates, rows, strict=True)
                for key, (amount, *_cell) in row.prices.items()
            ]
        )
        for state in ("active", "expired"):
            rates.browse(
                [
                    rate.id
                    for rate, row in zip(rates, rows, strict=True)
                    if row.rule["state"] == state
                ]
            ).write({"state": state})
        return rates

    def _create_vals(self, row):
        vals = {f: row.vals[f] for f in RATE_FIELDS if f in row.vals}
        vals.update(
            user_id=self.env.uid,
            state=row.rule["state"],
            supersedes_id=row.supersedes_id,
            line_ids=[
                Command.create(self._new_line_vals(row, key, amount))
                for key, (amount, *_cell) in row.prices.items()
            ],
        )
        return vals

    def _new_line_vals(self, row, key, amount):
        """Every value of a new price, computed ones included, so that
        creating thousands computes nothing line by line."""
        mode, currency = row.vals["mode"], row.vals["currency_id"]
        if key[0] == "freight":
            _kind, container, weight_break, unit = key
            vals = {
                "line_type": "freight",
                "container_type_id": container,
                "weight_break": weight_break,
                "unit": unit,
                "currency_id": currency,
                "amount": amount,
                "included": True,
            }
            charge = self.freight_charges[mode]
            if mode == "sea_lcl" and row.lcl_min is not None:
                vals["minimum_amount"] = row.lcl_min
            if charge:
                vals["charge_type_id"] = charge
            return vals
        _kind, charge, container, line_currency, unit, included = key
        return {
            "line_type": "surcharge",
            "charge_type_id": charge,
            "container_type_id": container,
            "unit": unit or self.charge_units[charge],
            "currency_id": line_currency or currency,
            "amount": amount,
            "included": included,
        }

    def _write_update(self, row, line_ops):
        """Write what the row changes of its rate; whether it changed any."""
        rate = row.rate
        changes = {
            fname: value
            for fname, value in row.vals.items()
            if fname in RATE_FIELDS and value != row.old[fname]
        }
        if changes:
            rate.write(changes)
        changed = bool(changes)
        currency = row.vals["currency_id"]
        for key, (amount, *_cell) in row.prices.items():
            line = row.old_lines.get(key)
            if not line:
                line_ops["create"].append(
                    dict(self._new_line_vals(row, key, amount), rate_id=rate.id)
                )
                changed = True
                continue
            vals = self._line_changes(row, key, line, amount, currency)
            if vals:
                line_ops["write"].append((line["id"], vals))
                changed = True
        for key, line in row.old_lines.items():
            if key in self.file_keys and key not in row.prices:
                line_ops["unlink"].append(line["id"])
                changed = True
        return changed

    def _line_changes(self, row, key, line, amount, currency):
        vals = {}
        rounding = self.roundings.get(line["currency_id"], 0.01)
        if float_compare(amount, line["amount"], precision_rounding=rounding):
            vals["amount"] = amount
        if key[0] == "charge" and key[3] is None and line["currency_id"] != currency:
            vals["currency_id"] = currency
        if (
            key[0] == "freight"
            and key[3] in LCL_HEADERS
            and row.lcl_min is not None
            and float_compare(
                row.lcl_min, line["minimum_amount"] or 0.0, precision_rounding=rounding
            )
        ):
            vals["minimum_amount"] = row.lcl_min
        return vals

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
            except _CellError:
                continue  # that charge type was removed
            headers.append(header)
        return headers

    def workbook(self, headers, rows):
        """The .xlsx file: the sheet "Rates", then the "Guide"."""
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        day = book.add_format({"num_format": "yyyy-mm-dd"})
        sheet = book.add_worksheet("Rates")
        sheet.freeze_panes(1, 0)
        for col, header in enumerate(headers):
            sheet.write_string(0, col, header, bold)
            sheet.set_column(col, col, max(9, len(header) + 2))
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
        rows = [
            (header, yes if fname in REQUIRED_FIELDS else no, texts[fname])
            for fname, header in FIELD_COLUMNS
        ]
        prices = [
            (
                "20GP, 40GP, 40HC ...",
                self.env._(
                    "FCL and trucking: the freight per container of that type, one "
                    "column per container type."
                ),
            ),
            (TRIP_HEADER, self.env._("Trucking: the price per trip.")),
            (LCL_HEADERS["per_cbm"], self.env._("LCL: the freight per CBM.")),
            (
                LCL_HEADERS["per_wm"],
                self.env._("LCL: the freight per W/M (1 CBM = 1,000 kg)."),
            ),
            (LCL_MIN_HEADER, self.env._("LCL: the minimum charge.")),
            (
                "MIN, -45 ... +1000",
                self.env._(
                    "Air: the minimum charge, then the price per chargeable kg of "
                    "each weight break; a heavier break cannot cost more per kg."
                ),
            ),
            (
                self.env._("Surcharges"),
                self.env._(
                    "One column per charge code (BAF), optionally followed by a "
                    "container type (THCO 20GP), a currency in brackets when it is "
                    "not the rate's (DOC (VND)), a unit after a slash when it is "
                    "not the charge's default (DOC /BL), and excl for a charge "
                    "paid separately, not in the all-in (THCD 20GP excl)."
                ),
            ),
        ]
        return rows + [(header, no, text) for header, text in prices]

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


class FreightRateImport(models.TransientModel):
    _name = "freight.rate.import"
    _description = "Import a Rate Sheet"

    state = fields.Selection(
        [("upload", "Upload"), ("errors", "Problems Found"), ("done", "Imported")],
        default="upload",
        required=True,
        readonly=True,
    )
    file = fields.Binary(
        string="Rate Sheet",
        attachment=False,
        help="An .xlsx or .csv file in the format of the template.",
    )
    filename = fields.Char()
    activate = fields.Boolean(
        string="Activate imported rates",
        default=True,
        help="New rates are created active, ready for the rate finder; untick "
        "to create drafts to review first. Rates that have already ended are "
        "imported as expired.",
    )
    error_ids = fields.One2many(
        "freight.rate.import.error", "wizard_id", string="Problems", readonly=True
    )
    error_count = fields.Integer(compute="_compute_summary")
    created_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(readonly=True)
    unchanged_count = fields.Integer(readonly=True)
    rate_ids = fields.Many2many("freight.rate", string="Imported Rates", readonly=True)
    summary = fields.Char(compute="_compute_summary")
    download_file = fields.Binary(attachment=False, readonly=True)
    download_filename = fields.Char(readonly=True)

    @api.depends("state", "error_ids", "created_count", "updated_count")
    def _compute_summary(self):
        for wizard in self:
            wizard.error_count = len(wizard.error_ids)
            if wizard.state == "errors":
                wizard.summary = self.env._(
                    "%(count)s problems found in the sheet: nothing was imported. "
                    "Correct them and import the sheet again.",
                    count=wizard.error_count,
                )
            elif wizard.state == "done":
                wizard.summary = self.env._(
                    "%(created)s rates created, %(updated)s updated, "
                    "%(unchanged)s unchanged.",
                    created=wizard.created_count,
                    updated=wizard.updated_count,
                    unchanged=wizard.unchanged_count,
                )
            else:
                wizard.summary = False

    @api.onchange("file")
    def _onchange_file(self):
        # Another file: the problems of the previous one no longer apply.
        if self.state == "errors":
            self.error_ids = [Command.clear()]
            self.state = "upload"

    def write(self, vals):
        if "file" in vals:
            # As the onchange, for a client that writes the file directly.
            self.error_ids.unlink()
            vals = dict(vals, state="upload")
        return super().write(vals)

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the rate sheet to import."))
        self.error_ids.unlink()
        sheet = _RateSheet(self.env)
        result = None
        try:
            with self.env.cr.savepoint():
                result = sheet.import_sheet(
                    base64.b64decode(self.file), activate=self.activate
                )
        except UserError as exc:
            if not sheet.columns:
                raise  # the file itself cannot be read
            # A rule the checks above do not know of refused a rate: the
            # savepoint has undone every write, report it as a problem.
            sheet.errors.append((0, -1, "", "", str(exc)))
        if sheet.errors:
            self.env["freight.rate.import.error"].create(
                [
                    {
                        "wizard_id": self.id,
                        "row": number,
                        "column": header,
                        "value": value,
                        "message": message,
                    }
                    for number, _pos, header, value, message in sheet.sorted_errors()
                ]
            )
            self.state = "errors"
        else:
            self.write(
                {
                    "state": "done",
                    "created_count": len(result["created"]),
                    "updated_count": len(result["updated"]),
                    "unchanged_count": len(result["unchanged"]),
                    "rate_ids": [
                        Command.set((result["created"] | result["updated"]).ids)
                    ],
                }
            )
        return self._reopen()

    def action_retry(self):
        self.ensure_one()
        self.error_ids.unlink()
        self.write({"state": "upload", "file": False, "filename": False})
        return self._reopen()

    def action_download_template(self):
        self.ensure_one()
        sheet = _RateSheet(self.env)
        content = sheet.workbook(sheet.template_headers(), [])
        return self._download(content, "rate-sheet-template.xlsx")

    def action_view_rates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_rates.freight_rate_action"
        )
        action.update(
            domain=[("id", "in", self.rate_ids.ids)],
            context={"active_test": False},
            target="current",
        )
        return action

    @api.model
    def action_export_rates(self, rates):
        """Download the rates as a rate sheet (the server action of the list)."""
        self.check_access("create")
        sheet = _RateSheet(self.env)
        headers, rows = sheet.export_rows(rates.with_env(self.env))
        content = sheet.workbook(headers, rows)
        today = fields.Date.context_today(self)
        return self.create({})._download(
            content, f"rate-sheet-{today.isoformat()}.xlsx"
        )

    def _download(self, content, filename):
        self.write(
            {"download_file": base64.b64encode(content), "download_filename": filename}
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}"
            "&field=download_file&filename_field=download_filename&download=true",
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Rate Sheet"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }


class FreightRateImportError(models.TransientModel):
    _name = "freight.rate.import.error"
    _description = "Rate Sheet Problem"
    _order = "row, id"

    wizard_id = fields.Many2one(
        "freight.rate.import", required=True, ondelete="cascade"
    )
    row = fields.Integer(help="The row of the sheet, as the spreadsheet numbers it.")
    column = fields.Char()
    value = fields.Char()
    message = fields.Text(string="Problem")
