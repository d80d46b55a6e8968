# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, create_index, float_round, format_date, ormcache

from odoo.addons.freight_crm.models.freight_selection import (
    DIRECTIONS,
    MODE_PORT_KINDS,
    TRANSPORT_MODES,
)

from .freight_rate_line import WEIGHT_BREAK_KG, RateProblem

# Buying rates exist for carriage; "logistics" is sold, not bought as a rate.
RATE_MODES = [mode for mode in TRANSPORT_MODES if mode[0] != "logistics"]

CARGO_TYPES = [
    ("general", "General Cargo"),
    ("reefer", "Reefer"),
    ("dangerous", "Dangerous Goods"),
]

RATE_TYPES = [
    ("contract", "Contract"),
    ("spot", "Spot"),
    ("named_account", "Named Account"),
]

FREQUENCIES = [
    ("daily", "Daily"),
    ("several_weekly", "Several a Week"),
    ("weekly", "Weekly"),
    ("fortnightly", "Fortnightly"),
    ("monthly", "Monthly"),
    ("on_request", "On Request"),
]

RATE_STATES = [
    ("draft", "Draft"),
    ("active", "Active"),
    ("expired", "Expired"),
]

# Which kinds of carrier may carry each mode.
MODE_CARRIER_KINDS = {
    "sea_fcl": ("shipping_line",),
    "sea_lcl": ("shipping_line",),
    "air": ("airline",),
    "trucking": ("trucking",),
}
VENDOR_KINDS = ("coloader", "agent")

# IATA volumetric factor: 1 CBM is charged as 167 kg by air, 1,000 kg by sea.
AIR_KG_PER_CBM = 167.0
SEA_KG_PER_CBM = 1000.0

# What the rate finder reads of the rates and ports it shows.
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

# OVERLAP_KEY's fields of the lane, that the overlap check narrows on first.
OVERLAP_LANE = ("origin_id", "destination_id")

# The fields that make two rates the same product: two active rates with the
# same key, the same equipment and overlapping validity are refused.
OVERLAP_KEY = (
    "company_id",
    "mode",
    "carrier_id",
    "vendor_id",
    "origin_id",
    "destination_id",
    "transshipment_id",
    "cargo_type",
    "commodity",
    "rate_type",
    "named_customer_id",
)

# The fields of a rate and of its prices that the rules read (see
# FreightRate._rate_problems()).
PORT_FIELDS = ("origin_id", "destination_id", "transshipment_id")
PARTNER_FIELDS = ("carrier_id", "vendor_id")
RULE_FIELDS = (
    *OVERLAP_KEY,
    "valid_from",
    "valid_to",
    "transit_days",
    "free_dem_days",
    "free_det_days",
)
RULE_PRICE_FIELDS = (
    "line_type",
    "container_type_id",
    "weight_break",
    "unit",
    "amount",
    "minimum_amount",
)
# What a rate shares with the rate it supersedes.
SUPERSEDE_SAME = (
    "company_id",
    "mode",
    "carrier_id",
    "vendor_id",
    "origin_id",
    "destination_id",
)


def _cached_columns(records, fnames):
    """[[value of the field for each record] for each of FNAMES], as the
    cache holds them (ids for relations, False for empty), fetched if need
    be."""
    records._recompute_recordset(fnames)
    cache = records.env.cache

    def read():
        return [
            [
                False if value is None else value
                for value in cache.get_values(records, records._fields[fname])
            ]
            for fname in fnames
        ]

    columns = read()
    if any(len(column) != len(records) for column in columns):
        records.fetch(fnames)
        columns = read()
    return columns


