"""Rate finder over ~125,000 buying rates and 1,000,000 prices.

Run by `make bench` in an Odoo shell (`env` is given). Generates the rates
with set-based SQL inside the shell's transaction and rolls it back at the
end, so the database is left as it was. The data looks like a forwarder's
rate book: FCL lanes between seaports (four container prices, four
surcharges), air lanes between airports (seven weight breaks, one or two
surcharges), LCL lanes (a W/M price with its minimum, six or seven
surcharges); two to eight carriers per lane, each with a history of validity
periods (past ones expired, the current one active, one in ten with the next
period filed in advance); prices in USD, local charges in VND.

Times, in the same run and on the same random sample of lanes that have rates
(FCL 40HC, air 350 kg / 1.2 CBM, LCL 1,800 kg / 4.5 CBM):

- `freight.rate.find_rates` as a sales user (record rules apply), the ORM
  cache emptied before every call as a new request finds it, ports and
  container given by code as a JSON-RPC client gives them;
- one bare SQL query fetching the same rates' prices (the floor);

and prints p50/p95 of both and their ratio. Target: finder p95 <= 8 ms.
"""

import json
import os
import random
import statistics
import time
from contextlib import contextmanager
from datetime import timedelta

from psycopg2.errors import LockNotAvailable
from psycopg2.extensions import ISOLATION_LEVEL_AUTOCOMMIT

from odoo import Command, fields
from odoo.sql_db import db_connect
from odoo.tools import SQL

LINES = 1_000_000
TABLES = ["freight_rate", "freight_rate_line"]
WARMUP = 50
CALLS = 500
TARGET_P95_MS = 8.0
VND_PER_USD = 25_400.0
# mode: port kind, carrier kind, lanes, carriers per lane (2 + lane % n),
# validity periods per lane and carrier, days per period, share of the sample
PLAN = {
    "sea_fcl": ("seaport", "shipping_line", 500, 7, 25, 30, 0.5),
    "air": ("airport", "airline", 400, 7, 20, 14, 0.3),
    "sea_lcl": ("seaport", "shipping_line", 300, 5, 20, 30, 0.2),
}
# The prices of each rate, per mode: sequence, type, charge, container, weight
# break, unit, amount, and flags: "level" (amount x the rate's price level),
# "min" (a minimum of one unit at the price level), "vnd" (in VND, else in the
# rate's currency), "apart" (not in the all-in), "optional" (on as many rates
# as make the lines a round million).
LINE_TEMPLATES = {
    "sea_fcl": [
        (10, "freight", "OF", "20GP", None, "per_container", 1, "level"),
        (11, "freight", "OF", "40GP", None, "per_container", 1.6, "level"),
        (12, "freight", "OF", "40HC", None, "per_container", 1.7, "level"),
        (13, "freight", "OF", "45HC", None, "per_container", 2, "level"),
        (20, "surcharge", "BAF", None, None, "per_container", 0.15, "level"),
        (21, "surcharge", "THCO", None, None, "per_container", 2950000, "vnd"),
        (22, "surcharge", "BILL", None, None, "per_bill", 1000000, "vnd"),
        (23, "surcharge", "THCD", None, None, "per_container", 180, "apart"),
    ],
    "air": [
        (10, "freight", "AF", None, "min", "per_shipment", 20, "level"),
        (11, "freight", "AF", None, "m45", "per_chargeable_kg", 1, "level"),
        (12, "freight", "AF", None, "p45", "per_chargeable_kg", 0.85, "level"),
        (13, "freight", "AF", None, "p100", "per_chargeable_kg", 0.78, "level"),
        (14, "freight", "AF", None, "p300", "per_chargeable_kg", 0.72, "level"),
        (15, "freight", "AF", None, "p500", "per_chargeable_kg", 0.68, "level"),
        (16, "freight", "AF", None, "p1000", "per_chargeable_kg", 0.64, "level"),
        (20, "surcharge", "FSC", None, None, "per_chargeable_kg", 0.85, ""),
        (21, "surcharge", "AWB", None, None, "per_bill", 600000, "vnd optional"),
    ],
    "sea_lcl": [
        (10, "freight", "OF", None, None, "per_wm", 1, "level min"),
        (20, "surcharge", "CFS", None, None, "per_cbm", 250000, "vnd"),
        (21, "surcharge", "LSS", None, None, "per_wm", 5, ""),
        (22, "surcharge", "EBS", None, None, "per_wm", 6, ""),
        (23, "surcharge", "DOC", None, None, "per_shipment", 800000, "vnd"),
        (24, "surcharge", "AMS", None, None, "per_bill", 35, ""),
        (25, "surcharge", "DO", None, None, "per_bill", 45, "apart"),
        (26, "surcharge", "TLX", None, None, "per_bill", 25, "optional"),
    ],
}
ON_DELETE = {
    "a": SQL("NO ACTION"),
    "r": SQL("RESTRICT"),
    "c": SQL("CASCADE"),
    "n": SQL("SET NULL"),
    "d": SQL("SET DEFAULT"),
}
REQUESTS = {
    "sea_fcl": {"container_type": "40HC", "container_qty": 2},
    "air": {"gross_weight": 350.0, "volume": 1.2},
    "sea_lcl": {"gross_weight": 1800.0, "volume": 4.5},
}
cr = env.cr  # noqa: F821 (given by odoo shell)
company = env.company  # noqa: F821
today = fields.Date.context_today(env["freight.rate"])  # noqa: F821


