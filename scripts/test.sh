#!/usr/bin/env bash
# make test: the whole suite on a fresh, private PostgreSQL cluster.
#  1. install the five modules with their demo data and Vietnamese, running
#     their own tests (at_install and post_install);
#  2. upgrade the database as a second `make run` does (ensure_db: -u of
#     the five modules), which must log no WARNING/ERROR and change nothing:
#     scripts/upgrade_snapshot.py plays an administrator first (edits the
#     noupdate records, takes sequence numbers, creates a customer, a rate,
#     a quotation), then snapshots the counts of every freight table and the
#     stored values of a sample (xml ids of the modules, first ids, what the
#     administrator touched) before and after, prints every difference
#     (upgrade.log) and undoes its edits;
#  3. pytest with pytest-odoo (and --odoo-http) over the top-level tests/;
#  4. fail on any failed/errored test, on no test run, on any skipped test
#     (browser tests skip silently without Chromium or websocket-client), and
#     on any WARNING/ERROR log line not on .ci/log-allowlist.txt.
# Ends with one line "N passed, N failed". Stops and removes its cluster.
# For a quicker run while developing: FREIGHT_MODULES (modules to install),
# FREIGHT_TEST_TAGS (Odoo --test-tags), FREIGHT_PYTEST_ARGS (pytest paths),
# FREIGHT_TEST_LOGS (log folder). CI sets none of them.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$REPO_DIR/scripts/setup.sh"

for tool in /usr/bin/chromium; do
    [ -x "$tool" ] || { log "missing $tool: browser tests would be skipped"; exit 1; }
done
"$VPY" -c "import websocket" || { log "websocket-client missing: browser tests would be skipped"; exit 1; }

free_port() { "$VPY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT="${TEST_PG_PORT:-$(free_port)}"
HTTP_PORT="${TEST_HTTP_PORT:-$(free_port)}"
DB=freight_test
WORK="$PG_STATE/test-$$"
DATA="$WORK/pg"
LOGDIR="${FREIGHT_TEST_LOGS:-$STATE_DIR/test-logs}"
mkdir -p "$LOGDIR"
INSTALL_LOG="$LOGDIR/install.log"
PYTEST_LOG="$LOGDIR/pytest.log"
CONF="$STATE_DIR/odoo-test-$$.conf"

cleanup() {
    pg_stop "$DATA"
    rm -rf "$WORK" "$CONF"
}
trap cleanup EXIT

pg_start "$DATA" "$PG_PORT"
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$HTTP_PORT" "$DB"
# Each test run gets its own filestore.
sed -i "s|^data_dir = .*|data_dir = $WORK/filestore|" "$CONF"
export PATH="$VENV/bin:$PATH"
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"

create_db "$DATA" "$PG_PORT" "$DB"
tags="${FREIGHT_TEST_TAGS:-$(echo "$MODULES" | sed 's/\([a-z_]*\)/\/\1/g')}"
log "1/3 installing $MODULES with --test-enable (log: $INSTALL_LOG)"
set +e
"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" -i "$MODULES" \
    --load-language=vi_VN --test-enable --test-tags "$tags" \
    --stop-after-init --log-level=info >"$INSTALL_LOG" 2>&1
odoo_rc=$?

# What a second `make run` does on a database the first one made: the very
# same function, on the test database, between two snapshots of the data
# (scripts/upgrade_snapshot.py). Before it, an administrator edits what
# Odoo promises to keep (records loaded with noupdate="1", sequence
# numbers, group members) and creates a customer, a rate and a quotation;
# after it, every count and every sampled value must be as it was, then the
# edits are undone for pytest.
UPGRADE_LOG="$LOGDIR/upgrade.log"
snapshot() { "$VPY" "$REPO_DIR/scripts/upgrade_snapshot.py" -c "$CONF" -d "$DB" "$@"; }
log "2/3 upgrading as a second \`make run\` would (log: $UPGRADE_LOG)"
{
    snapshot before "$LOGDIR/upgrade-before.json" --edits "$LOGDIR/upgrade-edits.json"
    snapshot_rc=$?
    ensure_db "$DATA" "$PG_PORT" "$CONF" "$DB"
    upgrade_rc=$?
    if [ "$snapshot_rc" = 0 ]; then
        snapshot after "$LOGDIR/upgrade-after.json" \
            --before "$LOGDIR/upgrade-before.json" --edits "$LOGDIR/upgrade-edits.json"
        snapshot_rc=$?
    fi
    if [ "$snapshot_rc" != 0 ]; then
        echo "upgrade snapshot exited with $snapshot_rc"
        [ "$upgrade_rc" != 0 ] || upgrade_rc=$snapshot_rc
    fi
} >"$UPGRADE_LOG" 2>&1
log "3/3 pytest over tests/ (log: $PYTEST_LOG)"
# test-file puts Odoo in test mode without running its module tests again
# (test-enable would, as the registry loads).
(cd "$REPO_DIR" && "$VPY" -m pytest ${FREIGHT_PYTEST_ARGS:-tests} -p no:cacheprovider \
    --odoo-database="$DB" --odoo-config="$CONF" --odoo-http \
    --odoo-extra="test-file=$REPO_DIR/tests" \
    --odoo-log-level=warn -s -rfEs) >"$PYTEST_LOG" 2>&1
pytest_rc=$?
set -e

set +e
"$VPY" "$REPO_DIR/scripts/test_report.py" \
    --install-log "$INSTALL_LOG" --install-rc "$odoo_rc" \
    --pytest-log "$PYTEST_LOG" --pytest-rc "$pytest_rc" \
    --upgrade-log "$UPGRADE_LOG" --upgrade-rc "$upgrade_rc" \
    --allowlist "$REPO_DIR/.ci/log-allowlist.txt"
exit $?
