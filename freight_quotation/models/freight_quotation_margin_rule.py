# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.models.freight_selection import TRANSPORT_MODES

from .freight_quotation_selection import MARKUP_TYPES


class FreightQuotationMarginRule(models.Model):
    """The default markup on buying rates and the margin floor under which
    a sales manager approves: per company, overridden per customer and per
    mode (the most specific rule wins)."""

    _name = "freight.quotation.margin.rule"
    _description = "Markup and Margin Floor"
    _order = "company_id, partner_id, mode, id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        check_company=True,
        domain="[('is_company', '=', True)]",
        help="Empty: every customer.",
    )
    mode = fields.Selection(TRANSPORT_MODES, help="Empty: every mode.")
    markup_type = fields.Selection(MARKUP_TYPES, required=True, default="percent")
    markup_value = fields.Float(
        string="Markup",
        digits=(16, 2),
        help="Percent of the buying price, or an amount per unit in the markup "
        "currency.",
    )
    markup_currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False),
    )
    min_margin_percent = fields.Float(
        string="Margin Floor (%)",
        digits=(5, 2),
        help="A quotation with an option under this margin waits for a sales "
        "manager's approval before it is sent.",
    )

    _sql_constraints = [
        (
            "rule_unique",
            "UNIQUE NULLS NOT DISTINCT (company_id, partner_id, mode)",
            "There is already a rule for this company, customer and mode.",
        ),
    ]

    @api.depends("company_id", "partner_id", "mode")
    def _compute_display_name(self):
        modes = dict(self._fields["mode"]._description_selection(self.env))
        for rule in self:
            rule.display_name = " / ".join(
                filter(
                    None,
                    [
                        rule.company_id.name,
                        rule.partner_id.name,
                        modes.get(rule.mode),
                    ],
                )
            )

    @api.constrains("markup_value", "min_margin_percent", "markup_type")
    def _check_values(self):
        for rule in self:
            if rule.markup_value < 0:
                raise ValidationError(self.env._("A markup cannot be negative."))
            if not 0 <= rule.min_margin_percent < 100:
                raise ValidationError(
                    self.env._("A margin floor is a percentage from 0 to 99.")
                )
            if rule.markup_type == "amount" and not rule.markup_currency_id:
                raise ValidationError(
                    self.env._("Give the currency of a markup per unit.")
                )

    @api.model
    def _rule_for(self, company, partner, mode):
        """The most specific rule: customer and mode, customer, mode, then
        the company's (an empty rule when none)."""
        company = company or self.env.company
        customer = partner.commercial_partner_id if partner else partner
        rules = self.sudo().search(
            [
                ("company_id", "=", company.id),
                ("partner_id", "in", [customer.id, False] if customer else [False]),
                ("mode", "in", [mode, False] if mode else [False]),
            ]
        )
        ranked = sorted(
            rules,
            key=lambda rule: (bool(rule.partner_id), bool(rule.mode)),
            reverse=True,
        )
        return ranked[0] if ranked else self.browse()

    def _sell_values(self, buy_price, buy_currency, quotation):
        """The selling price and currency of a charge bought at ``buy_price``."""
        if not self:
            return {"sell_price": buy_price, "sell_currency_id": buy_currency.id}
        if self.markup_type == "percent":
            price = buy_price * (1 + self.markup_value / 100)
        else:
            markup = self.markup_currency_id._convert(
                self.markup_value,
                buy_currency,
                quotation.company_id,
                quotation.date or fields.Date.context_today(self),
            )
            price = buy_price + markup
        return {
            "sell_price": buy_currency.round(price) if buy_currency else price,
            "sell_currency_id": buy_currency.id,
        }
