# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightQuotation(models.Model):
    _inherit = "freight.quotation"

    inquiry_id = fields.Many2one(
        "freight.inquiry",
        string="Service Inquiry",
        copy=False,
        readonly=True,
        index="btree_not_null",
    )

    def _mark_sent(self):
        result = super()._mark_sent()
        self.inquiry_id._mark_quoted()
        return result
