"""docker-compose.yml: the official images, the modules as an addons path, and
the production profile's wiring (prefork Odoo, read replica, proxy, volumes)."""

import os
import shlex
import subprocess
from contextlib import closing
from pathlib import Path

import psycopg2
import yaml

ROOT = Path(__file__).resolve().parent.parent
MODULES = (
    "freight_crm",
    "freight_rates",
    "freight_quotation",
    "freight_inquiry",
    "freight_booking",
)


def _compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_official_images_and_named_volumes():
    compose = _compose()
    services = compose["services"]
    assert services["odoo"]["image"] == "odoo:18.0"
    assert services["db"]["image"] == "postgres:16"
    named = set(compose["volumes"])
    assert "freight-db" in named and "freight-filestore" in named
    assert "freight-db:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "freight-filestore:/var/lib/odoo" in services["odoo"]["volumes"]


def test_modules_folder_is_an_addons_path():
    odoo = _compose()["services"]["odoo"]
    mounts = {}
    for volume in odoo["volumes"]:
        source, target = volume.split(":")[:2]
        mounts[target] = source
    addons_args = [a for a in odoo["command"] if a.startswith("--addons-path=")]
    assert len(addons_args) == 1
    addons_path = addons_args[0].split("=", 1)[1].split(",")
    mounted = [(ROOT / mounts[p]).resolve() for p in addons_path if p in mounts]
    assert mounted, "no addons path entry is a mounted folder of this repository"
    for module in MODULES:
        manifests = [folder / module / "__manifest__.py" for folder in mounted]
        assert any(manifest.is_file() for manifest in manifests), module
    init = next(a for a in odoo["command"] if a.startswith("--init="))
    assert set(init.split("=", 1)[1].split(",")) == set(MODULES)


# ---- the production profile ------------------------------------------------
PRODUCTION = {"db-primary", "db-replica", "odoo-init", "odoo-web", "proxy", "backup"}
# Run by hand (docker compose --profile production run --rm backup), not by
# `up proxy`.
ONE_SHOT = {"backup"}


def _options(command):
    """``--name=value`` arguments as a dict (``--flag`` maps to True)."""
    options = {}
    for arg in command:
        name, sep, value = arg.partition("=")
        options[name] = value if sep else True
    return options


def _commands(script):
    """The shell commands of a script, comments dropped, continuation lines
    joined, each split into its words."""
    text = "\n".join(
        line for line in script.splitlines() if not line.lstrip().startswith("#")
    )
    return [shlex.split(line) for line in text.replace("\\\n", " ").splitlines()]


def _mounts(service):
    return {v.split(":")[1]: v.split(":")[0] for v in service.get("volumes", [])}


def test_production_profile_leaves_the_default_services_alone():
    services = _compose()["services"]
    assert {n for n, s in services.items() if "profiles" in s} == PRODUCTION
    for name in PRODUCTION:
        assert services[name]["profiles"] == ["production"], name
    assert {n for n, s in services.items() if "profiles" not in s} == {"db", "odoo"}
    # The proxy depends, through the chain, on every production service:
    # `docker compose --profile production up proxy` starts them all.
    seen, todo = set(), ["proxy"]
    while todo:
        name = todo.pop()
        seen.add(name)
        todo += [d for d in services[name].get("depends_on", {}) if d not in seen]
    assert seen == PRODUCTION - ONE_SHOT


def test_production_odoo_options_are_odoo_options():
    """Every option of odoo-web is one Odoo 18 parses (not a typo that the
    server would refuse to start with), and the server is the prefork one
    behind a proxy, reading from the replica."""
    from odoo.tools import config

    web = _compose()["services"]["odoo-web"]
    # The addons path is the container's (Odoo checks the folders exist):
    # test_modules_folder_is_an_addons_path covers it.
    command = [a for a in web["command"] if not a.startswith("--addons-path=")]
    assert len(command) == len(web["command"]) - 1
    parsed, rest = config.parser.parse_args(command)
    assert not rest
    assert parsed.workers >= 2
    assert parsed.max_cron_threads >= 1
    assert parsed.gevent_port == 8072 and parsed.http_port == 8069
    assert parsed.proxy_mode is True
    assert parsed.list_db is False
    assert parsed.db_replica_host == "db-replica"
    assert parsed.db_replica_port == 5432
    assert web["environment"]["HOST"] == "db-primary"
    assert parsed.db_name == "freight" and parsed.dbfilter == "^freight$$"
    assert {"8069", "8072"} <= set(web["expose"])
    assert "ports" not in web, "only the proxy is published"


