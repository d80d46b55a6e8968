# Run in an Odoo shell (scripts/load.sh pipes it into `odoo-bin shell`) on a
# copy of the demo database: the data `make load` needs, written as JSON to
# $FREIGHT_LOAD_PREP for bench/load.py.
#
# - the load users, password = login, per role: sales (most), pricing,
#   sea operations, sales managers;
# - two customers owned by each salesperson;
# - the lanes of the demo's valid rates (what the finder is asked);
# - for each pricing user, submitted inquiries to accept; for each
#   operations user, requested booking requests (with their checklist) to
#   accept: made by the salespeople before the run, enough for the run;
# - an API key per salesperson for the external API's calls;
# - web.base.url on the server's port (wkhtmltopdf fetches the report CSS
#   there).
# Committed at the end.
# ruff: noqa: F821  (env is the shell's)
import json
import math
import os
import time
from datetime import timedelta

from odoo import Command, fields

started = time.time()
USERS = int(os.environ.get("FREIGHT_LOAD_USERS", "50"))
SECONDS = int(os.environ.get("FREIGHT_LOAD_SECONDS", "120"))
URL = os.environ["FREIGHT_LOAD_URL"]
OUT = os.environ["FREIGHT_LOAD_PREP"]

managers = max(1, round(USERS * 0.08))
pricing = max(1, round(USERS * 0.12))
operations = max(1, round(USERS * 0.10))
sales = max(1, USERS - managers - pricing - operations)
# Think time 1-3 s: at most one accept a second, about one every 2 s.
queue = math.ceil(SECONDS / 2) + 10

env["ir.config_parameter"].set_param("web.base.url", URL)
env["ir.config_parameter"].set_param("web.base.url.freeze", "True")
# Settings > Freight > External API: API keys only (the external calls
# below use keys; a password would cost a PBKDF2 hash on every call).
env["ir.config_parameter"].set_param("freight_crm.rpc_api_keys_only", "True")

GROUPS = {
    "sales": "freight_crm.group_freight_sales",
    "pricing": "freight_crm.group_freight_pricing",
    "operations": "freight_crm.group_freight_operations_sea",
    "manager": "freight_crm.group_freight_sales_manager",
}
# Operations users work at desks, as in the forwarder: each desk is a
# department and a direction, with its own job file numbering (one
# numbering takes one accept at a time). More users than desks share them.
DESKS = [
    ("sea", "sea_fcl", "export"),
    ("air", "air", "export"),
    ("sea", "sea_fcl", "import"),
    ("air", "air", "import"),
    ("sea", "sea_fcl", "cross_trade"),
]
Users = env["res.users"].with_context(no_reset_password=True, tracking_disable=True)


def make_users(role, count):
    users = Users.browse()
    for index in range(1, count + 1):
        login = f"load.{role}.{index:02d}"
        group = GROUPS[role]
        if role == "operations":
            department = DESKS[(index - 1) % len(DESKS)][0]
            group = f"freight_crm.group_freight_operations_{department}"
        user = Users.search([("login", "=", login)])
        if not user:
            user = Users.create(
                {
                    "name": f"Load {role.title()} {index:02d}",
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "lang": "vi_VN",
                    "tz": "Asia/Ho_Chi_Minh",
                    # Staff handle their notifications in Odoo (the chatter,
                    # the inbox, the mobile app), as the customer's
                    # specification has it, not by e-mail.
                    "notification_type": "inbox",
                    "groups_id": [
                        Command.link(env.ref("base.group_user").id),
                        Command.link(env.ref(group).id),
                    ],
                }
            )
        users |= user
    return users


roles = {
    "sales": make_users("sales", sales),
    "pricing": make_users("pricing", pricing),
    "operations": make_users("operations", operations),
    "manager": make_users("manager", managers),
}

Partner = env["res.partner"]
customers = {}
for user in roles["sales"]:
    customers[user.id] = [
        Partner.create(
            {
                "name": f"{user.name} Customer {n}",
                "is_company": True,
                "user_id": user.id,
            }
        ).id
        for n in (1, 2)
    ]
consignee = Partner.create({"name": "Load Consignee", "is_company": True})

