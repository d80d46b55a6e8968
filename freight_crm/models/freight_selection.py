# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Selections shared by every Freight module: defined once, imported elsewhere.

from odoo.addons.freight_crm.models.freight_selection import TRANSPORT_MODES
"""

TRANSPORT_MODES = [
    ("sea_fcl", "Sea FCL"),
    ("sea_lcl", "Sea LCL"),
    ("air", "Air"),
    ("trucking", "Trucking"),
    ("logistics", "Logistics"),
]

PORT_KINDS = [
    ("seaport", "Seaport"),
    ("airport", "Airport"),
    ("icd", "Inland Depot (ICD)"),
    ("rail", "Rail Terminal"),
]

# Which port kinds a transport mode loads and discharges at.
MODE_PORT_KINDS = {
    "sea_fcl": ("seaport", "icd", "rail"),
    "sea_lcl": ("seaport", "icd", "rail"),
    "air": ("airport",),
    "trucking": ("seaport", "airport", "icd", "rail"),
    "logistics": ("seaport", "airport", "icd", "rail"),
}

CHARGE_UNITS = [
    ("per_container", "Per Container"),
    ("per_shipment", "Per Shipment"),
    ("per_bill", "Per Bill (B/L, AWB)"),
    ("per_kg", "Per kg (gross)"),
    ("per_chargeable_kg", "Per Chargeable kg"),
    ("per_cbm", "Per CBM"),
    ("per_wm", "Per W/M (1 CBM = 1,000 kg)"),
    ("per_trip", "Per Trip"),
]

CARRIER_KINDS = [
    ("shipping_line", "Shipping Line"),
    ("airline", "Airline"),
    ("coloader", "Co-loader / NVOCC"),
    ("trucking", "Trucking Company"),
    ("agent", "Overseas Agent"),
]

CUSTOMER_STAGES = [
    ("lead", "Lead"),
    ("prospect", "Prospect"),
    ("customer", "Customer"),
]
# A stage only moves forward by itself: lead < prospect < customer.
CUSTOMER_STAGE_RANK = {key: rank for rank, (key, _label) in enumerate(CUSTOMER_STAGES)}

DIRECTIONS = [
    ("export", "Export"),
    ("import", "Import"),
    ("cross_trade", "Cross-trade"),
    ("domestic", "Domestic"),
]

VOLUME_UOMS = [
    ("teu", "TEU"),
    ("kg", "kg"),
    ("cbm", "CBM"),
    ("shipment", "Shipments"),
]
