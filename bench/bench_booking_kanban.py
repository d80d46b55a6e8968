"""Operations kanban over 100,000 booking requests.

Run by `make bench` in an Odoo shell (`env` is given). Generates the requests
(with their checklists and the pending requests' activities) with set-based
SQL inside the shell's transaction and rolls them back at the end, so the
`freight` database is left as it was. Half the requests are the sea
department's, a fifth air's, the rest logistics' and trucking's; their ETDs
span two years up to three weeks ahead; the shipments of the last two weeks
and the next three are open (draft, requested, accepted, rejected), the older
ones done or cancelled. Times, in the same run, as the sea department's
member (record rules apply):

- the operations kanban as the web client opens it: `web_read_group` grouped
  by state, then `web_search_read` of each non-empty column with the card's
  fields, 80 cards a column (each full column also counts its records);
- the same rows read with bare SQL: the count per state, then each column's
  first 80 cards with the names the card shows, their checklist progress and
  their activities (the floor);
- the ETD calendar on the "ETD This Week" filter (the calendar's
  `search_read`), against its bare SQL;
- the time-to-accept pivot as a sales manager opens it (department x month
  of acceptance, average hours and count, with the row and column totals:
  four read_group calls), against the same aggregation in bare SQL.

Then the queries of `action_accept` for a small request (1 container type, 1
checklist point) and a big one (10 and 10): the count must not grow with the
request's size.

Target: the kanban opens in < 1 s.
"""

import statistics
import time
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tools import SQL

REQUESTS = 100_000
ROUNDS = 5
PAGE = 80
cr = env.cr  # noqa: F821 (given by odoo shell)
Request = env["freight.booking.request"]  # noqa: F821
SEA_USER = env.ref("freight_crm.user_operations_sea_demo")  # noqa: F821
MANAGER = env.ref("freight_crm.user_sales_manager_demo")  # noqa: F821
DEPARTMENTS = {
    key: env.ref(f"freight_booking.department_{key}")  # noqa: F821
    for key in ("sea", "air", "logistics", "trucking")
}
CARD = {
    "state": {},
    "partner_id": {"fields": {"display_name": {}}},
    "etd": {},
    "name": {},
    "department_id": {"fields": {"display_name": {}}},
    "lane": {},
    "container_summary": {},
    "job_number": {},
    # The kanban_activity widget and its dependencies
    "activity_ids": {},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "checklist_progress": {},
    "operations_user_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
}
CALENDAR = {
    "etd": {},
    "display_name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "lane": {},
    "container_summary": {},
    "job_number": {},
    "state": {},
    "department_id": {"fields": {"display_name": {}}},
}
PIVOT = ["hours_to_accept:avg", "__count"]


def timed(fn, rounds=ROUNDS):
    samples = []
    for _ in range(rounds):
        env.invalidate_all()  # noqa: F821
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), max(samples)


