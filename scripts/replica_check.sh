#!/usr/bin/env bash
# make replica-check: Odoo beyond one process, shown on this machine.
# A fresh private cluster and database with the five modules (demo data,
# Vietnamese), a streaming read replica of it (scripts/replica.sh), and
# Odoo serving it as `FREIGHT_WORKERS=2 FREIGHT_REPLICA_PORT=... make run`
# would: prefork (2 HTTP workers, a cron worker, the gevent process for
# /websocket) with db_replica_host/db_replica_port. Then
# bench/replica_check.py, as a logged-in salesperson and sales manager over
# HTTP, shows the SQL of the rate finder, the care report, the win-rate
# analysis and the pipeline kanban run on the replica, the external API's
# and the writes on the primary, and /websocket served by the gevent process. Stops
# everything it started and removes its clusters.
# FREIGHT_MODULES: the modules installed (freight_crm,freight_rates is
# enough for the finder and quicker).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$REPO_DIR/scripts/replica.sh"

bash "$REPO_DIR/scripts/setup.sh"

free_port() { "$VPY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port)
REPLICA_PORT=$(free_port)
HTTP_PORT=$(free_port)
GEVENT_PORT=$(free_port)
DB=freight_replica_check
WORK="$PG_STATE/replica-check-$$"
DATA="$WORK/pg"
REPLICA_DATA="$WORK/replica"
CONF="$STATE_DIR/odoo-replica-check-$$.conf"
LOGDIR="${FREIGHT_TEST_LOGS:-$STATE_DIR/replica-check-logs}"
mkdir -p "$LOGDIR"
SERVER_LOG="$LOGDIR/replica-check-server.log"
odoo_pid=""

cleanup() {
    if [ -n "$odoo_pid" ] && kill -0 "$odoo_pid" 2>/dev/null; then
        # The prefork master stops its workers and the gevent process.
        kill -TERM "$odoo_pid"
        wait "$odoo_pid" 2>/dev/null || true
    fi
    replica_stop "$REPLICA_DATA"
    pg_stop "$DATA"
    rm -rf "$WORK" "$CONF"
}
trap cleanup EXIT

start=$SECONDS
pg_start "$DATA" "$PG_PORT"
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
sed -i -e "s|^data_dir = .*|data_dir = $WORK/filestore|" \
    -e "s|^gevent_port = .*|gevent_port = $GEVENT_PORT|" "$CONF"
export PATH="$VENV/bin:$PATH"
log "creating $DB with $MODULES (log: $LOGDIR/replica-check-install.log)"
ensure_db "$DATA" "$PG_PORT" "$CONF" "$DB" >"$LOGDIR/replica-check-install.log" 2>&1
log "database ready in $((SECONDS - start))s"

t0=$SECONDS
replica_create "$DATA" "$PG_PORT" "$REPLICA_DATA" "$REPLICA_PORT"
log "replica made and started in $((SECONDS - t0))s"
cat >>"$CONF" <<CONF
workers = 2
max_cron_threads = 1
db_maxconn = 16
db_replica_host = 127.0.0.1
db_replica_port = $REPLICA_PORT
CONF

"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" >"$SERVER_LOG" 2>&1 &
odoo_pid=$!
for _ in $(seq 120); do
    if curl -fsS "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null 2>&1 &&
        curl -fsS "http://127.0.0.1:$GEVENT_PORT/web/health" >/dev/null 2>&1; then
        break
    fi
    kill -0 "$odoo_pid" 2>/dev/null || { log "Odoo stopped: $SERVER_LOG"; exit 1; }
    sleep 1
done
log "prefork server on $HTTP_PORT, gevent on $GEVENT_PORT (log: $SERVER_LOG)"
set +e
"$VPY" "$REPO_DIR/bench/replica_check.py" --url "http://127.0.0.1:$HTTP_PORT" \
    --db "$DB" --primary-port "$PG_PORT" --replica-port "$REPLICA_PORT" \
    --replica-log "$REPLICA_DATA/server.log" --gevent-port "$GEVENT_PORT"
rc=$?
set -e
# The server's log: no WARNING/ERROR while it served the check.
if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$SERVER_LOG"; then
    log "the server logged the lines above"
    rc=1
fi
log "replica check done in $((SECONDS - start))s"
exit $rc
