"""A busy morning against a running Freight CRM server (``make load``).

Simulated users (threads, one ``requests`` session each) work as people do:
an action, then 1 to 3 s of think time, for a given duration. Each logs in
as the web client does (``/web/session/authenticate``, then
``/web/dataset/call_kw/<model>/<method>`` with the session cookie); the
external API's calls go through ``/jsonrpc`` (``execute_kw``). The roles
and what each does (the data comes from bench/load_prepare.py):

- sales (most users): the rate finder (``freight.rate.find_rates``, in the
  web client and over the external API), a quotation created with a line,
  its PDF (``/report/pdf/freight_quotation.report_freight_quotation/<id>``),
  an inquiry created and submitted;
- pricing: the inquiry inbox, then accept the next submitted inquiry (which
  makes the quotation from the finder's cheapest rate);
- operations, each at a desk (a department and a direction, with its own
  job file numbering: sea export, air export, sea import, air import, sea
  cross-trade): tick the checklist of the next requested booking, then
  accept it (a job file number is issued);
- sales managers: the customer-care report list, the win-rate pivot
  (``read_group``), the booking kanban (``web_read_group``).

It prints requests/s, p50/p95/p99 per request, errors (count and the first
few), and PostgreSQL's deadlocks and serialization failures during the run:
``pg_stat_database`` (deadlocks, conflicts) and the lines of the Odoo and
PostgreSQL logs that tell of them (``could not serialize``, ``deadlock
detected``, Odoo's retries). With ``--json-out`` the summary is saved;
``--compare A.json B.json`` prints the throughput ratio of two runs.

    python bench/load.py --url http://127.0.0.1:8069 --db freight_load \\
        --prep /tmp/prep.json --users 50 --seconds 120
"""

import argparse
import itertools
import json
import random
import re
import statistics
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import psycopg2
import requests

INTERACTIVE_P95_MS = 500
# Requests that are not interactive (reported, not held to the p95 target).
NOT_INTERACTIVE = {"login", "quotation: PDF"}
LOG_PATTERNS = re.compile(
    r"could not serialize|deadlock detected|SerializationFailure|"
    r"tries left, try again|concurrent update",
    re.IGNORECASE,
)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = []
        self.window = None  # (start, end): requests counted for requests/s

    def record(self, label, started, elapsed, error=None):
        with self.lock:
            if error is None:
                self.times[label].append(elapsed)
            else:
                self.errors.append((label, error))
            if self.window and self.window[0] <= started <= self.window[1]:
                self.times.setdefault("_window", []).append(elapsed)


class RPCError(Exception):
    pass