def generate():
    customers = env["res.partner"].search(  # noqa: F821
        [
            ("is_company", "=", True),
            ("freight_stage", "!=", False),
            ("user_id", "!=", False),
        ]
    )
    seaports = env["freight.port"].search([("kind", "=", "seaport")], limit=40)  # noqa: F821
    airports = env["freight.port"].search([("kind", "=", "airport")], limit=20)  # noqa: F821
    carriers = env["res.partner"].search(  # noqa: F821
        [("freight_carrier_kind", "!=", False)], limit=12
    )
    template = Request.create(
        {
            "partner_id": customers[0].id,
            "mode": "sea_fcl",
            "pol_id": seaports[0].id,
            "pod_id": seaports[1].id,
            "etd": fields.Date.today(),
        }
    )
    env.flush_all()  # noqa: F821
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'freight_booking_request' AND column_name != 'id'"
    )
    columns = [name for (name,) in cr.fetchall()]
    pick = "(%s::int[])[1 + mod(g * %s, %s)]"
    # Department: 10 in 20 sea, 4 air, 3 logistics, 3 trucking.
    slot = SQL("mod(g * 7, 20)")
    department = SQL(
        "CASE WHEN %s < 10 THEN %s WHEN %s < 14 THEN %s WHEN %s < 17 THEN %s "
        "ELSE %s END",
        slot,
        DEPARTMENTS["sea"].id,
        slot,
        DEPARTMENTS["air"].id,
        slot,
        DEPARTMENTS["logistics"].id,
        DEPARTMENTS["trucking"].id,
    )
    mode = SQL(
        "CASE WHEN %s < 10 THEN (ARRAY['sea_fcl', 'sea_fcl', 'sea_lcl'])"
        "[1 + mod(g, 3)] WHEN %s < 14 THEN 'air' WHEN %s < 17 THEN 'logistics' "
        "ELSE 'trucking' END",
        slot,
        slot,
        slot,
    )
    code = SQL(
        "CASE WHEN %s < 10 THEN 'SEA' WHEN %s < 14 THEN 'AIR' WHEN %s < 17 "
        "THEN 'LOG' ELSE 'TRK' END",
        slot,
        slot,
        slot,
    )
    operations_user = SQL(
        "CASE WHEN %s < 10 THEN %s WHEN %s < 14 THEN %s WHEN %s < 17 THEN %s "
        "ELSE %s END",
        slot,
        DEPARTMENTS["sea"].user_id.id or SEA_USER.id,
        slot,
        DEPARTMENTS["air"].user_id.id or 2,
        slot,
        DEPARTMENTS["logistics"].user_id.id or 2,
        DEPARTMENTS["trucking"].user_id.id or 2,
    )
    # ETD: two years back to three weeks ahead; the last two weeks and the
    # next three open, the older ones done (9 in 10) or cancelled.
    back = SQL("mod(g, 751)")
    etd = SQL("(CURRENT_DATE + 21 - %s)", back)
    state = SQL(
        "CASE WHEN %s < 35 THEN (ARRAY['draft', 'requested', 'requested', "
        "'accepted', 'accepted', 'accepted', 'rejected', 'cancelled'])"
        "[1 + mod(g * 13, 8)] ELSE (ARRAY['done', 'done', 'done', 'done', "
        "'done', 'done', 'done', 'done', 'done', 'cancelled'])[1 + mod(g * 13, 10)] "
        "END",
        back,
    )
    booked = SQL("%s IN ('accepted', 'done')", state)
    requested_at = SQL(
        "CASE WHEN %s != 'draft' THEN (%s - 3 - mod(g, 17))::timestamp "
        "+ make_interval(hours => 8 + mod(g, 9)) END",
        state,
        etd,
    )
    hours = SQL("(2 + mod(g * 11, 29))")
    customer = SQL(pick, customers.ids, 7919, len(customers))
    customer_user = SQL(
        pick, [customer.user_id.id for customer in customers], 7919, len(customers)
    )
    air = SQL("%s BETWEEN 10 AND 13", slot)
    pol = SQL(
        "CASE WHEN %s THEN %s ELSE %s END",
        air,
        SQL(pick, airports.ids, 3, len(airports)),
        SQL(pick, seaports.ids, 3, len(seaports)),
    )
    pod = SQL(
        "CASE WHEN %s THEN %s ELSE %s END",
        air,
        SQL(pick, airports.ids, 7, len(airports)),
        SQL(pick, seaports.ids, 7, len(seaports)),
    )
    overrides = {
        "name": SQL("'BKB' || lpad(g::text, 6, '0')"),
        "state": state,
        "partner_id": customer,
        "user_id": customer_user,
        "customer_user_id": customer_user,
        "department_id": department,
        "mode": mode,
        "direction": SQL("(ARRAY['export', 'export', 'import'])[1 + mod(g, 3)]"),
        "pol_id": pol,
        "pod_id": pod,
        "lane": SQL("'L' || mod(g * 3, 40) || ' → L' || mod(g * 7, 40)"),
        "carrier_id": SQL(pick, carriers.ids, 11, len(carriers)),
        "etd": etd,
        "eta": SQL("%s + 5 + mod(g, 30)", etd),
        "etd_month": SQL("date_trunc('month', %s)::date", etd),
        "container_summary": SQL(
            "CASE WHEN %s = 'sea_fcl' THEN (1 + mod(g, 5)) || ' x 40HC' END", mode
        ),
        "teu": SQL(
            "CASE WHEN %s = 'sea_fcl' THEN 2 * (1 + mod(g, 5)) ELSE 0 END", mode
        ),
        "gross_weight": SQL("(500 + mod(g * 17, 60000))::float"),
        "volume": SQL("(1 + mod(g * 13, 300))::float"),
        "requested_at": requested_at,
        "accepted_at": SQL(
            "CASE WHEN %s THEN %s + make_interval(hours => %s) END",
            booked,
            requested_at,
            hours,
        ),
        "hours_to_accept": SQL("CASE WHEN %s THEN %s ELSE 0 END", booked, hours),
        "done_at": SQL(
            "CASE WHEN %s = 'done' THEN (%s + 2)::timestamp END", state, etd
        ),
        "is_booked": booked,
        "job_number": SQL(
            "CASE WHEN %s THEN %s || '/EXP/' || to_char(%s, 'YY') || '/' || "
            "lpad(g::text, 6, '0') END",
            booked,
            code,
            etd,
        ),
        "operations_user_id": SQL("CASE WHEN %s THEN %s END", booked, operations_user),
        "quotation_id": SQL("NULL"),
        "option_id": SQL("NULL"),
        "lead_id": SQL("NULL"),
        "message_main_attachment_id": SQL("NULL"),
    }
    cr.execute(
        SQL(
            "INSERT INTO freight_booking_request (%s) SELECT %s FROM "
            "freight_booking_request t, generate_series(1, %s) g WHERE t.id = %s",
            SQL(", ").join(SQL.identifier(name) for name in columns),
            SQL(", ").join(
                overrides.get(name, SQL.identifier("t", name)) for name in columns
            ),
            REQUESTS,
            template.id,
        )
    )
    template.unlink()
    # Each request has its department's checklist, ticked once accepted.
    cr.execute(
        """
        INSERT INTO freight_booking_checklist
            (request_id, item_id, sequence, name, done, create_uid, write_uid,
             create_date, write_date)
        SELECT r.id, i.id, i.sequence, i.name->>'en_US',
               r.state IN ('accepted', 'done'), 1, 1, now(), now()
          FROM freight_booking_request r
          JOIN freight_operation_checklist_item i ON i.department_id = r.department_id
         WHERE r.name LIKE %s AND i.active
        """,
        ["BKB%"],
    )
    # The pending requests' activity, for the department's responsible.
    cr.execute(
        SQL(
            """
            INSERT INTO mail_activity
                (res_model_id, res_model, res_id, activity_type_id, user_id,
                 date_deadline, summary, create_uid, write_uid, create_date,
                 write_date)
            SELECT %s, 'freight.booking.request', r.id, %s,
                   COALESCE(d.user_id, 2), r.requested_at::date, %s, 1, 1, now(),
                   now()
              FROM freight_booking_request r
              JOIN freight_operation_department d ON d.id = r.department_id
             WHERE r.name LIKE %s AND r.state = 'requested'
            """,
            env["ir.model"]._get_id("freight.booking.request"),  # noqa: F821
            env.ref("freight_booking.mail_activity_booking_accept").id,  # noqa: F821
            "Accept or reject the booking request",
            "BKB%",
        )
    )
    for table in (
        "freight_booking_request",
        "freight_booking_checklist",
        "mail_activity",
    ):
        cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def sea_requests():
    return Request.with_user(SEA_USER)


