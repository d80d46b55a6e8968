# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The inquiry's own vocabulary, defined once."""

INQUIRY_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("quoted", "Quoted"),
    ("cancelled", "Cancelled"),
]
# Waiting for pricing, or being priced: what the clock and duplicates watch.
OPEN_STATES = ("submitted", "accepted")

PRIORITIES = [
    ("0", "Normal"),
    ("1", "Urgent"),
]