class User(threading.Thread):
    def __init__(self, bench, role, user, index):
        super().__init__(daemon=True)
        self.bench = bench
        self.role = role
        self.uid = user["id"]
        self.login = user["login"]
        self.api_key = user.get("api_key") or user["login"]
        self.random = random.Random(f"{bench.args.seed}-{self.login}")
        self.http = requests.Session()
        # One connection a request, as the reverse proxy in front of the
        # workers talks to them (docker/nginx/odoo.conf: HTTP/1.0 upstream):
        # a prefork worker would otherwise wait on an idle keep-alive
        # connection through the think time (ODOO_HTTP_SOCKET_TIMEOUT, 2 s).
        self.http.headers["Connection"] = "close"
        self.context = {}
        self.quotations = []
        self.customers = bench.prep["customers"].get(str(self.uid), [])
        self.inquiries = list(bench.prep["inquiries"].get(str(self.uid), []))
        self.bookings = list(bench.prep["bookings"].get(str(self.uid), []))
        self.lanes = bench.prep["lanes"]
        self.ids = itertools.count(1)
        self.logged_in = False
        self.login_done = False

    # ---- transport ---------------------------------------------------------
    def timed(self, label, call):
        started = time.monotonic()
        try:
            result = call()
        except Exception as error:  # noqa: BLE001 - every failure is a figure
            self.bench.stats.record(label, started, None, f"{self.login}: {error}")
            return None
        self.bench.stats.record(label, started, time.monotonic() - started)
        return result

    def _post(self, path, params):
        response = self.http.post(
            self.bench.url + path,
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": params,
                "id": next(self.ids),
            },
            timeout=120,
        )
        if response.status_code != 200:
            raise RPCError(f"HTTP {response.status_code} on {path}")
        body = response.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RPCError(
                f"{data.get('name', '')}: "
                f"{(data.get('message') or body['error'].get('message'))[:300]}"
            )
        return body["result"]

    def call_kw(self, label, model, method, args, kwargs=None):
        """As the web client calls a model method."""
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", self.context)
        return self.timed(
            label,
            lambda: self._post(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs},
            ),
        )

    def execute_kw(self, label, model, method, args, kwargs=None):
        """As an external client calls it (/jsonrpc, with an API key)."""
        return self.timed(
            label,
            lambda: self._post(
                "/jsonrpc",
                {
                    "service": "object",
                    "method": "execute_kw",
                    "args": [
                        self.bench.args.db,
                        self.uid,
                        self.api_key,
                        model,
                        method,
                        args,
                        kwargs or {},
                    ],
                },
            ),
        )

    def login_web(self):
        result = self.timed(
            "login",
            lambda: self._post(
                "/web/session/authenticate",
                {"db": self.bench.args.db, "login": self.login, "password": self.login},
            ),
        )
        if result:
            self.context = result["user_context"]
            self.logged_in = True
        self.login_done = True

    def pdf(self, quotation_id):
        def get():
            response = self.http.get(
                f"{self.bench.url}/report/pdf/"
                f"freight_quotation.report_freight_quotation/{quotation_id}",
                timeout=120,
            )
            if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                raise RPCError(
                    f"HTTP {response.status_code}, "
                    f"{response.headers.get('Content-Type')}: {response.text[:200]!r}"
                )
            return len(response.content)

        return self.timed("quotation: PDF", get)

    # ---- what people do ----------------------------------------------------
    def lane(self, mode=None):
        lanes = [lane for lane in self.lanes if not mode or lane["mode"] == mode]
        return self.random.choice(lanes)

    def finder_args(self, lane):
        kwargs = {}
        if lane["mode"] == "sea_fcl":
            kwargs = {"container_type": lane["container_type"], "container_qty": 2}
        elif lane["mode"] == "air":
            kwargs = {"gross_weight": 350.0, "volume": 1.2}
        else:
            kwargs = {"gross_weight": 1800.0, "volume": 4.5}
        return [lane["mode"], lane["origin"], lane["destination"]], kwargs

    def sales_finder(self):
        args, kwargs = self.finder_args(self.lane())
        self.call_kw("finder (web client)", "freight.rate", "find_rates", args, kwargs)

    def sales_finder_external(self):
        args, kwargs = self.finder_args(self.lane())
        self.execute_kw("finder (/jsonrpc)", "freight.rate", "find_rates", args, kwargs)

    def sales_quotation(self):
        prep = self.bench.prep
        lane = self.lane("sea_fcl")
        line = {
            "charge_type_id": prep["charge"],
            "unit": "per_shipment",
            "sell_price": 120.0,
            "buy_price": 80.0,
            "sell_currency_id": prep["usd"],
            "buy_currency_id": prep["usd"],
        }
        quotation_id = self.call_kw(
            "quotation: create",
            "freight.quotation",
            "create",
            [
                {
                    "partner_id": self.random.choice(self.customers),
                    "mode": "sea_lcl",
                    "pol_id": lane["origin_id"],
                    "pod_id": lane["destination_id"],
                    "currency_id": prep["usd"],
                    "volume": 2.0,
                    "line_ids": [[0, 0, line]],
                }
            ],
        )
        if quotation_id:
            self.quotations.append(quotation_id)

    def sales_pdf(self):
        if not self.quotations:
            return self.sales_quotation()
        self.pdf(self.quotations[-1])

    def sales_inquiry(self):
        lane = self.lane("sea_fcl")
        inquiry_id = self.call_kw(
            "inquiry: create",
            "freight.inquiry",
            "create",
            [
                {
                    "partner_id": self.random.choice(self.customers),
                    "mode": "sea_fcl",
                    "pol_id": lane["origin_id"],
                    "pod_id": lane["destination_id"],
                    "commodity": "Garments",
                    "container_ids": [
                        [
                            0,
                            0,
                            {
                                "container_type_id": self.bench.prep["container_40hc"],
                                "quantity": 1,
                            },
                        ]
                    ],
                }
            ],
        )
        if inquiry_id:
            self.call_kw(
                "inquiry: submit", "freight.inquiry", "action_submit", [[inquiry_id]]
            )

    def pricing_accept(self):
        self.call_kw(
            "inquiry: pricing inbox",
            "freight.inquiry",
            "web_search_read",
            [],
            {
                "domain": [["state", "=", "submitted"]],
                "specification": {
                    "name": {},
                    "partner_id": {"fields": {"display_name": {}}},
                    "pol_id": {"fields": {"display_name": {}}},
                    "pod_id": {"fields": {"display_name": {}}},
                    "state": {},
                },
                "limit": 80,
            },
        )
        if not self.inquiries:
            self.bench.ran_out.add(self.login)
            return
        inquiry_id = self.inquiries.pop(0)
        self.call_kw(
            "inquiry: accept", "freight.inquiry", "action_accept", [[inquiry_id]]
        )

    def operations_accept(self):
        if not self.bookings:
            self.bench.ran_out.add(self.login)
            self.manager_kanban()
            return
        booking = self.bookings.pop(0)
        self.call_kw(
            "booking: tick checklist",
            "freight.booking.checklist",
            "write",
            [booking["checklist_ids"], {"done": True}],
        )
        self.call_kw(
            "booking: accept",
            "freight.booking.request",
            "action_accept",
            [[booking["id"]]],
        )

    def manager_care(self):
        self.call_kw(
            "report: care list",
            "freight.customer.care.report",
            "web_search_read",
            [],
            {
                "domain": [],
                "specification": {
                    "partner_id": {"fields": {"display_name": {}}},
                    "user_id": {"fields": {"display_name": {}}},
                    "freight_stage": {},
                    "last_interaction_date": {},
                    "days_since_interaction": {},
                    "open_opportunity_count": {},
                },
                "limit": 80,
            },
        )

    def manager_win_rate(self):
        self.call_kw(
            "report: win-rate pivot",
            "freight.quotation.analysis",
            "read_group",
            [[], ["decided_count:sum", "won_count:sum", "margin:sum"], ["user_id"]],
            {"lazy": False},
        )

    def manager_kanban(self):
        self.call_kw(
            "report: booking kanban",
            "freight.booking.request",
            "web_read_group",
            [[], ["state"], ["state"]],
            {"lazy": True},
        )

    ACTIONS = {
        "sales": [
            # A PDF now and then: each holds a prefork worker for seconds
            # and needs a second one to serve wkhtmltopdf the report's CSS.
            ("sales_finder", 35),
            ("sales_finder_external", 10),
            ("sales_quotation", 26),
            ("sales_pdf", 2),
            ("sales_inquiry", 27),
        ],
        "pricing": [("pricing_accept", 1)],
        "operations": [("operations_accept", 1)],
        "manager": [
            ("manager_care", 1),
            ("manager_win_rate", 1),
            ("manager_kanban", 1),
        ],
    }

    def run(self):
        self.login_web()
        self.bench.ready.wait()
        if not self.logged_in:
            return
        # Not all at once: the first action within the first think time.
        time.sleep(self.random.uniform(0, 3))
        names, weights = zip(*self.ACTIONS[self.role], strict=True)
        while time.monotonic() < self.bench.deadline:
            getattr(self, self.random.choices(names, weights)[0])()
            time.sleep(self.random.uniform(1.0, 3.0))


