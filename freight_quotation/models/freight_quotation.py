# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_date

from odoo.addons.freight_crm.models.freight_selection import (
    TRANSPORT_MODES,
)

from .freight_quotation_selection import (
    BUY_FIELDS,
    OPEN_STATES,
    QUOTATION_KINDS,
    QUOTATION_STATES,
)

# What may still change once a quotation has left the draft: its workflow,
# its decision and the re-check flags. Everything else is the document the
# customer saw (revise it to change it).
UNLOCKED_FIELDS = {
    "state",
    "selected_option_id",
    "lost_reason_id",
    "lost_note",
    "competitor",
    "competitor_price",
    "competitor_currency_id",
    "decision_date",
    "sent_date",
    "approved_by_id",
    "approved_margin_percent",
    "expiry_reminded",
    "signed_by",
    "signed_on",
    "signature",
    "next_revision_id",
    "access_token",
    "message_main_attachment_id",
    "lead_id",
}


class FreightQuotation(models.Model):
    _name = "freight.quotation"
    _description = "Freight Quotation"
    _inherit = [
        "freight.document.mixin",
        "freight.cargo.mixin",
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _freight_sequence_code = "freight.quotation"

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    kind = fields.Selection(
        QUOTATION_KINDS,
        required=True,
        default="spot",
        help="A spot quotation prices one shipment; a rate offer lists several "
        "lanes with their prices for a period and is accepted as a whole.",
    )
    state = fields.Selection(
        QUOTATION_STATES,
        required=True,
        default="draft",
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
    )
    contact_id = fields.Many2one(
        "res.partner",
        check_company=True,
        domain="[('parent_id', '=', partner_id), ('is_company', '=', False)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        check_company=True,
        index="btree_not_null",
        domain="[('partner_id.commercial_partner_id', '=', partner_id)]",
    )
    template_id = fields.Many2one(
        "freight.quotation.template",
        check_company=True,
        domain="['|', ('mode', '=', False), ('mode', '=', mode)]",
    )
    mode = fields.Selection(
        TRANSPORT_MODES, required=True, default="sea_fcl", tracking=True
    )
    carrier_id = fields.Many2one(
        "res.partner",
        compute="_compute_carrier_id",
        store=True,
        help="The carrier of the option chosen, or of the only option.",
    )
    # Cargo: freight.cargo.mixin
    container_ids = fields.One2many(
        "freight.quotation.container", "quotation_id", string="Containers", copy=True
    )
    # Terms
    date = fields.Date(
        string="Quotation Date",
        required=True,
        default=lambda self: fields.Date.context_today(self),
        copy=False,
        index=True,
    )
    validity_date = fields.Date(
        string="Valid Until",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=14),
        copy=False,
        tracking=True,
    )
    transit_days = fields.Integer(string="Transit Time (days)")
    free_dem_days = fields.Integer(string="Free DEM Days")
    free_det_days = fields.Integer(string="Free DET Days")
    free_time = fields.Char(
        help="Free time as the customer reads it, e.g. '14 days combined at POD'."
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False)
        or self.env.company.currency_id,
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    terms = fields.Html(string="Terms and Conditions", translate=False)
    note = fields.Html(string="Notes")
    # Options and lines
    option_ids = fields.One2many(
        "freight.quotation.option", "quotation_id", string="Options", copy=True
    )
    option_count = fields.Integer(compute="_compute_option_count")
    is_multi_option = fields.Boolean(compute="_compute_option_count")
    selected_option_id = fields.Many2one(
        "freight.quotation.option",
        string="Option Chosen",
        copy=False,
        tracking=True,
        domain="[('quotation_id', '=', id)]",
    )
    line_ids = fields.One2many(
        "freight.quotation.line", "quotation_id", string="Charges", copy=False
    )
    # Totals of the option chosen (or the only, or the first one)
    amount_untaxed = fields.Monetary(compute="_compute_amounts", store=True)
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True
    )
    buy_total = fields.Monetary(
        string="Buying Cost",
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    margin = fields.Monetary(
        compute="_compute_amounts", store=True, groups="base.group_user"
    )
    margin_percent = fields.Float(
        string="Margin (%)",
        compute="_compute_amounts",
        store=True,
        aggregator="avg",
        groups="base.group_user",
    )
    lowest_margin_percent = fields.Float(
        string="Lowest Option Margin (%)",
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    amount_total_vnd = fields.Monetary(
        string="Total (VND)",
        currency_field="vnd_currency_id",
        compute="_compute_amounts",
        store=True,
    )
    amount_total_usd = fields.Monetary(
        string="Total (USD)",
        currency_field="usd_currency_id",
        compute="_compute_amounts",
        store=True,
    )
    exchange_rate_date = fields.Date(compute="_compute_amounts", store=True)
    vnd_currency_id = fields.Many2one(
        "res.currency", compute="_compute_vnd_usd", string="VND"
    )
    usd_currency_id = fields.Many2one(
        "res.currency", compute="_compute_vnd_usd", string="USD"
    )
    # The totals the win-rate analysis adds up, in the company's currency,
    # stored so that the analysis reads the quotation table alone.
    amount_untaxed_company = fields.Monetary(
        string="Untaxed (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_company_amounts",
        store=True,
        help="The untaxed total of the option chosen (or the first one), at "
        "the exchange rate of the quotation date.",
    )
    margin_company = fields.Monetary(
        string="Margin (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_company_amounts",
        store=True,
        groups="base.group_user",
    )

    # Margin approval
    margin_floor = fields.Float(
        string="Margin Floor (%)",
        compute="_compute_margin_floor",
        groups="base.group_user",
    )
    needs_approval = fields.Boolean(
        compute="_compute_needs_approval", groups="base.group_user"
    )
    approved_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    approved_margin_percent = fields.Float(copy=False, readonly=True)
    # Decision
    sent_date = fields.Date(copy=False, readonly=True)
    decision_date = fields.Date(copy=False, readonly=True)
    lost_reason_id = fields.Many2one("crm.lost.reason", copy=False, tracking=True)
    lost_note = fields.Text(string="Why Lost", copy=False)
    competitor = fields.Char(copy=False)
    competitor_price = fields.Monetary(
        currency_field="competitor_currency_id", copy=False
    )
    competitor_currency_id = fields.Many2one("res.currency", copy=False)
    signed_by = fields.Char(copy=False, readonly=True)
    signed_on = fields.Datetime(copy=False, readonly=True)
    signature = fields.Image(
        copy=False, attachment=True, max_width=1024, max_height=1024
    )
    expiry_reminded = fields.Boolean(copy=False, readonly=True)
    # Revisions
    revision = fields.Integer(copy=False, readonly=True, default=0)
    base_name = fields.Char(copy=False, readonly=True)
    previous_id = fields.Many2one(
        "freight.quotation", string="Previous Revision", copy=False, readonly=True
    )
    next_revision_id = fields.Many2one(
        "freight.quotation", string="Replaced By", copy=False, readonly=True
    )
    # Buying rates re-checked
    buy_rate_changed = fields.Boolean(
        compute="_compute_buy_rate_changed",
        store=True,
        groups="base.group_user",
    )
    operations_group_ids = fields.Many2many(
        "res.groups",
        "freight_quotation_operations_group_rel",
        "quotation_id",
        "group_id",
        string="Read by Operations",
        compute="_compute_operations_group_ids",
        store=True,
        help="The operations groups that read the quotation once it is won "
        "(the record rule of operations follows it).",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("selected_option_id.carrier_id", "option_ids.carrier_id")
    def _compute_carrier_id(self):
        for quotation in self:
            quotation.carrier_id = quotation._main_option().carrier_id

    @api.depends("option_ids")
    def _compute_option_count(self):
        for quotation in self:
            quotation.option_count = len(quotation.option_ids)
            quotation.is_multi_option = quotation.option_count > 1

    @api.depends(
        "option_ids.amount_untaxed",
        "option_ids.amount_tax",
        "option_ids.buy_total",
        "selected_option_id",
        "currency_id",
        "date",
        "company_id",
    )
    def _compute_amounts(self):
        vnd, usd = self._vnd_usd()
        for quotation in self:
            option = quotation._main_option()
            quotation.amount_untaxed = option.amount_untaxed
            quotation.amount_tax = option.amount_tax
            quotation.amount_total = option.amount_total
            quotation.buy_total = option.buy_total
            quotation.margin = option.margin
            quotation.margin_percent = option.margin_percent
            quotation.lowest_margin_percent = min(
                quotation.option_ids.mapped("margin_percent") or [0.0]
            )
            total = option.amount_total
            currency = quotation.currency_id
            date = quotation.date or fields.Date.context_today(quotation)
            company = quotation.company_id or self.env.company
            quotation.amount_total_vnd = (
                currency._convert(total, vnd, company, date)
                if vnd and currency
                else 0.0
            )
            quotation.amount_total_usd = (
                currency._convert(total, usd, company, date)
                if usd and currency
                else 0.0
            )
            quotation.exchange_rate_date = quotation._rate_date(
                currency | vnd | usd, date
            )

    @api.depends("amount_untaxed", "margin", "currency_id", "company_id", "date")
    def _compute_company_amounts(self):
        for quotation in self:
            company = quotation.company_id or self.env.company
            currency = quotation.currency_id
            target = company.currency_id
            amounts = (quotation.amount_untaxed, quotation.margin)
            if currency and currency != target:
                # Odoo's own conversion: the company's rate of the day (else
                # the shared one, else the first known), as on the quotation.
                day = quotation.date or fields.Date.context_today(quotation)
                amounts = tuple(
                    currency._convert(amount, target, company, day)
                    for amount in amounts
                )
            quotation.amount_untaxed_company, quotation.margin_company = amounts

    def _compute_vnd_usd(self):
        vnd, usd = self._vnd_usd()
        self.vnd_currency_id = vnd
        self.usd_currency_id = usd

    @api.depends("company_id", "partner_id", "mode")
    def _compute_margin_floor(self):
        Rule = self.env["freight.quotation.margin.rule"]
        for quotation in self:
            quotation.margin_floor = Rule._rule_for(
                quotation.company_id, quotation.partner_id, quotation.mode
            ).min_margin_percent

    @api.depends(
        "lowest_margin_percent",
        "margin_floor",
        "approved_by_id",
        "approved_margin_percent",
    )
    def _compute_needs_approval(self):
        for quotation in self:
            quotation.needs_approval = quotation._below_floor()

    @api.depends("line_ids.buy_rate_changed")
    def _compute_buy_rate_changed(self):
        for quotation in self:
            quotation.buy_rate_changed = any(
                quotation.line_ids.mapped("buy_rate_changed")
            )

    @api.depends("company_id")
    def _compute_operations_group_ids(self):
        # Every operations department here; freight_booking narrows it to the
        # departments a booking request of the quotation was sent to.
        group = self.env.ref(
            "freight_crm.group_freight_operations", raise_if_not_found=False
        )
        for quotation in self:
            quotation.operations_group_ids = group

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for quotation in self:
            quotation.access_url = f"/my/freight_quotations/{quotation.id}"
        return result

    @api.model
    def _vnd_usd(self):
        return (
            self.env.ref("base.VND", raise_if_not_found=False)
            or self.env["res.currency"],
            self.env.ref("base.USD", raise_if_not_found=False)
            or self.env["res.currency"],
        )

    def _rate_date(self, currencies, date):
        """The day of the latest exchange rate used among ``currencies``
        (the company's own currency needs none)."""
        company = self.company_id or self.env.company
        others = currencies - company.currency_id
        if not others:
            return date
        rate = (
            self.env["res.currency.rate"]
            .sudo()
            .search(
                [
                    ("currency_id", "in", others.ids),
                    ("name", "<=", date),
                    ("company_id", "in", [company.root_id.id, False]),
                ],
                order="name desc",
                limit=1,
            )
        )
        return rate.name or date

    def _main_option(self):
        """The option the totals show: the one chosen, else the first."""
        self.ensure_one()
        return self.selected_option_id or self.option_ids[:1]

    def _below_floor(self):
        """Is an option's margin under the floor, and not approved at it?"""
        self.ensure_one()
        if not self.option_ids or not self.line_ids:
            return False
        lowest = self.lowest_margin_percent
        if lowest >= self.margin_floor - 0.005:
            return False
        return not (
            self.approved_by_id and lowest >= self.approved_margin_percent - 0.005
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("validity_date", "date")
    def _check_validity(self):
        for quotation in self:
            if quotation.validity_date < quotation.date:
                raise ValidationError(
                    self.env._(
                        "%(name)s is valid until %(until)s, before its date "
                        "%(date)s: choose a later validity.",
                        name=quotation.name,
                        until=format_date(self.env, quotation.validity_date),
                        date=format_date(self.env, quotation.date),
                    )
                )

    @api.constrains("date", "currency_id")
    def _check_line_exchange_rates(self):
        """Dated or priced anew: its charges' currencies still have a rate."""
        self.sudo().line_ids._check_exchange_rates()

    def _container_rows(self):
        # Charges per container type count too.
        return self.container_ids or self.sudo().line_ids.filtered("container_type_id")

    def _cargo_sign_fields(self):
        return super()._cargo_sign_fields() + [
            "transit_days",
            "free_dem_days",
            "free_det_days",
        ]

    @api.constrains("transit_days", "free_dem_days", "free_det_days")
    def _check_terms_sign(self):
        self._check_cargo_sign()

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in self._assign_numbers(vals_list):
            vals.setdefault("base_name", vals["name"])
        quotations = super().create(vals_list)
        for quotation in quotations:
            if not quotation.option_ids:
                quotation.option_ids = [Command.create({"sequence": 1})]
            # Lines added without an option belong to the first.
            orphans = quotation.line_ids.filtered(lambda line: not line.option_id)
            if orphans:
                orphans.option_id = quotation.option_ids[:1]
            if quotation.template_id and not quotation.line_ids:
                quotation._apply_template()
        return quotations

    def write(self, vals):
        # Who may not write at all hears so before what a state allows.
        self.check_access("write")
        self._check_unlocked(vals)
        result = super().write(vals)
        self._check_customer_access(vals)
        return result

    def _check_unlocked(self, vals):
        """Only a draft's content changes: a sent quotation is what the
        customer saw (revise it)."""
        locked = set(vals) - UNLOCKED_FIELDS
        if self.env.su or not locked:
            return
        for quotation in self:
            if quotation.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: only a draft can be changed; "
                        "revise it to make a new version.",
                        name=quotation.name,
                        state=quotation._state_label(),
                    )
                )

    def unlink(self):
        """A quotation takes its options and charges with it. They go
        through the ORM first, once the quotation itself may go: left to the
        database's cascade, the options' amounts still to be written would be
        flushed for rows already gone (MissingError)."""
        self.check_access("unlink")
        self._unlink_only_draft()
        # sudo: the charges and options of quotations the user may delete
        # (those of a cancelled one are locked to a direct edit).
        self.sudo().line_ids.unlink()
        self.sudo().option_ids.unlink()
        return super().unlink()

    def _unlink_refusal(self):
        return self.env._(
            "%s has been sent: cancel it rather than delete it.",
            self.name,
        )

    def copy(self, default=None):
        """Duplicate with options and their lines (each line follows its
        option into the copy)."""
        new_quotations = self.browse()
        for old in self:
            # The copy takes the template's charges from the lines copied, not
            # once more from the template (which create() applies to a
            # quotation without lines).
            template = (default or {}).get("template_id", old.template_id.id)
            new = super(FreightQuotation, old).copy(
                dict(default or {}, template_id=False)
            )
            if template:
                new.template_id = template
            new_quotations |= new
            mapping = dict(zip(old.option_ids, new.option_ids, strict=True))
            for line in old.line_ids:
                line.copy(
                    {"quotation_id": new.id, "option_id": mapping[line.option_id].id}
                )
        return new_quotations

    def _check_lines_unlocked(self, fnames):
        """A draft's charges change; while a margin waits for approval, only
        the buying side does."""
        if self.env.su:
            return
        for quotation in self:
            if quotation.state == "draft":
                continue
            if quotation.state == "to_approve" and not (fnames - BUY_FIELDS):
                continue
            raise UserError(
                self.env._(
                    "%(name)s is %(state)s: only a draft's charges can be "
                    "changed; revise it to make a new version.",
                    name=quotation.name,
                    state=quotation._state_label(),
                )
            )

    def _exchange_rates(self, currencies):
        """{currency: what one unit is worth in the quotation's currency on
        the quotation date}; None for a currency without a rate that day."""
        self.ensure_one()
        company = self.company_id or self.env.company
        date = self.date or fields.Date.context_today(self)
        base = company.currency_id
        wanted = currencies | self.currency_id
        found = {base.id: 1.0}
        others = wanted - base
        if others:
            # The latest rate of each currency on or before the day, as
            # res.currency._get_rates() reads them, without its silent
            # fallback to 1.0.
            found.update(
                self.env.execute_query(
                    SQL(
                        """
                        SELECT DISTINCT ON (currency_id) currency_id, rate
                          FROM res_currency_rate
                         WHERE currency_id IN %s AND name <= %s
                           AND (company_id = %s OR company_id IS NULL)
                         ORDER BY currency_id, company_id NULLS LAST, name DESC
                        """,
                        tuple(others.ids),
                        date,
                        company.root_id.id,
                    )
                )
            )
        target = found.get(self.currency_id.id)
        return {
            currency: (target / found[currency.id])
            if target and found.get(currency.id)
            else None
            for currency in wanted
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_fill_from_rates(self):
        """Price the draft from the buying rates: the options' own rates,
        else the cheapest valid rate of the lane."""
        self._check_state(("draft",), self.env._("filled from rates"))
        for quotation in self:
            self.env["freight.quotation.filler"]._fill(quotation)
        return True

    def action_apply_template(self):
        self._check_state(("draft",), self.env._("changed"))
        for quotation in self:
            if not quotation.template_id:
                raise UserError(self.env._("Choose a template first."))
            quotation._apply_template()
        return True

    def _apply_template(self):
        """The template's standard charges on every option, and its terms."""
        self.ensure_one()
        template = self.template_id
        Line = self.env["freight.quotation.line"]
        values = []
        quoted_types = self.container_ids.container_type_id
        for option in self.option_ids:
            present = {
                (line.charge_type_id, line.container_type_id)
                for line in option.line_ids
            }
            for tline in template.line_ids:
                ctype = tline.container_type_id
                if ctype and ctype not in quoted_types:
                    continue  # a charge for equipment the shipment does not use
                if (tline.charge_type_id, ctype) in present:
                    continue
                values.append(tline._quotation_line_values(option))
        Line.create(values)
        updates = {}
        if template.terms and not self.terms:
            updates["terms"] = template.terms
        if template.note and not self.note:
            updates["note"] = template.note
        if updates:
            self.write(updates)

    def action_add_option(self):
        """Another option, starting as a copy of the last one's charges."""
        self.ensure_one()
        self._check_state(("draft",), self.env._("changed"))
        last = self.option_ids[-1:]
        position = len(self.option_ids) + 1
        option = self.env["freight.quotation.option"].create(
            {
                "quotation_id": self.id,
                "sequence": (last.sequence or 0) + 1,
                "name": self.env._("Option %s", position),
                "carrier_id": last.carrier_id.id,
                "via_id": last.via_id.id,
                "transit_days": last.transit_days,
                "pol_id": last.pol_id.id,
                "pod_id": last.pod_id.id,
            }
        )
        if not last.name:
            last.name = self.env._("Option %s", position - 1)
        for line in last.line_ids:
            line.copy({"option_id": option.id, "quotation_id": self.id})
        return True

    def action_apply_markup(self):
        """Sell prices from the buying rates with the default markup."""
        self._check_state(("draft",), self.env._("repriced"))
        for quotation in self:
            lines = quotation.line_ids.filtered(lambda line: line.buy_price)
            lines._apply_markup()
        return True

    def action_send(self):
        """Send the quotation: checked, approved if its margin is under the
        floor, then marked sent and the e-mail composer opened."""
        self._check_state(("draft",), self.env._("sent"))
        today = fields.Date.context_today(self)
        for quotation in self:
            if not quotation.line_ids.filtered("is_printed"):
                raise UserError(
                    self.env._(
                        "%s has no charge to print: add its charges before sending it.",
                        quotation.name,
                    )
                )
            empty = quotation.option_ids.filtered(lambda option: not option.line_ids)
            if empty:
                raise UserError(
                    self.env._(
                        "Option %(option)s of %(name)s has no charge: price it "
                        "or remove it.",
                        option=empty[0].display_name,
                        name=quotation.name,
                    )
                )
            if quotation.validity_date < today:
                raise UserError(
                    self.env._(
                        "%(name)s was valid until %(until)s: extend its validity "
                        "before sending it.",
                        name=quotation.name,
                        until=format_date(self.env, quotation.validity_date),
                    )
                )
        to_approve = self.filtered(lambda quotation: quotation._below_floor())
        to_approve._request_approval()
        to_send = self - to_approve
        if to_send:
            to_send._mark_sent()
        if len(self) == 1 and to_send:
            return self._composer_action()
        if to_approve:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "message": self.env._(
                        "The margin is under the floor: the quotation waits for "
                        "a sales manager's approval."
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return True

    def _mark_sent(self):
        today = fields.Date.context_today(self)
        for quotation in self:
            quotation._portal_ensure_token()
        self.write({"state": "sent", "sent_date": today})
        # The stage rule of freight_crm: a company quoted is at least a
        # prospect.
        customers = self.partner_id.commercial_partner_id
        customers._freight_promote("prospect")
        customers._freight_quoted(today)

    def _composer_action(self):
        self.ensure_one()
        template = self.env.ref(
            "freight_quotation.mail_template_freight_quotation",
            raise_if_not_found=False,
        )
        partner = self.contact_id or self.partner_id
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "default_partner_ids": partner.ids,
                "default_email_layout_xmlid": (
                    "mail.mail_notification_layout_with_responsible_signature"
                ),
                "force_email": True,
            },
        }

    def action_send_email(self):
        """E-mail a quotation already sent (again)."""
        self.ensure_one()
        self._check_state(("sent",), self.env._("e-mailed"))
        return self._composer_action()

    def _request_approval(self):
        if not self:
            return
        self.write({"state": "to_approve"})
        activity_type = self.env.ref("freight_quotation.mail_activity_margin_approval")
        for quotation in self:
            approver = quotation._approver()
            quotation.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=approver.id,
                note=self.env._(
                    "Margin %(margin).1f%% is under the floor of %(floor).1f%%.",
                    margin=quotation.lowest_margin_percent,
                    floor=quotation.margin_floor,
                ),
            )

    def _approver(self):
        """Who approves a margin: the sales team's leader, else a sales
        manager of the company."""
        self.ensure_one()
        team = self.lead_id.team_id or self.env["crm.team"].search(
            [("member_ids", "in", self.user_id.ids)], limit=1
        )
        if team.user_id and team.user_id.has_group(
            "freight_crm.group_freight_sales_manager"
        ):
            return team.user_id
        managers = self.env.ref("freight_crm.group_freight_sales_manager").users
        managers = managers.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        )
        return managers.sorted("id")[:1] or self.env.user

    def _check_approver(self):
        if not self.env.user.has_group("freight_crm.group_freight_sales_manager"):
            raise AccessError(
                self.env._("Only a sales manager approves or refuses a margin.")
            )

    def action_approve(self):
        """A sales manager accepts the margin: the quotation may be sent."""
        self._check_approver()
        self._check_state(("to_approve",), self.env._("approved"))
        for quotation in self:
            quotation.write(
                {
                    "state": "draft",
                    "approved_by_id": self.env.user.id,
                    "approved_margin_percent": quotation.lowest_margin_percent,
                }
            )
            quotation._close_approval_activities(
                self.env._(
                    "Margin approved at %.1f%%.", quotation.lowest_margin_percent
                )
            )
            quotation.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=quotation.user_id.id or self.env.user.id,
                summary=self.env._("Send the approved quotation"),
            )
        return True

    def action_refuse(self):
        """Open the refusal form (the reason is asked)."""
        self._check_approver()
        self._check_state(("to_approve",), self.env._("refused"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refuse the Margin"),
            "res_model": "freight.quotation.refuse",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _refuse(self, reason):
        self._check_approver()
        self._check_state(("to_approve",), self.env._("refused"))
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the margin is refused."))
        self.write({"state": "draft", "approved_by_id": False})
        for quotation in self:
            quotation._close_approval_activities(
                self.env._("Margin refused: %s", reason)
            )
            quotation.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=quotation.user_id.id or self.env.user.id,
                summary=self.env._("Margin refused: reprice the quotation"),
                note=reason,
            )

    def _close_approval_activities(self, feedback):
        activity_type = self.env.ref("freight_quotation.mail_activity_margin_approval")
        activities = self.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        if activities:
            activities.action_feedback(feedback=feedback)
        else:
            self.message_post(body=feedback)

    def action_mark_won(self):
        """The customer accepted: the option chosen (or the only one) wins,
        and the opportunity with it."""
        self._check_state(("sent",), self.env._("marked won"))
        for quotation in self:
            if quotation.is_multi_option and not quotation.selected_option_id:
                if quotation.kind == "spot":
                    raise UserError(
                        self.env._(
                            "%s offers several options: choose the one the "
                            "customer accepted.",
                            quotation.name,
                        )
                    )
        self._set_won()
        return True

    def _set_won(self):
        today = fields.Date.context_today(self)
        for quotation in self:
            values = {"state": "won", "decision_date": today}
            if not quotation.selected_option_id and quotation.option_count == 1:
                values["selected_option_id"] = quotation.option_ids.id
            quotation.write(values)
        leads = self.lead_id.filtered(
            lambda lead: lead.active and not lead.stage_id.is_won
        )
        if leads:
            leads.action_set_won()

    def action_mark_lost(self):
        """Open the lost form: the reason, the competitor and its price."""
        self._check_state(("sent",), self.env._("marked lost"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Quotation Lost"),
            "res_model": "freight.quotation.lost",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _set_lost(
        self, reason, note=False, competitor=False, price=0.0, currency=False
    ):
        """Lost, with why; the opportunity is lost too when none of its
        quotations is still open."""
        self._check_state(("sent",), self.env._("marked lost"))
        if not reason:
            raise UserError(self.env._("Give the reason the quotation was lost."))
        if price < 0:
            raise UserError(self.env._("The competitor's price cannot be negative."))
        self.write(
            {
                "state": "lost",
                "decision_date": fields.Date.context_today(self),
                "lost_reason_id": reason.id,
                "lost_note": note,
                "competitor": competitor,
                "competitor_price": price,
                "competitor_currency_id": currency.id if currency else False,
            }
        )
        leads = self.lead_id.filtered("active")
        for lead in leads:
            still_open = self.search_count(
                [("lead_id", "=", lead.id), ("state", "in", OPEN_STATES)], limit=1
            )
            if not still_open and not lead.stage_id.is_won:
                lead.action_set_lost(lost_reason_id=reason.id)

    def action_cancel(self):
        self._check_state(("draft", "to_approve", "sent"), self.env._("cancelled"))
        self.write({"state": "cancelled"})
        self.activity_unlink(["freight_quotation.mail_activity_margin_approval"])
        return True

    def action_draft(self):
        self._check_state(("cancelled",), self.env._("reset to draft"))
        for quotation in self:
            if quotation.next_revision_id:
                raise UserError(
                    self.env._(
                        "%(name)s was replaced by %(next)s: work on the new revision.",
                        name=quotation.name,
                        next=quotation.next_revision_id.name,
                    )
                )
        self.write({"state": "draft", "approved_by_id": False})
        return True

    def action_revise(self):
        """A new revision of a sent quotation (QT26-00001-R1); the sent one is
        kept, read-only, and can no longer be accepted."""
        self.ensure_one()
        self._check_state(("sent", "to_approve"), self.env._("revised"))
        base = self.base_name or self.name
        revision = self.revision + 1
        new = self.copy(
            {
                "name": f"{base}-R{revision}",
                "base_name": base,
                "revision": revision,
                "previous_id": self.id,
                "date": fields.Date.context_today(self),
                "validity_date": max(
                    self.validity_date, fields.Date.context_today(self)
                ),
            }
        )
        self.write({"state": "cancelled", "next_revision_id": new.id})
        self.message_post(
            body=Markup(self.env._("Revised: replaced by %s.")) % new._get_html_link()
        )
        new.message_post(
            body=Markup(self.env._("Revision of %s.")) % self._get_html_link()
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_refresh_buy_prices(self):
        """Take the buying rates' new prices into the draft."""
        self._check_state(("draft",), self.env._("repriced"))
        self.line_ids.filtered("buy_rate_changed")._refresh_buy_price()
        return True

    def action_preview(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": self.get_portal_url(),
        }

    def action_view_revisions(self):
        self.ensure_one()
        base = self.base_name or self.name
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revisions of %s", base),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("base_name", "=", base)],
        }

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Quotation %s", self.name)

    def _can_be_decided_online(self):
        """Why the customer cannot accept or decline now (False if they can)."""
        self.ensure_one()
        if self.state == "cancelled" and self.next_revision_id:
            return self.env._(
                "This quotation was replaced by %s.", self.next_revision_id.name
            )
        if self.state != "sent":
            return self.env._(
                "This quotation is %s: it can no longer be accepted or declined.",
                self._state_label(),
            )
        if self.validity_date < fields.Date.context_today(self):
            return self.env._(
                "This quotation was valid until %s: ask us for a new one.",
                format_date(self.env, self.validity_date),
            )
        return False

    def _accept_online(self, option, signed_by, signature):
        """The customer accepts, in the portal, with name and signature."""
        self.ensure_one()
        refused = self._can_be_decided_online()
        if refused:
            raise UserError(refused)
        if (option and option not in self.option_ids) or (
            not option and self.kind == "spot" and self.is_multi_option
        ):
            raise UserError(self.env._("Choose one of the options offered."))
        if not option:
            option = self.option_ids[:1]
        if not (signed_by or "").strip():
            raise UserError(self.env._("Write your name to sign the quotation."))
        if not signature:
            raise UserError(self.env._("Sign the quotation to accept it."))
        self.write(
            {
                "signed_by": signed_by.strip(),
                "signed_on": fields.Datetime.now(),
                "signature": signature,
                "selected_option_id": option.id if option else False,
            }
        )
        self._set_won()
        body = self.env._("Accepted online by %s.", self.signed_by)
        if self.is_multi_option and self.kind == "spot":
            body = self.env._(
                "Accepted online by %(name)s: %(option)s.",
                name=self.signed_by,
                option=option.display_name,
            )
        # Posted as the customer, as a comment: the customer sees it in the
        # portal, the salesperson is notified.
        self.message_post(
            body=body,
            author_id=(self.contact_id or self.partner_id).id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_id.partner_id.ids,
        )

    def _decline_online(self, reason):
        """The customer declines, in the portal, saying why."""
        self.ensure_one()
        refused = self._can_be_decided_online()
        if refused:
            raise UserError(refused)
        if not (reason or "").strip():
            raise UserError(self.env._("Tell us why you decline the quotation."))
        lost_reason = self.env.ref(
            "freight_quotation.lost_reason_declined_online", raise_if_not_found=False
        )
        self._set_lost(lost_reason or self.env["crm.lost.reason"], note=reason.strip())
        self.message_post(
            body=self.env._("Declined online: %s", reason.strip()),
            author_id=(self.contact_id or self.partner_id).id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_id.partner_id.ids,
        )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_expiry(self):
        """Per company: expire sent quotations past their validity, and
        remind the salesperson three days before."""
        for company in self.env["res.company"].search([]):
            quotations = self.with_company(company).sudo()
            today = fields.Date.context_today(quotations)
            past = quotations.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sent"),
                    ("validity_date", "<", today),
                ]
            )
            past.write({"state": "expired", "decision_date": today})
            soon = quotations.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "sent"),
                    ("validity_date", ">=", today),
                    ("validity_date", "<=", today + timedelta(days=3)),
                    ("expiry_reminded", "=", False),
                ]
            )
            for quotation in soon:
                quotation.activity_schedule(
                    "freight_quotation.mail_activity_quotation_expiry",
                    date_deadline=quotation.validity_date,
                    user_id=(quotation.user_id or quotation.customer_user_id).id
                    or self.env.user.id,
                    note=self.env._(
                        "Valid until %s: follow up with the customer, or revise it.",
                        format_date(self.env, quotation.validity_date),
                    ),
                )
            soon.write({"expiry_reminded": True})
