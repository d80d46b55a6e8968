# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict, namedtuple

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import format_amount

from odoo.addons.freight_crm.models.freight_selection import CHARGE_UNITS

WEIGHT_BREAKS = [
    ("min", "Minimum"),
    ("m45", "-45 kg"),
    ("p45", "+45 kg"),
    ("p100", "+100 kg"),
    ("p300", "+300 kg"),
    ("p500", "+500 kg"),
    ("p1000", "+1000 kg"),
]

# From which chargeable weight a break applies; "min" is a flat minimum.
WEIGHT_BREAK_KG = {
    "min": 0.0,
    "m45": 0.0,
    "p45": 45.0,
    "p100": 100.0,
    "p300": 300.0,
    "p500": 500.0,
    "p1000": 1000.0,
}

# The unit each mode's freight price is quoted in.
MODE_FREIGHT_UNITS = {
    "sea_fcl": ("per_container",),
    "sea_lcl": ("per_cbm", "per_wm"),
    "air": ("per_chargeable_kg", "per_shipment"),
    "trucking": ("per_container", "per_trip"),
}

# One problem found by freight.rate._rate_problems(): the index of the rate in
# the values checked, the field (of the rate, or of the price when price is
# the index of one of its prices), the value and what is wrong.
RateProblem = namedtuple("RateProblem", "index field price value message")

# Price changes on a rate that is no longer a draft are posted in its chatter.
TRACKED_LINE_FIELDS = ("amount", "minimum_amount", "currency_id", "unit", "included")