def setup_currencies():
    """USD and VND active, VND with a rate, as a Vietnamese forwarder has them."""
    usd = env.ref("base.USD")  # noqa: F821
    vnd = env.ref("base.VND")  # noqa: F821
    (usd | vnd).write({"active": True})
    if company.currency_id == vnd:
        other, rate = usd, 1 / VND_PER_USD
    else:
        other = vnd
        rate = VND_PER_USD * usd._get_rates(company, today)[usd.id]
    if other._get_rates(company, today)[other.id] == 1.0:  # no rate yet
        env["res.currency.rate"].create(  # noqa: F821
            {
                "currency_id": other.id,
                "company_id": company.root_id.id,
                "name": today - timedelta(days=30),
                "rate": rate,
            }
        )
    return usd, vnd


def sales_user():
    """A least-privileged user who reads rates: sales, own customers."""
    return (
        env["res.users"]  # noqa: F821
        .with_context(no_reset_password=True, mail_create_nosubscribe=True)
        .create(
            {
                "name": "Bench Sales",
                "login": "bench_rate_finder_sales",
                "email": "bench.sales@example.com",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.set(env.ref("freight_crm.group_freight_sales").ids)  # noqa: F821
                ],
            }
        )
    )


def make_lanes(rng):
    """Lanes per mode: half exports from Vietnam, a third imports, the rest
    cross-trade; lanes that already have rates are left alone."""
    cr.execute("SELECT DISTINCT mode, origin_id, destination_id FROM freight_rate")
    taken = set(cr.fetchall())
    lanes = []
    for mode, plan in PLAN.items():
        kind, carrier_kind, count, spread, periods, days, _share = plan
        cr.execute(
            SQL(
                "SELECT id, code LIKE %s FROM freight_port "
                "WHERE active AND kind = %s ORDER BY id",
                "VN%",
                kind,
            )
        )
        ports = cr.fetchall()
        home = [pid for pid, vn in ports if vn]
        abroad = [pid for pid, vn in ports if not vn]
        cr.execute(
            SQL(
                "SELECT id FROM res_partner WHERE active "
                "AND freight_carrier_kind = %s ORDER BY id",
                carrier_kind,
            )
        )
        carriers = [pid for (pid,) in cr.fetchall()]
        seen = set()
        while len(seen) < count:
            pick = rng.random()
            if pick < 0.5:
                direction, pair = "export", (rng.choice(home), rng.choice(abroad))
            elif pick < 0.85:
                direction, pair = "import", (rng.choice(abroad), rng.choice(home))
            else:
                direction, pair = "cross_trade", tuple(rng.sample(abroad, 2))
            if pair in seen or (mode, *pair) in taken:
                continue
            seen.add(pair)
            lane = len(seen)
            lanes.append(
                {
                    "mode": mode,
                    "lane": lane,
                    "origin_id": pair[0],
                    "destination_id": pair[1],
                    "direction": direction,
                    "carriers": rng.sample(carriers, 2 + lane % spread),
                    "periods": periods,
                    "days": days,
                }
            )
    return lanes


