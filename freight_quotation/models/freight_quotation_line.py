# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import format_date

from odoo.addons.freight_crm.models.freight_selection import CHARGE_UNITS
from odoo.addons.freight_rates.models.freight_rate_finder_engine import unit_quantity

from .freight_quotation_selection import (
    BUY_FIELDS,
    CATEGORY_GROUPS,
    CHARGE_GROUPS,
    CONTAINER_MODES,
    OPEN_STATES,
)


class FreightQuotationLine(models.Model):
    _name = "freight.quotation.line"
    _description = "Quotation Charge"
    _order = "quotation_id, option_id, group_sequence, sequence, id"
    _check_company_auto = True

    quotation_id = fields.Many2one(
        "freight.quotation", required=True, ondelete="cascade", index=True
    )
    option_id = fields.Many2one(
        "freight.quotation.option",
        ondelete="cascade",
        index=True,
        domain="[('quotation_id', '=', quotation_id)]",
    )
    company_id = fields.Many2one(related="quotation_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    charge_type_id = fields.Many2one(
        "freight.charge.type", string="Charge", required=True
    )
    name = fields.Char(
        string="Description",
        compute="_compute_from_charge",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    charge_group = fields.Selection(
        CHARGE_GROUPS,
        string="Group",
        compute="_compute_from_charge",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    group_sequence = fields.Integer(
        compute="_compute_group_sequence", store=True, precompute=True
    )
    unit = fields.Selection(
        CHARGE_UNITS,
        string="Unit Basis",
        compute="_compute_from_charge",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    container_type_id = fields.Many2one(
        "freight.container.type",
        string="Container",
        help="Per-container charges: the container type they are for (all "
        "containers when empty).",
    )
    quantity = fields.Float(
        digits=(16, 3),
        compute="_compute_quantity",
        store=True,
        readonly=False,
        help="Computed from the cargo and the unit basis; may be changed.",
    )
    # Buying side
    rate_line_id = fields.Many2one(
        "freight.rate.line",
        string="Buying Rate Price",
        ondelete="set null",
        index="btree_not_null",
        groups="base.group_user",
    )
    buy_price = fields.Float(
        digits="Product Price", groups="base.group_user", help="Per unit."
    )
    buy_currency_id = fields.Many2one(
        "res.currency",
        groups="base.group_user",
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False),
    )
    buy_exchange_rate = fields.Float(
        digits=(16, 8),
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    buy_amount = fields.Monetary(
        string="Cost",
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    # Selling side
    sell_price = fields.Float(digits="Product Price", help="Per unit.")
    discount = fields.Float(
        digits="Product Price", help="Taken off the selling price, per unit."
    )
    sell_currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False)
        or self.env.company.currency_id,
    )
    exchange_rate = fields.Float(
        digits=(16, 8),
        compute="_compute_amounts",
        store=True,
        help="What one unit of the line's currency is worth in the quotation's "
        "currency, on the quotation date.",
    )
    currency_id = fields.Many2one(
        related="quotation_id.currency_id", string="Quotation Currency"
    )
    amount = fields.Monetary(compute="_compute_amounts", store=True)
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        check_company=True,
        domain="[('type_tax_use', '=', 'sale'), "
        "('company_id', 'parent_of', company_id)]",
    )
    amount_tax = fields.Monetary(string="Tax", compute="_compute_amounts", store=True)
    margin = fields.Monetary(
        compute="_compute_amounts", store=True, groups="base.group_user"
    )
    margin_percent = fields.Float(
        string="Margin (%)",
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    is_printed = fields.Boolean(
        string="Printed",
        default=True,
        help="Printed for the customer; an internal line counts in the cost "
        "and the margin only.",
    )
    # Re-check of the buying rate
    buy_rate_changed = fields.Boolean(
        copy=False, readonly=True, groups="base.group_user"
    )
    buy_price_current = fields.Float(
        string="New Buy Price",
        digits="Product Price",
        copy=False,
        readonly=True,
        groups="base.group_user",
    )
    buy_change_note = fields.Char(
        string="Buy Rate Change", copy=False, readonly=True, groups="base.group_user"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("charge_type_id")
    def _compute_from_charge(self):
        for line in self:
            charge = line.charge_type_id
            if not charge:
                continue
            line.name = line.name or charge.name
            line.unit = line.unit or charge.default_unit
            line.charge_group = line.charge_group or CATEGORY_GROUPS.get(
                charge.category, "other"
            )

    @api.depends("charge_group")
    def _compute_group_sequence(self):
        order = [key for key, _label in CHARGE_GROUPS]
        for line in self:
            line.group_sequence = (
                order.index(line.charge_group) if line.charge_group in order else 9
            )

    @api.depends(
        "unit",
        "container_type_id",
        "quotation_id.kind",
        "quotation_id.container_ids.quantity",
        "quotation_id.container_ids.container_type_id",
        "quotation_id.gross_weight",
        "quotation_id.volume",
        "quotation_id.chargeable_weight",
    )
    def _compute_quantity(self):
        for line in self:
            quotation = line.quotation_id
            if not line.unit or quotation.kind == "rate_offer":
                line.quantity = line.quantity or 1.0
                continue
            containers = quotation.container_ids
            if line.container_type_id:
                containers = containers.filtered(
                    lambda row, ctype=line.container_type_id: row.container_type_id
                    == ctype
                )
            line.quantity = unit_quantity(
                line.unit,
                sum(containers.mapped("quantity")),
                quotation.gross_weight,
                quotation.volume,
                quotation.chargeable_weight,
            )

    @api.depends(
        "quantity",
        "buy_price",
        "buy_currency_id",
        "sell_price",
        "discount",
        "sell_currency_id",
        "tax_ids",
        "quotation_id.currency_id",
        "quotation_id.date",
    )
    def _compute_amounts(self):
        for quotations in self.quotation_id:
            lines = self.filtered(lambda line, q=quotations: line.quotation_id == q)
            currencies = lines.sell_currency_id | lines.sudo().buy_currency_id
            rates = quotations._exchange_rates(currencies)
            currency = quotations.currency_id
            for line in lines:
                rate = rates.get(line.sell_currency_id) or 0.0
                buy_rate = rates.get(line.sudo().buy_currency_id) or 0.0
                net = line.sell_price - line.discount
                amount = currency.round(line.quantity * net * rate) if currency else 0.0
                cost = (
                    currency.round(line.quantity * line.buy_price * buy_rate)
                    if currency
                    else 0.0
                )
                line.exchange_rate = rate
                line.buy_exchange_rate = buy_rate
                line.amount = amount
                line.buy_amount = cost
                line.margin = amount - cost
                line.margin_percent = (amount - cost) / amount * 100 if amount else 0.0
                line.amount_tax = (
                    sum(
                        tax["amount"]
                        for tax in line.tax_ids.compute_all(amount, currency)["taxes"]
                    )
                    if line.tax_ids and currency
                    else 0.0
                )
        for line in self - self.filtered("quotation_id"):
            line.amount = line.buy_amount = line.margin = line.amount_tax = 0.0
            line.margin_percent = line.exchange_rate = line.buy_exchange_rate = 0.0

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("quantity", "buy_price", "sell_price", "discount")
    def _check_amounts(self):
        for line in self:
            if line.quantity < 0 or line.sudo().buy_price < 0 or line.sell_price < 0:
                raise ValidationError(
                    self.env._(
                        "%s: quantities and prices cannot be negative.", line.name
                    )
                )
            if line.discount < 0 or line.discount > line.sell_price:
                raise ValidationError(
                    self.env._(
                        "%(charge)s: a discount of %(discount)s on a price of "
                        "%(price)s leaves it below zero; lower the discount.",
                        charge=line.name,
                        discount=line.discount,
                        price=line.sell_price,
                    )
                )

    @api.constrains("sell_currency_id", "buy_currency_id", "buy_price", "quotation_id")
    def _check_exchange_rates(self):
        for quotation in self.quotation_id:
            lines = self.filtered(lambda line, q=quotation: line.quotation_id == q)
            currencies = (
                lines.sell_currency_id
                | lines.sudo().filtered("buy_price").buy_currency_id
            )
            rates = quotation._exchange_rates(currencies)
            # The quotation's own currency first: without its rate, none.
            missing = [
                currency
                for currency in quotation.currency_id | currencies
                if not rates.get(currency)
            ]
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(currency)s has no exchange rate on %(date)s: add one "
                        "(Accounting / Currencies) or quote in another currency.",
                        currency=missing[0].name,
                        date=format_date(self.env, quotation.date),
                    )
                )

    @api.constrains("container_type_id", "quotation_id")
    def _check_container_mode(self):
        for line in self:
            if line.container_type_id and line.quotation_id.mode not in CONTAINER_MODES:
                raise ValidationError(
                    self.env._(
                        "%s: an air or LCL charge is not per container type; "
                        "remove the container type.",
                        line.name,
                    )
                )

    @api.constrains("option_id", "quotation_id")
    def _check_option(self):
        for line in self:
            if line.option_id and line.option_id.quotation_id != line.quotation_id:
                raise ValidationError(
                    self.env._("A charge belongs to an option of its own quotation.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        quotations = self.env["freight.quotation"].browse(
            {vals["quotation_id"] for vals in vals_list if vals.get("quotation_id")}
        )
        keys = set().union(*vals_list) if vals_list else set()
        # Who may not create charges at all hears so before what a state allows.
        self.check_access("create")
        self._check_buy_side_only(keys | {"quotation_id"})
        quotations._check_lines_unlocked(keys | {"quotation_id"})
        lines = super().create(vals_list)
        for line in lines.filtered(lambda line: not line.option_id):
            line.option_id = line.quotation_id.option_ids[:1]
        return lines

    def write(self, vals):
        self.check_access("write")
        self._check_buy_side_only(set(vals))
        self.quotation_id._check_lines_unlocked(set(vals))
        if vals.get("quotation_id"):
            # Moved to another quotation: the rules are checked on the
            # records before a write, so on the new quotation here.
            target = self.env["freight.quotation"].browse(vals["quotation_id"])
            target.check_access("write")
            target._check_lines_unlocked(set(vals))
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        self._check_buy_side_only({"quotation_id"})
        self.quotation_id._check_lines_unlocked({"quotation_id"})
        return super().unlink()

    def _check_buy_side_only(self, fnames):
        """Pricing, without sales rights, changes the buying side only."""
        if self.env.su or self.env.user.has_group("freight_crm.group_freight_sales"):
            return
        if fnames - BUY_FIELDS:
            raise AccessError(
                self.env._(
                    "Pricing changes the buying side of a quotation only; the "
                    "salesperson sets the selling prices."
                )
            )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------
    def _apply_markup(self):
        """Selling prices from the buying prices with the default markup of
        the company, customer or mode."""
        Rule = self.env["freight.quotation.margin.rule"]
        for line in self:
            quotation = line.quotation_id
            rule = Rule._rule_for(
                quotation.company_id, quotation.partner_id, quotation.mode
            )
            line.write(
                rule._sell_values(line.buy_price, line.buy_currency_id, quotation)
            )

    def _refresh_buy_price(self):
        for line in self:
            line.write(
                {
                    "buy_price": line.buy_price_current,
                    "buy_rate_changed": False,
                    "buy_change_note": False,
                }
            )

    @api.model
    def _open_lines_of(self, rate_lines):
        """The charges of quotations still in play (not past their validity)
        priced from ``rate_lines``."""
        if not rate_lines:
            return self.browse()
        today = fields.Date.context_today(self)
        # sudo: a change of a buying rate (by pricing) flags every salesperson's
        # quotations priced from it.
        return self.sudo().search(
            [
                ("rate_line_id", "in", rate_lines.ids),
                ("quotation_id.state", "in", list(OPEN_STATES)),
                ("quotation_id.validity_date", ">=", today),
            ]
        )

    def _flag_buy_change(self, note):
        """Flag the charges, show the new buying price, and ask each
        quotation's salesperson to look (one activity per quotation)."""
        if not self:
            return
        for line in self:
            line.write(
                {
                    "buy_rate_changed": True,
                    "buy_price_current": line.rate_line_id.amount
                    if line.rate_line_id.currency_id == line.buy_currency_id
                    else line.rate_line_id.currency_id._convert(
                        line.rate_line_id.amount,
                        line.buy_currency_id,
                        line.company_id,
                        line.quotation_id.date,
                    ),
                    "buy_change_note": note,
                }
            )
        activity_type = self.env.ref("freight_quotation.mail_activity_buy_rate_changed")
        for quotation in self.quotation_id:
            pending = quotation.activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            )
            if pending:
                continue
            quotation.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(quotation.user_id or quotation.customer_user_id).id
                or self.env.user.id,
                note=note,
            )
