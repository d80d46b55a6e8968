# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Freight Internal Booking Requests",
    "summary": "Sales hand won shipments to the sea, air, logistics or "
    "trucking department",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/freight-crm/freight-crm",
    "author": "Freight CRM contributors",
    "license": "LGPL-3",
    "depends": ["freight_quotation"],
}
