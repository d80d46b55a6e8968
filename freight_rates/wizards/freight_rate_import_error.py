# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightRateImportError(models.TransientModel):
    _name = "freight.rate.import.error"
    _description = "Rate Sheet Problem"
    _order = "row, id"

    wizard_id = fields.Many2one(
        "freight.rate.import", required=True, ondelete="cascade"
    )
    row = fields.Integer(help="The row of the sheet, as the spreadsheet numbers it.")
    column = fields.Char()
    value = fields.Char()
    message = fields.Text(string="Problem")
