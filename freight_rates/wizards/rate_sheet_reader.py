# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading a rate sheet: the file, its header and its cells, against the
master data read once."""

import csv
import io
import math
import re
from collections import defaultdict

import openpyxl

from odoo.exceptions import UserError
from odoo.tools import split_every

from odoo.addons.freight_crm.models.freight_selection import (
    MODE_PORT_KINDS,
    PORT_KINDS,
)

from ..models.freight_rate import (
    MODE_CARRIER_KINDS,
    RATE_MODES,
)
from .rate_sheet_format import (
    BREAK_HEADERS,
    EXCLUDED_TOKENS,
    FALSE_WORDS,
    FIELD_COLUMNS,
    FIELD_HEADERS,
    FIELD_ORDER,
    HEADER_ALIASES,
    LCL_HEADERS,
    M2O_FIELDS,
    PORT_KIND_TOKENS,
    PRICE_FIELDS,
    RATE_FIELDS,
    SELECTION_ALIASES,
    SELECTIONS,
    TEXT_FIELDS,
    THOUSANDS_RE,
    TRUE_WORDS,
    UNIT_TOKENS,
    CellError,
    Column,
    cell_text,
    is_empty,
    line_key,
    norm_header,
    to_date,
)


class RateSheetReader:
    """Reads rate sheets: the file, the header, each cell.

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
        self.errors.append((number, position, header, cell_text(value)[:250], message))

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
        known = {norm_header(header) for _fname, header in FIELD_COLUMNS}
        known |= set(HEADER_ALIASES)
        for number, cells in rows[:20]:
            if any(not is_empty(cell) and norm_header(cell) in known for cell in cells):
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
            if is_empty(cell):
                continue
            header = cell_text(cell)
            try:
                column = self._column(index, header)
            except CellError as exc:
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
        """The Column a header names; CellError when it names none."""
        norm = norm_header(header)
        fname = HEADER_ALIASES.get(norm) or next(
            (f for f, h in FIELD_COLUMNS if norm_header(h) == norm or f == header), None
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
            raise CellError(
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
                    raise CellError(
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
                    raise CellError(
                        self.env._(
                            "Unknown unit %(unit)s: use one of %(units)s.",
                            unit=token,
                            units=", ".join("/" + t for t in UNIT_TOKENS.values()),
                        )
                    )
            elif upper in self.containers:
                container = self.containers[upper]
            else:
                raise CellError(
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
        if is_empty(value):
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
            raise CellError(self.env._("Not a number.")) from exc
        return number

    def _selection(self, fname, value):
        choices = self._selection_maps.get(fname)
        if choices is None:
            field = self.env["freight.rate"]._fields[fname]
            labels = field._description_selection(self.env)
            choices = {}
            for key, label in [*SELECTIONS[fname], *labels]:
                choices[norm_header(key)] = key
                choices[norm_header(label)] = key
            choices.update(SELECTION_ALIASES.get(fname, {}))
            self._selection_maps[fname] = choices
        key = choices.get(norm_header(value))
        if not key:
            raise CellError(
                self.env._(
                    "Unknown value: use one of %s.",
                    ", ".join(key for key, _label in SELECTIONS[fname]),
                )
            )
        return key

    def _port(self, value, mode):
        """A port id from a UN/LOCODE or an IATA airport code, optionally
        followed by the kind when a code names several places: VNDVU ICD."""
        text = cell_text(value).upper().split(" - ")[0]
        words = re.findall(r"[A-Z0-9]+", text)
        hint = None
        if len(words) == 2 and words[1] in PORT_KIND_TOKENS:
            hint = PORT_KIND_TOKENS[words[1]]
        elif len(words) != 1:
            raise CellError(
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
            raise CellError(
                self.env._(
                    "Unknown port code: write the UN/LOCODE of the port or depot "
                    "(VNCLI) or the IATA code of the airport (SGN)."
                )
            )
        # The place of the code that fits the mode; else the first one, that
        # the rate's rules then refuse for this mode.
        kinds = [*MODE_PORT_KINDS.get(mode, ()), *(kind for kind, _l in PORT_KINDS)]
        return next(places[kind] for kind in kinds if kind in places)

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
        except CellError:
            return None

    def _partner(self, value, kinds, role):
        """A carrier or co-loader id, by SCAC, airline code or exact name."""
        text = cell_text(value)
        by_code = self.carriers_by_code.get(text.upper(), [])
        by_name = self.carriers_by_name.get(text.lower(), [])
        for ids in (by_code, by_name):
            fitting = [i for i in ids if self.partners[i][1] in kinds]
            if len(fitting) == 1:
                return fitting[0]
            if fitting:
                raise CellError(
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
            raise CellError(
                self.env._(
                    "%(name)s is a %(kind)s, not a %(role)s for this mode.",
                    name=self.partners[ids[0]][0],
                    kind=kind_labels.get(self.partners[ids[0]][1], ""),
                    role=role,
                )
            )
        raise CellError(
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
        ids = self.accounts_by_name.get(cell_text(value).lower(), [])
        if len(ids) > 1:
            raise CellError(self.env._("Several customers have this name."))
        if not ids:
            raise CellError(
                self.env._(
                    "Unknown customer: give the exact name of the customer company."
                )
            )
        return ids[0]

    def _currency(self, value):
        currency = self.currencies.get(cell_text(value).upper())
        if not currency:
            raise CellError(
                self.env._("Unknown currency: give its ISO code (USD, VND).")
            )
        if currency not in self.active_currencies:
            raise CellError(
                self.env._(
                    "This currency is not active: activate it in Accounting first."
                )
            )
        return currency

    def _days(self, value):
        try:
            number = self._number(value)
        except ValueError as exc:
            raise CellError(self.env._("Not a number of days.")) from exc
        if number is None:
            return 0
        if not float(number).is_integer():
            raise CellError(self.env._("Write a whole number of days."))
        return int(number)

    def _flag(self, value):
        text = cell_text(value).lower()
        if text in TRUE_WORDS:
            return True
        if not text or text in FALSE_WORDS:
            return False
        raise CellError(self.env._("Write Y to supersede, or leave it empty."))

    def _date(self, value):
        try:
            return to_date(value)
        except (TypeError, ValueError, OverflowError) as exc:
            raise CellError(
                self.env._("Not a date: write YYYY-MM-DD or DD/MM/YYYY.")
            ) from exc

    def _cell(self, cells, column):
        return cells[column.index] if column.index < len(cells) else None

    def _load_rate_lines(self, rates):
        self.lines_by_rate = defaultdict(dict)
        lines = self.env["freight.rate.line"].search_fetch(
            [("rate_id", "in", rates.ids)],
            ["rate_id", *PRICE_FIELDS],
            order="rate_id, line_type, sequence, id",
        )
        currencies = {rate.id: rate.currency_id.id for rate in rates}
        for line in lines:
            values = self._line_values(line)
            key = line_key(values, currencies[values["rate_id"]], self.charge_units)
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
