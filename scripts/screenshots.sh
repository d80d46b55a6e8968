#!/usr/bin/env bash
# make screenshots: serve the "freight" database (as `make run` makes it) on a
# spare port, take the screenshots of scripts/screenshots.py into
# docs/screenshots/ and the demo quotations' PDF pages into docs/quotation-pdf/,
# then stop what it started.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_PORT="${PG_PORT:-5435}"
DB="${DB:-freight}"
DATA="${FREIGHT_RUN_PG:-$PG_STATE/run-pg15}"
CONF="$STATE_DIR/odoo-screenshots-$(basename "$DATA").conf"
HTTP_PORT=$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

bash "$REPO_DIR/scripts/setup.sh"
started=0
if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    pg_start "$DATA" "$PG_PORT"
    started=1
fi
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
ensure_db "$DATA" "$PG_PORT" "$CONF" "$DB"
"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" --log-level=warn &
odoo_pid=$!
trap 'kill $odoo_pid 2>/dev/null; wait $odoo_pid 2>/dev/null; [ $started = 1 ] && pg_stop "$DATA"' EXIT
for _ in $(seq 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/web/login" && break
    sleep 1
done
"$VPY" "$REPO_DIR/scripts/screenshots.py" "http://127.0.0.1:$HTTP_PORT" \
    "$REPO_DIR/docs/screenshots"
if [ -z "${FREIGHT_SHOTS:-}" ] || [[ ",$FREIGHT_SHOTS," == *",pdf,"* ]]; then
    (cd "$REPO_DIR" && FREIGHT_REPORT_URL="http://127.0.0.1:$HTTP_PORT" \
        "$VPY" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$DB" --no-http \
        --log-level=error <scripts/quotation_pdfs.py)
    log "quotation PDF pages in docs/quotation-pdf/"
fi
log "screenshots in docs/screenshots/"
