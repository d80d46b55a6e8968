#!/usr/bin/env bash
# make test-core: Odoo's own test suites of the apps we extend (crm by
# default) on a database where the five freight modules are installed.
#  1. a fresh private cluster and database; the five modules installed with
#     their demo data and Vietnamese, no test run;
#  2. Odoo started again on that database with --test-enable and
#     --test-tags /crm and no -i/-u: crm's at_install tests run as crm
#     loads (odoo/modules/loading.py runs at_install tests of every module
#     it loads when nothing is being installed or updated), against the
#     schema and data our modules made; its post_install tests then run
#     with the full registry, our overrides included. Odoo serves HTTP
#     meanwhile, so the HttpCase tests (crm's tours, in Chromium) run too:
#     nothing is skipped.
#  3. fail on any failed/errored/skipped test, on no test run, and on any
#     WARNING/ERROR log line not on .ci/log-allowlist-core.txt.
# Ends with one line "N passed, N failed". Stops and removes its cluster.
# FREIGHT_CORE_TAGS: other --test-tags (e.g. /crm:TestCRMLead), FREIGHT_MODULES:
# the modules installed first, FREIGHT_TEST_LOGS: the log folder.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$REPO_DIR/scripts/setup.sh"

[ -x /usr/bin/chromium ] || { log "missing /usr/bin/chromium: crm's tours would be skipped"; exit 1; }
"$VPY" -c "import websocket" || { log "websocket-client missing: crm's tours would be skipped"; exit 1; }

free_port() { "$VPY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT="${TEST_PG_PORT:-$(free_port)}"
HTTP_PORT="${TEST_HTTP_PORT:-$(free_port)}"
DB=freight_core
WORK="$PG_STATE/test-core-$$"
DATA="$WORK/pg"
LOGDIR="${FREIGHT_TEST_LOGS:-$STATE_DIR/test-core-logs}"
mkdir -p "$LOGDIR"
INSTALL_LOG="$LOGDIR/core-install.log"
TEST_LOG="$LOGDIR/core-tests.log"
CONF="$STATE_DIR/odoo-test-core-$$.conf"
TAGS="${FREIGHT_CORE_TAGS:-/crm}"

cleanup() {
    pg_stop "$DATA"
    rm -rf "$WORK" "$CONF"
}
trap cleanup EXIT

start=$SECONDS
pg_start "$DATA" "$PG_PORT"
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
sed -i "s|^data_dir = .*|data_dir = $WORK/filestore|" "$CONF"
export PATH="$VENV/bin:$PATH"

create_db "$DATA" "$PG_PORT" "$DB"
log "1/2 installing $MODULES with demo data (log: $INSTALL_LOG)"
set +e
"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" -i "$MODULES" \
    --load-language=vi_VN --stop-after-init --no-http --log-level=info \
    >"$INSTALL_LOG" 2>&1
install_rc=$?
install_time=$((SECONDS - start))
log "2/2 Odoo's tests $TAGS with $MODULES installed (log: $TEST_LOG)"
if [ "$install_rc" = 0 ]; then
    "$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" \
        --test-enable --test-tags "$TAGS" \
        --stop-after-init --log-level=info >"$TEST_LOG" 2>&1
    test_rc=$?
else
    echo "not run: the install failed" >"$TEST_LOG"
    test_rc=1
fi
set -e
log "install ${install_time}s, tests $((SECONDS - start - install_time))s"

set +e
"$VPY" "$REPO_DIR/scripts/test_report.py" \
    --install-log "$TEST_LOG" --install-rc "$test_rc" \
    --setup-log "$INSTALL_LOG" --setup-rc "$install_rc" \
    --allowlist "$REPO_DIR/.ci/log-allowlist-core.txt"
exit $?
