# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    freight_rate_expiry_notice_days = fields.Integer(
        string="Rate Expiry Reminder (days before)",
        default=7,
        help="The owner of a buying rate gets an activity this many days before "
        "the rate expires.",
    )
    freight_rate_digest_date = fields.Date(
        string="Last Rate Expiry Digest",
        readonly=True,
        help="When the pricing team last received the weekly digest of the rates "
        "about to expire.",
    )

    _sql_constraints = [
        (
            "freight_rate_expiry_notice_days_positive",
            "CHECK(freight_rate_expiry_notice_days > 0)",
            "The rate expiry reminder must come at least one day before.",
        ),
    ]

    def cache_invalidation_fields(self):
        # The rate finder keeps each company's currency and root company in
        # the registry cache.
        return super().cache_invalidation_fields() | {"currency_id", "parent_id"}
