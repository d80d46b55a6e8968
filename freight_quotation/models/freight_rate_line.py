# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# A change of these makes the quotations priced from the price re-checked.
PRICE_FIELDS = {"amount", "minimum_amount", "currency_id", "unit"}


class FreightRateLine(models.Model):
    _inherit = "freight.rate.line"

    def write(self, vals):
        result = super().write(vals)
        if PRICE_FIELDS & set(vals):
            QuotationLine = self.env["freight.quotation.line"]
            for price in self:
                lines = QuotationLine._open_lines_of(price).filtered(
                    lambda line, price=price: line.buy_price != price.amount
                    or line.buy_currency_id != price.currency_id
                )
                lines._flag_buy_change(
                    self.env._(
                        "Buying price of %(rate)s changed to %(price)s",
                        rate=price.rate_id.name,
                        price=price._format_price(),
                    )
                )
        return result
