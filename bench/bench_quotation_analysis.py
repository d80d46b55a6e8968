"""Win-rate analysis over 200,000 decided quotations.

Run by `make bench` in an Odoo shell (`env` is given). Generates the
quotations with SQL inside the shell's transaction (the view reads the
quotation table alone: no option nor charge; the totals in the company's
currency are what the stored compute would write) and rolls them back at
the end, so the `freight` database is left as it was. Times, in the same run:

- the analysis as the pivot opens it for a sales manager, through the ORM:
  grouped by salesperson and month (the pivot's default), win rate and
  margin percentage as measures, with the totals of each row and column
  (the four read_group calls the pivot makes), and that one grouped call
  alone;
- the same aggregation in bare SQL over the view's own query (the floor),
  and over the quotation table alone (no exchange rate, no rule).

Target: the pivot opens in < 2 s.
"""

import statistics
import time

from odoo.tools import SQL

QUOTATIONS = 200_000
ROUNDS = 5
cr = env.cr  # noqa: F821 (given by odoo shell)
Analysis = env["freight.quotation.analysis"]  # noqa: F821
MEASURES = [
    "decided_count:sum",
    "won_count:sum",
    "win_rate:avg",
    "margin_percent:avg",
]


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
    ports = env["freight.port"].search([("kind", "=", "seaport")], limit=40)  # noqa: F821
    carriers = env["res.partner"].search(  # noqa: F821
        [("freight_carrier_kind", "!=", False)], limit=12
    )
    reasons = env["crm.lost.reason"].search([])  # noqa: F821
    usd = env.ref("base.USD")  # noqa: F821
    vnd = env.ref("base.VND")  # noqa: F821
    vnd.active = True
    env["res.currency.rate"].create(  # noqa: F821
        [
            {"currency_id": vnd.id, "rate": 25000.0, "name": "2020-01-01"},
            {"currency_id": vnd.id, "rate": 25400.0, "name": "2025-06-01"},
        ]
    )
    template = env["freight.quotation"].create(  # noqa: F821
        {
            "partner_id": customers[0].id,
            "mode": "sea_fcl",
            "pol_id": ports[0].id,
            "pod_id": ports[1].id,
        }
    )
    env.flush_all()  # noqa: F821
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'freight_quotation' AND column_name != 'id'"
    )
    columns = [name for (name,) in cr.fetchall()]
    # Customer, salesperson and lane spread by g; a quotation a day or so
    # over two years; 35 % won, 45 % lost, 20 % expired; one in ten in VND.
    pick = "(%s::int[])[1 + mod(g * %s, %s)]"
    customer = SQL(pick, customers.ids, 7919, len(customers))
    customer_user = SQL(
        "(%s::int[])[1 + mod(g * 7919, %s)]",
        [customer.user_id.id for customer in customers],
        len(customers),
    )
    state = SQL(
        "(ARRAY['won', 'won', 'won', 'won', 'won', 'won', 'won', 'lost', 'lost', "
        "'lost', 'lost', 'lost', 'lost', 'lost', 'lost', 'lost', 'expired', "
        "'expired', 'expired', 'expired'])[1 + mod(g * 31, 20)]"
    )
    day = SQL("(CURRENT_DATE - mod(g, 730))")
    sell = SQL("(500 + mod(g * 13, 4500))::numeric")
    vnd_row = SQL("mod(g, 10) = 0")
    factor = SQL("CASE WHEN %s THEN 25400 ELSE 1 END", vnd_row)
    overrides = {
        "name": SQL("'BQ' || g"),
        "base_name": SQL("'BQ' || g"),
        "state": state,
        "partner_id": customer,
        "user_id": customer_user,
        "customer_user_id": customer_user,
        "pol_id": SQL(pick, ports.ids, 3, len(ports)),
        "pod_id": SQL(pick, ports.ids, 7, len(ports)),
        "lane": SQL(
            "'L' || mod(g * 3, %s) || '-' || mod(g * 7, %s)", len(ports), len(ports)
        ),
        "carrier_id": SQL(pick, carriers.ids, 11, len(carriers)),
        "mode": SQL("(ARRAY['sea_fcl', 'sea_lcl', 'air', 'trucking'])[1 + mod(g, 4)]"),
        "date": day,
        "validity_date": SQL("%s + 14", day),
        "sent_date": day,
        "decision_date": SQL("%s + mod(g, 21)", day),
        "lost_reason_id": SQL(
            "CASE WHEN %s = 'lost' THEN %s END",
            state,
            SQL(pick, reasons.ids or [None], 5, len(reasons) or 1),
        ),
        "currency_id": SQL("CASE WHEN %s THEN %s ELSE %s END", vnd_row, vnd.id, usd.id),
        "amount_untaxed": SQL("%s * %s", sell, factor),
        "amount_total": SQL("%s * %s", sell, factor),
        "buy_total": SQL("%s * 0.85 * %s", sell, factor),
        "margin": SQL("%s * 0.15 * %s", sell, factor),
        # What the stored compute writes: the same at the day's rate.
        "amount_untaxed_company": sell,
        "margin_company": SQL("%s * 0.15", sell),
        "margin_percent": SQL("15.0"),
        "lead_id": SQL("NULL"),
        "access_token": SQL("NULL"),
        "message_main_attachment_id": SQL("NULL"),
    }
    cr.execute(
        SQL(
            "INSERT INTO freight_quotation (%s) SELECT %s FROM freight_quotation t, "
            "generate_series(1, %s) g WHERE t.id = %s",
            SQL(", ").join(SQL.identifier(name) for name in columns),
            SQL(", ").join(
                overrides.get(name, SQL.identifier("t", name)) for name in columns
            ),
            QUOTATIONS,
            template.id,
        )
    )
    cr.execute("ANALYZE freight_quotation")
    cr.execute("ANALYZE res_currency_rate")


