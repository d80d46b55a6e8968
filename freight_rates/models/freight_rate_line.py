# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
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
        air = self.env.ref("freight_crm.charge_af", raise_if_not_found=False)
        ocean = self.env.ref("freight_crm.charge_of", raise_if_not_found=False)
        trucking = self.env.ref("freight_crm.charge_truck", raise_if_not_found=False)
        defaults = {"air": air, "trucking": trucking}
        for line in self:
            if line.charge_type_id or line.line_type != "freight":
                line.charge_type_id = line.charge_type_id
            else:
                line.charge_type_id = defaults.get(line.rate_id.mode, ocean) or False

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

    @api.constrains("amount", "minimum_amount")
    def _check_amounts(self):
        for line in self:
            if line.amount < 0 or (line.minimum_amount or 0.0) < 0:
                raise ValidationError(
                    self.env._(
                        "%(price)s on rate %(rate)s: prices cannot be negative.",
                        price=line._price_label(),
                        rate=line.rate_id.name,
                    )
                )

    @api.constrains("line_type", "unit", "container_type_id", "weight_break")
    def _check_freight_shape(self):
        """Each mode prices its freight its own way."""
        for line in self.filtered(lambda x: x.line_type == "freight"):
            mode = line.rate_id.mode
            label = line._price_label()
            if line.unit not in MODE_FREIGHT_UNITS[mode]:
                units = dict(self._fields["unit"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "Rate %(rate)s: a freight price in this mode is per "
                        "%(units)s, not %(unit)s.",
                        rate=line.rate_id.name,
                        units=" / ".join(units[u] for u in MODE_FREIGHT_UNITS[mode]),
                        unit=units.get(line.unit, line.unit),
                    )
                )
            if mode == "sea_fcl" and not line.container_type_id:
                raise ValidationError(
                    self.env._(
                        "Rate %s: an FCL price needs its container type.",
                        line.rate_id.name,
                    )
                )
            if mode == "air" and not line.weight_break:
                raise ValidationError(
                    self.env._(
                        "Rate %s: an air price needs its weight break.",
                        line.rate_id.name,
                    )
                )
            if mode != "air" and line.weight_break:
                raise ValidationError(
                    self.env._(
                        "Rate %(rate)s: %(price)s: weight breaks are for air rates.",
                        rate=line.rate_id.name,
                        price=label,
                    )
                )
            if mode in ("air", "sea_lcl") and line.container_type_id:
                raise ValidationError(
                    self.env._(
                        "Rate %s: air and LCL prices are not per container type.",
                        line.rate_id.name,
                    )
                )
        self.rate_id._check_price_ladder()

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
        lines = super().create(vals_list)
        lines._log_lines(self.env._("Prices added"))
        lines.rate_id.filtered(lambda r: r.state == "active")._check_overlap()
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
        if {"container_type_id", "line_type"} & set(vals):
            self.rate_id.filtered(lambda r: r.state == "active")._check_overlap()
        return res

    def unlink(self):
        self._log_lines(self.env._("Prices removed"))
        return super().unlink()
