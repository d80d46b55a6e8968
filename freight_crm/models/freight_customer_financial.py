# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightCustomerFinancial(models.Model):
    _name = "freight.customer.financial"
    _description = "Customer Annual Financials"
    _inherit = ["freight.customer.mixin"]
    _order = "partner_id, year desc"

    year = fields.Integer(required=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.VND", raise_if_not_found=False)
        or self.env.company.currency_id,
    )
    revenue = fields.Monetary()
    profit = fields.Monetary(string="Net Profit")
    equity = fields.Monetary()
    employees = fields.Integer()
    source = fields.Char(help="Where the figures come from: annual report, ...")
    revenue_growth = fields.Float(
        string="Revenue Growth (%)",
        compute="_compute_revenue_growth",
        help="Against the previous year's revenue of the same customer.",
    )

    _sql_constraints = [
        (
            "partner_year_uniq",
            "unique(partner_id, year)",
            "This customer already has financials for that year.",
        ),
    ]

    @api.depends("partner_id", "year", "revenue")
    def _compute_revenue_growth(self):
        previous = {
            (fin.partner_id.id, fin.year): fin.revenue
            for fin in self.search(
                [
                    ("partner_id", "in", self.partner_id.ids),
                    ("year", "in", [year - 1 for year in self.mapped("year")]),
                ]
            )
        }
        for fin in self:
            before = previous.get((fin.partner_id.id, fin.year - 1))
            fin.revenue_growth = (
                (fin.revenue - before) / before * 100 if before else 0.0
            )

    @api.constrains("year", "employees")
    def _check_values(self):
        for fin in self:
            if not 1900 <= fin.year <= 2100:
                raise ValidationError(
                    self.env._("%s is not a valid financial year.", fin.year)
                )
            if fin.employees < 0:
                raise ValidationError(
                    self.env._("The number of employees cannot be negative.")
                )
