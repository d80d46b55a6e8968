# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class FreightCustomerCareReport(models.Model):
    _inherit = "freight.customer.care.report"
    _depends = {"res.partner": ["last_quotation_date"]}

    last_quotation_date = fields.Date(readonly=True)

    def _select(self):
        return SQL(
            "%s, p.last_quotation_date AS last_quotation_date", super()._select()
        )
