# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_selection import CARRIER_KINDS

SCAC_RE = re.compile(r"^[A-Z]{2,4}$")
AIRLINE_IATA_RE = re.compile(r"^[A-Z0-9]{2}$")
AWB_PREFIX_RE = re.compile(r"^[0-9]{3}$")


class ResPartner(models.Model):
    _inherit = "res.partner"

    freight_carrier_kind = fields.Selection(
        CARRIER_KINDS,
        string="Carrier Kind",
        index=True,
        help="Set on shipping lines, airlines, co-loaders, trucking companies "
        "and overseas agents: the partners freight is bought from.",
    )
    scac_code = fields.Char(
        string="SCAC",
        size=4,
        help="Standard Carrier Alpha Code of a shipping line, e.g. MAEU.",
    )
    airline_iata_code = fields.Char(
        string="Airline IATA Code", size=2, help="Two-character code, e.g. VN."
    )
    awb_prefix = fields.Char(
        string="AWB Prefix",
        size=3,
        help="Three-digit prefix of the airline's air waybills, e.g. 738.",
    )

    @api.constrains("scac_code", "airline_iata_code", "awb_prefix")
    def _check_carrier_codes(self):
        checks = (
            ("scac_code", SCAC_RE, self.env._("a SCAC has 2 to 4 capital letters")),
            (
                "airline_iata_code",
                AIRLINE_IATA_RE,
                self.env._("an airline IATA code has 2 letters or digits"),
            ),
            ("awb_prefix", AWB_PREFIX_RE, self.env._("an AWB prefix has 3 digits")),
        )
        for partner in self:
            for fname, pattern, rule in checks:
                value = partner[fname]
                if value and not pattern.match(value):
                    raise ValidationError(
                        self.env._(
                            "%(value)s is not valid for %(partner)s: %(rule)s.",
                            value=value,
                            partner=partner.display_name,
                            rule=rule,
                        )
                    )