def test_replica_streams_from_the_primary():
    compose = _compose()
    services = compose["services"]
    primary, replica = services["db-primary"], services["db-replica"]
    assert primary["image"] == replica["image"] == services["db"]["image"]
    settings = dict(
        primary["command"][i + 1].split("=", 1)
        for i, arg in enumerate(primary["command"])
        if arg == "-c"
    )
    assert settings["wal_level"] in ("replica", "logical")
    assert int(settings["max_wal_senders"]) > 0
    assert int(settings["max_replication_slots"]) > 0
    # The primary's first start creates the replication role and lets it in.
    init = _mounts(primary)["/docker-entrypoint-initdb.d/10-replication.sh"]
    script = (ROOT / init).read_text(encoding="utf-8")
    assert "WITH REPLICATION LOGIN" in script
    assert "host replication $REPLICATION_USER all scram-sha-256" in script
    # Both sides agree on the user, the password and the host.
    env = replica["environment"]
    assert env["REPLICATION_USER"] == primary["environment"]["REPLICATION_USER"]
    assert env["REPLICATION_PASSWORD"] == primary["environment"]["REPLICATION_PASSWORD"]
    assert env["PRIMARY_HOST"] == "db-primary" and env["PRIMARY_PORT"] == "5432"
    assert replica["depends_on"]["db-primary"]["condition"] == "service_healthy"
    # The replica: a base backup on its first start, then a hot standby.
    mounted = _mounts(replica)
    script_path = next(arg for arg in replica["command"] if arg.endswith(".sh"))
    script = (ROOT / mounted[script_path]).read_text(encoding="utf-8")
    assert 'if [ ! -s "$PGDATA/PG_VERSION" ]' in script
    commands = _commands(script)
    (basebackup,) = [c for c in commands if c and c[0] == "pg_basebackup"]
    for flag, value in (
        ("-h", "$PRIMARY_HOST"),
        ("-U", "$REPLICATION_USER"),
        ("-D", "$PGDATA"),
        ("-X", "stream"),
    ):
        assert basebackup[basebackup.index(flag) + 1] == value, flag
    assert "-R" in basebackup  # standby.signal and primary_conninfo
    assert commands[-1][:4] == ["exec", "postgres", "-c", "hot_standby=on"]
    assert replica["user"] == "postgres"
    # Each cluster its own volume; the replica's is never the primary's.
    assert mounted["/var/lib/postgresql/data"] == "freight-replica"
    assert _mounts(primary)["/var/lib/postgresql/data"] == "freight-primary"
    assert {"freight-primary", "freight-replica"} <= set(compose["volumes"])


def test_odoo_containers_share_one_filestore():
    compose = _compose()
    services = compose["services"]
    stores = {_mounts(services[n])["/var/lib/odoo"] for n in ("odoo-init", "odoo-web")}
    assert stores == {"freight-prod-filestore"}
    assert "freight-prod-filestore" in compose["volumes"]
    for name in ("odoo-init", "odoo-web"):
        assert _mounts(services[name])["/mnt/extra-addons"] == "./"
    addons = _options(services["odoo"]["command"])["--addons-path"]
    assert _options(services["odoo-web"]["command"])["--addons-path"] == addons
    assert f"--addons-path={addons}" in (ROOT / "docker/odoo-init.sh").read_text(
        encoding="utf-8"
    )
    init = services["odoo-init"]
    assert init["restart"] == "no"
    assert (
        services["odoo-web"]["depends_on"]["odoo-init"]["condition"]
        == "service_completed_successfully"
    )
    script = (ROOT / "docker/odoo-init.sh").read_text(encoding="utf-8")
    assert init["command"] == ["bash", "/mnt/extra-addons/docker/odoo-init.sh"]
    for module in MODULES:
        assert module in script


def _nginx_blocks(text):
    """{'upstream odoo': [...directives], 'location /websocket': [...]}."""
    blocks, stack = {}, []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.endswith("{"):
            stack.append(line[:-1].strip())
            blocks[stack[-1]] = []
        elif line == "}":
            stack.pop()
        elif line and stack:
            blocks[stack[-1]].append(line.rstrip(";"))
    return blocks


