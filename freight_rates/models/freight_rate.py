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

from .freight_rate_line import WEIGHT_BREAK_KG

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

    @api.constrains("valid_from", "valid_to")
    def _check_validity(self):
        for rate in self:
            if rate.valid_from and rate.valid_to and rate.valid_to < rate.valid_from:
                raise ValidationError(
                    self.env._(
                        "Rate %(rate)s ends on %(to)s, before it starts on %(from)s.",
                        rate=rate.display_name,
                        to=format_date(self.env, rate.valid_to),
                        **{"from": format_date(self.env, rate.valid_from)},
                    )
                )

    @api.constrains("transit_days", "free_dem_days", "free_det_days")
    def _check_days(self):
        for rate in self:
            if min(rate.transit_days, rate.free_dem_days, rate.free_det_days) < 0:
                raise ValidationError(
                    self.env._(
                        "Rate %s: transit time and free days cannot be negative.",
                        rate.display_name,
                    )
                )

    @api.constrains("mode", "origin_id", "destination_id", "transshipment_id")
    def _check_ports(self):
        for rate in self:
            kinds = MODE_PORT_KINDS[rate.mode]
            mode_label = dict(self._fields["mode"]._description_selection(self.env))[
                rate.mode
            ]
            for port in rate.origin_id | rate.destination_id | rate.transshipment_id:
                if port.kind not in kinds:
                    raise ValidationError(
                        self.env._(
                            "%(port)s is not a place for %(mode)s: choose an "
                            "airport for air, a seaport or depot for sea.",
                            port=port.display_name,
                            mode=mode_label,
                        )
                    )
            if rate.origin_id == rate.destination_id:
                raise ValidationError(
                    self.env._(
                        "Origin and destination are both %s.",
                        rate.origin_id.display_name,
                    )
                )

    @api.constrains("mode", "carrier_id", "vendor_id")
    def _check_carrier(self):
        for rate in self:
            if not rate.carrier_id and not rate.vendor_id:
                raise ValidationError(
                    self.env._(
                        "Rate %s needs a carrier or the co-loader it is bought from.",
                        rate.display_name,
                    )
                )
            kinds = MODE_CARRIER_KINDS[rate.mode]
            if rate.carrier_id and rate.carrier_id.freight_carrier_kind not in kinds:
                raise ValidationError(
                    self.env._(
                        "%(carrier)s is not a carrier for this mode: a sea rate "
                        "needs a shipping line, an air rate an airline, a trucking "
                        "rate a trucking company.",
                        carrier=rate.carrier_id.display_name,
                    )
                )
            if (
                rate.vendor_id
                and rate.vendor_id.freight_carrier_kind not in VENDOR_KINDS
            ):
                raise ValidationError(
                    self.env._(
                        "%s is not a co-loader or agent: set its carrier kind first.",
                        rate.vendor_id.display_name,
                    )
                )

    @api.constrains("rate_type", "named_customer_id")
    def _check_named_customer(self):
        for rate in self:
            if rate.rate_type == "named_account" and not rate.named_customer_id:
                raise ValidationError(
                    self.env._(
                        "A named-account rate needs the customer it was filed for."
                    )
                )

    @api.constrains("mode")
    def _check_mode_lines(self):
        self.line_ids._check_freight_shape()

    def _check_price_ladder(self):
        """One price per container type / weight break / unit, and air
        prices per kg that do not rise as the weight break rises."""
        breaks = WEIGHT_BREAK_KG
        for rate in self:
            seen = set()
            freight = rate.line_ids.filtered(lambda x: x.line_type == "freight")
            for line in freight:
                key = (line.container_type_id.id, line.weight_break, line.unit)
                if key in seen:
                    raise ValidationError(
                        self.env._(
                            "Rate %(rate)s prices %(price)s twice.",
                            rate=rate.display_name,
                            price=line._price_label(),
                        )
                    )
                seen.add(key)
            if rate.mode != "air":
                continue
            ladder = sorted(
                (
                    (breaks[x.weight_break], x)
                    for x in freight
                    if x.weight_break and x.weight_break != "min"
                ),
                key=lambda pair: pair[0],
            )
            for (_lower_kg, lower), (_upper_kg, upper) in zip(
                ladder, ladder[1:], strict=False
            ):
                if upper.amount > lower.amount:
                    raise ValidationError(
                        self.env._(
                            "Rate %(rate)s: the %(upper)s price (%(upper_amount)s) is "
                            "higher than the %(lower)s price (%(lower_amount)s); a "
                            "heavier weight break cannot cost more per kg.",
                            rate=rate.display_name,
                            upper=upper._price_label(),
                            lower=lower._price_label(),
                            upper_amount=upper.amount,
                            lower_amount=lower.amount,
                        )
                    )

    @api.constrains(
        "state", "active", "valid_from", "valid_to", "line_ids", *OVERLAP_KEY
    )
    def _check_overlap(self):
        clashes = self._find_overlaps()
        if clashes:
            rate, other = next(iter(clashes.items()))
            raise ValidationError(self._overlap_message(rate, other))

    def _overlap_message(self, rate, other):
        return self.env._(
            "%(rate)s overlaps the active rate %(other)s of the same carrier, "
            "co-loader, lane, mode and equipment (valid %(from)s to %(to)s). "
            "End the old rate first, or let the new one supersede it.",
            rate=rate.display_name,
            other=other.display_name,
            to=format_date(self.env, other.valid_to),
            **{"from": format_date(self.env, other.valid_from)},
        )

    def _find_overlaps(self):
        """{rate: other active rate it clashes with}, for the active rates in self.

        Three single-table queries for any number of rates (imports check
        10,000 at once), matched here: a join in SQL is at the mercy of the
        planner's statistics, which right after a bulk insert still describe
        a nearly empty table and turn the join into a full scan per rate.
        Equipment clashes when both rates price a common container type, or
        when either prices no container at all (air, LCL, per trip).
        """
        rates = self.filtered(lambda r: r.state == "active" and r.active)
        if not rates:
            return {}
        self.env["freight.rate.line"].flush_model()
        self.flush_model()
        columns = SQL(", ").join(
            SQL.identifier(f) for f in ("id", "valid_from", "valid_to", *OVERLAP_KEY)
        )
        mine = self.env.execute_query(
            SQL("SELECT %s FROM freight_rate WHERE id IN %s", columns, tuple(rates.ids))
        )
        # The active rates on the same origins and destinations, then the
        # same key (all of OVERLAP_KEY, NULL equal to NULL) below.
        origin, destination = (3 + OVERLAP_KEY.index(f) for f in OVERLAP_LANE)
        others = self.env.execute_query(
            SQL(
                """
                SELECT %s FROM freight_rate
                 WHERE state = 'active' AND active
                   AND origin_id IN %s AND destination_id IN %s
                   AND valid_to >= %s AND valid_from <= %s
                 ORDER BY id
                """,
                columns,
                tuple({row[origin] for row in mine}),
                tuple({row[destination] for row in mine}),
                min(row[1] for row in mine),
                max(row[2] for row in mine),
            )
        )
        keys = {row[3:] for row in mine}
        by_key = defaultdict(list)
        for row in others:
            if row[3:] in keys:
                by_key[row[3:]].append(row)
        ids = {row[0] for row in mine}
        ids.update(row[0] for rows in by_key.values() for row in rows)
        containers = defaultdict(set)
        for rate_id, container_id in self.env.execute_query(
            SQL(
                """
                SELECT rate_id, container_type_id FROM freight_rate_line
                 WHERE rate_id IN %s AND line_type = 'freight'
                   AND container_type_id IS NOT NULL
                """,
                tuple(ids),
            )
        ):
            containers[rate_id].add(container_id)
        clashes = {}
        for rate_id, start, end, *key in sorted(mine):
            priced = containers[rate_id]
            for other_id, other_start, other_end, *_key in by_key[tuple(key)]:
                if other_id == rate_id or other_start > end or other_end < start:
                    continue
                theirs = containers[other_id]
                if not priced or not theirs or priced & theirs:
                    clashes[rate_id] = other_id
                    break
        Rate = self.browse()
        return {Rate.browse(rid): Rate.browse(oid) for rid, oid in clashes.items()}

    @api.model_create_multi
    def create(self, vals_list):
        # Rates created active go through activation, so that a superseded
        # rate is ended before the overlap check runs.
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
            rates.browse([rates[i].id for i in to_activate])._activate()
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
        if vals.get("state") == "active":
            vals = dict(vals)
            del vals["state"]
            res = super().write(vals)
            self.filtered(lambda r: r.state != "active")._activate()
            return res
        return super().write(vals)

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
        self._activate()
        return True

    def _activate(self):
        today = fields.Date.context_today(self)
        for rate in self:
            if not rate.line_ids.filtered(lambda x: x.line_type == "freight"):
                raise UserError(
                    self.env._(
                        "Rate %s has no freight price yet: add at least one before "
                        "activating it.",
                        rate.display_name,
                    )
                )
            if rate.valid_to < today and not self.env.context.get(
                "freight_rate_allow_past"
            ):
                raise UserError(
                    self.env._(
                        "Rate %(rate)s ended on %(to)s: a rate that has already "
                        "expired cannot be activated.",
                        rate=rate.display_name,
                        to=format_date(self.env, rate.valid_to),
                    )
                )
            if rate.supersedes_id:
                rate._supersede(rate.supersedes_id)
        res = super().write({"state": "active"})
        self.filtered(lambda r: r.valid_to < today).write({"state": "expired"})
        return res

    def _supersede(self, old):
        """End OLD the day before this rate starts and point it to this rate."""
        self.ensure_one()
        same = ("company_id", "mode", "carrier_id", "vendor_id", "origin_id")
        if any(self[f] != old[f] for f in (*same, "destination_id")):
            raise UserError(
                self.env._(
                    "%(rate)s cannot supersede %(old)s: a rate only replaces a rate "
                    "of the same mode, carrier, co-loader and lane.",
                    rate=self.display_name,
                    old=old.display_name,
                )
            )
        end = self.valid_from - timedelta(days=1)
        if old.valid_from > end:
            raise UserError(
                self.env._(
                    "%(rate)s cannot supersede %(old)s: the old rate starts on "
                    "%(start)s, so it would end before it starts. Archive it instead.",
                    rate=self.display_name,
                    old=old.display_name,
                    start=format_date(self.env, old.valid_from),
                )
            )
        if old.superseded_by_id and old.superseded_by_id != self:
            raise UserError(
                self.env._(
                    "%(old)s is already superseded by %(other)s.",
                    old=old.display_name,
                    other=old.superseded_by_id.display_name,
                )
            )
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
