# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from odoo.addons.freight_crm.models.freight_selection import TRANSPORT_MODES

from .freight_inquiry_selection import PRIORITIES


class FreightInquirySla(models.Model):
    """How long pricing has to answer, in the company's working hours, per
    mode and priority; and who hears of an inquiry left unanswered."""

    _name = "freight.inquiry.sla"
    _description = "Inquiry Response Time"
    _order = "company_id, mode, priority desc"
    _rec_name = "mode"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    mode = fields.Selection(TRANSPORT_MODES, required=True)
    priority = fields.Selection(PRIORITIES, required=True, default="0")
    hours = fields.Float(
        string="Working Hours to Answer",
        required=True,
        default=8.0,
        help="Counted in the company's working hours: 8 is one working day.",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Escalate To",
        check_company=True,
        domain="[('share', '=', False)]",
        help="Who gets an activity when an inquiry is still unanswered after "
        "its deadline. Empty: the Freight administrators of the company.",
    )

    _sql_constraints = [
        (
            "company_mode_priority_unique",
            "UNIQUE (company_id, mode, priority)",
            "A company has one response time per mode and priority.",
        ),
        (
            "hours_positive",
            "CHECK (hours > 0)",
            "The response time must be longer than zero hours.",
        ),
    ]