def open_pivot():
    """What the pivot asks for when it opens: the cells, the row and column
    totals and the grand total."""
    manager = Analysis.with_user(env.ref("freight_crm.user_sales_manager_demo"))  # noqa: F821
    for groupby in ([], ["user_id"], ["date:month"], ["user_id", "date:month"]):
        manager.read_group([], MEASURES, groupby, lazy=False)


def grouped_call():
    manager = Analysis.with_user(env.ref("freight_crm.user_sales_manager_demo"))  # noqa: F821
    manager.read_group([], MEASURES, ["user_id", "date:month"], lazy=False)


AGGREGATE = """
    SELECT user_id, date_trunc('month', date) AS month, SUM(decided_count),
           SUM(won_count), AVG(win_rate),
           100 * SUM(margin) / NULLIF(SUM(sell), 0)
      FROM (%s) r
     GROUP BY user_id, date_trunc('month', date)
"""


def bare_sql():
    cr.execute(SQL(AGGREGATE, Analysis._query()))
    cr.fetchall()


def bare_table():
    cr.execute(
        """
        SELECT user_id, date_trunc('month', date), COUNT(*),
               SUM(CASE WHEN state = 'won' THEN 1 ELSE 0 END),
               100 * SUM(margin) / NULLIF(SUM(amount_untaxed), 0)
          FROM freight_quotation
         WHERE state IN ('won', 'lost', 'expired')
         GROUP BY user_id, date_trunc('month', date)
        """
    )
    cr.fetchall()


start = time.perf_counter()
generate()
generated = time.perf_counter() - start
try:
    pivot_p50, pivot_max = timed(open_pivot)
    call_p50, call_max = timed(grouped_call)
    sql_p50, sql_max = timed(bare_sql)
    table_p50, _max = timed(bare_table)
    rows = Analysis.search_count([])
    print(
        f"win-rate analysis over {rows} decided quotations "
        f"(generated in {generated:.1f} s):"
    )
    print(
        f"  pivot opens (ORM, 4 read_group)  median {pivot_p50:.3f} s  "
        f"max {pivot_max:.3f} s  target < 2 s: {'OK' if pivot_max < 2 else 'MISSED'}"
    )
    print(
        f"  salesperson x month (ORM)        median {call_p50:.3f} s  "
        f"max {call_max:.3f} s"
    )
    print(
        f"  same, bare SQL on the view       median {sql_p50:.3f} s  "
        f"max {sql_max:.3f} s"
    )
    print(f"  same, bare SQL on the table      median {table_p50:.3f} s")
    print(f"  ratio ORM/SQL (one grouping)     {call_p50 / sql_p50:.2f}x")
    print(f"  ratio pivot/SQL (four groupings) {pivot_p50 / sql_p50:.2f}x")
finally:
    cr.rollback()
