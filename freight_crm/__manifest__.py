# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight CRM",
    "summary": "Customers, contacts, opportunities and the freight master data "
    "(ports, airports, containers, charges, carriers) of a forwarder",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/freight-crm/freight-crm",
    "author": "Freight CRM contributors",
    "license": "LGPL-3",
    "application": True,
    "depends": ["crm", "contacts"],
    "data": [
        "security/freight_crm_groups.xml",
        "security/ir.model.access.csv",
        "security/freight_crm_security.xml",
        "data/freight_port_data.xml",
        "data/freight_container_type_data.xml",
        "data/freight_charge_type_data.xml",
        "data/freight_carrier_data.xml",
        "data/freight_classification_data.xml",
        "data/freight_interaction_kind_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "views/freight_port_views.xml",
        "views/freight_container_type_views.xml",
        "views/freight_charge_type_views.xml",
        "views/freight_classification_views.xml",
        "views/freight_interaction_views.xml",
        "views/freight_customer_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "report/freight_customer_care_report_views.xml",
        "wizards/freight_customer_reassign_views.xml",
        "views/res_groups_views.xml",
        "views/freight_crm_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "freight_crm/static/src/scss/*.scss",
        ],
        "web.assets_tests": [
            "freight_crm/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_company_demo.xml",
        "demo/freight_crm_demo.xml",
        "demo/odoo_demo_data.xml",
    ],
}
