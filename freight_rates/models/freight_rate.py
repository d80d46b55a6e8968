# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, create_index, format_date

from odoo.addons.freight_crm.models.freight_selection import (
    DIRECTIONS,
    MODE_PORT_KINDS,
    TRANSPORT_MODES,
)

from .freight_rate_line import RateProblem

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
    # Rate finder: the engine is freight.rate.finder.engine
    # ------------------------------------------------------------------
    @api.model
    @api.readonly
    def find_rates(self, *args, **kwargs):
        """The valid rates of a lane, cheapest all-in cost first.

        Callable over JSON-RPC, served from a read replica where there is
        one: find_rates(mode, origin, destination, date=None,
        container_type=None, container_qty=1, gross_weight=0.0, volume=0.0,
        currency=None, include_expired=False, limit=50, customer=None).
        Ports are ids, UN/LOCODEs or IATA codes; container_type an id or a
        code (40HC); currency an id or an ISO code; date an ISO date (today by
        default); customer the id of the customer quoted, whose named-account
        rates then show (other customers' never do); limit 1 to 500. Returns
        a list of dicts, amounts converted into ``currency`` (the company
        currency by default), each converted price with the exchange rate
        used. See ``freight.rate.finder.engine._request()``.
        """
        return self.env["freight.rate.finder.engine"].find_rates(*args, **kwargs)
