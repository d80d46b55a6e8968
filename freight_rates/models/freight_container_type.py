# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class FreightContainerType(models.Model):
    _name = "freight.container.type"
    _inherit = ["freight.container.type", "freight.finder.cache.mixin"]