@contextmanager
def foreign_keys_checked_at_the_end(tables):
    """Bulk load without a trigger call per row and per foreign key (they
    make the load four times slower): drop the foreign keys of tables, load,
    then add them back, each checked in one pass (PostgreSQL's "Populating a
    Database"). Dropping one locks the table it references, so when another
    session holds a lock the keys are left and the load is slower."""
    cr.execute(
        SQL(
            """
            SELECT c.conrelid::regclass::text, c.conname, a.attname,
                   c.confrelid::regclass::text, fa.attname, c.confdeltype
              FROM pg_constraint c
              JOIN pg_attribute a
                ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
              JOIN pg_attribute fa
                ON fa.attrelid = c.confrelid AND fa.attnum = c.confkey[1]
             WHERE c.contype = 'f' AND c.conrelid = ANY(%s::regclass[])
               AND cardinality(c.conkey) = 1
            """,
            list(tables),
        )
    )
    keys = cr.fetchall()
    dropped = []
    cr.execute("SAVEPOINT bench_fkeys")
    cr.execute("SET LOCAL lock_timeout = '5s'")
    try:
        for table, name, *_rest in keys:
            cr.execute(
                SQL(
                    "ALTER TABLE %s DROP CONSTRAINT %s",
                    SQL.identifier(table),
                    SQL.identifier(name),
                ),
                log_exceptions=False,
            )
        dropped = keys
    except LockNotAvailable:
        cr.execute("ROLLBACK TO SAVEPOINT bench_fkeys")
        print("  (a lock is held elsewhere: loading with the foreign keys, slower)")
    cr.execute("SET LOCAL lock_timeout = DEFAULT")
    yield
    for table, name, column, target, target_column, deltype in dropped:
        cr.execute(
            SQL(
                "ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) "
                "REFERENCES %s (%s) ON DELETE %s",
                SQL.identifier(table),
                SQL.identifier(name),
                SQL.identifier(column),
                SQL.identifier(target),
                SQL.identifier(target_column),
                ON_DELETE[deltype],
            )
        )


def insert_lines(uid, first_id, optional, limit):
    """The prices of the rates after first_id, from the templates; the price
    level depends on the lane, the carrier and (slowly) on the date."""
    return SQL(
        """
        INSERT INTO freight_rate_line
            (rate_id, company_id, sequence, line_type, charge_type_id,
             container_type_id, weight_break, unit, currency_id, amount,
             minimum_amount, included, create_uid, write_uid, create_date,
             write_date)
        SELECT r.id, r.company_id, t.seq, t.line_type, t.charge_type_id,
               t.container_type_id, t.weight_break, t.unit,
               COALESCE(t.currency_id, r.currency_id),
               CASE WHEN t.scaled THEN round(t.amount * p.level, 2)
                    ELSE t.amount END,
               CASE WHEN t.minimum THEN round(p.level, 2) END,
               t.included, %(uid)s, %(uid)s, now(), now()
          FROM freight_rate r
          JOIN bench_line t ON t.mode = r.mode AND t.optional = %(optional)s,
               LATERAL (SELECT (
                   CASE r.mode
                       WHEN 'sea_fcl'
                       THEN 250 + mod(r.origin_id * 31 + r.destination_id * 17, 1800)
                       WHEN 'air'
                       THEN 3 + mod(r.origin_id * 13 + r.destination_id * 7, 500)
                            / 100.0
                       ELSE 15 + mod(r.origin_id * 11 + r.destination_id * 5, 60)
                   END
                   * (0.92 + mod(r.carrier_id, 9) * 0.02)
                   * (1 + 0.12 * sin((r.valid_from - DATE '2000-01-01') / 45.0))
               )::numeric AS level) p
         WHERE r.id > %(first_id)s
         ORDER BY %(order)s
         LIMIT %(limit)s
        """,
        uid=uid,
        first_id=first_id,
        optional=optional,
        # Optional surcharges spread over the lanes, not the first rates.
        order=SQL("mod(r.id::bigint * 7919, 10007), r.id")
        if optional
        else SQL("r.id, t.seq"),
        limit=limit,
    )


