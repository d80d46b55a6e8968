"""Port look-up (the many2one search behind every port field).

Run by `make bench` in an Odoo shell (`env` is given). Times the ORM's
name_search on freight.port against a bare SQL ILIKE on the same table (the
floor), both in this run, and prints p50/p95 and their ratio.
"""

import statistics
import time

from odoo.tools import SQL

QUERIES = ["VNCLI", "cat lai", "SGN", "hamburg", "los", "VN", "shang", "hai phong"]
ROUNDS = 60
Port = env["freight.port"]  # noqa: F821 (given by odoo shell)
cr = env.cr  # noqa: F821


def measure(fn):
    for query in QUERIES:  # warm caches
        fn(query)
    samples = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            start = time.perf_counter()
            fn(query)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


def orm(query):
    Port.invalidate_model()
    Port.name_search(query, limit=8)


def bare_sql(query):
    like = f"%{query}%"
    cr.execute(
        SQL(
            "SELECT id, code, name FROM freight_port WHERE active AND (code ILIKE %s "
            "OR iata_code ILIKE %s OR name ILIKE %s OR city ILIKE %s) "
            "ORDER BY code, kind LIMIT 8",
            like,
            like,
            like,
            like,
        )
    )
    cr.fetchall()


count = Port.search_count([])
orm_p50, orm_p95 = measure(orm)
sql_p50, sql_p95 = measure(bare_sql)
print(f"port search over {count} locations, {ROUNDS * len(QUERIES)} look-ups each:")
print(f"  ORM name_search  p50 {orm_p50:.2f} ms  p95 {orm_p95:.2f} ms")
print(f"  bare SQL (floor) p50 {sql_p50:.2f} ms  p95 {sql_p95:.2f} ms")
print(f"  ratio ORM/SQL    p50 {orm_p50 / sql_p50:.1f}x  p95 {orm_p95 / sql_p95:.1f}x")
