# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, formatLang

from odoo.addons.freight_crm.models.freight_selection import MODE_PORT_KINDS

from ..models.freight_rate import RATE_MODES
from ..models.freight_rate_finder_engine import chargeable_weight


class FreightRateFinder(models.TransientModel):
    _name = "freight.rate.finder"
    _description = "Rate Finder"

    mode = fields.Selection(RATE_MODES, required=True, default="sea_fcl")
    origin_id = fields.Many2one(
        "freight.port", string="From", domain="[('kind', 'in', port_kinds)]"
    )
    destination_id = fields.Many2one(
        "freight.port", string="To", domain="[('kind', 'in', port_kinds)]"
    )
    port_kinds = fields.Json(compute="_compute_port_kinds")
    date = fields.Date(
        string="Shipping Date",
        required=True,
        default=lambda self: fields.Date.context_today(self),
    )
    container_type_id = fields.Many2one(
        "freight.container.type",
        string="Container",
        default=lambda self: self.env.ref(
            "freight_crm.container_40hc", raise_if_not_found=False
        ),
    )
    container_qty = fields.Integer(string="Containers", default=1)
    gross_weight = fields.Float(string="Gross Weight (kg)", digits=(16, 2))
    volume = fields.Float(string="Volume (CBM)", digits=(16, 3))
    chargeable_weight = fields.Float(
        string="Chargeable Weight (kg)",
        digits=(16, 2),
        compute="_compute_chargeable_weight",
    )
    currency_id = fields.Many2one(
        "res.currency",
        string="Show In",
        required=True,
        # A user's own choice is their default from then on (ir.default).
        default=lambda self: self.env["freight.rate"]._default_currency_id(),
    )
    include_expired = fields.Boolean(string="Include Expired Rates")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        domain="[('is_company', '=', True), ('freight_carrier_kind', '=', False)]",
        help="The customer quoted: their named-account rates show too.",
    )
    result_ids = fields.One2many(
        "freight.rate.finder.result", "finder_id", string="Rates"
    )
    result_count = fields.Integer(compute="_compute_result_count")
    message = fields.Char(readonly=True)

    @api.depends("origin_id", "destination_id")
    def _compute_display_name(self):
        for finder in self:
            if finder.origin_id and finder.destination_id:
                finder.display_name = self.env._(
                    "Rates %(origin)s → %(destination)s",
                    origin=finder.origin_id.display_name,
                    destination=finder.destination_id.display_name,
                )
            else:
                finder.display_name = self.env._("Rate Finder")

    @api.depends("mode")
    def _compute_port_kinds(self):
        for finder in self:
            finder.port_kinds = list(MODE_PORT_KINDS.get(finder.mode, ()))

    @api.depends("mode", "gross_weight", "volume")
    def _compute_chargeable_weight(self):
        for finder in self:
            finder.chargeable_weight = chargeable_weight(
                finder.mode, finder.gross_weight, finder.volume
            )

    @api.depends("result_ids")
    def _compute_result_count(self):
        for finder in self:
            finder.result_count = len(finder.result_ids)

    @api.onchange(
        "mode",
        "origin_id",
        "destination_id",
        "date",
        "container_type_id",
        "container_qty",
        "gross_weight",
        "volume",
        "currency_id",
        "include_expired",
        "partner_id",
    )
    def _onchange_search(self):
        self._search_rates(raise_if_incomplete=False)

    @api.model_create_multi
    def create(self, vals_list):
        finders = super().create(vals_list)
        finders[-1:]._remember_currency()
        return finders

    def write(self, vals):
        res = super().write(vals)
        if "currency_id" in vals:
            self[-1:]._remember_currency()
        return res

    def action_find(self):
        """Search again: the results update in place (no new breadcrumb)."""
        self.ensure_one()
        self._search_rates(raise_if_incomplete=True)
        return False

    def action_swap(self):
        self.ensure_one()
        self.write(
            {"origin_id": self.destination_id.id, "destination_id": self.origin_id.id}
        )
        return self.action_find()

    def _remember_currency(self):
        """The currency the user shows rates in becomes their default: the
        next finder they open shows the same."""
        IrDefault = self.env["ir.default"]
        default = (
            IrDefault._get_model_defaults(self._name).get("currency_id")
            or self.env["freight.rate"]._default_currency_id().id
        )
        if self.currency_id and self.currency_id.id != default:
            IrDefault.set(
                self._name,
                "currency_id",
                self.currency_id.id,
                user_id=True,
                company_id=True,
            )

    def _request_values(self):
        """What the screen asks the engine (see its ``_request()``)."""
        self.ensure_one()
        return {
            "mode": self.mode,
            "origin": self.origin_id.id,
            "destination": self.destination_id.id,
            "date": self.date,
            "container_type": self.container_type_id.id or None,
            "container_qty": self.container_qty,
            "gross_weight": self.gross_weight,
            "volume": self.volume,
            "currency": self.currency_id.id,
            "include_expired": self.include_expired,
            "customer": self.partner_id.id or None,
        }

    def _search_rates(self, raise_if_incomplete):
        """Fill the results with the valid rates, cheapest all-in first."""
        engine = self.env["freight.rate.finder.engine"]
        for finder in self:
            commands = [Command.clear()]
            finder.message = False
            if not (finder.origin_id and finder.destination_id):
                if raise_if_incomplete:
                    raise UserError(self.env._("Choose where from and where to."))
                finder.message = self.env._("Choose where from and where to.")
                finder.result_ids = commands
                continue
            try:
                request = engine._request(**finder._request_values())
            except UserError as error:
                if raise_if_incomplete:
                    raise
                finder.message = error.args[0]
                finder.result_ids = commands
                continue
            results = engine._find(request)
            fastest = min((r["rate"].transit_days or 999 for r in results), default=0)
            for rank, result in enumerate(results, start=1):
                commands.append(
                    Command.create(
                        finder._result_values(rank, result, fastest, request)
                    )
                )
            if not results:
                finder.message = self.env._(
                    "No valid rate for this lane on this date. Ask pricing through "
                    "a service inquiry, or include expired rates."
                )
            finder.result_ids = commands

    def _result_values(self, rank, result, fastest, request):
        rate = result["rate"]
        today = fields.Date.context_today(self)
        return {
            "sequence": rank,
            "rate_id": rate.id,
            "currency_id": request.currency.id,
            "freight_amount": result["freight_amount"],
            "surcharge_amount": result["surcharge_amount"],
            "all_in_amount": result["all_in_amount"],
            "excluded_amount": result["excluded_amount"],
            "is_cheapest": rank == 1,
            "is_fastest": bool(rate.transit_days) and rate.transit_days == fastest,
            "is_expired": rate.state == "expired" or rate.valid_to < today,
            "breakdown": self._breakdown_html(result, request),
        }

    def _breakdown_html(self, result, request):
        """The itemised cost: each charge, its quantity, price and amount."""
        env = self.env
        engine = env["freight.rate.finder.engine"]
        currencies = env["res.currency"].browse(
            {item["currency_id"] for item in result["items"]}
        )
        by_id = {c.id: c for c in currencies}
        units = dict(
            env["freight.rate.line"]._fields["unit"]._description_selection(env)
        )
        rows = []
        for item in result["items"]:
            currency = by_id[item["currency_id"]]
            style = "" if item["included"] else " class='text-muted'"
            label = item["charge_code"]
            # A converted amount says at which rate (and of which day).
            exchange = ""
            if item["exchange_rate"]:
                exchange = Markup(
                    "<div class='small text-muted o_freight_exchange_rate'>%s</div>"
                ) % engine._exchange_rate_label(
                    item["currency_name"],
                    request.currency.name,
                    item["exchange_rate"],
                    item["exchange_rate_date"],
                )
            rows.append(
                Markup(
                    "<tr%s><td>%s</td><td>%s</td><td class='text-end'>%s × %s</td>"
                    "<td class='text-end'>%s%s</td></tr>"
                )
                % (
                    Markup(style),
                    label,
                    item["charge_name"]
                    + ("" if item["included"] else " " + env._("(not in all-in)")),
                    formatLang(env, item["quantity"], digits=2),
                    format_amount(env, item["unit_price"], currency)
                    + " "
                    + units.get(item["unit"], ""),
                    format_amount(env, item["amount_converted"], request.currency),
                    exchange,
                )
            )
        return Markup(
            "<table class='table table-sm o_freight_breakdown'>"
            "<tbody>%s</tbody></table>"
        ) % Markup("").join(rows)
