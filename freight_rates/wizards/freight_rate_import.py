# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightRateImport(models.TransientModel):
    _name = "freight.rate.import"
    _description = "Import a Rate Sheet"

    file = fields.Binary()
    filename = fields.Char()
    error_ids = fields.One2many("freight.rate.import.error", "wizard_id")

    @api.model
    def action_export_rates(self, rates):
        return False


class FreightRateImportError(models.TransientModel):
    _name = "freight.rate.import.error"
    _description = "Rate Sheet Problem"

    wizard_id = fields.Many2one(
        "freight.rate.import", required=True, ondelete="cascade"
    )
    row = fields.Integer()
    column = fields.Char()
    value = fields.Char()
    message = fields.Char()