today = fields.Date.context_today(env["freight.rate"])
env.cr.execute(
    """
    SELECT DISTINCT r.mode, o.code, d.code, r.origin_id, r.destination_id,
           ct.code
      FROM freight_rate r
      JOIN freight_port o ON o.id = r.origin_id
      JOIN freight_port d ON d.id = r.destination_id
      LEFT JOIN freight_rate_line l ON l.rate_id = r.id
      LEFT JOIN freight_container_type ct ON ct.id = l.container_type_id
     WHERE r.state = 'active' AND r.active
       AND r.valid_from <= %s AND r.valid_to >= %s
       AND (r.mode != 'sea_fcl' OR ct.id IS NOT NULL)
     ORDER BY 1, 2, 3, 6
    """,
    (today, today),
)
lanes = [
    {
        "mode": mode,
        "origin": origin,
        "destination": destination,
        "origin_id": origin_id,
        "destination_id": destination_id,
        "container_type": container if mode == "sea_fcl" else None,
    }
    for (
        mode,
        origin,
        destination,
        origin_id,
        destination_id,
        container,
    ) in env.cr.fetchall()
]
fcl_lanes = [lane for lane in lanes if lane["mode"] == "sea_fcl"]
assert fcl_lanes, "the demo has no valid FCL rate"
c40hc = env.ref("freight_crm.container_40hc")

# Inquiries submitted by the salespeople, to be accepted by pricing user k
# (each pricing user its own, so two never race for one).
Inquiry = env["freight.inquiry"]
inquiries = {}
sales_users = roles["sales"]
n = 0
for pricing_user in roles["pricing"]:
    ids = []
    for _ in range(queue):
        seller = sales_users[n % len(sales_users)]
        lane = fcl_lanes[n % len(fcl_lanes)]
        n += 1
        inquiry = Inquiry.with_user(seller).create(
            {
                "partner_id": customers[seller.id][0],
                "mode": "sea_fcl",
                "pol_id": lane["origin_id"],
                "pod_id": lane["destination_id"],
                "commodity": "Rubber",
                "container_ids": [
                    Command.create({"container_type_id": c40hc.id, "quantity": 1})
                ],
            }
        )
        inquiry.action_submit()
        ids.append(inquiry.id)
    inquiries[pricing_user.id] = ids

# Booking requests requested by the salespeople, each operations user its own,
# at the user's desk.
Request = env["freight.booking.request"]
bookings = {}
etd = fields.Date.to_string(today + timedelta(days=10))
air_lanes = [lane for lane in lanes if lane["mode"] == "air"]
assert air_lanes, "the demo has no valid air rate"
for index, ops_user in enumerate(roles["operations"]):
    _department, mode, direction = DESKS[index % len(DESKS)]
    rows = []
    for _ in range(queue):
        seller = sales_users[n % len(sales_users)]
        desk_lanes = fcl_lanes if mode == "sea_fcl" else air_lanes
        lane = desk_lanes[n % len(desk_lanes)]
        n += 1
        customer = customers[seller.id][1]
        values = {
            "partner_id": customer,
            "mode": mode,
            "direction": direction,
            "shipper_id": customer,
            "consignee_id": consignee.id,
            "pol_id": lane["origin_id"],
            "pod_id": lane["destination_id"],
            "etd": etd,
            "commodity": "Rubber",
        }
        if mode == "sea_fcl":
            values["gross_weight"] = 20000.0
            values["container_ids"] = [
                Command.create({"container_type_id": c40hc.id, "quantity": 2})
            ]
        else:
            values.update(gross_weight=350.0, volume=1.2, packages=12)
        request = Request.with_user(seller).create(values)
        request.action_request()
        rows.append({"id": request.id, "checklist_ids": request.checklist_ids.ids})
    bookings[ops_user.id] = rows

# The external API is called as integrations call it, with an API key
# (checked with a cheap hash; the password's is costly by design).
expires = fields.Datetime.now() + timedelta(days=1)
api_keys = {
    user.id: env["res.users.apikeys"]
    .with_user(user)
    .sudo()
    ._generate("rpc", "load", expires)
    for user in roles["sales"]
}

data = {
    "users": {
        role: [
            {"id": user.id, "login": user.login, "api_key": api_keys.get(user.id)}
            for user in users
        ]
        for role, users in roles.items()
    },
    "customers": {str(uid): ids for uid, ids in customers.items()},
    "lanes": lanes,
    "inquiries": {str(uid): ids for uid, ids in inquiries.items()},
    "bookings": {str(uid): rows for uid, rows in bookings.items()},
    "usd": env.ref("base.USD").id,
    "charge": env.ref("freight_crm.charge_doc").id,
    "container_40hc": c40hc.id,
}
env.cr.commit()
with open(OUT, "w", encoding="utf-8") as out:
    json.dump(data, out)
print(
    f"prepared {len(lanes)} lanes, users "
    + ", ".join(f"{role} {len(users)}" for role, users in roles.items())
    + f", {n} inquiries/bookings in {time.time() - started:.0f}s"
)
