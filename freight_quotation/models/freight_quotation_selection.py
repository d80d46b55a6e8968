# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quotation's own vocabulary, defined once."""

QUOTATION_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("sent", "Sent"),
    ("won", "Won"),
    ("lost", "Lost"),
    ("expired", "Expired"),
    ("cancelled", "Cancelled"),
]
# Still in play: what a changed buying rate flags, what keeps an opportunity
# open.
OPEN_STATES = ("draft", "to_approve", "sent")
DECIDED_STATES = ("won", "lost", "expired")

QUOTATION_KINDS = [
    ("spot", "Spot Quotation"),
    ("rate_offer", "Rate Offer"),
]

CHARGE_GROUPS = [
    ("origin", "Origin Charges"),
    ("freight", "Freight"),
    ("destination", "Destination Charges"),
    ("other", "Other Charges"),
]

# Where a charge type's category prints on a quotation.
CATEGORY_GROUPS = {
    "freight": "freight",
    "surcharge": "freight",
    "origin": "origin",
    "destination": "destination",
    "customs": "origin",
    "trucking": "origin",
    "other": "other",
}

DG_CLASSES = [
    ("1", "Class 1: Explosives"),
    ("2", "Class 2: Gases"),
    ("3", "Class 3: Flammable Liquids"),
    ("4", "Class 4: Flammable Solids"),
    ("5", "Class 5: Oxidizers, Organic Peroxides"),
    ("6", "Class 6: Toxic, Infectious"),
    ("7", "Class 7: Radioactive"),
    ("8", "Class 8: Corrosives"),
    ("9", "Class 9: Miscellaneous"),
]

MARKUP_TYPES = [
    ("percent", "Percentage of the Buying Rate"),
    ("amount", "Amount per Unit"),
]

# The modes carried in containers: only they take container types.
CONTAINER_MODES = ("sea_fcl", "trucking", "logistics")

# The buying side of a charge: what pricing changes, also while a margin
# waits for approval, and what the re-check of buying rates writes.
BUY_FIELDS = {
    "buy_price",
    "buy_currency_id",
    "rate_line_id",
    "buy_rate_changed",
    "buy_price_current",
    "buy_change_note",
}

# The buying side of an option: the carrier it is bought from and its
# routing, which pricing sets when it prices a quotation by hand.
OPTION_BUY_FIELDS = {"carrier_id", "via_id", "transit_days", "frequency", "rate_id"}
