# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rate finder's engine: which buying rates can carry a shipment and what
each costs, all-in, in the currency asked for.

A service model, as ``product.pricelist`` holds Odoo's price engine: the
finder screen (``freight.rate.finder``) and the JSON-RPC entry point
(``freight.rate.find_rates()``) both call it, and later modules (quotations,
inquiries) will too.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date as Date

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_round, format_date, formatLang, ormcache

from odoo.addons.freight_crm.models.freight_selection import MODE_PORT_KINDS

from .freight_rate import AIR_KG_PER_CBM, RATE_MODES, SEA_KG_PER_CBM
from .freight_rate_line import WEIGHT_BREAK_KG

# What one search may ask for: beyond these it is a mistake, not a shipment.
MAX_LIMIT = 500
MAX_CONTAINERS = 10_000
MAX_GROSS_WEIGHT_KG = 1_000_000
MAX_VOLUME_CBM = 100_000

# What the finder reads of the rates it shows.
FINDER_RATE_FIELDS = [
    "name",
    "carrier_id",
    "vendor_id",
    "origin_id",
    "destination_id",
    "transshipment_id",
    "transit_days",
    "frequency",
    "valid_from",
    "valid_to",
    "state",
    "rate_type",
    "named_customer_id",
]


def chargeable_weight(mode, gross_weight, volume):
    """The weight a shipment is charged on: its gross weight, or its volume
    at the mode's volumetric factor when that is more (1 CBM = 167 kg by air,
    1,000 kg by sea)."""
    factor = AIR_KG_PER_CBM if mode == "air" else SEA_KG_PER_CBM
    return float_round(
        max(gross_weight or 0.0, (volume or 0.0) * factor), precision_digits=2
    )


def unit_quantity(unit, container_qty, gross_weight, volume, chargeable):
    """How many units of a charge a shipment is charged: containers, kg,
    CBM, W/M (1 CBM = 1,000 kg: the greater of CBM and tonnes) or one per
    shipment, bill or trip."""
    return {
        "per_container": container_qty,
        "per_shipment": 1.0,
        "per_bill": 1.0,
        "per_trip": 1.0,
        "per_kg": gross_weight,
        "per_chargeable_kg": chargeable,
        "per_cbm": volume,
        "per_wm": max(volume, gross_weight / SEA_KG_PER_CBM),
    }[unit]


@dataclass(frozen=True)
class FinderRequest:
    """What the finder is asked, checked and normalised: only
    ``freight.rate.finder.engine._request()`` makes one."""

    mode: str
    origin: models.BaseModel  # freight.port
    origin_name: str
    destination: models.BaseModel  # freight.port
    destination_name: str
    date: Date
    container: models.BaseModel  # freight.container.type, may be empty
    container_qty: int
    gross_weight: float
    volume: float
    chargeable_weight: float
    currency: models.BaseModel  # res.currency the amounts are shown in
    include_expired: bool
    customer: models.BaseModel  # res.partner (commercial), may be empty
    limit: int
    # Exchange rates are kept on the root company (res.currency).
    root_company_id: int


