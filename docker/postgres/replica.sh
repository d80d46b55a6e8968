#!/usr/bin/env bash
# The production profile's read replica (docker-compose.yml, db-replica),
# run as the postgres user of the official postgres image. On its first
# start (an empty volume) it copies the primary with pg_basebackup: -R
# writes standby.signal and primary_conninfo, -X stream brings the WAL
# written meanwhile, -C -S a physical replication slot so the primary keeps
# the WAL the replica has not received yet (bounded by the primary's
# max_slot_wal_keep_size). Then it runs as a hot standby: read-only
# connections, following the primary's WAL (Odoo reaches it through
# db_replica_host / db_replica_port).
set -euo pipefail
: "${PRIMARY_HOST:?}" "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD:?}"
export PGPASSWORD="$REPLICATION_PASSWORD"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h "$PRIMARY_HOST" -p "${PRIMARY_PORT:-5432}" -q; do
        echo "waiting for $PRIMARY_HOST"
        sleep 2
    done
    rm -rf "${PGDATA:?}"/*
    pg_basebackup -h "$PRIMARY_HOST" -p "${PRIMARY_PORT:-5432}" \
        -U "$REPLICATION_USER" -D "$PGDATA" -R -X stream -c fast \
        -C -S "${REPLICATION_SLOT:-freight_replica}" --no-password --progress
    chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c max_connections=200
