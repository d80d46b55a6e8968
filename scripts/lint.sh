#!/usr/bin/env bash
# make lint: ruff (check + format check), pylint-odoo with the OCA mandatory
# checks for 18.0, XML well-formedness and .po syntax. Zero findings or fail.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
bash "$REPO_DIR/scripts/setup.sh"
cd "$REPO_DIR"
export PATH="$VENV/bin:$PATH"
status=0
run() { log "$*"; "$@" || status=1; }

run ruff check --no-fix .
run ruff format --check .
mapfile -t addons < <(ls -d freight_*/)
run pylint --rcfile=.pylintrc-mandatory --valid-odoo-versions=18.0 "${addons[@]%/}"
run "$VPY" scripts/check_xml.py
run "$VPY" scripts/gen_readme.py --check
run "$VPY" scripts/check_rst.py freight_*/README.rst
run "$VPY" tools/gen_master_data.py --check
for po in freight_*/i18n/*.po freight_*/i18n/*.pot; do
    [ -f "$po" ] && { msgfmt --check-format -o /dev/null "$po" || status=1; }
done
[ $status = 0 ] && log "lint: no findings" || log "lint: findings above"
exit $status