def open_kanban():
    """What the kanban asks for when it opens: the columns, then the cards of
    each column that has some."""
    requests = sea_requests()
    groups = requests.web_read_group([], [], ["state"], lazy=True)["groups"]
    for group in groups:
        if group["state_count"]:
            requests.web_search_read(
                group["__domain"], CARD, limit=PAGE, count_limit=None
            )


def kanban_sql():
    """The same rows, bare: the count per state over the sea department's
    requests (its rule: not the drafts), then each column's first cards with
    what they show."""
    sea = DEPARTMENTS["sea"].id
    cr.execute(
        "SELECT state, COUNT(*) FROM freight_booking_request "
        "WHERE department_id = %s AND state != 'draft' GROUP BY state",
        [sea],
    )
    for state, _count in cr.fetchall():
        cr.execute(
            """
            SELECT r.id, r.state, r.partner_id, p.complete_name, r.etd, r.name,
                   r.department_id, d.name->>'en_US', r.lane,
                   r.container_summary, r.job_number, r.operations_user_id,
                   ou.name, r.user_id, ru.name,
                   (SELECT COUNT(*) FILTER (WHERE c.done) || ' / ' || COUNT(*)
                      FROM freight_booking_checklist c WHERE c.request_id = r.id),
                   (SELECT array_agg(a.id ORDER BY a.date_deadline)
                      FROM mail_activity a
                     WHERE a.res_model = 'freight.booking.request'
                       AND a.res_id = r.id)
              FROM freight_booking_request r
              JOIN res_partner p ON p.id = r.partner_id
              JOIN freight_operation_department d ON d.id = r.department_id
              LEFT JOIN res_users o ON o.id = r.operations_user_id
              LEFT JOIN res_partner ou ON ou.id = o.partner_id
              LEFT JOIN res_users u ON u.id = r.user_id
              LEFT JOIN res_partner ru ON ru.id = u.partner_id
             WHERE r.department_id = %s AND r.state = %s
             ORDER BY r.etd DESC, r.id DESC
             LIMIT %s
            """,
            [sea, state, PAGE],
        )
        cr.fetchall()


