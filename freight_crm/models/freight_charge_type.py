# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .freight_selection import CHARGE_UNITS


class FreightChargeType(models.Model):
    _name = "freight.charge.type"
    _description = "Freight Charge Type"
    _order = "sequence, code"
    _rec_names_search = ["code", "name"]

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    default_unit = fields.Selection(CHARGE_UNITS, required=True)
    category = fields.Selection(
        [
            ("freight", "Main Freight"),
            ("surcharge", "Surcharge"),
            ("origin", "Origin Charges"),
            ("destination", "Destination Charges"),
            ("customs", "Customs"),
            ("trucking", "Trucking Charges"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A charge type with this code exists."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for charge in self:
            charge.display_name = f"{charge.code} - {charge.name}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code"):
                vals["code"] = vals["code"].strip().upper()
        return super().create(vals_list)
