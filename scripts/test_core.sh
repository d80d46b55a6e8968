#!/usr/bin/env bash
# make test-core: Odoo's own test suites of the apps we extend (crm by
# default) on a database where the five freight modules are installed.
#  1. a fresh private cluster and database; the five modules installed with
#     their demo data and Vietnamese, no test run. The database's first
#     language is English, Vietnamese the second (--load-language=en_US,vi_VN;
#     our demo users keep vi_VN): Odoo's tests assume an English database:
#     crm's tours click buttons by their English label ("Schedule an
#     activity", "Add next month"), several tests compare labels and the
#     language new partners get with en_US. On a database made with
#     vi_VN alone (make run's) 10 of them fail on that, not on our code.
#  2. pytest-odoo (--odoo-http: Odoo serves meanwhile) over Odoo's own
#     addons/crm/tests on that database: every test of the suite, its
#     at_install and post_install ones alike and its tours in Chromium, runs
#     with the full registry, our overrides, views and demo data included.
#     (`odoo-bin --test-tags /crm -i <ours>` would run crm's at_install tests
#     as crm installs, before our modules exist.)
#  3. fail on any failed/errored/skipped test, on no test run, and on any
#     WARNING/ERROR log line not on .ci/log-allowlist-core.txt.
# Ends with one line "N passed, N failed". Stops and removes its cluster.
# FREIGHT_CORE_TESTS: other test paths (e.g. "crm/tests/test_crm_lead.py
# sale_crm/tests", under Odoo's addons folder), FREIGHT_MODULES: the modules
# installed first, FREIGHT_TEST_LOGS: the log folder.
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
TESTS="${FREIGHT_CORE_TESTS:-crm/tests}"

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
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
LANGS="${FREIGHT_CORE_LANGS:-en_US,vi_VN}"

create_db "$DATA" "$PG_PORT" "$DB"
log "1/2 installing $MODULES with demo data (log: $INSTALL_LOG)"
set +e
"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" -i "$MODULES" \
    --load-language="$LANGS" --stop-after-init --no-http --log-level=info \
    >"$INSTALL_LOG" 2>&1
install_rc=$?
install_time=$((SECONDS - start))
log "2/2 Odoo's $TESTS with $MODULES installed (log: $TEST_LOG)"
if [ "$install_rc" = 0 ]; then
    paths=()
    for path in $TESTS; do
        paths+=("$ODOO_SRC/odoo/addons/$path")
    done
    # From the repository: its pytest.ini (warning filters) applies. As in
    # make test, test-file puts Odoo in test mode (it logs an ERROR when the
    # test framework is imported outside of it) without running tests itself.
    (cd "$REPO_DIR" && "$VPY" -m pytest "${paths[@]}" -p no:cacheprovider \
        --rootdir="$REPO_DIR" -c "$REPO_DIR/pytest.ini" \
        --odoo-database="$DB" --odoo-config="$CONF" --odoo-http \
        --odoo-extra="test-file=${paths[0]}" \
        --odoo-log-level=warn -s -rfEs) >"$TEST_LOG" 2>&1
    test_rc=$?
else
    echo "not run: the install failed" >"$TEST_LOG"
    test_rc=1
fi
set -e
log "install ${install_time}s, tests $((SECONDS - start - install_time))s"

set +e
"$VPY" "$REPO_DIR/scripts/test_report.py" \
    --pytest-log "$TEST_LOG" --pytest-rc "$test_rc" \
    --setup-log "$INSTALL_LOG" --setup-rc "$install_rc" \
    --allowlist "$REPO_DIR/.ci/log-allowlist-core.txt"
exit $?