def week():
    today = fields.Date.context_today(sea_requests())
    start = today - relativedelta(weekday=0, weeks=1) if today.weekday() else today
    return start, start + timedelta(days=7)


def calendar():
    start, end = week()
    sea_requests().web_search_read(
        [
            ("state", "in", ("requested", "accepted", "done")),
            ("etd", ">=", start),
            ("etd", "<", end),
        ],
        CALENDAR,
    )


def calendar_sql():
    start, end = week()
    cr.execute(
        """
        SELECT r.id, r.etd, r.name, r.partner_id, p.complete_name, r.lane,
               r.container_summary, r.job_number, r.state, r.department_id,
               d.name->>'en_US'
          FROM freight_booking_request r
          JOIN res_partner p ON p.id = r.partner_id
          JOIN freight_operation_department d ON d.id = r.department_id
         WHERE r.department_id = %s AND r.state IN ('requested', 'accepted', 'done')
           AND r.etd >= %s AND r.etd < %s
         ORDER BY r.etd DESC, r.id DESC
        """,
        [DEPARTMENTS["sea"].id, start, end],
    )
    cr.fetchall()


def pivot():
    manager = Request.with_user(MANAGER)
    domain = [("accepted_at", "!=", False)]
    for groupby in ([], ["department_id"], ["accepted_at:month"]):
        manager.read_group(domain, PIVOT, groupby, lazy=False)
    pivot_cells()


def pivot_cells():
    Request.with_user(MANAGER).read_group(
        [("accepted_at", "!=", False)],
        PIVOT,
        ["department_id", "accepted_at:month"],
        lazy=False,
    )


def pivot_sql():
    cr.execute(
        """
        SELECT department_id, date_trunc('month', accepted_at), AVG(hours_to_accept),
               COUNT(*)
          FROM freight_booking_request
         WHERE accepted_at IS NOT NULL
         GROUP BY department_id, date_trunc('month', accepted_at)
        """
    )
    cr.fetchall()


