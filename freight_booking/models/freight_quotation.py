# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class FreightQuotation(models.Model):
    _inherit = "freight.quotation"

    booking_request_ids = fields.One2many(
        "freight.booking.request", "quotation_id", string="Booking Requests"
    )
    booking_request_count = fields.Integer(
        string="Bookings", compute="_compute_booking_request_count"
    )

    @api.depends("booking_request_ids")
    @api.depends_context("uid")
    def _compute_booking_request_count(self):
        counts = dict(
            self.env["freight.booking.request"]._read_group(
                [("quotation_id", "in", self.ids)], ["quotation_id"], ["__count"]
            )
        )
        for quotation in self:
            quotation.booking_request_count = counts.get(quotation, 0)

    @api.depends("booking_request_ids.department_id", "booking_request_ids.state")
    def _compute_operations_group_ids(self):
        """Operations read a won quotation (its buying prices too) only when
        their department has a booking request of it."""
        for quotation in self:
            quotation.operations_group_ids = quotation.booking_request_ids.filtered(
                lambda request: request.state != "cancelled"
            ).department_id.group_id

    def action_new_booking_request(self):
        """Hand the won quotation to operations: a draft booking request,
        prefilled from the quotation and the option the customer chose."""
        self.ensure_one()
        if self.state != "won":
            raise UserError(
                self.env._(
                    "%(name)s is %(state)s: only a won quotation is booked.",
                    name=self.name,
                    state=self._state_label(),
                )
            )
        Request = self.env["freight.booking.request"]
        defaults = {
            f"default_{key}": value
            for key, value in Request._values_from_quotation(self).items()
        }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Booking Request"),
            "res_model": "freight.booking.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": defaults,
        }

    def action_view_booking_requests(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_booking.freight_booking_request_action"
        )
        action["domain"] = [("quotation_id", "=", self.id)]
        action["view_mode"] = "list,form"
        action["views"] = [(False, "list"), (False, "form")]
        return action
