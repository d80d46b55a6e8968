"""Customer-care report over 50,000 customers and 1,000,000 interactions.

Run by `make bench` in an Odoo shell (`env` is given). Generates the data
with SQL inside the shell's transaction and rolls it back at the end, so the
`freight` database is left as it was. Times, in the same run:

- the report as a sales manager opens it (grouped by salesperson, then the
  first page of lines), through the ORM;
- the same rows read with bare SQL from the report's own query (the floor);
- the monthly e-mail's data for the whole company.

Target: opening the report < 2 s.
"""

import random
import statistics
import time
from datetime import timedelta

from odoo import fields
from odoo.tools import SQL

CUSTOMERS = 50_000
INTERACTIONS = 1_000_000
ROUNDS = 5
cr = env.cr  # noqa: F821 (given by odoo shell)
Report = env["freight.customer.care.report"]  # noqa: F821


def timed(fn, rounds=ROUNDS):
    samples = []
    for _ in range(rounds):
        env.invalidate_all()  # noqa: F821
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), max(samples)


def generate():
    salespeople = env.ref("freight_crm.group_freight_sales").users.ids  # noqa: F821
    template = env["res.partner"].create(  # noqa: F821
        {"name": "Bench template", "is_company": True, "user_id": salespeople[0]}
    )
    env.flush_all()  # noqa: F821
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'res_partner' AND column_name != 'id'"
    )
    columns = [name for (name,) in cr.fetchall()]
    overrides = {
        "name": SQL("'Bench customer ' || g"),
        "complete_name": SQL("'Bench customer ' || g"),
        "user_id": SQL("(%s::int[])[1 + mod(g, %s)]", salespeople, len(salespeople)),
        "freight_stage": SQL("(ARRAY['lead', 'prospect', 'customer'])[1 + mod(g, 3)]"),
        "commercial_partner_id": SQL("NULL"),
        "last_interaction_date": SQL("NULL"),
    }
    select = SQL(", ").join(
        overrides.get(name, SQL.identifier("t", name)) for name in columns
    )
    cr.execute(
        SQL(
            "INSERT INTO res_partner (%s) SELECT %s FROM res_partner t, "
            "generate_series(1, %s) g WHERE t.id = %s",
            SQL(", ").join(SQL.identifier(name) for name in columns),
            select,
            CUSTOMERS,
            template.id,
        )
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE commercial_partner_id IS NULL"
    )
    cr.execute(
        "SELECT id FROM res_partner WHERE name LIKE 'Bench customer %' ORDER BY id"
    )
    ids = [row[0] for row in cr.fetchall()]
    assert ids[-1] - ids[0] + 1 == len(ids), "bench customers are contiguous"
    kind = env.ref("freight_crm.interaction_kind_call").id  # noqa: F821
    company = env.company.id  # noqa: F821
    cr.execute(
        SQL(
            """
            INSERT INTO freight_interaction
                (name, partner_id, user_id, kind_id, state, date_start, date,
                 company_id, duration, create_uid, write_uid, create_date, write_date)
            SELECT 'Call ' || g,
                   %s + mod(g::bigint * 7919, %s)::int,
                   (%s::int[])[1 + mod(g, %s)],
                   %s,
                   (ARRAY['done', 'done', 'done', 'planned', 'cancelled'])
                       [1 + mod(g, 5)],
                   now() - make_interval(days => mod(g, 400)),
                   (now() - make_interval(days => mod(g, 400)))::date,
                   %s, 1, 1, 1, now(), now()
              FROM generate_series(1, %s) g
            """,
            ids[0],
            len(ids),
            salespeople,
            len(salespeople),
            kind,
            company,
            INTERACTIONS,
        )
    )
    # What the stored compute keeps up to date, in one statement.
    cr.execute(
        """
        UPDATE res_partner p SET last_interaction_date = i.last
          FROM (SELECT partner_id, MAX(date) AS last FROM freight_interaction
                 WHERE state = 'done' GROUP BY partner_id) i
         WHERE i.partner_id = p.id
        """
    )
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE freight_interaction")
    return ids


def open_report():
    manager = Report.with_user(env.ref("base.user_admin"))  # noqa: F821
    manager.read_group([], ["customer_count:sum", "is_neglected"], ["user_id"])
    manager.search_read([], ["partner_id", "days_since_interaction"], limit=80)


def bare_sql():
    cr.execute(
        SQL(
            "SELECT user_id, COUNT(*), SUM(is_neglected::int) FROM (%s) r "
            "GROUP BY user_id",
            Report._query(),
        )
    )
    cr.fetchall()
    cr.execute(
        SQL(
            "SELECT partner_id, days_since_interaction FROM (%s) r "
            "ORDER BY days_since_interaction DESC NULLS FIRST, partner_id LIMIT 80",
            Report._query(),
        )
    )
    cr.fetchall()


def monthly():
    today = fields.Date.today()
    Report._monthly_report_data(today - timedelta(days=30), today)


random.seed(1)
start = time.perf_counter()
ids = generate()
generated = time.perf_counter() - start
try:
    orm_p50, orm_max = timed(open_report)
    sql_p50, sql_max = timed(bare_sql)
    monthly_p50, _max = timed(monthly, rounds=1)
    lines = Report.search_count([])
    print(
        f"customer-care report over {lines} customers and {INTERACTIONS} "
        f"interactions (generated in {generated:.1f} s):"
    )
    print(
        f"  open the report (ORM)  median {orm_p50:.3f} s  max {orm_max:.3f} s  "
        f"target < 2 s: {'OK' if orm_max < 2 else 'MISSED'}"
    )
    print(f"  bare SQL (floor)       median {sql_p50:.3f} s  max {sql_max:.3f} s")
    print(f"  ratio ORM/SQL          {orm_p50 / sql_p50:.2f}x")
    print(f"  monthly e-mail data    {monthly_p50:.2f} s (scheduled action)")
finally:
    cr.rollback()
