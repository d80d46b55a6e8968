#!/usr/bin/env bash
# make shell: an Odoo shell on the "freight" database (make shell < script.py
# runs a script). Starts the run cluster if needed and stops it afterwards.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PG_PORT="${PG_PORT:-5435}"
DB="${DB:-freight}"
DATA="${FREIGHT_RUN_PG:-$PG_STATE/run-pg15}"
CONF="$STATE_DIR/odoo-shell-$(basename "$DATA").conf"

started=0
if ! as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    pg_start "$DATA" "$PG_PORT"
    started=1
fi
trap '[ $started = 1 ] && pg_stop "$DATA"' EXIT
odoo_conf "$CONF" "$DATA" "$PG_PORT" 8079 "$DB"
"$VPY" "$ODOO_SRC/odoo-bin" shell -c "$CONF" -d "$DB" --no-http --log-level=warn "$@"
