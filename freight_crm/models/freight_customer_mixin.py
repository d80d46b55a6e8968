# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightCustomerMixin(models.AbstractModel):
    """What is kept on a customer (needs, plans, financials, media): the
    customer, and its salesperson, which the record rules follow."""

    _name = "freight.customer.mixin"
    _description = "Record Kept on a Customer"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_company', '=', True)]",
    )
    user_id = fields.Many2one(
        related="partner_id.user_id", store=True, index=True, string="Salesperson"
    )

    def write(self, vals):
        result = super().write(vals)
        if "partner_id" in vals:
            # The rules are checked before the write: check the customer the
            # record now hangs on too.
            self.check_access("write")
        return result