class Bench:
    def __init__(self, args):
        self.args = args
        self.url = args.url.rstrip("/")
        self.prep = json.loads(Path(args.prep).read_text())
        self.stats = Stats()
        self.ready = threading.Event()
        self.deadline = None
        self.ran_out = set()

    def pg_counters(self):
        if not self.args.pg_port:
            return None
        with psycopg2.connect(
            host=self.args.pg_host,
            port=self.args.pg_port,
            user="postgres",
            dbname="postgres",
        ) as cnx:
            with cnx.cursor() as cr:
                cr.execute(
                    "SELECT deadlocks, conflicts, xact_commit, xact_rollback"
                    " FROM pg_stat_database WHERE datname = %s",
                    (self.args.db,),
                )
                return dict(
                    zip(
                        ("deadlocks", "conflicts", "commits", "rollbacks"),
                        cr.fetchone(),
                        strict=True,
                    )
                )

    @staticmethod
    def log_size(path):
        return Path(path).stat().st_size if path and Path(path).exists() else 0

    @staticmethod
    def log_hits(path, offset):
        if not path or not Path(path).exists():
            return []
        with open(path, "rb") as log:
            log.seek(offset)
            text = log.read().decode("utf-8", "replace")
        return [line for line in text.splitlines() if LOG_PATTERNS.search(line)]

    def run(self):
        users = []
        for role in ("sales", "pricing", "operations", "manager"):
            for index, user in enumerate(self.prep["users"][role]):
                users.append(User(self, role, user, index))
        users = users[: self.args.users]
        counts = defaultdict(int)
        for user in users:
            counts[user.role] += 1
        print(
            f"{self.args.label}: {len(users)} users ("
            + ", ".join(f"{role} {n}" for role, n in counts.items())
            + f") for {self.args.seconds}s against {self.url}",
            flush=True,
        )
        logs = {path: self.log_size(path) for path in self.args.log if path}
        before = self.pg_counters()
        started = time.monotonic()
        for user in users:
            user.start()
            time.sleep(self.args.ramp / max(1, len(users)))
        # Everybody logged in (password hashing is costly), then the clock.
        while not all(user.login_done for user in users):
            if time.monotonic() - started > 300:
                break
            time.sleep(0.2)
        login_time = time.monotonic() - started
        window_start = time.monotonic()
        self.deadline = window_start + self.args.seconds
        self.stats.window = (window_start, self.deadline)
        self.ready.set()
        for user in users:
            user.join(timeout=self.args.seconds + 180)
        elapsed = time.monotonic() - window_start
        after = self.pg_counters()
        hits = {path: self.log_hits(path, offset) for path, offset in logs.items()}
        return self.report(users, login_time, elapsed, before, after, hits)

    def report(self, users, login_time, elapsed, before, after, hits):
        stats = self.stats
        window = stats.times.pop("_window", [])
        total = len(window)
        rps = total / self.args.seconds
        print(
            f"\nlogins: {len(stats.times.get('login', []))} in {login_time:.1f}s; "
            f"then {total} requests started in the {self.args.seconds}s window "
            f"(all done after {elapsed:.1f}s): {rps:.2f} requests/s"
        )
        rows = []
        print(
            f"\n{'request':28} {'n':>5}"
            + "".join(
                f" {head:>8}" for head in ("p50 ms", "p95 ms", "p99 ms", "max ms")
            )
        )
        over = []
        for label in sorted(stats.times):
            times = sorted(stats.times[label])
            if not times:
                continue
            p50, p95, p99 = (self.percentile(times, q) * 1000 for q in (50, 95, 99))
            print(
                f"{label:28} {len(times):5d} {p50:8.0f} {p95:8.0f} {p99:8.0f}"
                f" {times[-1] * 1000:8.0f}"
            )
            rows.append(
                {"request": label, "n": len(times), "p50": p50, "p95": p95, "p99": p99}
            )
            if label not in NOT_INTERACTIVE and p95 > INTERACTIVE_P95_MS:
                over.append(label)
        print(f"\nerrors: {len(stats.errors)}")
        for label, error in stats.errors[:5]:
            print(f"  {label}: {error}")
        if self.ran_out:
            print(f"ran out of prepared records: {', '.join(sorted(self.ran_out))}")
        pg = None
        if before and after:
            pg = {key: after[key] - before[key] for key in before}
            print(
                f"PostgreSQL ({self.args.db}): {pg['deadlocks']} deadlocks, "
                f"{pg['conflicts']} conflicts, {pg['commits']} commits, "
                f"{pg['rollbacks']} rollbacks"
            )
        log_lines = [line for lines in hits.values() for line in lines]
        retries = [line for line in log_lines if "tries left, try again" in line]
        print(
            "serialization failures / deadlocks / lock waits in the logs: "
            f"{len(log_lines)} lines, {len(retries)} requests retried by Odoo"
        )
        for line in log_lines[:5]:
            print(f"  {line[:240]}")
        print(
            f"interactive p95 over {INTERACTIVE_P95_MS} ms: "
            + (", ".join(over) if over else "none")
        )
        summary = {
            "label": self.args.label,
            "users": len(users),
            "seconds": self.args.seconds,
            "requests": total,
            "rps": rps,
            "rows": rows,
            "errors": len(stats.errors),
            "first_errors": stats.errors[:5],
            "pg": pg,
            "log_lines": log_lines[:20],
            "retries": len(retries),
            "p95_over": over,
        }
        if self.args.json_out:
            Path(self.args.json_out).write_text(json.dumps(summary, indent=1))
        # Odoo retries a serialization failure or a lock not available (up to
        # five times): counted above, a failure only when a request failed.
        # The targets of the load test: no error, no deadlock, and every
        # interactive request under INTERACTIVE_P95_MS at the 95th percentile.
        failed = bool(stats.errors or (pg and pg["deadlocks"]))
        if self.args.baseline:
            print("baseline run: its p95 is reported, not held to the target")
        else:
            failed = failed or bool(over)
            print(
                "targets (0 errors, no deadlock, interactive p95 < "
                f"{INTERACTIVE_P95_MS} ms): " + ("NOT MET" if failed else "met")
            )
        return 1 if failed else 0

    @staticmethod
    def percentile(sorted_times, q):
        if len(sorted_times) == 1:
            return sorted_times[0]
        return statistics.quantiles(sorted_times, n=100, method="inclusive")[q - 1]


