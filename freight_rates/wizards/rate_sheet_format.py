# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rate-sheet import and export.

A rate sheet has one row per lane x carrier x validity: the rate's own
columns (Mode, Carrier, Origin, ...), then one column per price: container
types, LCL units, air weight breaks and surcharges. The whole sheet is
checked before anything is written; at the first problem nothing is written
and the wizard lists every problem with its row, column and value. Export
writes the same format, so that exporting then importing changes nothing.
"""

import re
from collections import namedtuple
from datetime import date, datetime

from openpyxl.utils.datetime import from_excel

from odoo.addons.freight_crm.models.freight_selection import (
    DIRECTIONS,
)

from ..models.freight_rate import (
    CARGO_TYPES,
    FREQUENCIES,
    RATE_MODES,
    RATE_TYPES,
)

# The rate's own columns, in the order of the sheet: (field, header).
FIELD_COLUMNS = [
    ("name", "Rate No."),
    ("mode", "Mode"),
    ("direction", "Direction"),
    ("carrier_id", "Carrier"),
    ("vendor_id", "Bought From"),
    ("origin_id", "Origin"),
    ("destination_id", "Destination"),
    ("transshipment_id", "Via"),
    ("cargo_type", "Cargo Type"),
    ("commodity", "Commodity"),
    ("rate_type", "Rate Type"),
    ("named_customer_id", "Named Account"),
    ("currency_id", "Currency"),
    ("valid_from", "Valid From"),
    ("valid_to", "Valid To"),
    ("transit_days", "Transit Days"),
    ("frequency", "Frequency"),
    ("free_dem_days", "Free Dem"),
    ("free_det_days", "Free Det"),
    ("reference", "Reference"),
    ("remarks", "Remarks"),
    ("supersede", "Supersede"),
]
FIELD_HEADERS = dict(FIELD_COLUMNS)
FIELD_ORDER = {fname: index for index, (fname, _header) in enumerate(FIELD_COLUMNS)}
# What a new rate cannot do without.
REQUIRED_FIELDS = ("mode", "origin_id", "destination_id", "valid_from", "valid_to")
# Other spellings accepted for those headers (compared in lower case, letters
# and digits only).
HEADER_ALIASES = {
    "rate": "name",
    "ratenumber": "name",
    "transportmode": "mode",
    "shippingline": "carrier_id",
    "airline": "carrier_id",
    "coloader": "vendor_id",
    "vendor": "vendor_id",
    "pol": "origin_id",
    "aol": "origin_id",
    "pod": "destination_id",
    "aod": "destination_id",
    "transshipment": "transshipment_id",
    "namedcustomer": "named_customer_id",
    "transittime": "transit_days",
    "transittimedays": "transit_days",
    "freedemurrage": "free_dem_days",
    "freedemurragedays": "free_dem_days",
    "freedetention": "free_det_days",
    "freedetentiondays": "free_det_days",
    "contract": "reference",
    "contractreferenceno": "reference",
}
SELECTIONS = {
    "mode": RATE_MODES,
    "direction": DIRECTIONS,
    "cargo_type": CARGO_TYPES,
    "rate_type": RATE_TYPES,
    "frequency": FREQUENCIES,
}
# Short forms of selection values the trade writes.
SELECTION_ALIASES = {
    "mode": {
        "fcl": "sea_fcl",
        "lcl": "sea_lcl",
        "truck": "trucking",
        "road": "trucking",
    },
    "cargo_type": {"gc": "general", "rf": "reefer", "dg": "dangerous"},
    "rate_type": {"na": "named_account", "nac": "named_account"},
}
# What an empty cell means for a selection (the rate's default).
SELECTION_DEFAULTS = {
    "direction": "export",
    "cargo_type": "general",
    "rate_type": "contract",
    "frequency": False,
}
M2O_FIELDS = (
    "carrier_id",
    "vendor_id",
    "origin_id",
    "destination_id",
    "transshipment_id",
    "named_customer_id",
    "currency_id",
)
TEXT_FIELDS = ("commodity", "reference", "remarks")
DAY_FIELDS = ("transit_days", "free_dem_days", "free_det_days")
# The rate fields an import writes (all the field columns but the number).
RATE_FIELDS = [fname for fname, _header in FIELD_COLUMNS[1:-1]]

# What a sheet says of a price (with the rate's currency and the charge's
# default unit, see line_key()).
PRICE_FIELDS = [
    "line_type",
    "charge_type_id",
    "container_type_id",
    "weight_break",
    "unit",
    "currency_id",
    "amount",
    "minimum_amount",
    "included",
]

# Price columns other than container types and surcharges.
TRIP_HEADER = "TRIP"
LCL_HEADERS = {"per_cbm": "LCL/CBM", "per_wm": "LCL W/M"}
LCL_MIN_HEADER = "LCL MIN"
BREAK_HEADERS = {
    "min": "MIN",
    "m45": "-45",
    "p45": "+45",
    "p100": "+100",
    "p300": "+300",
    "p500": "+500",
    "p1000": "+1000",
}
# The unit of a surcharge, written after a slash in its header when it is not
# the charge type's default unit: "DOC /BL".
UNIT_TOKENS = {
    "per_container": "CNTR",
    "per_shipment": "SHPT",
    "per_bill": "BL",
    "per_kg": "KG",
    "per_chargeable_kg": "CHW",
    "per_cbm": "CBM",
    "per_wm": "WM",
    "per_trip": "TRIP",
}
EXCLUDED_TOKENS = ("EXCL", "EXCLUDED", "(EXCL)")
# Surcharge columns of the blank template (those whose charge type exists).
TEMPLATE_CHARGES = [
    "BAF",
    "LSS",
    "THCO 20GP",
    "THCO 40GP",
    "THCO 40HC",
    "SEAL",
    "DOC",
    "THCD 20GP excl",
    "THCD 40GP excl",
    "THCD 40HC excl",
    "CFS",
    "FSC",
    "SSC",
    "AWB",
]
PORT_KIND_TOKENS = {
    "SEAPORT": "seaport",
    "SEA": "seaport",
    "PORT": "seaport",
    "AIRPORT": "airport",
    "AIR": "airport",
    "ICD": "icd",
    "DEPOT": "icd",
    "RAIL": "rail",
}
TRUE_WORDS = ("y", "yes", "x", "1", "true", "có", "co")
FALSE_WORDS = ("n", "no", "0", "false", "không", "khong")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
# Rates created per ORM call: large enough to batch the queries, small
# enough to keep the cache of one batch in memory.
CREATE_BATCH = 1000

# One column of the sheet. kind: field (key: the field name), freight (key:
# the price's line key, modes: the modes it prices), lcl_min, charge (key:
# the surcharge's line key).
Column = namedtuple("Column", "index header kind key modes")


class CellError(Exception):
    """A cell the import cannot take; the message says why."""


def norm_header(text):
    return re.sub(r"[^0-9a-z]", "", str(text).lower())


def is_empty(value):
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value):
    """A cell as the user sees it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def to_date(value):
    """A date from an xlsx date, an Excel serial number or a text date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return from_excel(value).date()
        raise ValueError(value)
    text = str(value).strip()
    if len(text) > 10 and text[10] in " T":
        text = text[:10]
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def line_key(line, rate_currency_id, default_units):
    """How the sheet names a price line (see Column.key)."""
    if line["line_type"] == "freight":
        return (
            "freight",
            line["container_type_id"] or False,
            line["weight_break"] or False,
            line["unit"],
        )
    charge = line["charge_type_id"]
    return (
        "charge",
        charge,
        line["container_type_id"] or False,
        None if line["currency_id"] == rate_currency_id else line["currency_id"],
        None if line["unit"] == default_units.get(charge) else line["unit"],
        bool(line["included"]),
    )
