# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.tools import format_date


class FreightRate(models.Model):
    _inherit = "freight.rate"

    def write(self, vals):
        result = super().write(vals)
        if {"state", "superseded_by_id", "valid_to"} & set(vals):
            self._recheck_quotations()
        return result

    def _recheck_quotations(self):
        """Flag the open quotations priced from these rates when a rate ends
        (expired, superseded, shortened) before the quotation's validity."""
        QuotationLine = self.env["freight.quotation.line"]
        for rate in self:
            lines = QuotationLine._open_lines_of(rate.line_ids)
            if rate.state == "expired":
                note = self.env._("Rate %s expired", rate.name)
            elif rate.superseded_by_id:
                note = self.env._(
                    "Rate %(rate)s superseded by %(new)s",
                    rate=rate.name,
                    new=rate.superseded_by_id.name,
                )
            else:
                note = self.env._(
                    "Rate %(rate)s now ends on %(date)s",
                    rate=rate.name,
                    date=format_date(self.env, rate.valid_to),
                )
            ending = lines.filtered(
                lambda line, rate=rate: rate.state == "expired"
                or line.quotation_id.validity_date > rate.valid_to
            )
            ending._flag_buy_change(note)
