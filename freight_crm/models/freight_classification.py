# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

CLASSIFICATION_KINDS = [
    ("ownership", "Ownership"),
    ("business_type", "Business Type"),
    ("commodity", "Goods Traded"),
    ("size", "Company Size"),
    ("region", "Region"),
]


class FreightClassification(models.Model):
    _name = "freight.classification"
    _description = "Customer Classification"
    _order = "kind, sequence, name"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(CLASSIFICATION_KINDS, required=True, index=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    description = fields.Char(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_kind_uniq",
            "unique(name, kind)",
            "This classification value already exists.",
        ),
    ]
