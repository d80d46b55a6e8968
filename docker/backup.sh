#!/usr/bin/env bash
# The production profile's backup (docker-compose.yml, backup), run by hand
# or from the host's cron:
#     docker compose --profile production run --rm backup
# Writes into ./backups on the host, named by the time (UTC):
#   freight-<time>.dump            pg_dump of the database from the primary,
#                                  custom format (pg_restore reads it)
#   freight-<time>-filestore.tgz   its filestore (attachments: the PDFs, the
#                                  signed quotations, the documents)
# The dump first: the filestore only grows (a file is never changed, and
# one no longer used is removed later by Odoo's garbage collection), so the
# archive taken after it holds every file the dump refers to. Keeps the last
# FREIGHT_BACKUP_KEEP (14) of each; copy them off the machine. The
# replica is no backup: it replays a mistake at once.
# Runs in the postgres:16 image (the server's pg_dump) with the PG*
# variables libpq reads; FREIGHT_FILESTORE and FREIGHT_BACKUPS name the
# folders (the container's mounts by default).
set -euo pipefail
: "${PGHOST:?}" "${PGUSER:?}"
DB="${FREIGHT_DB:-freight}"
FILESTORE="${FREIGHT_FILESTORE:-/var/lib/odoo/filestore}"
OUT="${FREIGHT_BACKUPS:-/backups}"
KEEP="${FREIGHT_BACKUP_KEEP:-14}"
STAMP=$(date -u +%Y%m%d-%H%M%S)

mkdir -p "$OUT"
pg_dump --format=custom --dbname="$DB" --file="$OUT/$DB-$STAMP.dump.part"
mv "$OUT/$DB-$STAMP.dump.part" "$OUT/$DB-$STAMP.dump"
tar -czf "$OUT/$DB-$STAMP-filestore.tgz.part" -C "$FILESTORE" "$DB"
mv "$OUT/$DB-$STAMP-filestore.tgz.part" "$OUT/$DB-$STAMP-filestore.tgz"
for pattern in "$DB-*.dump" "$DB-*-filestore.tgz"; do
    # Names sort by time: all but the newest KEEP.
    find "$OUT" -maxdepth 1 -name "$pattern" | sort | head -n "-$KEEP" |
        xargs -r rm --
done
ls -l "$OUT/$DB-$STAMP.dump" "$OUT/$DB-$STAMP-filestore.tgz"