def generate(rng, usd, vnd):
    """Rates and their prices, set-based; returns the lanes."""
    lanes = make_lanes(rng)
    cr.execute(
        "CREATE TEMP TABLE bench_lane (mode varchar, lane int, origin_id int, "
        "destination_id int, direction varchar, carriers int[], periods int, "
        "days int) ON COMMIT DROP"
    )
    cr.execute(
        SQL(
            "INSERT INTO bench_lane SELECT l->>'mode', (l->>'lane')::int, "
            "(l->>'origin_id')::int, (l->>'destination_id')::int, "
            "l->>'direction', ARRAY(SELECT jsonb_array_elements_text(l->'carriers'))"
            "::int[], (l->>'periods')::int, (l->>'days')::int "
            "FROM jsonb_array_elements(%s::jsonb) l",
            json.dumps(lanes),
        )
    )
    cr.execute("SELECT COALESCE(MAX(id), 0) FROM freight_rate")
    (first_id,) = cr.fetchone()
    uid = env.uid  # noqa: F821
    # Period k of a lane and carrier: the last of `periods` holds today; one
    # lane-carrier in ten has the next period filed (active) in advance.
    cr.execute(
        SQL(
            """
            INSERT INTO freight_rate
                (name, company_id, mode, direction, carrier_id, origin_id,
                 destination_id, currency_id, transit_days, free_dem_days,
                 free_det_days, user_id, cargo_type, rate_type, frequency,
                 reference, state, valid_from, valid_to, active, expiry_reminded,
                 create_uid, write_uid, create_date, write_date)
            SELECT 'BRBENCH-' || lpad((row_number() OVER (
                       ORDER BY l.mode, l.lane, c, k))::text, 6, '0'),
                   %(company)s, l.mode, l.direction, l.carriers[c], l.origin_id,
                   l.destination_id, %(usd)s,
                   CASE l.mode WHEN 'air' THEN 1 + mod(l.lane + c, 4)
                        ELSE 8 + mod(l.lane * 13, 30) + mod(c, 3) END,
                   CASE l.mode WHEN 'sea_fcl' THEN 5 + 2 * mod(c, 3) ELSE 0 END,
                   CASE l.mode WHEN 'sea_fcl' THEN 7 ELSE 0 END,
                   %(owner)s, 'general',
                   CASE WHEN mod(l.lane + c, 4) = 0 THEN 'spot' ELSE 'contract' END,
                   CASE l.mode WHEN 'air' THEN 'daily' ELSE 'weekly' END,
                   CASE WHEN mod(l.lane + c, 4) = 0 THEN NULL
                        ELSE 'SC-' || l.carriers[c] || '-' || l.lane END,
                   CASE WHEN k < l.periods - 1 THEN 'expired' ELSE 'active' END,
                   d.valid_from, d.valid_from + l.days - 1, true,
                   k < l.periods - 1, %(uid)s, %(uid)s, now(), now()
              FROM bench_lane l,
                   generate_series(1, cardinality(l.carriers)) c,
                   generate_series(
                       0,
                       l.periods - CASE WHEN mod(l.lane + c, 10) = 0 THEN 0 ELSE 1 END
                   ) k,
                   LATERAL (SELECT %(today)s::date
                                   - mod(l.lane * 7 + c * 3, l.days)
                                   - (l.periods - 1 - k) * l.days AS valid_from) d
             ORDER BY l.mode, l.lane, c, k
            """,
            company=company.id,
            usd=usd.id,
            owner=env.ref("base.user_admin").id,  # noqa: F821
            uid=uid,
            today=today,
        )
    )
    cr.execute("SELECT code, id FROM freight_charge_type")
    charges = dict(cr.fetchall())
    cr.execute("SELECT code, id FROM freight_container_type")
    containers = dict(cr.fetchall())
    cr.execute(
        "CREATE TEMP TABLE bench_line (mode varchar, seq int, line_type varchar, "
        "charge_type_id int, container_type_id int, weight_break varchar, "
        "unit varchar, amount numeric, currency_id int, scaled bool, "
        "minimum bool, included bool, optional bool) ON COMMIT DROP"
    )
    for mode, templates in LINE_TEMPLATES.items():
        for seq, kind, charge, container, wbreak, unit, amount, flags in templates:
            flags = flags.split()
            row = (
                mode,
                seq,
                kind,
                charges[charge],
                containers.get(container),
                wbreak,
                unit,
                amount,
                vnd.id if "vnd" in flags else None,
                "level" in flags,
                "min" in flags,
                "apart" not in flags,
                "optional" in flags,
            )
            cr.execute(SQL("INSERT INTO bench_line VALUES %s", row))
    cr.execute(insert_lines(uid, first_id, False, None))
    base_lines = cr.rowcount
    assert base_lines <= LINES, f"{base_lines} prices already, more than {LINES}"
    cr.execute(insert_lines(uid, first_id, True, LINES - base_lines))
    assert base_lines + cr.rowcount == LINES, "not enough optional surcharges"
    cr.execute("ANALYZE freight_rate")
    cr.execute("ANALYZE freight_rate_line")
    env.invalidate_all()  # noqa: F821
    return lanes


