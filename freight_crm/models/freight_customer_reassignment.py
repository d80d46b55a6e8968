# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightCustomerReassignment(models.Model):
    """Who moved which customer from which salesperson to which, when, why."""

    _name = "freight.customer.reassignment"
    _description = "Customer Reassignment"
    _order = "create_date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    old_user_id = fields.Many2one(
        "res.users", string="From Salesperson", readonly=True, index=True
    )
    new_user_id = fields.Many2one(
        "res.users", string="To Salesperson", readonly=True, index=True
    )
    reason = fields.Text(required=True, readonly=True)
    create_uid = fields.Many2one("res.users", string="Moved By", readonly=True)
    create_date = fields.Datetime(string="Moved On", readonly=True)
