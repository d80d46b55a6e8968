# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTeamMember(models.Model):
    """The salesperson's card of the sales team: what their customers booked
    this month."""

    _inherit = "crm.team.member"

    freight_booked_teu = fields.Float(
        string="Booked TEU (this month)",
        compute="_compute_freight_booked",
        digits=(16, 1),
        help="TEU of the salesperson's customers' bookings accepted by "
        "operations, with an ETD this month.",
    )
    freight_booked_kg = fields.Float(
        string="Booked kg (this month)", compute="_compute_freight_booked"
    )
    freight_booked_cbm = fields.Float(
        string="Booked CBM (this month)",
        compute="_compute_freight_booked",
        digits=(16, 1),
    )

    def _compute_freight_booked(self):
        Request = self.env["freight.booking.request"]
        month = fields.Date.context_today(self).replace(day=1)
        totals = {}
        if Request.has_access("read"):
            # _read_group applies the record rules: a salesperson sums their
            # own customers', a manager everyone's.
            totals = {
                user: (teu, kg, cbm)
                for user, teu, kg, cbm in Request._read_group(
                    [
                        ("is_booked", "=", True),
                        ("etd_month", "=", month),
                        ("customer_user_id", "in", self.user_id.ids),
                    ],
                    ["customer_user_id"],
                    ["teu:sum", "gross_weight:sum", "volume:sum"],
                )
            }
        for member in self:
            (
                member.freight_booked_teu,
                member.freight_booked_kg,
                member.freight_booked_cbm,
            ) = totals.get(member.user_id, (0.0, 0.0, 0.0))

    def action_view_freight_booked_volume(self):
        """The salesperson's booked volume per month."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_booking.freight_booking_volume_action"
        )
        action["domain"] = [
            ("is_booked", "=", True),
            ("customer_user_id", "=", self.user_id.id),
        ]
        return action