class FreightRateLine(models.Model):
    _name = "freight.rate.line"
    _description = "Buying Rate Price"
    _order = "rate_id, line_type, sequence, id"
    _check_company_auto = True

    rate_id = fields.Many2one(
        "freight.rate", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="rate_id.company_id", store=True)
    mode = fields.Selection(related="rate_id.mode")
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(
        [("freight", "Freight"), ("surcharge", "Surcharge")],
        string="Type",
        required=True,
        default="freight",
    )
    charge_type_id = fields.Many2one(
        "freight.charge.type",
        string="Charge",
        required=True,
        compute="_compute_charge_type_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    container_type_id = fields.Many2one(
        "freight.container.type",
        string="Container",
        index="btree_not_null",
        help="FCL and trucking: the container type priced. On a surcharge: the "
        "only container type it applies to (empty for all).",
    )
    weight_break = fields.Selection(
        WEIGHT_BREAKS,
        help="Air: the weight break from which this price per chargeable kg "
        "applies; Minimum is the flat minimum charge.",
    )
    unit = fields.Selection(
        CHARGE_UNITS,
        required=True,
        compute="_compute_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        compute="_compute_currency_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount = fields.Monetary(string="Price", required=True, default=0.0)
    minimum_amount = fields.Monetary(
        string="Minimum", help="The least this line costs, whatever the quantity."
    )
    included = fields.Boolean(
        string="In All-in",
        default=True,
        help="Counted in the all-in cost the rate finder ranks by. Untick for "
        "charges paid separately (e.g. destination charges).",
    )
    note = fields.Char()

    @api.depends("line_type", "rate_id.mode")
    def _compute_charge_type_id(self):
        for line in self:
            if line.charge_type_id or line.line_type != "freight":
                line.charge_type_id = line.charge_type_id
            else:
                line.charge_type_id = self._default_freight_charge(line.rate_id.mode)

    @api.model
    def _default_freight_charge(self, mode):
        """The charge of a freight price: air freight, trucking, else ocean."""
        xmlid = {"air": "freight_crm.charge_af", "trucking": "freight_crm.charge_truck"}
        return (
            self.env.ref(
                xmlid.get(mode, "freight_crm.charge_of"), raise_if_not_found=False
            )
            or self.env["freight.charge.type"]
        )

    @api.depends("line_type", "charge_type_id", "weight_break", "rate_id.mode")
    def _compute_unit(self):
        for line in self:
            if line.line_type == "freight":
                mode = line.rate_id.mode
                if mode == "air":
                    line.unit = (
                        "per_shipment"
                        if line.weight_break == "min"
                        else "per_chargeable_kg"
                    )
                elif line.unit in MODE_FREIGHT_UNITS.get(mode, ()):
                    line.unit = line.unit
                else:
                    line.unit = MODE_FREIGHT_UNITS.get(mode, ("per_container",))[0]
            else:
                line.unit = line.unit or line.charge_type_id.default_unit or False

    @api.depends("line_type", "rate_id.currency_id")
    def _compute_currency_id(self):
        for line in self:
            if line.line_type == "freight" or not line.currency_id:
                line.currency_id = line.rate_id.currency_id
            else:
                line.currency_id = line.currency_id

    @api.depends("line_type", "charge_type_id", "container_type_id", "weight_break")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.rate_id.name} {line._price_label()}"

    def _price_label(self):
        """How the trade names this price: 40HC, +100 kg, W/M, BAF 20GP."""
        self.ensure_one()
        if self.line_type == "freight":
            if self.container_type_id:
                return self.container_type_id.code
            if self.weight_break:
                return dict(WEIGHT_BREAKS)[self.weight_break]
            units = dict(self._fields["unit"]._description_selection(self.env))
            return units.get(self.unit, "")
        label = self.charge_type_id.code or ""
        if self.container_type_id:
            label = f"{label} {self.container_type_id.code}"
        return label

    def _format_price(self):
        self.ensure_one()
        return format_amount(self.env, self.amount, self.currency_id)

    @api.constrains(
        "amount",
        "minimum_amount",
        "line_type",
        "unit",
        "container_type_id",
        "weight_break",
    )
    def _check_rate_rules(self):
        """The rules of the rates' prices live with the rate's rules, in
        freight.rate._rate_problems()."""
        self.rate_id._check_rules()

    @api.model
    def _price_problems(self, rates):
        """The problems of the prices of RATES (values as
        freight.rate._rate_problems() takes them): amounts of 0 or more, the
        shape of each mode's freight, one price per container type, weight
        break and unit, and air prices per kg that do not rise as the weight
        break rises."""
        problems = []
        units = dict(self._fields["unit"]._description_selection(self.env))
        containers = {}

        def label(price):
            if price.get("container_type_id"):
                if not containers:
                    containers.update(
                        (c.id, c.code)
                        for c in self.env["freight.container.type"]
                        .with_context(active_test=False)
                        .search_fetch([], ["code"])
                    )
                return containers.get(price["container_type_id"], "")
            if price.get("weight_break"):
                return dict(WEIGHT_BREAKS)[price["weight_break"]]
            return units.get(price.get("unit"), "")

        for index, rate in enumerate(rates):
            mode = rate.get("mode")
            seen = set()
            ladder = []
            for position, price in enumerate(rate.get("prices", ())):

                def problem(fname, value, message, position=position, index=index):
                    problems.append(RateProblem(index, fname, position, value, message))

                for fname in ("amount", "minimum_amount"):
                    if (price.get(fname) or 0.0) < 0:
                        problem(
                            fname,
                            price[fname],
                            self.env._("Prices cannot be negative."),
                        )
                if price.get("line_type", "freight") != "freight":
                    continue
                unit = price.get("unit")
                container = price.get("container_type_id") or False
                weight_break = price.get("weight_break") or False
                shape = self._freight_shape_problem(mode, price, units, label)
                if shape:
                    problem(*shape)
                key = (container, weight_break, unit)
                if key in seen:
                    problem(
                        "amount",
                        price.get("amount"),
                        self.env._("%(price)s is priced twice.", price=label(price)),
                    )
                seen.add(key)
                if mode == "air" and weight_break and weight_break != "min":
                    ladder.append((WEIGHT_BREAK_KG[weight_break], position, price))
            ladder.sort(key=lambda item: item[:2])
            for lower, upper in zip(ladder, ladder[1:], strict=False):
                if (upper[2].get("amount") or 0.0) > (lower[2].get("amount") or 0.0):
                    problems.append(
                        RateProblem(
                            index,
                            "amount",
                            upper[1],
                            upper[2]["amount"],
                            self.env._(
                                "The %(upper)s price is higher than the %(lower)s "
                                "price (%(amount)s): a heavier weight break cannot "
                                "cost more per kg.",
                                upper=label(upper[2]),
                                lower=label(lower[2]),
                                amount=lower[2]["amount"],
                            ),
                        )
                    )
        return problems

    @api.model
    def _freight_shape_problem(self, mode, price, units, label):
        """(field, value, message) when a freight price does not have the
        shape of its mode's prices, else None."""
        allowed = MODE_FREIGHT_UNITS.get(mode, ())
        unit = price.get("unit")
        if unit not in allowed:
            return (
                "unit",
                units.get(unit, unit),
                self.env._(
                    "A freight price in this mode is %(units)s, not %(unit)s.",
                    units=" / ".join(units[u] for u in allowed),
                    unit=units.get(unit, unit),
                ),
            )
        if mode == "sea_fcl" and not price.get("container_type_id"):
            return (
                "container_type_id",
                "",
                self.env._("An FCL price needs its container type."),
            )
        if mode == "air" and not price.get("weight_break"):
            return (
                "weight_break",
                "",
                self.env._("An air price needs its weight break."),
            )
        if mode != "air" and price.get("weight_break"):
            return (
                "weight_break",
                label(price),
                self.env._(
                    "%(price)s: weight breaks are for air rates.", price=label(price)
                ),
            )
        if mode in ("air", "sea_lcl") and price.get("container_type_id"):
            return (
                "container_type_id",
                label(price),
                self.env._("Air and LCL prices are not per container type."),
            )
        return None

    def _log_changes(self, old_values):
        """Post the price changes of non-draft rates in their chatter."""
        messages = defaultdict(list)
        for line in self:
            old = old_values.get(line.id)
            if not old:
                continue
            changes = []
            for fname in TRACKED_LINE_FIELDS:
                before, after = old[fname], line[fname]
                if before == after:
                    continue
                changes.append(line._format_change(fname, before, after))
            if changes:
                messages[line.rate_id].append(
                    Markup("<li><b>%s</b>: %s</li>")
                    % (line._price_label(), Markup("; ").join(changes))
                )
        for rate, items in messages.items():
            rate._message_log(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (self.env._("Prices changed"), Markup("").join(items))
            )

    def _log_lines(self, title):
        """Post TITLE and these prices in the chatter of their rates that are
        no longer drafts."""
        logged = self.filtered(lambda x: x.rate_id.state != "draft")
        for rate in logged.rate_id:
            items = Markup("").join(
                Markup("<li><b>%s</b>: %s</li>") % (x._price_label(), x._format_price())
                for x in logged.filtered(lambda x, r=rate: x.rate_id == r)
            )
            rate._message_log(body=Markup("<p>%s</p><ul>%s</ul>") % (title, items))

    def _format_change(self, fname, before, after):
        field = self._fields[fname]
        if fname in ("amount", "minimum_amount"):
            before_txt = format_amount(self.env, before or 0.0, self.currency_id)
            after_txt = format_amount(self.env, after or 0.0, self.currency_id)
        elif fname == "currency_id":
            before_txt, after_txt = before.name, after.name
        elif fname == "included":
            yes, no = self.env._("yes"), self.env._("no")
            before_txt, after_txt = (yes if before else no), (yes if after else no)
        else:
            labels = dict(field._description_selection(self.env))
            before_txt, after_txt = labels.get(before, before), labels.get(after, after)
        return Markup("%s %s → %s") % (
            field._description_string(self.env),
            before_txt,
            after_txt,
        )

    @api.model_create_multi
    def create(self, vals_list):
        # An empty charge, unit or currency (a blank cell of Odoo's standard
        # import) takes the computed default rather than staying empty.
        for vals in vals_list:
            for fname in ("charge_type_id", "unit", "currency_id"):
                if fname in vals and not vals[fname]:
                    del vals[fname]
        # The company of each price's rate, read once for all of them:
        # precomputed line by line it costs a new record per price, computed
        # after the insert an UPDATE of every price.
        rate_ids = {
            vals["rate_id"]
            for vals in vals_list
            if "company_id" not in vals and vals.get("rate_id")
        }
        if rate_ids:
            rates = self.env["freight.rate"].browse(rate_ids)
            companies = {rate.id: rate.company_id.id for rate in rates}
            for vals in vals_list:
                if "company_id" not in vals and vals.get("rate_id"):
                    vals["company_id"] = companies[vals["rate_id"]]
        lines = super().create(vals_list)
        lines._log_lines(self.env._("Prices added"))
        return lines

    def write(self, vals):
        tracked = [f for f in TRACKED_LINE_FIELDS if f in vals]
        old_values = {}
        if tracked:
            for line in self.filtered(lambda x: x.rate_id.state != "draft"):
                old_values[line.id] = {f: line[f] for f in tracked}
                for fname in set(TRACKED_LINE_FIELDS) - set(tracked):
                    old_values[line.id][fname] = line[fname]
        res = super().write(vals)
        if old_values:
            self._log_changes(old_values)
        return res

    def unlink(self):
        self._log_lines(self.env._("Prices removed"))
        return super().unlink()
