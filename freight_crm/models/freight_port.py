# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_selection import PORT_KINDS

# UN/LOCODE: ISO 3166 country code, then three letters or digits 2-9.
LOCODE_RE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
IATA_AIRPORT_RE = re.compile(r"^[A-Z]{3}$")


class FreightPort(models.Model):
    _name = "freight.port"
    _inherit = ["freight.name.search.mixin"]
    _description = "Port, Airport or Inland Depot"
    _order = "code, kind"
    _rec_names_search = ["code", "iata_code", "name", "city"]
    _freight_compact_search_fields = ("name", "city")

    name = fields.Char(required=True)
    code = fields.Char(
        string="UN/LOCODE",
        size=5,
        required=True,
        index=True,
        help="United Nations location code: the ISO country code and three "
        "characters, e.g. VNCLI for Cat Lai.",
    )
    iata_code = fields.Char(
        string="IATA Code",
        size=3,
        index=True,
        help="Three-letter IATA airport code, e.g. SGN.",
    )
    kind = fields.Selection(PORT_KINDS, required=True, default="seaport")
    country_id = fields.Many2one("res.country", required=True, index=True)
    city = fields.Char()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_kind_uniq",
            "unique(code, kind)",
            "A location with this UN/LOCODE and kind already exists.",
        ),
    ]

    @api.depends("code", "iata_code", "name", "kind")
    def _compute_display_name(self):
        for port in self:
            code = port.iata_code if port.kind == "airport" else port.code
            port.display_name = f"{code} - {port.name}" if code else port.name

    @api.constrains("code", "country_id")
    def _check_code(self):
        for port in self:
            if not LOCODE_RE.match(port.code or ""):
                raise ValidationError(
                    self.env._(
                        "%(code)s is not a UN/LOCODE: two letters of the country "
                        "and three letters or digits, e.g. VNCLI.",
                        code=port.code,
                    )
                )
            if port.country_id and port.code[:2] != port.country_id.code:
                raise ValidationError(
                    self.env._(
                        "UN/LOCODE %(code)s does not start with the code of "
                        "%(country)s (%(country_code)s).",
                        code=port.code,
                        country=port.country_id.name,
                        country_code=port.country_id.code,
                    )
                )

    @api.constrains("iata_code", "kind")
    def _check_iata_code(self):
        for port in self:
            if port.kind == "airport" and not port.iata_code:
                raise ValidationError(
                    self.env._("Airport %s needs its IATA code.", port.name)
                )
            if port.iata_code and not IATA_AIRPORT_RE.match(port.iata_code):
                raise ValidationError(
                    self.env._(
                        "%s is not an IATA airport code (three letters).",
                        port.iata_code,
                    )
                )

    @api.model
    def _normalize_codes(self, vals):
        for fname in ("code", "iata_code"):
            if vals.get(fname):
                vals[fname] = vals[fname].strip().upper()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._normalize_codes(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._normalize_codes(vals))
