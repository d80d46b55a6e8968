# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class FreightPort(models.Model):
    _name = "freight.port"
    _inherit = ["freight.port", "freight.finder.cache.mixin"]
