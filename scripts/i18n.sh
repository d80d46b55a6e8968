#!/usr/bin/env bash
# make pot: export every module's i18n/<module>.pot from a scratch database
# and merge it into i18n/vi.po (new terms then need translating).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$REPO_DIR/scripts/setup.sh"

free_port() { "$VPY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PG_PORT=$(free_port)
WORK="$PG_STATE/i18n-$$"
DATA="$WORK/pg"
CONF="$WORK/odoo.conf"
DB=freight_i18n
trap 'pg_stop "$DATA"; rm -rf "$WORK"' EXIT
pg_start "$DATA" "$PG_PORT"
odoo_conf "$CONF" "$DATA" "$PG_PORT" "$(free_port)" "$DB"
sed -i "s|^data_dir = .*|data_dir = $WORK/filestore|" "$CONF"
create_db "$DATA" "$PG_PORT" "$DB"  # with unaccent, as the conf expects

"$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" -i "$MODULES" --without-demo=all \
    --stop-after-init --log-level=warn
for module in ${MODULES//,/ }; do
    pot="$REPO_DIR/$module/i18n/$module.pot"
    mkdir -p "$(dirname "$pot")"
    "$VPY" "$ODOO_SRC/odoo-bin" -c "$CONF" -d "$DB" --modules="$module" \
        --i18n-export="$pot" --log-level=warn
    po="$REPO_DIR/$module/i18n/vi.po"
    if [ -f "$po" ]; then
        msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$pot"
    else
        msginit --no-translator --locale=vi --input="$pot" --output-file="$po"
        sed -i 's/^"Language: vi\\n"/"Language: vi_VN\\n"/' "$po"
    fi
    log "$module: $(msgfmt --statistics -o /dev/null "$po" 2>&1)"
done