def compare(paths):
    runs = [json.loads(Path(path).read_text()) for path in paths]
    (prefork, single) = runs
    ratio = prefork["rps"] / single["rps"] if single["rps"] else float("inf")
    print(
        f"\nthroughput: {prefork['label']} {prefork['rps']:.2f} requests/s, "
        f"{single['label']} {single['rps']:.2f} requests/s: "
        f"ratio {prefork['label']}/{single['label']} = {ratio:.2f}"
    )
    single_rows = {row["request"]: row for row in single["rows"]}
    print(
        f"{'request':28} {'p95 ' + prefork['label']:>16} {'p95 ' + single['label']:>16}"
    )
    for row in prefork["rows"]:
        other = single_rows.get(row["request"])
        print(
            f"{row['request']:28} {row['p95']:16.0f} "
            f"{(other['p95'] if other else float('nan')):16.0f}"
        )
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="freight_load")
    parser.add_argument("--prep", help="the JSON bench/load_prepare.py wrote")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    # Logins are spread: each hashes a password (PBKDF2, 600,000 rounds) with
    # a cursor open; 50 at once exhaust a single-process server's pool
    # (db_maxconn 64: "The Connection Pool Is Full"). Before the window.
    parser.add_argument(
        "--ramp", type=float, help="seconds to start all (0.4 s a user)"
    )
    parser.add_argument("--label", default="run")
    parser.add_argument("--seed", default="freight")
    parser.add_argument("--pg-host", default="127.0.0.1")
    parser.add_argument("--pg-port", type=int)
    parser.add_argument(
        "--log", action="append", default=[], help="a log to grep (Odoo, PostgreSQL)"
    )
    parser.add_argument("--json-out")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="the run the ratio compares with: fails on errors, not on p95",
    )
    parser.add_argument("--compare", nargs=2, metavar=("PREFORK", "SINGLE"))
    args = parser.parse_args()
    if args.compare:
        return compare(args.compare)
    if args.ramp is None:
        args.ramp = 0.4 * args.users
    return Bench(args).run()


if __name__ == "__main__":
    sys.exit(main())
