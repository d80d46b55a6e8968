#!/usr/bin/env bash
# make load: a busy morning (bench/load.py) against Odoo in prefork mode,
# then the same load against a single-process server, and the throughput
# ratio of the two.
#
# A private cluster (FREIGHT_LOAD_PG, PG_PORT) holds a base database with
# the five modules and their demo data (made once, upgraded on later runs);
# each run gets a fresh copy of it (database and filestore), prepared by
# bench/load_prepare.py in an Odoo shell (the load users, password = login,
# their customers, submitted inquiries and requested bookings), then served
# as `make run-prod` serves (FREIGHT_WORKERS prefork workers, Odoo's limits)
# or as `make run` does (one process, threaded), without cron workers so
# that only the simulated users load the server.
#
#   FREIGHT_LOAD_USERS    simulated users (50)
#   FREIGHT_LOAD_SECONDS  duration of the measured window (120)
#   FREIGHT_WORKERS       prefork HTTP workers (2 x cores + 1, as Odoo advises)
#   FREIGHT_LOAD_MODES    "prefork single" (default), or one of them
#   FREIGHT_LOAD_UPGRADE  0: use the base database as it is (no -u)
# A quick check of the script: FREIGHT_LOAD_USERS=10 FREIGHT_LOAD_SECONDS=20.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

USERS="${FREIGHT_LOAD_USERS:-50}"
DURATION="${FREIGHT_LOAD_SECONDS:-120}"
WORKERS="${FREIGHT_WORKERS:-$((2 * $(nproc) + 1))}"
MODES="${FREIGHT_LOAD_MODES:-prefork single}"
HTTP_PORT="${HTTP_PORT:-8079}"
GEVENT_PORT="${GEVENT_PORT:-$((HTTP_PORT + 3))}"
PROXY_PORT="${FREIGHT_LOAD_PROXY_PORT:-$((HTTP_PORT + 11))}"
PG_PORT="${PG_PORT:-5437}"
DATA="${FREIGHT_LOAD_PG:-$PG_STATE/load-pg15}"
DB="${DB:-freight_load}"
BASE="${DB}_base"
CONF="$STATE_DIR/odoo-load-$(basename "$DATA").conf"
OUT="${FREIGHT_LOAD_OUT:-$STATE_DIR/load-logs}"
mkdir -p "$OUT"
odoo_pid=""
nginx_pid=""

bash "$REPO_DIR/scripts/setup.sh"

# The reverse proxy of the production profile (docker/nginx/odoo.conf, the
# same server block with the upstreams on this machine), in front of both
# servers: the simulated users and wkhtmltopdf (the report's CSS and fonts)
# reach Odoo through it, as in production. It talks HTTP/1.0 to Odoo and
# buffers, so a prefork worker is free as soon as it has answered (a
# keep-alive client, wkhtmltopdf among them, would otherwise hold it for
# ODOO_HTTP_SOCKET_TIMEOUT, 2 s, after each request).
start_proxy() {
    local dir="$OUT/nginx"
    mkdir -p "$dir/tmp"
    chmod 1777 "$dir/tmp"
    {
        echo "daemon off; pid $dir/nginx.pid; error_log $dir/error.log warn;"
        echo "worker_processes 1; events { worker_connections 1024; }"
        echo "http { access_log off; client_body_temp_path $dir/tmp/body;"
        echo "proxy_temp_path $dir/tmp/proxy; fastcgi_temp_path $dir/tmp/fastcgi;"
        echo "uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;"
        sed -e "s|server odoo-web:8069;|server 127.0.0.1:$HTTP_PORT;|" \
            -e "s|server odoo-web:8072;|server 127.0.0.1:$GEVENT_PORT;|" \
            -e "s|listen 80;|listen 127.0.0.1:$PROXY_PORT;|" \
            "$REPO_DIR/docker/nginx/odoo.conf"
        echo "}"
    } >"$dir/nginx.conf"
    /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" >"$dir/stdout.log" 2>&1 &
    nginx_pid=$!
    for _ in $(seq 20); do
        # Any answer (502 while Odoo is down) means nginx listens.
        curl -sS -o /dev/null "http://127.0.0.1:$PROXY_PORT/" 2>/dev/null && return 0
        kill -0 "$nginx_pid" 2>/dev/null || break
        sleep 0.5
    done
    log "nginx did not start: $dir/error.log"
    exit 1
}
stop_odoo() {
    if [ -n "$odoo_pid" ] && kill -0 "$odoo_pid" 2>/dev/null; then
        # The prefork master stops its workers.
        kill -TERM "$odoo_pid"
        wait "$odoo_pid" 2>/dev/null || true
    fi
    odoo_pid=""
}
started_pg=0
if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    started_pg=1
fi
pg_start "$DATA" "$PG_PORT"
cleanup() {
    stop_odoo
    if [ -n "$nginx_pid" ]; then
        kill "$nginx_pid" 2>/dev/null || true
        wait "$nginx_pid" 2>/dev/null || true
    fi
    if [ $started_pg = 1 ]; then
        pg_stop "$DATA"
    fi
}
trap cleanup EXIT
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
sed -i "s|^gevent_port = .*|gevent_port = $GEVENT_PORT|" "$CONF"
export PATH="$VENV/bin:$PATH"