def accept_queries(size):
    """The queries of accepting a request of SIZE container types and SIZE
    checklist points (the department's checklist made that long)."""
    sea = DEPARTMENTS["sea"]
    items = sea.checklist_item_ids
    extra = size - len(items)
    if extra > 0:
        items |= env["freight.operation.checklist.item"].create(  # noqa: F821
            [
                {
                    "department_id": sea.id,
                    "name": f"Bench point {n}",
                    "sequence": 50 + n,
                }
                for n in range(extra)
            ]
        )
    kept = items[:size]
    (items - kept).active = False
    sea.invalidate_recordset(["checklist_item_ids"])
    types = env["freight.container.type"].search([], limit=size)  # noqa: F821
    customer = env.ref("freight_crm.partner_noi_that_minh_phat_demo")  # noqa: F821
    salesperson = customer.user_id
    request = Request.with_user(salesperson).create(
        {
            "partner_id": customer.id,
            "mode": "sea_fcl",
            "direction": "export",
            "pol_id": env.ref("freight_crm.port_vncli").id,  # noqa: F821
            "pod_id": env.ref("freight_crm.port_uslgb").id,  # noqa: F821
            "shipper_id": customer.id,
            "consignee_id": customer.id,
            "etd": fields.Date.context_today(Request) + timedelta(days=7),
            "container_ids": [
                Command.create({"container_type_id": kind.id, "quantity": 1 + n})
                for n, kind in enumerate(types)
            ],
        }
    )
    request.action_request()
    as_sea = request.with_user(SEA_USER)
    as_sea.checklist_ids.write({"done": True})
    (items - kept).active = True
    env.flush_all()  # noqa: F821
    env.invalidate_all()  # noqa: F821
    as_sea = request.with_user(SEA_USER)
    before = cr.sql_log_count
    start = time.perf_counter()
    as_sea.action_accept()
    env.flush_all()  # noqa: F821
    spent = time.perf_counter() - start
    assert request.state == "accepted", request.state
    return (
        cr.sql_log_count - before,
        spent,
        len(request.container_ids),
        len(request.checklist_ids),
    )


start = time.perf_counter()
generate()
generated = time.perf_counter() - start
try:
    sea_count = sea_requests().search_count([])
    kanban_p50, kanban_max = timed(open_kanban)
    kanban_sql_p50, kanban_sql_max = timed(kanban_sql)
    calendar_p50, calendar_max = timed(calendar)
    calendar_sql_p50, _max = timed(calendar_sql)
    pivot_p50, pivot_max = timed(pivot)
    cells_p50, _max = timed(pivot_cells)
    pivot_sql_p50, _max = timed(pivot_sql)
    total = Request.search_count([])
    print(
        f"operations kanban over {total} booking requests, {sea_count} of them "
        f"the sea department's (generated in {generated:.1f} s):"
    )
    print(
        f"  kanban opens (ORM: web_read_group by state + web_search_read x "
        f"column, {PAGE} cards)  median {kanban_p50:.3f} s  max {kanban_max:.3f} s  "
        f"target < 1 s: {'OK' if kanban_max < 1 else 'MISSED'}"
    )
    print(
        f"  same, bare SQL                     median {kanban_sql_p50:.3f} s  "
        f"max {kanban_sql_max:.3f} s"
    )
    print(f"  ratio ORM/SQL                      {kanban_p50 / kanban_sql_p50:.2f}x")
    print(
        f"  ETD calendar, this week (ORM)      median {calendar_p50:.3f} s  "
        f"max {calendar_max:.3f} s"
    )
    print(
        f"  same, bare SQL                     median {calendar_sql_p50:.3f} s  "
        f"ratio {calendar_p50 / calendar_sql_p50:.2f}x"
    )
    print(
        f"  time-to-accept pivot (4 read_group) median {pivot_p50:.3f} s  "
        f"max {pivot_max:.3f} s"
    )
    print(
        f"  department x month (ORM)           median {cells_p50:.3f} s  "
        f"bare SQL {pivot_sql_p50:.3f} s  ratio {cells_p50 / pivot_sql_p50:.2f}x"
    )
    # The first accept warms the caches (templates, rules, sequence ranges);
    # then small and big, alternated.
    accept_queries(1)
    runs = {1: [], 10: []}
    for size in (1, 10, 1, 10):
        runs[size].append(accept_queries(size))
    for size, label in ((1, "small"), (10, "big")):
        queries = sorted({run[0] for run in runs[size]})
        _count, _spent, containers, points = runs[size][0]
        spent = statistics.median(run[1] for run in runs[size])
        print(
            f"  action_accept, {label} request ({containers} container types, "
            f"{points} checklist points): {'/'.join(map(str, queries))} queries, "
            f"{spent * 1000:.0f} ms"
        )
    constant = {run[0] for run in runs[1] + runs[10]}
    print(
        "  accept query count constant: "
        f"{'OK' if len(constant) == 1 else f'NO ({sorted(constant)})'}"
    )
finally:
    cr.rollback()
