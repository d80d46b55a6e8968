# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A database where freight_booking was installed before it had booking
requests: operations now read only the won quotations their department
books. The upgrade created operations_group_ids before freight_booking's rule
of it was loaded: compute it again, as a new install does."""

from odoo import SUPERUSER_ID, api

from odoo.addons.freight_booking.hooks import post_init_hook


def migrate(cr, version):
    if not version:
        return
    post_init_hook(api.Environment(cr, SUPERUSER_ID, {}))
