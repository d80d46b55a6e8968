#!/usr/bin/env bash
# make run: set up on first call, then serve the "freight" database with all
# five modules (demo data included) on http://localhost:8069 (admin/admin).
# Later calls reuse what exists and upgrade the modules. Ctrl-C stops Odoo
# and the PostgreSQL cluster(s) this script started.
#
# Beyond one process, with Odoo's own machinery (make run-prod sets both):
#   FREIGHT_WORKERS=N   prefork: N HTTP worker processes, a cron worker and
#                       the gevent process for /websocket on GEVENT_PORT
#                       (HTTP_PORT + 3: 8072 by default), with Odoo's
#                       per-worker limits (memory, CPU and real time).
#   FREIGHT_REPLICA_PORT=P  a streaming read replica of the cluster on port
#                       P (scripts/replica.sh), given to Odoo as
#                       db_replica_host/db_replica_port: read-only routes and
#                       @api.readonly methods called from the web client
#                       (the rate finder, ...) are served from it.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$REPO_DIR/scripts/replica.sh"

HTTP_PORT="${HTTP_PORT:-8069}"
GEVENT_PORT="${GEVENT_PORT:-$((HTTP_PORT + 3))}"
PG_PORT="${PG_PORT:-5435}"
DB="${DB:-freight}"
DATA="${FREIGHT_RUN_PG:-$PG_STATE/run-pg15}"
CONF="$STATE_DIR/odoo-run-$(basename "$DATA").conf"
WORKERS="${FREIGHT_WORKERS:-0}"
REPLICA_PORT="${FREIGHT_REPLICA_PORT:-}"
REPLICA_DATA="$DATA-replica"

bash "$REPO_DIR/scripts/setup.sh"
pg_start "$DATA" "$PG_PORT"
stop_clusters() {
    if [ -n "$REPLICA_PORT" ]; then
        replica_stop "$REPLICA_DATA"
    fi
    pg_stop "$DATA"
    log "stopped PostgreSQL"
}
trap stop_clusters EXIT
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
sed -i "s|^gevent_port = .*|gevent_port = $GEVENT_PORT|" "$CONF"
export PATH="$VENV/bin:$PATH"

ensure_db "$DATA" "$PG_PORT" "$CONF" "$DB"

if [ "$WORKERS" -gt 0 ]; then
    # Odoo's defaults for the limits, written out so they can be tuned here;
    # each worker keeps a small pool of connections.
    cat >>"$CONF" <<CONF
workers = $WORKERS
max_cron_threads = ${FREIGHT_CRON_WORKERS:-1}
limit_memory_soft = 2147483648
limit_memory_hard = 2684354560
limit_time_cpu = 60
limit_time_real = 120
limit_request = 65536
db_maxconn = 16
CONF
    log "prefork: $WORKERS HTTP workers, /websocket on the gevent port $GEVENT_PORT"
fi
if [ -n "$REPLICA_PORT" ]; then
    replica_create "$DATA" "$PG_PORT" "$REPLICA_DATA" "$REPLICA_PORT"
    cat >>"$CONF" <<CONF
db_replica_host = 127.0.0.1
db_replica_port = $REPLICA_PORT
CONF
fi
log "serving http://localhost:$HTTP_PORT (admin / admin); Ctrl-C stops"
"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" "$@"
