# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    freight_booking_ids = fields.One2many(
        "freight.booking.request", "lead_id", string="Booking Requests"
    )
    freight_booking_count = fields.Integer(
        string="Bookings", compute="_compute_freight_booking_count"
    )

    @api.depends("freight_booking_ids")
    @api.depends_context("uid")
    def _compute_freight_booking_count(self):
        # _read_group applies the record rules: sales count their own.
        counts = dict(
            self.env["freight.booking.request"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.freight_booking_count = counts.get(lead, 0)

    def _freight_booking_defaults(self):
        """What a booking request made from the opportunity starts with: its
        won quotation when it has one, else what a quotation would."""
        self.ensure_one()
        Request = self.env["freight.booking.request"]
        won = self.env["freight.quotation"].search(
            [("lead_id", "=", self.id), ("state", "=", "won")],
            order="decision_date desc, id desc",
            limit=1,
        )
        if won:
            values = Request._values_from_quotation(won)
        else:
            values = {
                key.removeprefix("default_"): value
                for key, value in self._freight_quotation_defaults().items()
            }
            values["etd"] = self.expected_shipment_date
        defaults = {
            f"default_{key}": value
            for key, value in values.items()
            if key in Request._fields and key != "user_id"
        }
        defaults["default_lead_id"] = self.id
        return defaults

    def action_new_freight_booking(self):
        """A booking request to operations, prefilled from the opportunity."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Booking Request"),
            "res_model": "freight.booking.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": self._freight_booking_defaults(),
        }

    def action_view_freight_bookings(self):
        """The opportunity's booking requests."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_booking.freight_booking_request_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = self._freight_booking_defaults()
        action["view_mode"] = "list,form"
        action["views"] = [(False, "list"), (False, "form")]
        return action
