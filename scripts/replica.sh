#!/usr/bin/env bash
# A PostgreSQL streaming read replica of a private cluster, as Odoo 18 uses
# one (db_replica_host / db_replica_port: the requests whose route or method
# is read-only, such as @api.readonly methods called through
# /web/dataset/call_kw, run on it). Sourced after common.sh, never run.
#
# replica_create PRIMARY_DATA PRIMARY_PORT REPLICA_DATA REPLICA_PORT
#   (re)makes REPLICA_DATA from the primary with pg_basebackup (-R writes
#   standby.signal and primary_conninfo, -X stream copies the WAL written
#   meanwhile) as the "replicator" role, then starts it as a hot standby on
#   loopback: it accepts read-only connections and follows the primary's WAL.
#   Remade on every call: a base backup of a development database takes
#   seconds, and a stale standby that the primary's WAL no longer reaches
#   cannot drift into use. Every statement it runs is logged
#   (log_statement=all, with the client's application name) to
#   REPLICA_DATA/server.log, so what reached it can be shown.
# replica_stop REPLICA_DATA
# replica_lag PRIMARY_DATA PRIMARY_PORT: the standby's replay lag in bytes.

REPLICATION_USER=replicator

replica_create() {
    local primary="$1" primary_port="$2" data="$3" port="$4"
    replica_stop "$data"
    as_pg rm -rf "$data"
    # The primary: wal_level=replica and max_wal_senders=10 are PostgreSQL's
    # defaults; initdb's pg_hba.conf already lets loopback replicate.
    db_psql "$primary" "$primary_port" postgres \
        "SELECT 1 FROM pg_roles WHERE rolname = '$REPLICATION_USER'" | grep -q 1 ||
        db_psql "$primary" "$primary_port" postgres \
            "CREATE ROLE $REPLICATION_USER WITH REPLICATION LOGIN PASSWORD '$REPLICATION_USER'" >/dev/null
    log "pg_basebackup of the cluster on port $primary_port into $data"
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$primary_port" \
        -U "$REPLICATION_USER" -D "$data" -R -X stream -c fast \
        --no-password >"$data.basebackup.log" 2>&1 ||
        { cat "$data.basebackup.log" >&2; return 1; }
    # The copied server.log is the primary's: the replica starts its own.
    as_pg rm -f "$data/server.log" "$data/postmaster.pid"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -w -t 60 -l "$data/server.log" \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off -c log_statement=all -c log_line_prefix='%m [%p] %a: '" \
        start >/dev/null
    local state
    state=$(as_pg "$PG_BIN/psql" -h "$data" -p "$port" -U postgres -d postgres -qtAc \
        "SELECT pg_is_in_recovery()")
    [ "$state" = t ] || { log "the replica on port $port is not in recovery"; return 1; }
    log "streaming replica on port $port (read-only, hot standby)"
}

replica_stop() {
    local data="$1"
    if [ -s "$data/PG_VERSION" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

replica_lag() {
    db_psql "$1" "$2" postgres \
        "SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), -1)
           FROM pg_stat_replication"
}
