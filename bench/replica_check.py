"""Show where a running Freight CRM server's requests reach PostgreSQL.

Against a server started with a streaming read replica (``make run`` with
FREIGHT_REPLICA_PORT, or ``make replica-check`` which starts one), as a real
web client (a logged-in session, JSON over HTTP):

1. the replica is a hot standby streaming from the primary;
2. ``freight.rate.find_rates`` (``@api.readonly``) called through
   ``/web/dataset/call_kw``, as the web client calls it, runs its SQL on the
   replica: its statements appear in the replica's statement log under an
   Odoo worker's application name, and the replica's transaction counter of
   the database rises; so do the sales manager's screens that only read:
   the care report, the win-rate analysis and the pipeline kanban
   (``web_search_read``, ``web_read_group``, ``read_progress_bar``, all
   ``@api.readonly`` in Odoo 18);
3. the same method through ``/jsonrpc`` (``execute_kw``) does not reach the
   replica: Odoo 18 serves the external API from the primary;
4. a write (``crm.lead.create``, then ``write`` to archive it) runs on the
   primary (the new row is there at once) and reaches the replica only by
   replication (it shows up there moments later), not as a statement.
5. with --gevent-port: /websocket upgrades on the gevent port (or, with
   --websocket-url, through a reverse proxy such as docker/nginx/odoo.conf).

Exits non-zero, saying which, when any of these does not hold.

    python bench/replica_check.py --url http://127.0.0.1:8069 --db freight \\
        --primary-port 5435 --replica-port 5436 \\
        --replica-log /var/lib/freight-crm/run-pg15-replica/server.log
"""

import argparse
import json
import sys
import time
from pathlib import Path

import psycopg2
import requests

LANE_SQL = """
    SELECT r.mode, r.origin_id, r.destination_id, l.container_type_id
      FROM freight_rate r
      JOIN freight_rate_line l ON l.rate_id = r.id
     WHERE r.state = 'active' AND r.active AND r.mode = 'sea_fcl'
       AND r.valid_from <= current_date AND r.valid_to >= current_date
       AND l.container_type_id IS NOT NULL
     ORDER BY r.id LIMIT 1
"""


