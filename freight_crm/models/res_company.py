# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    freight_neglect_days = fields.Integer(
        string="Neglect Threshold (days)",
        default=30,
        help="A customer with no interaction done for this many days is flagged "
        "as neglected in the customer-care report.",
    )
    freight_birthday_notice_days = fields.Integer(
        string="Birthday Reminder (days before)",
        default=3,
        help="How many days before a contact's birthday the salesperson gets a "
        "reminder.",
    )

    _sql_constraints = [
        (
            "freight_neglect_days_positive",
            "CHECK(freight_neglect_days > 0)",
            "The neglect threshold must be at least one day.",
        ),
    ]