def vacuum(tables):
    """Remove the rows of rolled-back runs, outside the shell's transaction:
    left in the tables, they slow the planner down (it probes the validity
    indexes' ends, through the dead rows) and the next runs vary with them."""
    with db_connect(cr.dbname).cursor() as vacuum_cr:
        vacuum_cr.connection.set_isolation_level(ISOLATION_LEVEL_AUTOCOMMIT)
        for table in tables:
            vacuum_cr.execute(SQL("VACUUM (ANALYZE) %s", SQL.identifier(table)))


def percentiles(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


def make_sample(rng, lanes):
    """(mode, origin code, destination code, origin id, destination id) of
    lanes with rates, modes mixed as PLAN shares them."""
    by_mode = {mode: [x for x in lanes if x["mode"] == mode] for mode in PLAN}
    modes = rng.choices(list(PLAN), [plan[6] for plan in PLAN.values()], k=CALLS)
    picked = [rng.choice(by_mode[mode]) for mode in modes]
    port_ids = {x[key] for x in picked for key in ("origin_id", "destination_id")}
    cr.execute(
        SQL(
            "SELECT id, CASE WHEN kind = 'airport' THEN iata_code ELSE code END "
            "FROM freight_port WHERE id IN %s",
            tuple(port_ids),
        )
    )
    codes = dict(cr.fetchall())
    return [
        (
            lane["mode"],
            codes[lane["origin_id"]],
            codes[lane["destination_id"]],
            lane["origin_id"],
            lane["destination_id"],
        )
        for lane in picked
    ]


def bench_finder(user, sample):
    Rate = env["freight.rate"].with_user(user)  # noqa: F821
    day = fields.Date.to_string(today)

    def call(mode, origin, destination):
        return Rate.find_rates(mode, origin, destination, date=day, **REQUESTS[mode])

    for mode, origin, destination, *_ids in sample[:WARMUP]:
        call(mode, origin, destination)
    samples, by_mode, cpu = [], {mode: [] for mode in PLAN}, []
    queries = found = empty = 0
    for mode, origin, destination, *_ids in sample:
        env.invalidate_all()  # noqa: F821
        count = cr.sql_log_count
        start, start_cpu = time.perf_counter(), time.process_time()
        results = call(mode, origin, destination)
        cpu.append((time.process_time() - start_cpu) * 1000)
        samples.append((time.perf_counter() - start) * 1000)
        by_mode[mode].append(samples[-1])
        queries += cr.sql_log_count - count
        found += len(results)
        empty += not results
    return {
        "all": percentiles(samples),
        "modes": {mode: percentiles(times) for mode, times in by_mode.items()},
        "cpu": statistics.median(cpu),
        "queries": queries / len(sample),
        "found": found / len(sample),
        "empty": empty,
    }


def bench_sql(sample):
    """The floor: the same lane's valid rates and their prices, one query."""
    for mode, _o, _d, origin_id, destination_id in sample[:WARMUP]:
        bare_sql(mode, origin_id, destination_id)
    samples = []
    for mode, _o, _d, origin_id, destination_id in sample:
        start = time.perf_counter()
        bare_sql(mode, origin_id, destination_id)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def bare_sql(mode, origin_id, destination_id):
    cr.execute(
        SQL(
            """
            SELECT r.id, r.currency_id, l.id, l.line_type, l.charge_type_id,
                   l.container_type_id, l.weight_break, l.unit, l.amount,
                   l.minimum_amount, l.currency_id, l.included
              FROM freight_rate r
              JOIN freight_rate_line l ON l.rate_id = r.id
             WHERE r.mode = %(mode)s AND r.origin_id = %(origin)s
               AND r.destination_id = %(destination)s AND r.active
               AND r.state = 'active' AND r.valid_from <= %(day)s
               AND r.valid_to >= %(day)s AND r.company_id IN %(companies)s
             ORDER BY r.id, l.sequence, l.id
            """,
            mode=mode,
            origin=origin_id,
            destination=destination_id,
            day=today,
            companies=tuple(company.ids),
        )
    )
    cr.fetchall()


rng = random.Random(10)
vacuum(TABLES)  # what an interrupted run may have left
try:
    start = time.perf_counter()
    usd, vnd = setup_currencies()
    user = sales_user()
    env.flush_all()  # noqa: F821
    with foreign_keys_checked_at_the_end(TABLES):
        lanes = generate(rng, usd, vnd)
    generated = time.perf_counter() - start
    sample = make_sample(rng, lanes)
    finder = bench_finder(user, sample)
    finder_p50, finder_p95 = finder["all"]
    sql_p50, sql_p95 = bench_sql(sample)
    cr.execute("SELECT count(*) FROM freight_rate")
    (rates,) = cr.fetchone()
    cr.execute("SELECT count(*) FROM freight_rate_line")
    (lines,) = cr.fetchone()
    cr.execute(
        "SELECT count(DISTINCT (mode, origin_id, destination_id)), "
        "count(*) FILTER (WHERE state = 'active' AND valid_from <= CURRENT_DATE "
        "AND valid_to >= CURRENT_DATE) FROM freight_rate"
    )
    lane_count, valid = cr.fetchone()
    print(
        f"rate finder over {rates} rates and {lines} prices on {lane_count} lanes "
        f"({rates / lane_count:.0f} rates a lane, {valid / lane_count:.1f} valid "
        f"today; generated in {generated:.1f} s), {CALLS} calls:"
    )
    print(
        f"  find_rates (sales user) p50 {finder_p50:.2f} ms  p95 {finder_p95:.2f} ms"
        f"  target p95 <= {TARGET_P95_MS:.0f} ms: "
        f"{'OK' if finder_p95 <= TARGET_P95_MS else 'MISSED'}"
    )
    print(f"  bare SQL (floor)        p50 {sql_p50:.2f} ms  p95 {sql_p95:.2f} ms")
    print(
        f"  ratio finder/SQL        p50 {finder_p50 / sql_p50:.1f}x  "
        f"p95 {finder_p95 / sql_p95:.1f}x"
    )
    print(
        "  finder by mode p50/p95 "
        + ", ".join(
            f"{mode} {p50:.2f}/{p95:.2f} ms"
            for mode, (p50, p95) in finder["modes"].items()
        )
    )
    print(
        f"  per call: {finder['queries']:.1f} queries, Python CPU p50 "
        f"{finder['cpu']:.2f} ms, {finder['found']:.1f} rates priced, "
        f"{finder['empty']} calls without a rate; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
finally:
    cr.rollback()
    vacuum(TABLES)
