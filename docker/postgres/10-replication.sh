#!/usr/bin/env bash
# The production profile's primary (docker-compose.yml, db-primary): run by
# the official postgres image's entrypoint once, when it initializes an empty
# data directory (/docker-entrypoint-initdb.d). Creates the role the read
# replica streams the WAL with and lets it connect for replication: the
# image's own pg_hba.conf line `host all all all scram-sha-256` does not
# cover replication connections.
set -euo pipefail
: "${REPLICATION_USER:?}" "${REPLICATION_PASSWORD:?}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v user="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"user" WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication $REPLICATION_USER all scram-sha-256" >>"$PGDATA/pg_hba.conf"