def test_proxy_routes_websocket_to_the_gevent_port():
    services = _compose()["services"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert proxy["ports"] == ["80:80"]
    conf = _mounts(proxy)["/etc/nginx/conf.d/default.conf"]
    blocks = _nginx_blocks((ROOT / conf).read_text(encoding="utf-8"))
    upstreams = {
        name.split()[1]: directives[0].split()[1]
        for name, directives in blocks.items()
        if name.startswith("upstream ")
    }
    web = _options(services["odoo-web"]["command"])
    routes = {
        "location /websocket": f"odoo-web:{web['--gevent-port']}",
        "location /": f"odoo-web:{web['--http-port']}",
    }
    for location, target in routes.items():
        directives = blocks[location]
        passes = [d.split()[1] for d in directives if d.startswith("proxy_pass ")]
        assert len(passes) == 1, location
        assert upstreams[passes[0].removeprefix("http://")] == target, location
        # What --proxy-mode reads (werkzeug's ProxyFix: for, proto, host).
        for header in ("X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"):
            assert any(
                d.startswith(f"proxy_set_header {header} ") for d in directives
            ), (location, header)
    websocket = blocks["location /websocket"]
    assert "proxy_http_version 1.1" in websocket
    assert "proxy_set_header Upgrade $http_upgrade" in websocket
    assert "proxy_set_header Connection $connection_upgrade" in websocket


def test_backup_dumps_the_primary_and_the_filestore():
    """The backup service reaches the primary as Odoo does, with the
    server's own pg_dump, and reads the filestore odoo-web writes."""
    compose = _compose()
    services = compose["services"]
    backup, primary = services["backup"], services["db-primary"]
    assert backup["image"] == primary["image"]  # pg_dump of the server's version
    env = backup["environment"]
    assert env["PGHOST"] == services["odoo-web"]["environment"]["HOST"]
    assert env["PGPORT"] == "5432"
    assert env["PGUSER"] == primary["environment"]["POSTGRES_USER"]
    assert env["PGPASSWORD"] == primary["environment"]["POSTGRES_PASSWORD"]
    assert env["FREIGHT_DB"] == _options(services["odoo-web"]["command"])["--database"]
    mounts = _mounts(backup)
    assert mounts["/var/lib/odoo"] == _mounts(services["odoo-web"])["/var/lib/odoo"]
    assert "freight-prod-filestore:/var/lib/odoo:ro" in backup["volumes"]
    assert mounts["/backups"] == "./backups"
    assert backup["restart"] == "no"
    assert "depends_on" not in backup
    (script_path,) = [arg for arg in backup["command"] if arg.endswith(".sh")]
    assert mounts[script_path] == "./docker/backup.sh"


def test_backup_script_dumps_and_restores(tmp_path):
    """docker/backup.sh run for real on the test database and a filestore:
    a dump pg_restore restores into a new database, the filestore archive,
    and only the newest FREIGHT_BACKUP_KEEP of each kept."""
    from odoo.tools import config

    dbname = config["db_name"]
    filestore = tmp_path / "filestore"
    (filestore / dbname / "ab").mkdir(parents=True)
    (filestore / dbname / "ab" / "abcdef").write_bytes(b"%PDF-1.4 quotation")
    out = tmp_path / "backups"
    out.mkdir()
    for old in ("20200101-000000", "20200102-000000"):
        (out / f"{dbname}-{old}.dump").write_bytes(b"old")
        (out / f"{dbname}-{old}-filestore.tgz").write_bytes(b"old")
    env = {
        "PATH": os.environ["PATH"],
        "PGHOST": config["db_host"] or "localhost",
        "PGPORT": str(config["db_port"] or 5432),
        "PGUSER": config["db_user"],
        "PGPASSWORD": config["db_password"] or "",
        "FREIGHT_DB": dbname,
        "FREIGHT_FILESTORE": str(filestore),
        "FREIGHT_BACKUPS": str(out),
        "FREIGHT_BACKUP_KEEP": "2",
    }
    subprocess.run(["bash", str(ROOT / "docker" / "backup.sh")], env=env, check=True)
    dumps = sorted(out.glob(f"{dbname}-*.dump"))
    archives = sorted(out.glob(f"{dbname}-*-filestore.tgz"))
    # The newest two of each: the older backup's second one and today's.
    assert dumps[0].name == f"{dbname}-20200102-000000.dump"
    assert archives[0].name == f"{dbname}-20200102-000000-filestore.tgz"
    assert len(dumps) == len(archives) == 2
    assert not list(out.glob("*.part"))
    listing = subprocess.run(
        ["tar", "-tzf", str(archives[-1])], capture_output=True, text=True, check=True
    ).stdout.split()
    assert f"{dbname}/ab/abcdef" in listing
    # The README's restore: an empty database as Odoo makes one, the
    # extensions of Odoo's unaccent search (unaccent made IMMUTABLE, a mark
    # pg_dump does not keep), then pg_restore; as a superuser, as in the
    # docker image, whose odoo role is one (here the harness's postgres).
    restored = f"{dbname}_restore_check"

    def connect(database, user=env["PGUSER"], password=env["PGPASSWORD"]):
        return closing(
            psycopg2.connect(
                dbname=database,
                host=env["PGHOST"],
                port=env["PGPORT"],
                user=user,
                password=password,
            )
        )

    with connect("postgres") as conn:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(f'DROP DATABASE IF EXISTS "{restored}"')
            cr.execute(
                f"CREATE DATABASE \"{restored}\" ENCODING 'UTF8' "
                "LC_COLLATE 'C' TEMPLATE template0"
            )
        try:
            with connect(restored, user="postgres", password="") as su:
                su.autocommit = True
                with su.cursor() as cr:
                    cr.execute(
                        "CREATE EXTENSION IF NOT EXISTS pg_trgm;"
                        " CREATE EXTENSION IF NOT EXISTS unaccent;"
                        " ALTER FUNCTION unaccent(text) IMMUTABLE"
                    )
            subprocess.run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--exit-on-error",
                    "--dbname",
                    restored,
                    str(dumps[-1]),
                ],
                # As the superuser, as in the image (its odoo role is one).
                env=env | {"PGUSER": "postgres", "PGPASSWORD": ""},
                check=True,
            )
            with (
                connect(restored, user="postgres", password="") as copy,
                copy.cursor() as cr,
            ):
                cr.execute(
                    "SELECT count(*) FROM ir_module_module"
                    " WHERE name = 'freight_crm' AND state = 'installed'"
                )
                assert cr.fetchone()[0] == 1
        finally:
            with conn.cursor() as cr:
                cr.execute(f'DROP DATABASE IF EXISTS "{restored}"')
