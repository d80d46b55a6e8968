# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Importing a rate sheet: every row checked by the rules of a rate
(freight.rate._rate_problems()) before anything is written, then written
through the ORM in batches."""

from collections import defaultdict

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tools import float_compare, split_every

from ..models.freight_rate import (
    MODE_CARRIER_KINDS,
    RATE_MODES,
    VENDOR_KINDS,
)
from .rate_sheet_format import (
    CREATE_BATCH,
    DAY_FIELDS,
    FIELD_HEADERS,
    LCL_HEADERS,
    RATE_FIELDS,
    REQUIRED_FIELDS,
    SELECTION_DEFAULTS,
    SELECTIONS,
    CellError,
    cell_text,
    is_empty,
)
from .rate_sheet_reader import RateSheetReader


class RateSheetRow:
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
        "cells",
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
        self.cells = []  # the row's cells, as read


class RateSheetImport(RateSheetReader):
    """Checks a rate sheet, writes it when it has no problem."""

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
            if number > header_number and not all(is_empty(c) for c in cells)
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

    def _preload(self, body):
        """The rates the sheet updates and the customers it names, at once."""
        name_column = self.field_columns.get("name")
        account_column = self.field_columns.get("named_customer_id")
        names, accounts = {}, set()
        for number, cells in body:
            if name_column and not is_empty(self._cell(cells, name_column)):
                name = cell_text(self._cell(cells, name_column))
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
            if account_column and not is_empty(self._cell(cells, account_column)):
                accounts.add(cell_text(self._cell(cells, account_column)))
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

    def _parse_row(self, number, cells):
        row = RateSheetRow(number)
        row.cells = cells
        name_column = self.field_columns.get("name")
        name = name_column and cell_text(self._cell(cells, name_column))
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
                if is_empty(value):
                    parsed = self._empty_value(row, fname)
                else:
                    parsed = self._parse_value(row, fname, value)
            except CellError as exc:
                self._error(row.number, column, value, str(exc))
                continue
            if fname == "supersede":
                row.supersede = parsed
            else:
                row.vals[fname] = parsed

    def _empty_value(self, row, fname):
        if fname in REQUIRED_FIELDS:
            raise CellError(self.env._("Required: a rate cannot do without it."))
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
        return cell_text(value) or False

    def _parse_prices(self, row, cells):
        mode = row.vals.get("mode")
        mode_labels = dict(RATE_MODES)
        for column in self.price_columns:
            value = self._cell(cells, column)
            if is_empty(value):
                if column.kind == "lcl_min" and mode == "sea_lcl":
                    row.lcl_min = 0.0
                continue
            try:
                amount = self._price(value)
                # The LCL minimum is the minimum of the LCL price; which
                # prices fit a mode is the rate's rule (_price_problems()).
                if column.kind == "lcl_min" and mode not in column.modes:
                    raise CellError(
                        self.env._(
                            "This column prices %(modes)s rates, not %(mode)s ones.",
                            modes=" / ".join(mode_labels[m] for m in column.modes),
                            mode=mode_labels.get(mode, mode or ""),
                        )
                    )
            except CellError as exc:
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
                # The value as the sheet writes it, when the sheet has it.
                column = self.field_columns.get(problem.field)
                value = self._cell(row.cells, column) if column else problem.value
                self._error(row.number, problem.field, value, problem.message)

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
            not is_empty(self._cell(cells, name_column)) for _n, cells in body
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
        # Nobody reads the new rates' prices before they are created: without
        # those caches the ORM does not keep three one2many lists per price.
        rates.invalidate_recordset(
            ["line_ids", "freight_line_ids", "surcharge_line_ids"]
        )
        Line = Rate.env["freight.rate.line"]
        Line.check_access("create")
        # sudo: the rates were just created, their record rules checked, as
        # the user; a price's only rule is its rate's company, which it takes
        # from the rate. Evaluating it again price by price in Python is a
        # tenth of an import. create() and its overrides and constraints run
        # as they do for a price typed in the form.
        Line.sudo().create(
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
                "unit": unit,
                "currency_id": currency,
                "amount": amount,
                "included": True,
            }
            # Empty ones are left out: cheaper to create, the same row.
            if container:
                vals["container_type_id"] = container
            if weight_break:
                vals["weight_break"] = weight_break
            charge = self.freight_charges[mode]
            if mode == "sea_lcl" and row.lcl_min is not None:
                vals["minimum_amount"] = row.lcl_min
            if charge:
                vals["charge_type_id"] = charge
            return vals
        _kind, charge, container, line_currency, unit, included = key
        vals = {
            "line_type": "surcharge",
            "charge_type_id": charge,
            "unit": unit or self.charge_units[charge],
            "currency_id": line_currency or currency,
            "amount": amount,
            "included": included,
        }
        if container:
            vals["container_type_id"] = container
        return vals

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
