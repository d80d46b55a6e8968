# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight Service Inquiries",
    "summary": "Sales ask pricing for a price; an accepted inquiry becomes a quotation",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/freight-crm/freight-crm",
    "author": "Freight CRM contributors",
    "license": "LGPL-3",
    "depends": ["freight_quotation", "resource"],
    "data": [
        "security/ir.model.access.csv",
        "security/freight_inquiry_security.xml",
        "security/freight_inquiry_clock_security.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/freight_inquiry_reject_reason_data.xml",
        "data/freight_inquiry_sla_data.xml",
        "data/ir_cron_data.xml",
        "views/freight_inquiry_views.xml",
        "views/freight_inquiry_config_views.xml",
        "views/freight_inquiry_report_views.xml",
        "views/freight_quotation_views.xml",
        "wizards/freight_inquiry_accept_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["freight_inquiry/static/tests/tours/**/*"],
    },
    "demo": ["demo/freight_inquiry_demo.xml"],
}