exists=$(db_psql "$DATA" "$PG_PORT" postgres "SELECT 1 FROM pg_database WHERE datname='$BASE'")
if [ "$exists" != 1 ] || [ "${FREIGHT_LOAD_UPGRADE:-1}" != 0 ]; then
    log "base database $BASE (log: $OUT/install.log)"
    ensure_db "$DATA" "$PG_PORT" "$CONF" "$BASE" >"$OUT/install.log" 2>&1
fi
FILESTORE="$STATE_DIR/filestore/filestore"

# fresh_db: a copy of the base database and its filestore, prepared.
fresh_db() {
    as_pg "$PG_BIN/dropdb" -h "$DATA" -p "$PG_PORT" -U postgres --if-exists "$DB"
    as_pg "$PG_BIN/createdb" -h "$DATA" -p "$PG_PORT" -U postgres -O "$DB_USER" \
        -T "$BASE" "$DB"
    rm -rf "${FILESTORE:?}/$DB"
    if [ -d "$FILESTORE/$BASE" ]; then
        cp -a "$FILESTORE/$BASE" "$FILESTORE/$DB"
    fi
    FREIGHT_LOAD_USERS="$USERS" FREIGHT_LOAD_SECONDS="$DURATION" \
        FREIGHT_LOAD_URL="http://127.0.0.1:$PROXY_PORT" FREIGHT_LOAD_PREP="$OUT/prep.json" \
        "$VPY" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$DB" --no-http \
        --log-level=warn <"$REPO_DIR/bench/load_prepare.py"
}

# serve MODE: Odoo on the fresh copy, prefork or one process.
serve() {
    local mode="$1" args=(--max-cron-threads=0)
    if [ "$mode" = prefork ]; then
        # Odoo's defaults for the limits, as make run-prod sets them.
        args+=(--workers="$WORKERS" --limit-memory-soft=2147483648
            --limit-memory-hard=2684354560 --limit-time-cpu=60
            --limit-time-real=120 --limit-request=65536 --db_maxconn=16)
    else
        args+=(--workers=0)
    fi
    "$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" "${args[@]}" \
        >"$OUT/server-$mode.log" 2>&1 &
    odoo_pid=$!
    for _ in $(seq 120); do
        if curl -fsS "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$odoo_pid" 2>/dev/null || { log "Odoo stopped: $OUT/server-$mode.log"; exit 1; }
        sleep 1
    done
    log "Odoo did not answer: $OUT/server-$mode.log"
    exit 1
}

start_proxy
log "nginx on port $PROXY_PORT in front of Odoo (docker/nginx/odoo.conf)"
rc=0
for mode in $MODES; do
    log "$mode: preparing a fresh copy of $BASE"
    fresh_db
    serve "$mode"
    log "$mode: $USERS users for ${DURATION}s (server log: $OUT/server-$mode.log)"
    "$VPY" "$REPO_DIR/bench/load.py" --url "http://127.0.0.1:$PROXY_PORT" --db "$DB" \
        --prep "$OUT/prep.json" --users "$USERS" --seconds "$DURATION" --label "$mode" \
        --pg-port "$PG_PORT" --log "$OUT/server-$mode.log" --log "$DATA/server.log" \
        --json-out "$OUT/$mode.json" $([ "$mode" = single ] && echo --baseline) || rc=1
    stop_odoo
    # The server's own log: no WARNING/ERROR while it served the load, but
    # two lines that come with the PDF on this machine: the stderr of the
    # static wkhtmltopdf with OpenSSL 3, which Odoo logs as a warning with
    # every PDF; and, in prefork, a worker closing wkhtmltopdf's idle
    # keep-alive connection after it fetched the report's CSS and fonts
    # (ODOO_HTTP_SOCKET_TIMEOUT, 2 s; nothing failed, but the worker waited:
    # behind the reverse proxy, which talks HTTP/1.0 to the workers, this
    # does not happen). Counted, not failed. And the "bad query" line Odoo
    # logs for a serialization failure or a lock not available that it then
    # retries (bench/load.py counts the retries; a request that still fails
    # is an error there).
    idle=$(grep -c "werkzeug: .* Request timed out: TimeoutError('timed out')" \
        "$OUT/server-$mode.log" || true)
    log "$mode: $idle idle keep-alive connection(s) closed by a worker (wkhtmltopdf)"
    if grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$OUT/server-$mode.log" |
        grep -v -e 'wkhtmltopdf: QSslSocket: cannot resolve CRYPTO_num_locks' \
            -e "Request timed out: TimeoutError('timed out')" \
            -e 'odoo.sql_db: bad query: .*\(UPDATE\|FOR NO KEY UPDATE NOWAIT\)' |
        head -5 | grep .; then
        log "$mode: the server logged the lines above ($OUT/server-$mode.log)"
        rc=1
    fi
done
if [ -s "$OUT/prefork.json" ] && [ -s "$OUT/single.json" ] && [[ "$MODES" == *prefork*single* ]]; then
    "$VPY" "$REPO_DIR/bench/load.py" --compare "$OUT/prefork.json" "$OUT/single.json"
fi
exit $rc
