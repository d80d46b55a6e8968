# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightCustomerMedia(models.Model):
    _name = "freight.customer.media"
    _description = "Media Report on a Customer"
    _inherit = ["freight.customer.mixin"]
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    channel = fields.Selection(
        [
            ("tv", "TV"),
            ("newspaper", "Newspaper"),
            ("online", "Online"),
            ("social", "Social Media"),
            ("other", "Other"),
        ],
        required=True,
        default="online",
    )
    title = fields.Char(required=True)
    url = fields.Char(string="Link")
    summary = fields.Text()
