# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.models.freight_selection import (
    CHARGE_UNITS,
    TRANSPORT_MODES,
)

from .freight_quotation_selection import CATEGORY_GROUPS, CHARGE_GROUPS


class FreightQuotationTemplate(models.Model):
    """A mode's standard local charges, terms and conditions."""

    _name = "freight.quotation.template"
    _description = "Quotation Template"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    mode = fields.Selection(
        TRANSPORT_MODES, help="The mode the template is proposed for (any if empty)."
    )
    validity_days = fields.Integer(string="Valid for (days)", default=14)
    line_ids = fields.One2many(
        "freight.quotation.template.line",
        "template_id",
        string="Standard Charges",
        copy=True,
    )
    terms = fields.Html(
        string="Terms and Conditions",
        help="Printed as written: write them in Vietnamese and English.",
    )
    note = fields.Html(string="Notes")

    @api.constrains("validity_days")
    def _check_validity_days(self):
        for template in self:
            if template.validity_days < 0:
                raise ValidationError(
                    self.env._(
                        "A quotation cannot be valid for a negative number of days."
                    )
                )


class FreightQuotationTemplateLine(models.Model):
    _name = "freight.quotation.template.line"
    _description = "Standard Charge of a Quotation Template"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one(
        "freight.quotation.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    charge_type_id = fields.Many2one(
        "freight.charge.type", string="Charge", required=True
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
    unit = fields.Selection(
        CHARGE_UNITS,
        string="Unit Basis",
        compute="_compute_from_charge",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    container_type_id = fields.Many2one("freight.container.type", string="Container")
    sell_price = fields.Float(digits="Product Price")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.VND", raise_if_not_found=False)
        or self.env.company.currency_id,
    )
    buy_price = fields.Float(
        digits="Product Price",
        groups="base.group_user",
        help="What the charge costs us (the terminal's or the airline's tariff).",
    )

    @api.depends("charge_type_id")
    def _compute_from_charge(self):
        for line in self:
            if line.charge_type_id:
                line.unit = line.unit or line.charge_type_id.default_unit
                line.charge_group = line.charge_group or CATEGORY_GROUPS.get(
                    line.charge_type_id.category, "other"
                )

    @api.constrains("sell_price", "buy_price")
    def _check_prices(self):
        for line in self:
            if line.sell_price < 0 or line.sudo().buy_price < 0:
                raise ValidationError(self.env._("Prices cannot be negative."))

    def _quotation_line_values(self, option):
        """The quotation charge this standard charge makes on ``option``."""
        self.ensure_one()
        container = self.container_type_id
        if container and option.quotation_id.mode in ("air", "sea_lcl"):
            container = self.env["freight.container.type"]
        return {
            "quotation_id": option.quotation_id.id,
            "option_id": option.id,
            "sequence": 100 + self.sequence,
            "charge_type_id": self.charge_type_id.id,
            "name": self.charge_type_id.name,
            "charge_group": self.charge_group,
            "unit": self.unit,
            "container_type_id": container.id,
            "sell_price": self.sell_price,
            "sell_currency_id": self.currency_id.id,
            "buy_price": self.sudo().buy_price,
            "buy_currency_id": self.currency_id.id,
        }