class FreightRateFinderEngine(models.AbstractModel):
    _name = "freight.rate.finder.engine"
    _description = "Rate Finder Engine"

    @api.model
    @api.readonly
    def find_rates(self, *args, **kwargs):
        """The valid rates of a lane, cheapest all-in cost first, as plain
        data (the arguments of ``_request()``; see ``freight.rate.find_rates``
        for the results)."""
        request = self._request(*args, **kwargs)
        today = fields.Date.context_today(self)
        return [self._result_json(result, today) for result in self._find(request)]

    # ------------------------------------------------------------------
    # The request
    # ------------------------------------------------------------------
    @api.model
    def _request(
        self,
        mode,
        origin,
        destination,
        date=None,
        container_type=None,
        container_qty=1,
        gross_weight=0.0,
        volume=0.0,
        currency=None,
        include_expired=False,
        limit=50,
        customer=None,
    ):
        """Check and normalise what the finder was asked, refusing with a
        clear UserError what it cannot search.

        Ports are ids, UN/LOCODEs or IATA codes; container_type an id or a
        code (40HC); currency an id or an ISO code (the company currency by
        default); date a date or an ISO date (today by default); customer the
        id of the customer quoted, whose named-account rates then show (other
        customers' never do); limit how many rates at most (1 to 500).
        """
        if mode not in dict(RATE_MODES):
            raise UserError(
                self.env._(
                    "Unknown mode %(mode)s: use one of %(modes)s.",
                    mode=mode,
                    modes=", ".join(dict(RATE_MODES)),
                )
            )
        (origin, origin_name), (destination, destination_name) = self._ports(
            mode, origin, destination
        )
        if origin == destination:
            raise UserError(
                self.env._(
                    "%s is both the origin and the destination: choose two "
                    "different places.",
                    origin_name,
                )
            )
        if isinstance(date, str):
            try:
                date = fields.Date.to_date(date)
            except ValueError as exc:
                raise UserError(
                    self.env._("%s is not a date (YYYY-MM-DD).", date)
                ) from exc
        date = date or fields.Date.context_today(self)
        container = self._lookup("freight.container.type", "code", container_type)
        if container_type and not container:
            raise UserError(self.env._("Unknown container type %s.", container_type))
        try:
            container_qty = int(container_qty or 0)
            gross_weight = float(gross_weight or 0.0)
            volume = float(volume or 0.0)
        except (TypeError, ValueError) as exc:
            raise UserError(
                self.env._("Quantity, weight and volume must be numbers.")
            ) from exc
        if not (math.isfinite(gross_weight) and math.isfinite(volume)):
            raise UserError(self.env._("Quantity, weight and volume must be numbers."))
        if container_qty < 0 or gross_weight < 0 or volume < 0:
            raise UserError(
                self.env._("Quantity, weight and volume cannot be negative.")
            )
        self._check_size(container_qty, gross_weight, volume)
        limit = self._check_limit(limit)
        if mode == "sea_fcl" and not container:
            raise UserError(self.env._("Choose the container type of an FCL shipment."))
        if mode in ("air", "sea_lcl") and not (gross_weight or volume):
            raise UserError(
                self.env._("Give the gross weight or the volume of the cargo.")
            )
        target = self._lookup("res.currency", "name", currency)
        if currency and not target:
            raise UserError(self.env._("Unknown currency %s.", currency))
        partner = self.env["res.partner"]
        if customer:
            try:
                partner = partner.browse(int(customer)).exists()
            except (TypeError, ValueError) as exc:
                raise UserError(
                    self.env._("The customer is given by its id, not %s.", customer)
                ) from exc
            if not partner:
                raise UserError(self.env._("Unknown customer %s.", customer))
        currency_id, root_company_id = self._company_info(self.env.company.id)
        return FinderRequest(
            mode=mode,
            origin=origin,
            origin_name=origin_name,
            destination=destination,
            destination_name=destination_name,
            date=date,
            container=container,
            container_qty=container_qty or 1,
            gross_weight=gross_weight,
            volume=volume,
            chargeable_weight=chargeable_weight(mode, gross_weight, volume),
            currency=target or self.env["res.currency"].browse(currency_id),
            include_expired=bool(include_expired),
            customer=partner.commercial_partner_id,
            limit=limit,
            root_company_id=root_company_id,
        )

    @api.model
    def _check_size(self, container_qty, gross_weight, volume):
        """Refuse a shipment bigger than any one search is for."""

        def number(value):
            return formatLang(self.env, value, digits=0)

        if container_qty > MAX_CONTAINERS:
            raise UserError(
                self.env._(
                    "At most %(most)s containers in one search, not %(value)s.",
                    most=number(MAX_CONTAINERS),
                    value=number(container_qty),
                )
            )
        if gross_weight > MAX_GROSS_WEIGHT_KG:
            raise UserError(
                self.env._(
                    "At most %(most)s kg in one search, not %(value)s.",
                    most=number(MAX_GROSS_WEIGHT_KG),
                    value=number(gross_weight),
                )
            )
        if volume > MAX_VOLUME_CBM:
            raise UserError(
                self.env._(
                    "At most %(most)s CBM in one search, not %(value)s.",
                    most=number(MAX_VOLUME_CBM),
                    value=number(volume),
                )
            )

    @api.model
    def _check_limit(self, limit):
        """How many rates at most: 1 to MAX_LIMIT."""
        try:
            number = int(limit)
        except (TypeError, ValueError):
            number = 0
        if not 0 < number <= MAX_LIMIT:
            raise UserError(
                self.env._(
                    "Ask for 1 to %(most)s rates at a time, not %(limit)s.",
                    most=MAX_LIMIT,
                    limit=limit,
                )
            )
        return number

    @api.model
    @ormcache("company_id")
    def _company_info(self, company_id):
        """(currency id, root company id) of the company, kept in the registry
        cache (res.company clears it when either changes)."""
        company = self.env["res.company"].sudo().browse(company_id)
        return company.currency_id.id, int(company.parent_path.split("/")[0])

    @api.model
    def _lookup(self, model, code_field, value):
        """A record by id, or by its code (exact, upper case), or nothing."""
        Model = self.env[model].with_context(active_test=False)
        if not value:
            return Model.browse()
        if isinstance(value, int):
            return Model.browse(value).exists()
        code = str(value).strip().upper()
        return Model.browse(self._code_ids(model, code_field, code)[:1])

    @api.model
    @ormcache("model", "code_field", "code")
    def _code_ids(self, model, code_field, code):
        """Ids of the master-data records with this code, kept in the registry
        cache (codes are looked up on every finder call, and hardly change;
        freight.port and freight.container.type clear it when they do)."""
        records = self.env[model].sudo().with_context(active_test=False)
        return tuple(records.search([(code_field, "=", code)], order="id").ids)

    @api.model
    @ormcache()
    def _port_index(self):
        """Every port, airport and depot by id and by code, as (id, kind,
        active, display name), kept in the registry cache: the finder looks
        two of them up on every call, and they hardly change (freight.port
        clears the cache when they do)."""
        ports = self.env["freight.port"].sudo().with_context(active_test=False)
        by_id, by_code = {}, defaultdict(list)
        for port in ports.search([], order="id"):
            row = (port.id, port.kind, port.active, port.display_name)
            by_id[port.id] = row
            by_code[port.code].append(row)
            if port.iata_code:
                by_code[port.iata_code].append(row)
        return by_id, dict(by_code)

    @api.model
    def _ports(self, mode, origin, destination):
        """The origin and destination ports, each by id, UN/LOCODE or IATA
        code, of a kind the mode uses (a UN/LOCODE names both the seaport and
        the airport of a city), each with its display name."""
        Port = self.env["freight.port"]
        Port.check_access("read")
        kinds = MODE_PORT_KINDS[mode]
        active_test = self.env.context.get("active_test", True)
        by_id, by_code = self._port_index()
        ports = []
        for value, role in ((origin, "origin"), (destination, "destination")):
            if isinstance(value, int):
                # Like browse().exists(): an archived port given by id is found.
                rows = [by_id[value]] if value in by_id else []
                rows = [row for row in rows if row[1] in kinds]
            elif value:
                code = str(value).strip().upper()
                rows = [
                    row
                    for row in by_code.get(code, ())
                    if row[1] in kinds and (row[2] or not active_test)
                ]
                rows.sort(key=lambda row: kinds.index(row[1]))
            else:
                rows = []
            if not rows:
                role = (
                    self.env._("origin")
                    if role == "origin"
                    else self.env._("destination")
                )
                raise UserError(
                    self.env._(
                        "Unknown %(role)s %(value)s for this mode.",
                        role=role,
                        value=value,
                    )
                )
            ports.append((Port.browse(rows[0][0]), rows[0][3]))
        return ports

    # ------------------------------------------------------------------
    # The search
    # ------------------------------------------------------------------
    @api.model
    def _find(self, request, rate_ids=None):
        """Price every valid rate of the lane for the request; cheapest first
        (only the rates of ``rate_ids`` when given, as a quotation filled
        from chosen rates asks).

        Four queries whatever the number of rates: the rates, through the ORM
        so that access rules apply; all their prices; the currencies; the
        names of the carriers and co-loaders.
        """
        Rate = self.env["freight.rate"]
        Rate.check_access("read")
        domain = [
            ("mode", "=", request.mode),
            ("origin_id", "=", request.origin.id),
            ("destination_id", "=", request.destination.id),
            ("valid_from", "<=", request.date),
        ]
        # A named-account rate is for its customer only (and the record rules
        # say who may see it at all).
        if request.customer:
            domain += [
                "|",
                ("rate_type", "!=", "named_account"),
                ("named_customer_id", "=", request.customer.id),
            ]
        else:
            domain.append(("rate_type", "!=", "named_account"))
        if rate_ids is not None:
            domain.append(("id", "in", list(rate_ids)))
        if request.include_expired:
            domain.append(("state", "in", ("active", "expired")))
        else:
            domain += [("state", "=", "active"), ("valid_to", ">=", request.date)]
        # The rates through the ORM, so that access rules apply, with what the
        # results show of them; then all their prices in one query.
        found = Rate.search_fetch(domain, FINDER_RATE_FIELDS, order="id")
        if not found:
            return []
        # The charges' codes and names come with the prices (they are
        # reference data every user reads).
        ChargeType = self.env["freight.charge.type"]
        ChargeType.check_access("read")
        # Small queries, each cheap to plan: one joining everything costs
        # more to plan than the four of them take to run.
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT l.rate_id, l.id, l.line_type, l.charge_type_id,
                       l.container_type_id, l.weight_break, l.unit, l.amount,
                       l.minimum_amount, l.currency_id, l.included,
                       c.code AS charge_code, %s AS charge_name
                  FROM freight_rate_line l
                  JOIN freight_charge_type c ON c.id = l.charge_type_id
                 WHERE l.rate_id IN %s
                 ORDER BY l.rate_id, l.sequence, l.id
                """,
                ChargeType._field_to_sql("c", "name"),
                tuple(found.ids),
            )
        )
        lines_by_rate = defaultdict(list)
        for row in rows:
            lines_by_rate[row["rate_id"]].append(row)
        currency_ids = {row["currency_id"] for row in rows} | {request.currency.id}
        currencies = self._currencies(
            currency_ids, request.date, request.root_company_id
        )
        conversions = self._conversions(currencies, request.currency.id)
        results = []
        for rate_id, lines in lines_by_rate.items():
            priced = self._price_lines(lines, request, currencies)
            if priced:
                results.append(dict(priced, rate_id=rate_id))
        results.sort(key=lambda r: (r["all_in_amount"], r["rate_id"]))
        results = results[: request.limit]
        # What the results show, read in narrow queries rather than every
        # column of every record.
        rates = Rate.browse([r["rate_id"] for r in results])
        # The names of the carriers and customers, as related fields would
        # show them on a rate the user may read.
        partner_ids = {
            rate[fname].id
            for rate in rates
            for fname in ("carrier_id", "vendor_id", "named_customer_id")
        } - {False}
        names = dict(
            self.env.execute_query(
                SQL(
                    "SELECT id, name FROM res_partner WHERE id IN %s",
                    tuple(partner_ids),
                )
            )
            if partner_ids
            else []
        )
        charge_names = {
            row["charge_type_id"]: (row["charge_code"], row["charge_name"])
            for row in rows
        }
        for result, rate in zip(results, rates, strict=True):
            result["rate"] = rate
            result["origin_name"] = request.origin_name
            result["destination_name"] = request.destination_name
            result["carrier_name"] = names.get(rate.carrier_id.id, False)
            result["vendor_name"] = names.get(rate.vendor_id.id, False)
            result["named_customer_name"] = names.get(rate.named_customer_id.id, False)
            via = rate.transshipment_id.id
            result["via_name"] = False
            if via:  # the port index (registry cache) only when needed
                ports = self._port_index()[0]
                result["via_name"] = ports[via][3] if via in ports else False
            result["currency_name"] = currencies[result["currency_id"]]["name"]
            for item in result["items"]:
                item["charge_code"], item["charge_name"] = charge_names[
                    item["charge_type_id"]
                ]
                item["currency_name"] = currencies[item["currency_id"]]["name"]
                item["exchange_rate"], item["exchange_rate_date"] = conversions.get(
                    item["currency_id"], (False, False)
                )
        return results

    @api.model
    def _currencies(self, currency_ids, date, root_company_id):
        """{currency id: {name, rounding, rate, rate_date}} in one plain query:
        the rate of each currency on DATE as ``res.currency._get_rates()``
        finds it (the company's own rate, else the shared one; the last one
        on or before the date, else the first one; else 1, with no date).
        Through the ORM it costs a third of a finder call. Currencies and
        their rates are public; the company filter is the one their record
        rule applies."""
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT c.id, c.name, c.rounding,
                       COALESCE(r.rate, 1.0) AS rate, r.name AS rate_date
                  FROM res_currency c
                  LEFT JOIN LATERAL (
                        (SELECT r.rate, r.name FROM res_currency_rate r
                          WHERE r.currency_id = c.id AND r.name <= %(date)s
                            AND (r.company_id = %(root)s OR r.company_id IS NULL)
                          ORDER BY r.company_id, r.name DESC LIMIT 1)
                        UNION ALL
                        (SELECT r.rate, r.name FROM res_currency_rate r
                          WHERE r.currency_id = c.id
                            AND (r.company_id = %(root)s OR r.company_id IS NULL)
                          ORDER BY r.company_id, r.name LIMIT 1)
                        LIMIT 1
                  ) r ON TRUE
                 WHERE c.id IN %(ids)s
                """,
                date=date,
                root=root_company_id,
                ids=tuple(currency_ids),
            )
        )
        return {row["id"]: row for row in rows}

    @api.model
    def _conversions(self, currencies, target_id):
        """{currency id: (rate, date)} for every currency but the target:
        what one unit is worth in the target currency, and the date of the
        exchange rate used (the later of the two currencies' rates; False
        when neither has one)."""
        target = currencies[target_id]
        conversions = {}
        for currency_id, source in currencies.items():
            if currency_id == target_id:
                continue
            dates = [d for d in (source["rate_date"], target["rate_date"]) if d]
            conversions[currency_id] = (
                target["rate"] / source["rate"],
                max(dates) if dates else False,
            )
        return conversions

    @api.model
    def _exchange_rate_label(self, source, target, rate, rate_date):
        """The rate of a converted price as users read it, "1 USD = 25,000
        VND (01/01/2026)": one unit of the stronger currency in the other, in
        the user's language. Only the screen shows it: JSON-RPC clients get
        the rate and its date (formatting costs a tenth of a finder call)."""
        if rate < 1:
            source, target, rate = target, source, 1 / rate
        digits = 0 if rate >= 1000 else 2 if rate >= 100 else 4
        label = f"1 {source} = {formatLang(self.env, rate, digits=digits)} {target}"
        if rate_date:
            label = f"{label} ({format_date(self.env, rate_date)})"
        return label

    # ------------------------------------------------------------------
    # Pricing one rate
    # ------------------------------------------------------------------
    @api.model
    def _price_lines(self, lines, request, currencies):
        """The cost of one rate for the request, or None if it cannot carry it.

        ``currencies``: {id: {name, rounding, rate, rate_date}}, read with the
        prices.
        """
        freight = [x for x in lines if x["line_type"] == "freight"]
        surcharges = [x for x in lines if x["line_type"] == "surcharge"]
        container = request.container.id
        mode = request.mode
        items = []
        if mode == "air":
            item = self._price_air(freight, request)
        elif mode == "sea_lcl":
            item = self._price_lcl(freight, request)
        else:
            item = self._price_per_equipment(freight, request)
        if not item:
            return None
        items.append(item)
        for line in surcharges:
            if line["container_type_id"] and line["container_type_id"] != container:
                continue
            quantity = self._surcharge_quantity(line["unit"], request)
            cost = quantity * line["amount"]
            amount = max(cost, line["minimum_amount"] or 0.0)
            items.append(
                {
                    "line": line,
                    "quantity": quantity,
                    "unit_price": line["amount"],
                    "amount": amount,
                    "included": line["included"],
                    "minimum_applied": amount > cost,
                }
            )
        target = currencies[request.currency.id]
        to_rate = target["rate"]
        rounding = target["rounding"]

        def round_amount(amount):  # res.currency.round(), without its overhead
            return float_round(amount, precision_rounding=rounding)

        totals = {"freight": 0.0, "surcharge": 0.0, "excluded": 0.0}
        for item in items:
            line = item.pop("line")
            item.update(
                rate_line_id=line["id"],
                charge_type_id=line["charge_type_id"],
                line_type=line["line_type"],
                unit=line["unit"],
                weight_break=line["weight_break"],
                currency_id=line["currency_id"],
            )
            converted = round_amount(
                item["amount"] * to_rate / currencies[line["currency_id"]]["rate"]
            )
            item["amount_converted"] = converted
            if line["line_type"] == "freight":
                totals["freight"] += converted
            elif item["included"]:
                totals["surcharge"] += converted
            else:
                totals["excluded"] += converted
        return {
            "items": items,
            "currency_id": request.currency.id,
            "freight_amount": round_amount(totals["freight"]),
            "surcharge_amount": round_amount(totals["surcharge"]),
            "all_in_amount": round_amount(totals["freight"] + totals["surcharge"]),
            "excluded_amount": round_amount(totals["excluded"]),
        }

    @api.model
    def _price_air(self, freight, request):
        """IATA weight breaks: the break the weight reaches, or a higher break
        charged at its own weight when that is cheaper; never under the minimum.
        """
        weight = request.chargeable_weight
        breaks = WEIGHT_BREAK_KG
        minimum = max(
            (x["amount"] for x in freight if x["weight_break"] == "min"), default=0.0
        )
        per_kg = sorted(
            (
                (breaks[x["weight_break"]], x)
                for x in freight
                if x["weight_break"] and x["weight_break"] != "min"
            ),
            key=lambda pair: pair[0],
        )
        if not per_kg:
            return None
        best = None
        for break_kg, line in per_kg:
            # A break the weight reaches is charged on the weight; a higher
            # one on its own break weight, when that comes out cheaper.
            charged = max(weight, break_kg)
            cost = charged * line["amount"]
            if best is None or cost < best[2]:
                best = (charged, line, cost)
        charged, line, cost = best
        amount = max(cost, minimum)
        return {
            "line": line,
            "quantity": charged,
            "unit_price": line["amount"],
            "amount": amount,
            "included": True,
            "minimum_applied": amount > cost,
        }

    @api.model
    def _price_lcl(self, freight, request):
        best = None
        for line in freight:
            if line["unit"] not in ("per_cbm", "per_wm"):
                continue
            quantity = self._surcharge_quantity(line["unit"], request)
            cost = quantity * line["amount"]
            amount = max(cost, line["minimum_amount"] or 0.0)
            item = {
                "line": line,
                "quantity": quantity,
                "unit_price": line["amount"],
                "amount": amount,
                "included": True,
                "minimum_applied": amount > cost,
            }
            if best is None or amount < best["amount"]:
                best = item
        return best

    @api.model
    def _price_per_equipment(self, freight, request):
        """FCL and trucking: the price of the container type, else per trip."""
        container = request.container.id
        qty = request.container_qty
        match = [
            x for x in freight if container and x["container_type_id"] == container
        ]
        if not match and request.mode == "trucking":
            match = [x for x in freight if not x["container_type_id"]]
        if not match:
            return None
        line = match[0]
        cost = qty * line["amount"]
        amount = max(cost, line["minimum_amount"] or 0.0)
        return {
            "line": line,
            "quantity": qty,
            "unit_price": line["amount"],
            "amount": amount,
            "included": True,
            "minimum_applied": amount > cost,
        }

    @api.model
    def _surcharge_quantity(self, unit, request):
        return unit_quantity(
            unit,
            request.container_qty,
            request.gross_weight,
            request.volume,
            request.chargeable_weight,
        )

    # ------------------------------------------------------------------
    # The results, as JSON-RPC gives them
    # ------------------------------------------------------------------
    @api.model
    def _result_json(self, result, today=None):
        rate = result["rate"]
        today = today or fields.Date.context_today(self)
        return {
            "rate_id": rate.id,
            "rate": rate.name,
            "carrier": result["carrier_name"],
            "carrier_id": rate.carrier_id.id,
            "bought_from": result["vendor_name"],
            "bought_from_id": rate.vendor_id.id,
            "origin": result["origin_name"],
            "destination": result["destination_name"],
            "via": result["via_name"],
            "transit_days": rate.transit_days,
            "frequency": rate.frequency or False,
            "valid_from": fields.Date.to_string(rate.valid_from),
            "valid_to": fields.Date.to_string(rate.valid_to),
            "expired": rate.state == "expired" or rate.valid_to < today,
            "rate_type": rate.rate_type,
            "named_account": result["named_customer_name"],
            "currency": result["currency_name"],
            "freight_amount": result["freight_amount"],
            "surcharge_amount": result["surcharge_amount"],
            "all_in_amount": result["all_in_amount"],
            "excluded_amount": result["excluded_amount"],
            "items": [
                {
                    "rate_line_id": item["rate_line_id"],
                    "charge_code": item["charge_code"],
                    "charge_name": item["charge_name"],
                    "line_type": item["line_type"],
                    "unit": item["unit"],
                    "weight_break": item["weight_break"] or False,
                    "quantity": item["quantity"],
                    "unit_price": item["unit_price"],
                    "currency": item["currency_name"],
                    "amount": item["amount"],
                    "amount_converted": item["amount_converted"],
                    "included": item["included"],
                    "minimum_applied": item["minimum_applied"],
                    # Converted items: what one unit of their currency is
                    # worth in the results' currency, and from which day.
                    "exchange_rate": item["exchange_rate"],
                    "exchange_rate_date": fields.Date.to_string(
                        item["exchange_rate_date"]
                    ),
                }
                for item in result["items"]
            ],
        }
