"""Each Freight module installs alone, with only what it depends on.

Two template databases hold the standard modules the suite builds on (crm;
crm + portal + account); each module is then installed into a fresh copy of
the smaller template that has its dependencies, in a separate Odoo process,
and must log no WARNING or ERROR and leave exactly its dependency closure of
Freight modules installed.
"""

import importlib.util
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import psycopg2
import pytest

import odoo
from odoo.tools import config

ROOT = Path(__file__).resolve().parent.parent
ODOO_BIN = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
BASE_CRM = ("crm", "contacts")
BASE_ACCOUNT = BASE_CRM + ("portal", "account")
# module: (template, freight modules installed with it, standard modules absent)
CASES = {
    "freight_crm": (BASE_CRM, {"freight_crm"}, {"account"}),
    "freight_rates": (BASE_CRM, {"freight_crm", "freight_rates"}, {"account"}),
    "freight_quotation": (
        BASE_ACCOUNT,
        {"freight_crm", "freight_rates", "freight_quotation"},
        set(),
    ),
    "freight_inquiry": (
        BASE_ACCOUNT,
        {"freight_crm", "freight_rates", "freight_quotation", "freight_inquiry"},
        set(),
    ),
    "freight_booking": (
        BASE_ACCOUNT,
        {"freight_crm", "freight_rates", "freight_quotation", "freight_booking"},
        set(),
    ),
}


def _report_module():
    spec = importlib.util.spec_from_file_location(
        "test_report", ROOT / "scripts" / "test_report.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _connect(dbname):
    return psycopg2.connect(
        dbname=dbname,
        host=config["db_host"],
        port=config["db_port"],
        user=config["db_user"],
        password=config["db_password"],
    )


def _admin_sql(query):
    with closing(_connect("postgres")) as conn:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(query)


def _odoo_install(dbname, modules):
    """Install modules in dbname in a new Odoo process; return its log lines."""
    result = subprocess.run(
        [
            sys.executable,
            str(ODOO_BIN),
            "-c",
            config.rcfile,
            "-d",
            dbname,
            f"--db-filter=^{dbname}$",
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--no-http",
            "--log-level=warn",
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    report = _report_module()
    allowlist = report.load_allowlist(ROOT / ".ci" / "log-allowlist.txt")
    logged = [
        m.group(0) for m in map(report.ODOO_LOG_LINE.match, output.splitlines()) if m
    ]
    return report.unexplained(logged, allowlist)


def _installed(dbname):
    with closing(_connect(dbname)) as conn, conn.cursor() as cr:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
        return {name for (name,) in cr.fetchall()}


@pytest.fixture(scope="module")
def templates():
    names = {}
    for base in (BASE_CRM, BASE_ACCOUNT):
        name = f"freight_tmpl_{len(base)}"
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')
        _admin_sql(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        problems = _odoo_install(name, base)
        assert not problems, problems
        names[base] = name
    yield names
    for name in names.values():
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.parametrize("module", list(CASES))
def test_module_installs_alone(templates, module):
    base, freight_expected, absent = CASES[module]
    dbname = f"freight_alone_{module}"
    _admin_sql(f'DROP DATABASE IF EXISTS "{dbname}"')
    _admin_sql(f'CREATE DATABASE "{dbname}" TEMPLATE "{templates[base]}"')
    try:
        problems = _odoo_install(dbname, [module])
        assert not problems, problems
        installed = _installed(dbname)
        assert {m for m in installed if m.startswith("freight_")} == freight_expected
        assert not installed & absent
    finally:
        _admin_sql(f'DROP DATABASE IF EXISTS "{dbname}"')
