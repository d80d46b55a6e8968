# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .freight_selection import TRANSPORT_MODES, VOLUME_UOMS


class FreightBookingPlan(models.Model):
    _name = "freight.booking.plan"
    _description = "Customer Booking Plan / Project"
    _inherit = ["freight.customer.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Project", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    transport_mode = fields.Selection(TRANSPORT_MODES, required=True)
    service = fields.Char(help="Services the customer expects to book.")
    origin_port_id = fields.Many2one("freight.port", string="Origin")
    destination_port_id = fields.Many2one("freight.port", string="Destination")
    budget = fields.Monetary(tracking=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    volume = fields.Float()
    volume_uom = fields.Selection(VOLUME_UOMS, default="teu")
    state = fields.Selection(
        [
            ("draft", "Expected"),
            ("confirmed", "Confirmed by Customer"),
            ("opportunity", "Opportunity Open"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="draft",
        tracking=True,
    )
    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    note = fields.Text()

    @api.constrains("budget", "volume")
    def _check_amounts(self):
        for plan in self:
            if plan.budget < 0 or plan.volume < 0:
                raise ValidationError(
                    self.env._("The budget and the volume cannot be negative.")
                )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for plan in self:
            if plan.date_to < plan.date_from:
                raise ValidationError(
                    self.env._("The period of '%s' ends before it starts.", plan.name)
                )

    def action_create_opportunity(self):
        self.ensure_one()
        if self.lead_id:
            raise UserError(self.env._("'%s' already has its opportunity.", self.name))
        if self.state in ("done", "cancelled"):
            raise UserError(self.env._("'%s' is closed: reopen it first.", self.name))
        lead = self.env["crm.lead"].create(
            {
                "name": self.name,
                "type": "opportunity",
                "partner_id": self.partner_id.id,
                "user_id": self.partner_id.user_id.id or self.env.user.id,
                "transport_mode": self.transport_mode,
                "origin_port_id": self.origin_port_id.id,
                "destination_port_id": self.destination_port_id.id,
                "expected_revenue": self.budget,
                "expected_volume": self.volume,
                "expected_volume_uom": self.volume_uom,
                "expected_shipment_date": self.date_from,
            }
        )
        self.write({"lead_id": lead.id, "state": "opportunity"})
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
            "target": "current",
        }
