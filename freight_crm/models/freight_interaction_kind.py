# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightInteractionKind(models.Model):
    _name = "freight.interaction.kind"
    _description = "Kind of Customer Interaction"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    icon = fields.Char(help="Font Awesome icon, e.g. fa-phone.")
    is_visit = fields.Boolean(
        string="Field Visit", help="Used by the quick 'log a visit' action."
    )
    active = fields.Boolean(default=True)
