#!/usr/bin/env bash
# Shared settings for the Freight CRM scripts. Sourced, never run.
# Everything heavy lives outside the clone so a second run is fast.
set -euo pipefail

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${FREIGHT_STATE:-$HOME/.cache/freight-crm}"
ODOO_SRC="${ODOO_SRC:-$STATE_DIR/odoo-18.0}"
ODOO_BRANCH=18.0
ODOO_GIT_URL="https://github.com/odoo/odoo.git"
# The interpreter is named: Debian 12's Python 3.11 (python3.11-venv).
PYTHON="${PYTHON:-/usr/bin/python3.11}"
VENV="$STATE_DIR/venv-py3.11"
VPY="$VENV/bin/python"
# PostgreSQL refuses to run as root, and its data dir must be readable by
# the postgres user: as root, keep clusters under /var/lib, not /root.
if [ "$(id -u)" = 0 ]; then
    PG_STATE="${FREIGHT_PG_STATE:-/var/lib/freight-crm}"
    PG_OS_USER=postgres
else
    PG_STATE="${FREIGHT_PG_STATE:-$STATE_DIR/pg}"
    PG_OS_USER="$(id -un)"
fi
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
DB_USER=odoo
DB_PASSWORD=odoo
MODULES="${FREIGHT_MODULES:-freight_crm,freight_rates,freight_quotation,freight_inquiry,freight_booking}"

log() { printf '\033[1m[freight]\033[0m %s\n' "$*" >&2; }

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pg_start DATA_DIR PORT: create (once) and start a private cluster on
# loopback with a role "odoo" that may create databases.
pg_start() {
    local data="$1" port="$2"
    mkdir -p "$(dirname "$data")"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$(dirname "$data")"
    fi
    if [ ! -s "$data/PG_VERSION" ]; then
        log "initdb $data"
        as_pg mkdir -p "$data"
        as_pg chmod 700 "$data"
        as_pg "$PG_BIN/initdb" -D "$data" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8 >"$data.initdb.log" 2>&1
    fi
    if ! as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        as_pg "$PG_BIN/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
            -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null
    fi
    as_pg "$PG_BIN/psql" -h "$data" -p "$port" -U postgres -d postgres -qtAc \
        "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'" | grep -q 1 ||
        as_pg "$PG_BIN/psql" -h "$data" -p "$port" -U postgres -d postgres -qc \
            "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'"
}

pg_stop() {
    local data="$1"
    if [ -s "$data/PG_VERSION" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

# odoo_conf FILE DATA_DIR PORT HTTP_PORT DB: write an Odoo config file.
odoo_conf() {
    local file="$1" data="$2" port="$3" http_port="$4" db="$5"
    cat >"$file" <<CONF
[options]
addons_path = $ODOO_SRC/odoo/addons,$REPO_DIR
data_dir = $STATE_DIR/filestore
db_host = 127.0.0.1
db_port = $port
db_user = $DB_USER
db_password = $DB_PASSWORD
db_name = $db
dbfilter = ^$db\$
http_port = $http_port
http_interface = 127.0.0.1
gevent_port = $((http_port + 3))
admin_passwd = admin
list_db = False
bin_path = $VENV/bin
unaccent = True
CONF
}

# db_psql DATA PORT DB SQL: one query as postgres, unaligned output.
db_psql() {
    as_pg "$PG_BIN/psql" -h "$1" -p "$2" -U postgres -d "$3" -qtAc "$4"
}

# ensure_unaccent DATA PORT DB: the extensions Odoo creates with a new
# database when `unaccent` is on (odoo/service/db.py), created as postgres:
# the odoo role may create the trusted extension but not make its function
# IMMUTABLE, which Odoo needs to index unaccent(...). For a database made
# before unaccent was turned on, too.
ensure_unaccent() {
    db_psql "$1" "$2" "$3" "SET client_min_messages = warning;
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE EXTENSION IF NOT EXISTS unaccent;
        ALTER FUNCTION unaccent(text) IMMUTABLE" >/dev/null
}

# create_db DATA PORT DB: an empty database as Odoo makes one (UTF8, C
# collation, owned by the odoo role) with its extensions; odoo-bin -i then
# initializes it.
create_db() {
    as_pg "$PG_BIN/createdb" -h "$1" -p "$2" -U postgres -O "$DB_USER" \
        -E UTF8 -T template0 --lc-collate=C "$3"
    ensure_unaccent "$1" "$2" "$3"
}

# ensure_db DATA PORT CONF DB: create DB with the modules, their demo data
# and Vietnamese, or bring an existing one up to date: -i only the modules
# not installed yet (a newer checkout added them), -u the installed ones.
# Never -i an installed module: that reloads its demo data as new.
ensure_db() {
    local data="$1" port="$2" conf="$3" db="$4" exists installed module
    local to_install=() to_update=()
    exists=$(db_psql "$data" "$port" postgres \
        "SELECT 1 FROM pg_database WHERE datname='$db'")
    if [ "$exists" != 1 ]; then
        log "creating database $db with $MODULES and demo data"
        create_db "$data" "$port" "$db"
        "$VPY" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$db" -i "$MODULES" \
            --load-language=vi_VN --stop-after-init --no-http
        return
    fi
    ensure_unaccent "$data" "$port" "$db"
    # Empty when a first run stopped before Odoo made its tables.
    installed=$(db_psql "$data" "$port" "$db" \
        "SELECT name FROM ir_module_module WHERE state = 'installed'" 2>/dev/null) ||
        installed=""
    IFS=, read -ra wanted <<<"$MODULES"
    for module in "${wanted[@]}"; do
        if grep -qx "$module" <<<"$installed"; then
            to_update+=("$module")
        else
            to_install+=("$module")
        fi
    done
    local args=()
    if [ ${#to_install[@]} -gt 0 ]; then
        args+=(-i "$(IFS=,; echo "${to_install[*]}")")
    fi
    if [ ${#to_update[@]} -gt 0 ]; then
        args+=(-u "$(IFS=,; echo "${to_update[*]}")")
    fi
    log "upgrading $db: ${args[*]}"
    "$VPY" "$ODOO_SRC/odoo-bin" -c "$conf" -d "$db" "${args[@]}" \
        --stop-after-init --no-http
}
