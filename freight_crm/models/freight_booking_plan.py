# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount, format_date

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
        revenue, rate_note = self._budget_in_company_currency()
        lead = self.env["crm.lead"].create(
            {
                "name": self.name,
                "type": "opportunity",
                "company_id": self.company_id.id,
                "partner_id": self.partner_id.id,
                "user_id": self.partner_id.user_id.id or self.env.user.id,
                "transport_mode": self.transport_mode,
                "origin_port_id": self.origin_port_id.id,
                "destination_port_id": self.destination_port_id.id,
                "expected_revenue": revenue,
                "expected_volume": self.volume,
                "expected_volume_uom": self.volume_uom,
                "expected_shipment_date": self.date_from,
                "description": rate_note and Markup("<p>%s</p>") % rate_note,
            }
        )
        self.write({"lead_id": lead.id, "state": "opportunity"})
        if rate_note:
            self.message_post(body=rate_note)
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
            "target": "current",
        }

    def _budget_in_company_currency(self):
        """The budget in the company's currency at the plan's start date, and
        a sentence giving the rate used (empty when no conversion is needed):
        "Expected revenue $ 106,463.88: 2,800,000,000 ₫ at 1 USD = 26,300 ₫ on
        12/01/2026"."""
        self.ensure_one()
        company = self.company_id
        target = company.currency_id
        if self.currency_id == target:
            return self.budget, ""
        date = self.date_from
        revenue = self.currency_id._convert(self.budget, target, company, date)
        # Units of the plan's currency for one of the company's; said the
        # way round that reads as a number above one (1 USD = 26,300 ₫, but
        # 1 EUR = 1.09 USD rather than 1 USD = 0.92 €).
        rate = self.env["res.currency"]._get_conversion_rate(
            target, self.currency_id, company, date
        )
        unit, priced, per_unit = target, self.currency_id, rate
        if rate < 1:
            unit, priced, per_unit = self.currency_id, target, 1 / rate
        return revenue, self.env._(
            "Expected revenue %(revenue)s: %(budget)s at 1 %(unit)s = %(rate)s on "
            "%(date)s.",
            revenue=format_amount(self.env, revenue, target),
            budget=format_amount(self.env, self.budget, self.currency_id),
            unit=unit.name,
            rate=format_amount(self.env, per_unit, priced),
            date=format_date(self.env, date),
        )
