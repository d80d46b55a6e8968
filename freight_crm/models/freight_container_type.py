# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# ISO 6346 size-type code: length, height/width, type group and detail.
ISO_SIZE_TYPE_RE = re.compile(r"^[1-9A-Z][0-9A-Z][A-Z][0-9]$")


class FreightContainerType(models.Model):
    _name = "freight.container.type"
    _description = "Container Type"
    _order = "sequence, code"
    _rec_name = "code"
    _rec_names_search = ["code", "name", "iso_code"]

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Trade code, e.g. 40HC.")
    name = fields.Char(string="Description", required=True, translate=True)
    iso_code = fields.Char(
        string="ISO 6346 Code",
        size=4,
        required=True,
        help="ISO 6346 size-type code, e.g. 45G1 for a 40' high cube.",
    )
    size = fields.Selection(
        [("20", "20'"), ("40", "40'"), ("45", "45'")], required=True
    )
    category = fields.Selection(
        [
            ("dry", "Dry"),
            ("reefer", "Reefer"),
            ("open_top", "Open Top"),
            ("flat_rack", "Flat Rack"),
            ("tank", "Tank"),
        ],
        required=True,
        default="dry",
    )
    teu = fields.Float(string="TEU", digits=(4, 2), required=True, default=1.0)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "A container type with this code exists."),
        ("teu_positive", "CHECK(teu > 0)", "TEU must be positive."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for container in self:
            container.display_name = container.code

    @api.constrains("iso_code")
    def _check_iso_code(self):
        for container in self:
            if not ISO_SIZE_TYPE_RE.match(container.iso_code or ""):
                raise ValidationError(
                    self.env._(
                        "%s is not an ISO 6346 size-type code (e.g. 22G1, 45G1).",
                        container.iso_code,
                    )
                )
