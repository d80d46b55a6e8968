# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight Quotations",
    "summary": "Sea, air, trucking and logistics quotations from buying rates: "
    "printed, e-mailed, accepted online",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/freight-crm/freight-crm",
    "author": "Freight CRM contributors",
    "license": "LGPL-3",
    "depends": ["freight_rates", "portal", "account"],
    "data": [
        "security/ir.model.access.csv",
        "security/freight_quotation_security.xml",
        "data/ir_config_parameter_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/crm_lost_reason_data.xml",
        "data/freight_quotation_margin_rule_data.xml",
        "data/freight_quotation_template_data.xml",
        "report/freight_quotation_report.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/freight_quotation_views.xml",
        "views/freight_quotation_config_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/freight_quotation_portal_templates.xml",
        "wizards/freight_quotation_wizard_views.xml",
        "report/freight_quotation_analysis_views.xml",
        "views/freight_quotation_kpi_views.xml",
        "views/freight_quotation_menus.xml",
        "views/freight_quotation_analysis_menus.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "freight_quotation/static/src/js/freight_quotation_portal.js",
            "freight_quotation/static/src/scss/freight_quotation_portal.scss",
        ],
        "web.assets_tests": ["freight_quotation/static/tests/tours/**/*"],
        "web.report_assets_common": [
            "freight_quotation/static/src/scss/report_freight_quotation.scss",
        ],
    },
    "demo": ["demo/res_company_demo.xml", "demo/freight_quotation_demo.xml"],
}
