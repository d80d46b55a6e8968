# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightRateFinderResult(models.TransientModel):
    _inherit = "freight.rate.finder.result"

    to_quote = fields.Boolean(
        string="Quote", help="Tick the rates to offer as options of one quotation."
    )

    def action_toggle_quote(self):
        self.ensure_one()
        self.to_quote = not self.to_quote
        return True
