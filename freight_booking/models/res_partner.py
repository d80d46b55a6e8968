# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    freight_booking_count = fields.Integer(
        string="Bookings", compute="_compute_freight_booking_count"
    )

    @api.depends_context("uid")
    def _compute_freight_booking_count(self):
        # _read_group applies the record rules: sales count their own.
        counts = dict(
            self.env["freight.booking.request"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_booking_count = counts.get(partner, 0)

    def action_new_freight_booking(self):
        """A booking request for the customer."""
        self.ensure_one()
        customer = self.commercial_partner_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Booking Request"),
            "res_model": "freight.booking.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_partner_id": customer.id},
        }

    def action_view_freight_bookings(self):
        """The customer's booking requests."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_booking.freight_booking_request_action"
        )
        customer = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", customer.id)]
        action["context"] = {"default_partner_id": customer.id}
        action["view_mode"] = "list,form"
        action["views"] = [(False, "list"), (False, "form")]
        return action

    def action_view_freight_booked_volume(self):
        """The customer's booked volume (TEU, kg, CBM) per month."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_booking.freight_booking_volume_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        return action
