# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class FreightPort(models.Model):
    _inherit = "freight.port"

    # The rate finder keeps ports by code in the registry cache.
    @api.model_create_multi
    def create(self, vals_list):
        ports = super().create(vals_list)
        self.env.registry.clear_cache()
        return ports

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res


class FreightContainerType(models.Model):
    _inherit = "freight.container.type"

    # The rate finder keeps container types by code in the registry cache.
    @api.model_create_multi
    def create(self, vals_list):
        containers = super().create(vals_list)
        self.env.registry.clear_cache()
        return containers

    def write(self, vals):
        res = super().write(vals)
        self.env.registry.clear_cache()
        return res

    def unlink(self):
        res = super().unlink()
        self.env.registry.clear_cache()
        return res