class Check:
    def __init__(self, args):
        self.args = args
        self.url = args.url.rstrip("/")
        self.http = requests.Session()
        self.failures = []

    # ---- PostgreSQL, as the postgres superuser over loopback ---------------
    def _query(self, port, sql, params=None, db="postgres"):
        with psycopg2.connect(
            host="127.0.0.1", port=port, user="postgres", dbname=db
        ) as cnx:
            cnx.autocommit = True
            with cnx.cursor() as cr:
                cr.execute(sql, params)
                return cr.fetchall()

    def primary(self, sql, params=None, db=None):
        return self._query(self.args.primary_port, sql, params, db or self.args.db)

    def replica(self, sql, params=None, db=None):
        return self._query(self.args.replica_port, sql, params, db or self.args.db)

    def replica_xacts(self):
        """Transactions of the database on the replica (read from the
        postgres database, so this check's own queries do not count)."""
        return self._query(
            self.args.replica_port,
            "SELECT xact_commit + xact_rollback FROM pg_stat_database"
            " WHERE datname = %s",
            (self.args.db,),
        )[0][0]

    def log_offset(self):
        return Path(self.args.replica_log).stat().st_size

    def log_since(self, offset):
        with open(self.args.replica_log, "rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    @staticmethod
    def odoo_statements(log, needle):
        """Statements an Odoo process (application name odoo-<pid>) ran that
        contain needle. A statement logged on several lines (a report's SQL
        view) continues on lines that do not start with a timestamp."""
        entries = []
        for line in log.splitlines():
            if line[:2] == "20" or not entries:
                entries.append(line)
            else:
                entries[-1] += "\n" + line
        return [
            entry
            for entry in entries
            if " odoo-" in entry.split("\n", 1)[0]
            and "statement:" in entry
            and needle in entry
        ]

    # ---- HTTP, as the web client --------------------------------------------
    def jsonrpc(self, path, params):
        response = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": 1},
            timeout=60,
        )
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            raise RuntimeError(json.dumps(body["error"])[:500])
        return body["result"]

    def call_kw(self, model, method, args, kwargs=None):
        return self.jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def expect(self, ok, what):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            self.failures.append(what)

    def wait_for(self, predicate, timeout=15.0):
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.2)

    # ---- the checks -----------------------------------------------------------
    def run(self):
        args = self.args
        recovery = self.replica("SELECT pg_is_in_recovery()", db="postgres")[0][0]
        streaming = self.primary("SELECT state FROM pg_stat_replication", db="postgres")
        self.expect(
            recovery and ("streaming",) in streaming,
            f"the replica (port {args.replica_port}) is a hot standby streaming "
            f"from the primary (port {args.primary_port})",
        )

        uid = self.jsonrpc(
            "/web/session/authenticate",
            {"db": args.db, "login": args.login, "password": args.password},
        )["uid"]
        self.expect(bool(uid), f"logged in as {args.login} (uid {uid})")

        lane = self.primary(LANE_SQL)
        self.expect(bool(lane), "a valid sea FCL rate to search for")
        if not lane:
            return
        mode, origin, destination, container = lane[0]
        finder_args = ([mode, origin, destination], {"container_type": container})

        # 2. The finder, as the web client calls it.
        offset, xacts = self.log_offset(), self.replica_xacts()
        started = time.perf_counter()
        calls = 5
        for _ in range(calls):
            found = self.call_kw("freight.rate", "find_rates", *finder_args)
        elapsed = (time.perf_counter() - started) / calls * 1000
        statements = self.wait_for(
            lambda: self.odoo_statements(self.log_since(offset), "freight_rate")
        )
        self.expect(
            bool(statements),
            f"find_rates through /web/dataset/call_kw: {len(found)} rate(s), "
            f"{elapsed:.0f} ms a call; its SQL ran on the replica "
            f"({len(statements)} statement(s) on freight_rate* logged there)",
        )
        example = [s for s in statements if 'FROM "freight_rate' in s] or statements
        if example:
            print("      e.g. " + example[0].split("\n", 1)[0][:200])
        grown = self.wait_for(lambda: self.replica_xacts() - xacts >= calls)
        self.expect(
            grown,
            f"the replica's transaction counter of {args.db} rose by "
            f"{self.replica_xacts() - xacts} (>= {calls} calls)",
        )

        # 2b. The manager's screens that only read: the care report, the
        # win-rate analysis, the pipeline kanban (web_search_read,
        # web_read_group and read_progress_bar are @api.readonly in Odoo 18).
        self.check_manager_screens()

        # 3. The external API: Odoo 18 runs execute_kw on the primary.
        offset = self.log_offset()
        self.jsonrpc(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [args.db, uid, args.password, "freight.rate", "find_rates"]
                + list(finder_args),
            },
        )
        time.sleep(1.0)
        statements = self.odoo_statements(self.log_since(offset), "freight_rate")
        self.expect(
            not statements,
            "find_rates through /jsonrpc (execute_kw) ran on the primary: "
            f"{len(statements)} statement(s) on the replica",
        )

        # 4. A write goes to the primary, and to the replica only by the WAL.
        name = f"replica-check {time.time():.0f}"
        offset = self.log_offset()
        lead = self.call_kw("crm.lead", "create", [{"name": name, "type": "lead"}])
        on_primary = self.primary("SELECT id FROM crm_lead WHERE id = %s", (lead,))
        statements = self.odoo_statements(self.log_since(offset), "crm_lead")
        self.expect(
            bool(on_primary) and not statements,
            f"crm.lead.create through call_kw wrote on the primary (lead {lead}); "
            f"{len(statements)} statement(s) on crm_lead reached the replica",
        )
        started = time.perf_counter()
        replicated = self.wait_for(
            lambda: self.replica("SELECT id FROM crm_lead WHERE id = %s", (lead,))
        )
        self.expect(
            bool(replicated),
            "the new lead reached the replica by streaming replication in "
            f"{(time.perf_counter() - started) * 1000:.0f} ms",
        )
        # Salespeople archive leads, they do not delete them.
        self.call_kw("crm.lead", "write", [[lead], {"active": False}])
        archived = self.wait_for(
            lambda: self.replica(
                "SELECT id FROM crm_lead WHERE id = %s AND NOT active", (lead,)
            )
        )
        self.expect(bool(archived), "archiving it (write, on the primary) replicated")

        # 5. The gevent process serves /websocket.
        if args.gevent_port or args.websocket_url:
            self.check_websocket()

    SCREENS = (
        (
            "the care report (list)",
            "freight.customer.care.report",
            "web_search_read",
            [[]],
            {"specification": {"partner_id": {}, "freight_stage": {}}, "limit": 80},
        ),
        (
            "the win-rate analysis (pivot)",
            "freight.quotation.analysis",
            "web_read_group",
            [[], ["won_count:sum", "decided_count:sum"], ["user_id"]],
            {"lazy": False},
        ),
        (
            "the pipeline (kanban)",
            "crm.lead",
            "web_read_group",
            [[["type", "=", "opportunity"]], ["expected_revenue:sum"], ["stage_id"]],
            {},
        ),
        (
            "the pipeline's progress bars (kanban)",
            "crm.lead",
            "read_progress_bar",
            [[["type", "=", "opportunity"]], "stage_id"],
            {
                "progress_bar": {
                    "field": "activity_state",
                    "colors": {"planned": "success", "overdue": "danger"},
                }
            },
        ),
    )

    def check_manager_screens(self):
        args = self.args
        manager = Check(args)
        manager.jsonrpc(
            "/web/session/authenticate",
            {"db": args.db, "login": args.manager, "password": args.manager},
        )
        installed = {
            model
            for (model,) in self.primary(
                "SELECT model FROM ir_model WHERE model = ANY(%s)",
                ([screen[1] for screen in self.SCREENS],),
            )
        }
        for label, model, method, call_args, kwargs in self.SCREENS:
            if model not in installed:
                print(f"skip  {label}: {model} is not installed")
                continue
            table = model.replace(".", "_")
            offset = self.log_offset()
            manager.call_kw(model, method, call_args, kwargs)
            statements = self.wait_for(
                lambda table=table, offset=offset: self.odoo_statements(
                    self.log_since(offset), f'"{table}"'
                )
            )
            self.expect(
                bool(statements),
                f"{label}: {model}.{method} as {args.manager} ran on the replica "
                f"({len(statements)} statement(s) on {table})",
            )

    def check_websocket(self):
        import websocket  # websocket-client, in requirements-dev.txt

        host = self.url.split("//", 1)[1].split(":")[0]
        url = (
            self.args.websocket_url or f"ws://{host}:{self.args.gevent_port}/websocket"
        )
        try:
            ws = websocket.create_connection(
                url,
                cookie="session_id=" + self.http.cookies.get("session_id", ""),
                origin=self.url,
                timeout=10,
            )
            status = ws.getstatus()
            ws.close()
        except Exception as error:  # pylint: disable=broad-except
            status = f"{type(error).__name__}: {error}"[:200]
        self.expect(status == 101, f"{url} upgrades ({status})")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--primary-port", type=int, required=True)
    parser.add_argument("--replica-port", type=int, required=True)
    parser.add_argument("--replica-log", required=True)
    parser.add_argument("--gevent-port", type=int)
    parser.add_argument(
        "--websocket-url", help="/websocket through a proxy: ws://host/websocket"
    )
    parser.add_argument("--login", default="lan.sales")
    parser.add_argument("--password", default="lan.sales")
    parser.add_argument(
        "--manager", default="hung.manager", help="a sales manager (password = login)"
    )
    check = Check(parser.parse_args())
    check.run()
    print(
        f"replica check: {len(check.failures)} failure(s)"
        if check.failures
        else "replica check: read-only calls reach the replica, writes the primary"
    )
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
