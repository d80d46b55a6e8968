# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight Buying Rates",
    "summary": "Buying rates of shipping lines, airlines and co-loaders, "
    "the rate finder and expiry reminders",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/freight-crm/freight-crm",
    "author": "Freight CRM contributors",
    "license": "LGPL-3",
    "depends": ["freight_crm"],
    "external_dependencies": {"python": ["openpyxl", "xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/freight_rate_security.xml",
        "data/res_currency_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/freight_rate_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/freight_rate_finder_views.xml",
        "wizards/freight_rate_import_views.xml",
        "views/freight_rates_menus.xml",
    ],
    "demo": ["demo/res_currency_rate_demo.xml", "demo/freight_rate_demo.xml"],
    "assets": {
        "web.assets_tests": ["freight_rates/static/tests/tours/**/*"],
    },
}
