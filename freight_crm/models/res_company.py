# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


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
    freight_birthday_reminded_on = fields.Date(
        string="Birthday Reminders Sent Up To",
        readonly=True,
        copy=False,
        help="The last day the birthday reminders ran for; a day the reminder "
        "did not run is caught up on the next run.",
    )

    _sql_constraints = [
        (
            "freight_neglect_days_positive",
            "CHECK(freight_neglect_days > 0)",
            "The neglect threshold must be at least one day.",
        ),
    ]

    @api.model
    def _freight_shared_customer_company(self):
        """The company whose settings (neglect threshold, birthday notice) and
        customer-care report cover the customers shared by every company (no
        company set on them): the main company."""
        return self.env.ref(
            "base.main_company", raise_if_not_found=False
        ) or self.sudo().search([], order="id", limit=1)

    def _freight_customer_domain(self, field="company_id"):
        """Domain on `field` (a company of a res.partner, possibly through a
        path) selecting the customers this company is home to."""
        self.ensure_one()
        if self == self._freight_shared_customer_company():
            return [(field, "in", [self.id, False])]
        return [(field, "=", self.id)]
