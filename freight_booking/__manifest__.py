# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight Internal Booking Requests",
    "summary": "Sales hand won shipments to the sea, air, logistics or "
    "trucking department",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/freight-crm/freight-crm",
    "author": "Freight CRM contributors",
    "license": "LGPL-3",
    "depends": ["freight_quotation"],
    "post_init_hook": "post_init_hook",
    "data": [
        "security/ir.model.access.csv",
        "security/freight_booking_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/freight_booking_reject_reason_data.xml",
        "data/freight_operation_department_data.xml",
        "views/freight_booking_request_views.xml",
        "views/freight_booking_config_views.xml",
        "wizards/freight_booking_reject_views.xml",
        "views/freight_quotation_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/crm_team_member_views.xml",
        "views/freight_booking_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/freight_booking_demo.xml",
    ],
    "assets": {
        "web.assets_tests": ["freight_booking/static/tests/tours/**/*"],
    },
}
