#!/usr/bin/env bash
# make run: set up on first call, then serve the "freight" database with all
# five modules (demo data included) on http://localhost:8069 (admin/admin).
# Later calls reuse what exists and upgrade the modules. Ctrl-C stops Odoo
# and the PostgreSQL cluster this script started.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

HTTP_PORT="${HTTP_PORT:-8069}"
PG_PORT="${PG_PORT:-5435}"
DB="${DB:-freight}"
DATA="${FREIGHT_RUN_PG:-$PG_STATE/run-pg15}"
CONF="$STATE_DIR/odoo-run-$(basename "$DATA").conf"

bash "$REPO_DIR/scripts/setup.sh"
pg_start "$DATA" "$PG_PORT"
trap 'pg_stop "$DATA"; log "stopped PostgreSQL"' EXIT
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
export PATH="$VENV/bin:$PATH"

ensure_db "$DATA" "$PG_PORT" "$CONF" "$DB"
log "serving http://localhost:$HTTP_PORT (admin / admin); Ctrl-C stops"
"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" "$@"