class FreightRate(models.Model):
    _name = "freight.rate"
    _description = "Buying Rate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "valid_from desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "reference"]

    name = fields.Char(
        string="Rate No.",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
        index="trigram",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    mode = fields.Selection(RATE_MODES, required=True, default="sea_fcl", tracking=True)
    direction = fields.Selection(DIRECTIONS, required=True, default="export")
    carrier_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        domain="[('freight_carrier_kind', 'in', carrier_kinds)]",
        help="The shipping line, airline or trucking company that carries the cargo.",
    )
    vendor_id = fields.Many2one(
        "res.partner",
        string="Bought From",
        index=True,
        tracking=True,
        domain="[('freight_carrier_kind', 'in', ('coloader', 'agent'))]",
        help="The co-loader or agent the rate is bought from, when it is not bought "
        "from the carrier directly.",
    )
    carrier_kinds = fields.Json(compute="_compute_carrier_kinds")
    origin_id = fields.Many2one(
        "freight.port",
        required=True,
        index=True,
        tracking=True,
        domain="[('kind', 'in', port_kinds)]",
    )
    destination_id = fields.Many2one(
        "freight.port",
        required=True,
        index=True,
        tracking=True,
        domain="[('kind', 'in', port_kinds)]",
    )
    transshipment_id = fields.Many2one(
        "freight.port",
        string="Via",
        domain="[('kind', 'in', port_kinds)]",
        help="Transshipment port or airport, empty for a direct service.",
    )
    port_kinds = fields.Json(compute="_compute_port_kinds")
    cargo_type = fields.Selection(CARGO_TYPES, required=True, default="general")
    commodity = fields.Char(help="What the rate is for, when it is commodity-bound.")
    rate_type = fields.Selection(RATE_TYPES, required=True, default="contract")
    named_customer_id = fields.Many2one(
        "res.partner",
        string="Named Account",
        domain="[('is_company', '=', True), ('freight_carrier_kind', '=', False)]",
        help="The customer a named-account rate was filed for.",
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        tracking=True,
        default=lambda self: self._default_currency_id(),
    )
    valid_from = fields.Date(required=True, tracking=True, index=True)
    valid_to = fields.Date(required=True, tracking=True, index=True)
    transit_days = fields.Integer(string="Transit Time (days)", tracking=True)
    frequency = fields.Selection(FREQUENCIES, string="Sailing Frequency")
    free_dem_days = fields.Integer(
        string="Free Demurrage (days)", help="Free days at the terminal."
    )
    free_det_days = fields.Integer(
        string="Free Detention (days)", help="Free days with the container outside."
    )
    reference = fields.Char(
        string="Contract / Reference No.", tracking=True, index="btree_not_null"
    )
    remarks = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Owner",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("freight_crm.group_freight_pricing").id)
        ],
        help="The pricing person who keeps this rate current; reminded before it "
        "expires.",
    )
    state = fields.Selection(
        RATE_STATES,
        string="Status",
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    supersedes_id = fields.Many2one(
        "freight.rate",
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The rate this one replaces: when this one becomes active, the old "
        "one ends the day before.",
    )
    superseded_by_id = fields.Many2one(
        "freight.rate",
        readonly=True,
        copy=False,
        check_company=True,
    )
    line_ids = fields.One2many(
        "freight.rate.line", "rate_id", string="All Prices", copy=True
    )
    freight_line_ids = fields.One2many(
        "freight.rate.line",
        "rate_id",
        string="Freight",
        domain=[("line_type", "=", "freight")],
        context={"default_line_type": "freight"},
    )
    surcharge_line_ids = fields.One2many(
        "freight.rate.line",
        "rate_id",
        string="Surcharges",
        domain=[("line_type", "=", "surcharge")],
        context={"default_line_type": "surcharge"},
    )
    lane = fields.Char(compute="_compute_lane", help="Origin → destination codes.")
    price_summary = fields.Char(string="Prices", compute="_compute_price_summary")
    days_to_expiry = fields.Integer(compute="_compute_days_to_expiry")
    expiry_reminded = fields.Boolean(copy=False, readonly=True)

    def init(self):
        # The rate finder's lookup: one lane, one mode, valid on a date.
        create_index(
            self.env.cr,
            "freight_rate_finder_idx",
            self._table,
            ["origin_id", "destination_id", "mode", "valid_to", "valid_from"],
            where="active",
        )

    @api.model
    def _default_currency_id(self):
        usd = self.env.ref("base.USD", raise_if_not_found=False)
        return usd if usd and usd.active else self.env.company.currency_id

    @api.depends("mode")
    def _compute_carrier_kinds(self):
        for rate in self:
            rate.carrier_kinds = list(MODE_CARRIER_KINDS.get(rate.mode, ()))

    @api.depends("mode")
    def _compute_port_kinds(self):
        for rate in self:
            rate.port_kinds = list(MODE_PORT_KINDS.get(rate.mode, ()))

    @api.depends(
        "line_ids.amount",
        "line_ids.line_type",
        "line_ids.container_type_id",
        "line_ids.weight_break",
        "currency_id",
    )
    def _compute_price_summary(self):
        for rate in self:
            freight = rate.line_ids.filtered(lambda x: x.line_type == "freight")
            rate.price_summary = " · ".join(
                " ".join((line._price_label(), line._format_price()))
                for line in freight
            )

    @api.depends("origin_id", "destination_id", "transshipment_id")
    def _compute_lane(self):
        def code(port):
            return (port.iata_code if port.kind == "airport" else port.code) or ""

        for rate in self:
            lane = f"{code(rate.origin_id)} → {code(rate.destination_id)}"
            if rate.transshipment_id:
                lane = f"{lane} (via {code(rate.transshipment_id)})"
            rate.lane = lane

    @api.depends("valid_to")
    @api.depends_context("tz")
    def _compute_days_to_expiry(self):
        today = fields.Date.context_today(self)
        for rate in self:
            rate.days_to_expiry = (rate.valid_to - today).days if rate.valid_to else 0

    # ------------------------------------------------------------------
    # Rules: every rule about a rate and its prices, in one place
    # ------------------------------------------------------------------
    @api.constrains(*RULE_FIELDS, "active")
    def _check_rules(self):
        """The rules of _rate_problems(), on these rates as they are."""
        self._raise_first_problem(self._rule_values())

    def _raise_first_problem(self, rates):
        problems = self._rate_problems(rates)
        if problems:
            problem = problems[0]
            raise ValidationError(
                self.env._(
                    "Rate %(rate)s: %(problem)s",
                    rate=rates[problem.index]["label"],
                    problem=problem.message,
                )
            )

    def _rule_values(self, activating=False):
        """These rates as _rate_problems() takes them; ACTIVATING: as they
        would be once activated."""
        # Read as the cache holds them: rates are checked by the thousand,
        # field access per rate and price would cost more than the checks.
        lines = self.line_ids
        columns = _cached_columns(lines, ("rate_id", *RULE_PRICE_FIELDS))
        prices = defaultdict(list)
        for row in zip(*columns, strict=True):
            prices[row[0]].append(dict(zip(RULE_PRICE_FIELDS, row[1:], strict=True)))
        fnames = ("name", "state", "active", "supersedes_id", *RULE_FIELDS)
        rates = []
        for rate_id, row in zip(
            self.ids, zip(*_cached_columns(self, fnames), strict=False), strict=True
        ):
            vals = dict(zip(fnames, row, strict=True))
            vals.update(
                id=rate_id,
                label=vals.pop("name"),
                activating=activating,
                prices=prices[rate_id],
            )
            if activating:
                vals["state"] = "active"
            rates.append(vals)
        return rates

    @api.model
    def _rate_problems(self, rates):
        """Every problem of RATES, as a list of RateProblem.

        RATES: a list of dicts, one per rate, saved or not: the rate's values
        (ids for relations; see RULE_FIELDS), "prices": a list of dicts of the
        values of its prices (see RULE_PRICE_FIELDS), "state": the state the
        rate is in or goes to, and optionally "id" (a saved rate),
        "supersedes_id", "active", "label" (what the messages call it) and
        "activating" (the rate becomes active: it must have a freight price,
        be valid still, and may supersede the rate in "supersedes_id").
        A constraint raises the first problem; the rate-sheet import lists
        them all. The checks read what they need for all the rates at once.
        """
        env = self.env
        problems = []
        port_ids = {r.get(f) for r in rates for f in PORT_FIELDS} - {None, False}
        ports = {
            port.id: port
            for port in env["freight.port"]
            .with_context(active_test=False)
            .search_fetch([("id", "in", list(port_ids))], ["kind"])
        }
        partner_ids = {r.get(f) for r in rates for f in PARTNER_FIELDS}
        partners = {
            partner.id: partner
            for partner in env["res.partner"]
            .with_context(active_test=False)
            .search_fetch(
                [("id", "in", list(partner_ids - {None, False}))],
                ["freight_carrier_kind"],
            )
        }
        mode_labels = dict(self._fields["mode"]._description_selection(env))
        for index, rate in enumerate(rates):
            problems += self._rate_value_problems(
                index, rate, ports, partners, mode_labels
            )
        problems += self.env["freight.rate.line"]._price_problems(rates)
        problems += self._activation_problems(rates, {p.index for p in problems})
        problems.sort(key=lambda p: p.index)
        return problems

    @api.model
    def _rate_value_problems(self, index, rate, ports, partners, mode_labels):
        """The problems of one rate's own values."""
        problems = []

        def problem(fname, value, message):
            problems.append(RateProblem(index, fname, None, value, message))

        mode = rate.get("mode")
        start, end = rate.get("valid_from"), rate.get("valid_to")
        if start and end and end < start:
            problem(
                "valid_to",
                end,
                self.env._(
                    "The rate ends on %(to)s, before it starts on %(from)s.",
                    to=format_date(self.env, end),
                    **{"from": format_date(self.env, start)},
                ),
            )
        for fname in ("transit_days", "free_dem_days", "free_det_days"):
            if (rate.get(fname) or 0) < 0:
                problem(
                    fname,
                    rate[fname],
                    self.env._("Transit time and free days cannot be negative."),
                )
        kinds = MODE_PORT_KINDS.get(mode, ())
        for fname in PORT_FIELDS:
            port = ports.get(rate.get(fname))
            if port and port.kind not in kinds:
                problem(
                    fname,
                    port.display_name,
                    self.env._(
                        "%(port)s is not a place for %(mode)s: choose an airport "
                        "for air, a seaport or depot for sea.",
                        port=port.display_name,
                        mode=mode_labels.get(mode, mode),
                    ),
                )
        origin = rate.get("origin_id")
        if origin and origin == rate.get("destination_id"):
            problem(
                "destination_id",
                ports[origin].display_name,
                self.env._(
                    "Origin and destination are both %s.",
                    ports[origin].display_name,
                ),
            )
        carrier = partners.get(rate.get("carrier_id"))
        vendor = partners.get(rate.get("vendor_id"))
        if not carrier and not vendor:
            problem(
                "carrier_id",
                "",
                self.env._(
                    "The rate needs a carrier or the co-loader it is bought from."
                ),
            )
        if carrier and carrier.freight_carrier_kind not in MODE_CARRIER_KINDS.get(
            mode, ()
        ):
            problem(
                "carrier_id",
                carrier.display_name,
                self.env._(
                    "%(carrier)s is not a carrier for this mode: a sea rate "
                    "needs a shipping line, an air rate an airline, a trucking "
                    "rate a trucking company.",
                    carrier=carrier.display_name,
                ),
            )
        if vendor and vendor.freight_carrier_kind not in VENDOR_KINDS:
            problem(
                "vendor_id",
                vendor.display_name,
                self.env._(
                    "%s is not a co-loader or agent: set its carrier kind first.",
                    vendor.display_name,
                ),
            )
        if rate.get("rate_type") == "named_account" and not rate.get(
            "named_customer_id"
        ):
            problem(
                "named_customer_id",
                "",
                self.env._("A named-account rate needs the customer it was filed for."),
            )
        return problems

    @api.model
    def _activation_problems(self, rates, wrong=()):
        """What stops rates from being active: no freight price, a validity
        that has already ended, a rate it cannot supersede, an overlap with
        another active rate of the same product (not looked for on the rates
        WRONG already: their values are not what they will be)."""
        today = fields.Date.context_today(self)
        problems = []
        active = [
            index
            for index, rate in enumerate(rates)
            if rate.get("state") == "active" and rate.get("active", True)
        ]
        if not active:
            return problems
        activating = [index for index in active if rates[index].get("activating")]
        for index in activating:
            rate = rates[index]
            freight = [
                p
                for p in rate.get("prices", ())
                if p.get("line_type", "freight") == "freight"
                and p.get("weight_break") != "min"
            ]
            if not freight:
                problems.append(
                    RateProblem(
                        index,
                        "mode",
                        None,
                        rate.get("mode"),
                        self.env._(
                            "The rate has no freight price yet: %s",
                            self._freight_needed(rate.get("mode")),
                        ),
                    )
                )
            if rate.get("valid_to") and rate["valid_to"] < today:
                problems.append(
                    RateProblem(
                        index,
                        "valid_to",
                        None,
                        rate["valid_to"],
                        self.env._(
                            "It ended on %s: a rate that has already expired "
                            "cannot be activated.",
                            format_date(self.env, rate["valid_to"]),
                        ),
                    )
                )
        problems += self._supersede_problems(rates, activating)
        wrong = set(wrong) | {p.index for p in problems}
        active = [index for index in active if index not in wrong]
        candidates = [rates[index] for index in active]
        reported = set()
        for position, other in self._find_overlaps(candidates):
            index = active[position]
            if index in reported:
                continue
            reported.add(index)
            if isinstance(other, int):
                other = candidates[other]
                message = self.env._(
                    "It overlaps %(other)s (valid %(from)s to %(to)s): same "
                    "carrier, co-loader, lane, mode and equipment.",
                    other=other.get("label"),
                    to=format_date(self.env, other["valid_to"]),
                    **{"from": format_date(self.env, other["valid_from"])},
                )
            else:
                message = self.env._(
                    "It overlaps the active rate %(other)s (valid %(from)s to "
                    "%(to)s) of the same carrier, co-loader, lane, mode and "
                    "equipment: end the old rate first, or let the new one "
                    "supersede it.",
                    other=other["name"],
                    to=format_date(self.env, other["valid_to"]),
                    **{"from": format_date(self.env, other["valid_from"])},
                )
            problems.append(
                RateProblem(
                    index, "valid_from", None, rates[index]["valid_from"], message
                )
            )
        return problems

    @api.model
    def _freight_needed(self, mode):
        return {
            "sea_fcl": self.env._(
                "an FCL rate needs at least one container price (20GP...)."
            ),
            "sea_lcl": self.env._(
                "an LCL rate needs its price per CBM or W/M (LCL/CBM...)."
            ),
            "air": self.env._(
                "an air rate needs at least one weight-break price (+45...)."
            ),
            "trucking": self.env._(
                "a trucking rate needs a price per container or per trip."
            ),
        }.get(mode, "")

    @api.model
    def _supersede_problems(self, rates, indexes):
        """A rate replaces a rate of the same product that starts before it
        and that no other rate replaces."""
        problems = []
        old_ids = {rates[i].get("supersedes_id") for i in indexes} - {None, False}
        if not old_ids:
            return problems
        olds = {
            old.id: old
            for old in self.with_context(active_test=False).search_fetch(
                [("id", "in", list(old_ids))],
                [*SUPERSEDE_SAME, "name", "valid_from", "superseded_by_id"],
            )
        }
        claimed = {}
        for index in indexes:
            rate = rates[index]
            old = olds.get(rate.get("supersedes_id"))
            if not old:
                continue

            def problem(message, index=index, old=old):
                problems.append(
                    RateProblem(index, "supersedes_id", None, old.name, message)
                )

            if any(
                (old[f].id if old._fields[f].relational else old[f])
                != (rate.get(f) or False)
                for f in SUPERSEDE_SAME
            ):
                problem(
                    self.env._(
                        "It cannot supersede %s: a rate only replaces a rate of "
                        "the same mode, carrier, co-loader and lane.",
                        old.name,
                    )
                )
            elif old.valid_from > rate["valid_from"] - timedelta(days=1):
                problem(
                    self.env._(
                        "Cannot supersede %(old)s: the old rate starts on "
                        "%(start)s, so it would end before it starts. Archive it "
                        "instead.",
                        old=old.name,
                        start=format_date(self.env, old.valid_from),
                    )
                )
            elif old.superseded_by_id and old.superseded_by_id.id != rate.get("id"):
                problem(
                    self.env._(
                        "%(old)s is already superseded by %(other)s.",
                        old=old.name,
                        other=old.superseded_by_id.name,
                    )
                )
            elif old.id in claimed:
                problem(
                    self.env._(
                        "%(old)s is already superseded by %(other)s.",
                        old=old.name,
                        other=rates[claimed[old.id]].get("label"),
                    )
                )
            claimed.setdefault(old.id, index)
        return problems

    @api.model
    def _find_overlaps(self, rates):
        """[(index, other)]: the rates (values as _rate_problems() takes them)
        that overlap active rates of the database (other: a dict of its id,
        name, validity and superseded_by_id; each of them) or an earlier one
        of RATES (other: its index), of the same product (OVERLAP_KEY) and
        equipment.

        Equipment clashes when both rates price a common container type, or
        when either prices no container at all (air, LCL, per trip). The
        rate a rate supersedes ends before it starts: they do not clash.
        Single-table queries for any number of rates (imports check 10,000 at
        once), matched here: a join in SQL is at the mercy of the planner's
        statistics, which right after a bulk insert still describe a nearly
        empty table and turn the join into a full scan per rate.
        """
        if not rates:
            return []
        keys = [tuple(rate.get(f) or False for f in OVERLAP_KEY) for rate in rates]
        containers = [
            frozenset(
                p["container_type_id"]
                for p in rate.get("prices", ())
                if p.get("line_type", "freight") == "freight"
                and p.get("container_type_id")
            )
            for rate in rates
        ]

        def clash(start, end, mine, other_start, other_end, theirs):
            if other_start > end or other_end < start:
                return False
            return not mine or not theirs or bool(mine & theirs)

        self.env["freight.rate.line"].flush_model()
        self.flush_model()
        own_ids = tuple({rate["id"] for rate in rates if rate.get("id")}) or (0,)
        columns = SQL(", ").join(SQL.identifier(f) for f in OVERLAP_KEY)
        found = self.env.execute_query_dict(
            SQL(
                """
                SELECT id, name, valid_from, valid_to, superseded_by_id, %(keys)s
                  FROM freight_rate
                 WHERE state = 'active' AND active
                   AND origin_id IN %(origins)s AND destination_id IN %(dests)s
                   AND valid_to >= %(start)s AND valid_from <= %(end)s
                   AND id NOT IN %(own)s
                 ORDER BY id
                """,
                keys=columns,
                origins=tuple({rate["origin_id"] for rate in rates}),
                dests=tuple({rate["destination_id"] for rate in rates}),
                start=min(rate["valid_from"] for rate in rates),
                end=max(rate["valid_to"] for rate in rates),
                own=own_ids,
            )
        )
        existing = defaultdict(list)
        priced = defaultdict(set)
        if found:
            for rate_id, container_id in self.env.execute_query(
                SQL(
                    """
                    SELECT rate_id, container_type_id FROM freight_rate_line
                     WHERE rate_id IN %s AND line_type = 'freight'
                       AND container_type_id IS NOT NULL
                    """,
                    tuple(row["id"] for row in found),
                )
            ):
                priced[rate_id].add(container_id)
            for row in found:
                row["containers"] = frozenset(priced[row["id"]])
                existing[tuple(row[f] or False for f in OVERLAP_KEY)].append(row)
        clashes = []
        for index, rate in enumerate(rates):
            clashes += [
                (index, row)
                for row in existing.get(keys[index], ())
                if row["id"] != rate.get("supersedes_id")
                and clash(
                    rate["valid_from"],
                    rate["valid_to"],
                    containers[index],
                    row["valid_from"],
                    row["valid_to"],
                    row["containers"],
                )
            ]
        # Among themselves: per product, in order of start, against the
        # rates still running.
        groups = defaultdict(list)
        for index, key in enumerate(keys):
            groups[key].append(index)
        for group in groups.values():
            group.sort(key=lambda i: (rates[i]["valid_from"], i))
            running = []
            for index in group:
                start, end = rates[index]["valid_from"], rates[index]["valid_to"]
                running = [i for i in running if rates[i]["valid_to"] >= start]
                other = next(
                    (
                        i
                        for i in running
                        if clash(
                            start,
                            end,
                            containers[index],
                            rates[i]["valid_from"],
                            rates[i]["valid_to"],
                            containers[i],
                        )
                    ),
                    None,
                )
                if other is not None:
                    clashes.append((index, other))
                running.append(index)
        return sorted(clashes, key=lambda item: item[0])

    @api.model_create_multi
    def create(self, vals_list):
        # Rates created active are created as drafts, then activated through
        # write(), as the Activate button does.
        to_activate = []
        for index, vals in enumerate(vals_list):
            if vals.get("state") == "active":
                vals["state"] = "draft"
                to_activate.append(index)
        new = self.env._("New")
        unnamed = [v for v in vals_list if not v.get("name") or v["name"] == new]
        for vals, name in zip(
            unnamed, self._next_rate_numbers(len(unnamed)), strict=True
        ):
            vals["name"] = name
        rates = super().create(vals_list)
        if to_activate:
            rates.browse([rates[i].id for i in to_activate]).write({"state": "active"})
        return rates

    @api.model
    def _next_rate_numbers(self, count):
        """COUNT numbers of the rate sequence, in one query for a batch
        (next_by_code draws them one by one, and an import creates
        thousands): the same numbers, in the same order."""
        Sequence = self.env["ir.sequence"]
        if count < 2:
            return [Sequence.next_by_code("freight.rate") or "/" for _n in range(count)]
        Sequence.browse().check_access("read")
        sequence = Sequence.search(
            [
                ("code", "=", "freight.rate"),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )
        if (
            not sequence
            or sequence.use_date_range
            or sequence.implementation != "standard"
        ):
            return [Sequence.next_by_code("freight.rate") or "/" for _n in range(count)]
        numbers = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s) ORDER BY 1",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        # As ir.sequence.get_next_char(), the prefix interpolated once.
        prefix, suffix = sequence._get_prefix_suffix()
        padding = sequence.padding
        return [f"{prefix}{number:0{padding}d}{suffix}" for (number,) in numbers]

    def write(self, vals):
        if "valid_to" in vals:
            vals = dict(vals, expiry_reminded=False)
        if vals.get("state") != "active":
            return super().write(vals)
        # Activation: the other values first, then the rules of a rate that
        # becomes active, then the rates superseded end, then the state.
        self.check_access("write")
        activating = self.filtered(lambda r: r.state != "active")
        others = {fname: value for fname, value in vals.items() if fname != "state"}
        if others:
            super().write(others)
        if activating:
            activating._raise_first_problem(activating._rule_values(activating=True))
            for rate in activating.filtered("supersedes_id"):
                rate._supersede(rate.supersedes_id)
        return super().write({"state": "active"})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rate.state != "draft" for rate in self):
            raise UserError(
                self.env._(
                    "Only draft rates can be deleted; archive the others, their "
                    "history stays."
                )
            )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        return [
            dict(vals, name=self.env._("New"))
            if "name" not in (default or {})
            else vals
            for vals in vals_list
        ]

    def action_activate(self):
        for rate in self:
            if rate.state != "draft":
                raise UserError(
                    self.env._(
                        "Rate %s is not a draft: only drafts can be activated.",
                        rate.display_name,
                    )
                )
        self.write({"state": "active"})
        return True

    def _supersede(self, old):
        """End OLD the day before this rate starts and point it to this rate
        (the rules of _supersede_problems() were checked)."""
        self.ensure_one()
        end = self.valid_from - timedelta(days=1)
        old.write({"valid_to": min(old.valid_to, end), "superseded_by_id": self.id})
        old.message_post(
            body=self.env._(
                "Superseded by %(rate)s from %(date)s.",
                rate=self.name,
                date=format_date(self.env, self.valid_from),
            ),
        )

    def action_expire(self):
        for rate in self:
            if rate.state != "active":
                raise UserError(self.env._("Rate %s is not active.", rate.display_name))
        self.write({"state": "expired"})
        return True

    def action_draft(self):
        for rate in self:
            if rate.state == "draft":
                raise UserError(
                    self.env._("Rate %s is already a draft.", rate.display_name)
                )
        self.write({"state": "draft"})
        return True

    def action_new_version(self):
        """A draft copy that supersedes this rate once activated."""
        self.ensure_one()
        if self.superseded_by_id:
            raise UserError(
                self.env._(
                    "%(rate)s is already superseded by %(other)s.",
                    rate=self.display_name,
                    other=self.superseded_by_id.display_name,
                )
            )
        today = fields.Date.context_today(self)
        start = max(today, self.valid_from + timedelta(days=1))
        new = self.copy(
            {
                "supersedes_id": self.id,
                "valid_from": start,
                "valid_to": max(self.valid_to, start),
                "user_id": self.env.user.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.rate",
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Expiry
    # ------------------------------------------------------------------
    @api.model
    def _cron_expiry(self):
        """Daily: expire, remind the owners, and once a week the digest."""
        today = fields.Date.context_today(self)
        self._expire_past(today)
        self._remind_expiring(today)
        self._send_expiry_digest(today)

    @api.model
    def _expire_past(self, today):
        past = self.search([("state", "=", "active"), ("valid_to", "<", today)])
        past.write({"state": "expired"})
        return past

    @api.model
    def _remind_expiring(self, today):
        activity_type = self.env.ref("freight_rates.mail_activity_type_rate_expiry")
        reminded = self.browse()
        companies = self.env["res.company"].search([])
        for company in companies:
            horizon = today + timedelta(days=company.freight_rate_expiry_notice_days)
            rates = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("valid_to", ">=", today),
                    ("valid_to", "<=", horizon),
                    ("expiry_reminded", "=", False),
                    ("superseded_by_id", "=", False),
                ]
            )
            for rate in rates:
                rate.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=rate.valid_to,
                    summary=self.env._(
                        "Rate expires on %s", format_date(self.env, rate.valid_to)
                    ),
                    user_id=(rate.user_id or self.env.user).id,
                )
            rates.write({"expiry_reminded": True})
            reminded |= rates
        return reminded

    @api.model
    def _send_expiry_digest(self, today):
        """One e-mail a week to the pricing team: rates ending in 14 days."""
        template = self.env.ref("freight_rates.mail_template_rate_expiry_digest")
        pricing = self.env.ref("freight_crm.group_freight_pricing")
        sent = self.env["res.company"]
        for company in self.env["res.company"].search([]):
            last = company.freight_rate_digest_date
            if last and (today - last).days < 7:
                continue
            rates = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("valid_to", ">=", today),
                    ("valid_to", "<=", today + timedelta(days=14)),
                    ("superseded_by_id", "=", False),
                ],
                order="valid_to, origin_id, destination_id, id",
            )
            recipients = pricing.users.filtered(
                lambda u, c=company: u.active and u.email and c in u.company_ids
            )
            if rates and recipients:
                template.with_context(
                    freight_rates=rates,
                    freight_digest_date=today,
                    lang=None,
                ).send_mail(
                    company.id,
                    email_values={
                        "recipient_ids": [(6, 0, recipients.partner_id.ids)],
                        "email_to": False,
                    },
                )
            company.freight_rate_digest_date = today
            sent |= company
        return sent

    # ------------------------------------------------------------------
    # Rate finder
    # ------------------------------------------------------------------
    @api.model
    def find_rates(
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
        """The valid rates of a lane, cheapest all-in cost first.

        Callable over JSON-RPC. Ports are ids, UN/LOCODEs or IATA codes;
        container_type an id or a code (40HC); currency an id or an ISO code;
        date an ISO date (today by default); customer the id of the customer
        quoted, whose named-account rates then show (other customers' never
        do). Returns a list of dicts, amounts converted into ``currency``
        (the company currency by default).
        """
        request = self._finder_request(
            mode,
            origin,
            destination,
            date=date,
            container_type=container_type,
            container_qty=container_qty,
            gross_weight=gross_weight,
            volume=volume,
            currency=currency,
            include_expired=include_expired,
            customer=customer,
        )
        results = self._find_rates(request, limit=limit)
        today = fields.Date.context_today(self)
        return [self._finder_result_json(result, today=today) for result in results]

    @api.model
    def _finder_request(
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
        customer=None,
    ):
        """Check and normalise what the finder was asked; clear errors."""
        if mode not in dict(RATE_MODES):
            raise UserError(
                self.env._(
                    "Unknown mode %(mode)s: use one of %(modes)s.",
                    mode=mode,
                    modes=", ".join(dict(RATE_MODES)),
                )
            )
        origin, destination = self._finder_ports(mode, origin, destination)
        if isinstance(date, str):
            try:
                date = fields.Date.to_date(date)
            except ValueError as exc:
                raise UserError(
                    self.env._("%s is not a date (YYYY-MM-DD).", date)
                ) from exc
        date = date or fields.Date.context_today(self)
        container = self._finder_lookup(
            "freight.container.type", "code", container_type
        )
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
        if container_qty < 0 or gross_weight < 0 or volume < 0:
            raise UserError(
                self.env._("Quantity, weight and volume cannot be negative.")
            )
        if mode == "sea_fcl" and not container:
            raise UserError(self.env._("Choose the container type of an FCL shipment."))
        if mode in ("air", "sea_lcl") and not (gross_weight or volume):
            raise UserError(
                self.env._("Give the gross weight or the volume of the cargo.")
            )
        target = self._finder_lookup("res.currency", "name", currency)
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
        currency_id, root_company_id = self._finder_company(self.env.company.id)
        target = target or self.env["res.currency"].browse(currency_id)
        factor = AIR_KG_PER_CBM if mode == "air" else SEA_KG_PER_CBM
        chargeable = max(gross_weight, volume * factor)
        return {
            "mode": mode,
            "origin": origin,
            "destination": destination,
            "date": date,
            "container": container,
            "container_qty": container_qty or 1,
            "gross_weight": gross_weight,
            "volume": volume,
            "chargeable_weight": float_round(chargeable, precision_digits=2),
            "currency": target,
            "include_expired": bool(include_expired),
            "customer": partner.commercial_partner_id,
            # Exchange rates are kept on the root company (res.currency).
            "root_company_id": root_company_id,
        }

    @api.model
    @ormcache("company_id")
    def _finder_company(self, company_id):
        """(currency id, root company id) of the company, kept in the registry
        cache (res.company clears it when either changes)."""
        company = self.env["res.company"].sudo().browse(company_id)
        return company.currency_id.id, int(company.parent_path.split("/")[0])

    @api.model
    def _finder_lookup(self, model, code_field, value):
        """A record by id, or by its code (exact, upper case), or nothing."""
        Model = self.env[model].with_context(active_test=False)
        if not value:
            return Model.browse()
        if isinstance(value, int):
            return Model.browse(value).exists()
        code = str(value).strip().upper()
        return Model.browse(self._finder_code_ids(model, code_field, code)[:1])

    @api.model
    @ormcache("model", "code_field", "code")
    def _finder_code_ids(self, model, code_field, code):
        """Ids of the master-data records with this code, kept in the registry
        cache (codes are looked up on every finder call, and hardly change;
        freight.port and freight.container.type clear it when they do)."""
        records = self.env[model].sudo().with_context(active_test=False)
        return tuple(records.search([(code_field, "=", code)], order="id").ids)

    @api.model
    @ormcache()
    def _finder_port_index(self):
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
    def _finder_ports(self, mode, origin, destination):
        """The origin and destination ports, each by id, UN/LOCODE or IATA
        code, of a kind the mode uses (a UN/LOCODE names both the seaport and
        the airport of a city), with their display names."""
        Port = self.env["freight.port"]
        Port.check_access("read")
        kinds = MODE_PORT_KINDS[mode]
        active_test = self.env.context.get("active_test", True)
        by_id, by_code = self._finder_port_index()
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
            ports.append(Port.browse(rows[0][0]))
        return ports

    @api.model
    def _find_rates(self, request, limit=50):
        """Price every valid rate of the lane for the request; cheapest first.

        Four queries whatever the number of rates: the rates, through the ORM
        so that access rules apply; all their prices; the currencies; the
        names of the carriers and co-loaders.
        """
        self.check_access("read")
        domain = [
            ("mode", "=", request["mode"]),
            ("origin_id", "=", request["origin"].id),
            ("destination_id", "=", request["destination"].id),
            ("valid_from", "<=", request["date"]),
        ]
        # A named-account rate is for its customer only.
        customer = request.get("customer")
        if customer:
            domain += [
                "|",
                ("rate_type", "!=", "named_account"),
                ("named_customer_id", "=", customer.id),
            ]
        else:
            domain.append(("rate_type", "!=", "named_account"))
        if request["include_expired"]:
            domain.append(("state", "in", ("active", "expired")))
        else:
            domain += [("state", "=", "active"), ("valid_to", ">=", request["date"])]
        # The rates through the ORM, so that access rules apply, with what the
        # results show of them; then all their prices in one query.
        found = self.search_fetch(domain, FINDER_RATE_FIELDS, order="id")
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
        currency_ids = {row["currency_id"] for row in rows} | {request["currency"].id}
        currencies = self._finder_currencies(
            currency_ids, request["date"], request["root_company_id"]
        )
        results = []
        for rate_id, lines in lines_by_rate.items():
            priced = self._price_lines(lines, request, currencies)
            if priced:
                results.append(dict(priced, rate_id=rate_id))
        results.sort(key=lambda r: (r["all_in_amount"], r["rate_id"]))
        results = results[:limit]
        # What the results show, read in narrow queries rather than every
        # column of every record.
        rates = self.browse([r["rate_id"] for r in results])
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
        ports = self._finder_port_index()[0]
        charge_names = {
            row["charge_type_id"]: (row["charge_code"], row["charge_name"])
            for row in rows
        }
        origin_name = self._finder_port_name(request["origin"])
        destination_name = self._finder_port_name(request["destination"])
        for result, rate in zip(results, rates, strict=True):
            result["rate"] = rate
            result["origin_name"] = origin_name
            result["destination_name"] = destination_name
            result["carrier_name"] = names.get(rate.carrier_id.id, False)
            result["vendor_name"] = names.get(rate.vendor_id.id, False)
            result["named_customer_name"] = names.get(rate.named_customer_id.id, False)
            via = rate.transshipment_id.id
            result["via_name"] = ports[via][3] if via in ports else False
            result["currency_name"] = currencies[result["currency_id"]]["name"]
            for item in result["items"]:
                item["charge_code"], item["charge_name"] = charge_names[
                    item["charge_type_id"]
                ]
                item["currency_name"] = currencies[item["currency_id"]]["name"]
        return results

    @api.model
    def _finder_port_name(self, port):
        return self._finder_port_index()[0][port.id][3]

    @api.model
    def _finder_currencies(self, currency_ids, date, root_company_id):
        """{currency id: {name, rounding, rate}} in one plain query."""
        rows = self.env.execute_query_dict(
            SQL(
                "SELECT c.id, c.name, c.rounding, %s AS rate"
                " FROM res_currency c WHERE c.id IN %s",
                self._finder_rate_sql(date, root_company_id),
                tuple(currency_ids),
            )
        )
        return {row["id"]: row for row in rows}

    @api.model
    def _finder_rate_sql(self, date, root_company_id):
        """The rate of currency ``c`` on DATE as ``res.currency._get_rates()``
        finds it (the company's own rate, else the shared one; the last one
        on or before the date, else the first one; else 1), as SQL: through
        the ORM it costs a third of a finder call. Currencies and their rates
        are public; the company filter is the one their record rule applies."""
        return SQL(
            """
            COALESCE(
                (SELECT r.rate FROM res_currency_rate r
                  WHERE r.currency_id = c.id AND r.name <= %(date)s
                    AND (r.company_id = %(root)s OR r.company_id IS NULL)
                  ORDER BY r.company_id, r.name DESC LIMIT 1),
                (SELECT r.rate FROM res_currency_rate r
                  WHERE r.currency_id = c.id
                    AND (r.company_id = %(root)s OR r.company_id IS NULL)
                  ORDER BY r.company_id, r.name LIMIT 1),
                1.0)
            """,
            date=date,
            root=root_company_id,
        )

    @api.model
    def _price_lines(self, lines, request, currencies):
        """The cost of one rate for the request, or None if it cannot carry it.

        ``currencies``: {id: {name, rounding, rate}}, read with the prices.
        """
        freight = [x for x in lines if x["line_type"] == "freight"]
        surcharges = [x for x in lines if x["line_type"] == "surcharge"]
        container = request["container"].id
        mode = request["mode"]
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
        target = currencies[request["currency"].id]
        to_rate = target["rate"]
        rounding = target["rounding"]

        def round_amount(amount):  # res.currency.round(), without its overhead
            return float_round(amount, precision_rounding=rounding)

        totals = {"freight": 0.0, "surcharge": 0.0, "excluded": 0.0}
        for item in items:
            line = item.pop("line")
            item.update(
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
            "currency_id": request["currency"].id,
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
        weight = request["chargeable_weight"]
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
        container = request["container"].id
        qty = request["container_qty"]
        match = [
            x for x in freight if container and x["container_type_id"] == container
        ]
        if not match and request["mode"] == "trucking":
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
        volume, gross = request["volume"], request["gross_weight"]
        return {
            "per_container": request["container_qty"],
            "per_shipment": 1.0,
            "per_bill": 1.0,
            "per_trip": 1.0,
            "per_kg": gross,
            "per_chargeable_kg": request["chargeable_weight"],
            "per_cbm": volume,
            "per_wm": max(volume, gross / SEA_KG_PER_CBM),
        }[unit]

    @api.model
    def _finder_result_json(self, result, today=None):
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
                }
                for item in result["items"]
            ],
        }
