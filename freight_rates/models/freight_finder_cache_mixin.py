# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class FreightFinderCacheMixin(models.AbstractModel):
    """Master data the rate finder keeps by code in the registry cache: any
    change clears the cache."""

    _name = "freight.finder.cache.mixin"
    _description = "Master Data Cached by the Rate Finder"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
