#!/usr/bin/env bash
# The production profile's one-shot odoo-init service (docker-compose.yml):
# creates the "freight" database with the five modules and Vietnamese on
# the first start, upgrades the modules on the next ones, then exits; the
# odoo-web service starts after it. An installed module is never given to
# -i again: that would reload its data as new. Runs in the odoo:18.0 image
# (its psql client, its odoo command) with the HOST/USER/PASSWORD variables
# its entrypoint reads.
set -euo pipefail
MODULES=freight_crm,freight_rates,freight_quotation,freight_inquiry,freight_booking
DB="${FREIGHT_DB:-freight}"
db_args=(--db_host="$HOST" --db_port="${PORT:-5432}" --db_user="$USER" --db_password="$PASSWORD")
wait-for-psql.py "${db_args[@]}" --timeout=60
export PGPASSWORD="$PASSWORD"
installed=$(psql -h "$HOST" -p "${PORT:-5432}" -U "$USER" -d "$DB" -qtAc \
    "SELECT name FROM ir_module_module WHERE state = 'installed'" 2>/dev/null || true)
to_install=() to_update=()
for module in ${MODULES//,/ }; do
    if grep -qx "$module" <<<"$installed"; then
        to_update+=("$module")
    else
        to_install+=("$module")
    fi
done
args=(--addons-path=/mnt/extra-addons,/usr/lib/python3/dist-packages/odoo/addons
    --database="$DB" --stop-after-init --no-http "${db_args[@]}")
if [ ${#to_install[@]} -gt 0 ]; then
    # FREIGHT_DEMO=1 installs the demo data too (a trial); production has none.
    demo=(--without-demo=all)
    [ "${FREIGHT_DEMO:-0}" = 1 ] && demo=()
    args+=(--init="$(IFS=,; echo "${to_install[*]}")" --load-language=vi_VN "${demo[@]}")
fi
if [ ${#to_update[@]} -gt 0 ]; then
    args+=(--update="$(IFS=,; echo "${to_update[*]}")")
fi
exec odoo "${args[@]}"
