# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The booking request's own vocabulary, defined once."""

BOOKING_STATES = [
    ("draft", "Draft"),
    ("requested", "Requested"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# Where the request is in operations' hands.
OPEN_STATES = ("requested", "accepted")
# Booked: what counts as volume and makes a customer.
BOOKED_STATES = ("accepted", "done")
# What the requester may still change: a draft, or a rejected request being
# corrected.
EDITABLE_STATES = ("draft", "rejected")

# The direction's code in a job file number: SEA/EXP/26/00001.
DIRECTION_CODES = {
    "export": "EXP",
    "import": "IMP",
    "cross_trade": "XTR",
    "domestic": "DOM",
}

# The modes whose exports need a shipper and a consignee on the request (the
# bill of lading or the air waybill is issued to them).
DOCUMENTED_MODES = ("sea_fcl", "sea_lcl", "air")

# What operations write on a request they process, besides its workflow:
# the booking they make with the carrier and their checklist.
OPERATIONS_FIELDS = {
    "carrier_id",
    "vessel_voyage",
    "operations_note",
    "checklist_ids",
    "operations_user_id",
}
# What the workflow writes, whoever triggers it.
WORKFLOW_FIELDS = {
    "state",
    "requested_at",
    "accepted_at",
    "rejected_at",
    "done_at",
    "job_number",
    "reject_reason_id",
    "reject_note",
    "missing_note",
    "operations_user_id",
    "message_main_attachment_id",
}
# What only the workflow's actions write (and the superuser, for the demo).
ACTION_FIELDS = WORKFLOW_FIELDS - {"message_main_attachment_id"}
# What a request is created without, unless by the superuser.
BORN_DRAFT_FIELDS = ACTION_FIELDS - {"state"}
