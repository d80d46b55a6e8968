#!/usr/bin/env bash
# make bench: run every bench/bench_*.py in an Odoo shell on the "freight"
# database (created like `make run` does when missing). Each benchmark prints
# its figures as ratios against a baseline measured in the same run.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_PORT="${PG_PORT:-5435}"
DB="${DB:-freight}"
DATA="${FREIGHT_RUN_PG:-$PG_STATE/run-pg15}"
CONF="$STATE_DIR/odoo-bench-$(basename "$DATA").conf"

bash "$REPO_DIR/scripts/setup.sh"
started=0
if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    pg_start "$DATA" "$PG_PORT"
    started=1
fi
trap '[ $started = 1 ] && pg_stop "$DATA"' EXIT
odoo_conf "$CONF" "$DATA" "$PG_PORT" 8089 "$DB"
ensure_db "$DATA" "$PG_PORT" "$CONF" "$DB"
for bench in "$REPO_DIR"/bench/${FREIGHT_BENCH:-bench_*}.py; do
    log "$(basename "$bench")"
    "$VPY" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$DB" --no-http \
        --log-level=warn <"$bench"
done
