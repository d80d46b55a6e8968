"""scripts/upgrade_snapshot.py, the check `make test` runs around the upgrade:
its comparison sees every kind of change, and its command line fails on one.
(The snapshot itself runs in `make test` step 2, on the test database.)"""

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "upgrade_snapshot.py"

spec = importlib.util.spec_from_file_location("upgrade_snapshot", SCRIPT)
upgrade_snapshot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(upgrade_snapshot)

BEFORE = {
    "xmlids": {
        "freight_crm.ir_cron_birthday_reminder": ["ir.cron", 24, True],
        "freight_crm.port_vnsgn": ["freight.port", 7, True],
    },
    "models": {
        "ir.cron": {
            "count": 30,
            "fields": 3,
            "records": {
                "freight_crm.ir_cron_birthday_reminder": {
                    "id": 24,
                    "interval_number": 2,
                    "active": True,
                }
            },
        },
        "freight.port": {
            "count": 519,
            "fields": 3,
            "records": {
                "freight_crm.port_vnsgn": {
                    "id": 7,
                    "name": {"en_US": "Ho Chi Minh City", "vi_VN": "TP. Hồ Chí Minh"},
                    "country_ids": [241],
                },
                "id=600": {"id": 600, "name": {"en_US": "Mine"}, "country_ids": []},
            },
        },
    },
}


def test_same_snapshot_no_difference():
    assert upgrade_snapshot.differences(BEFORE, copy.deepcopy(BEFORE)) == []


def test_every_kind_of_change_is_listed():
    after = copy.deepcopy(BEFORE)
    cron = after["models"]["ir.cron"]["records"][
        "freight_crm.ir_cron_birthday_reminder"
    ]
    cron["interval_number"] = 1  # an administrator's edit reset
    port = after["models"]["freight.port"]
    port["records"]["freight_crm.port_vnsgn"]["name"]["vi_VN"] = "Sài Gòn"
    port["records"]["freight_crm.port_vnsgn"]["country_ids"] = []
    del port["records"]["id=600"]  # a user's record lost
    port["count"] = 518
    after["xmlids"]["freight_crm.port_vnsgn"][2] = False  # noupdate lost
    del after["xmlids"]["freight_crm.ir_cron_birthday_reminder"]

    found = upgrade_snapshot.differences(BEFORE, after)

    assert sorted((model, key, field) for model, key, field, _old, _new in found) == [
        ("freight.port", "-", "<count>"),
        ("freight.port", "freight_crm.port_vnsgn", "country_ids"),
        ("freight.port", "freight_crm.port_vnsgn", "name"),
        ("freight.port", "id=600", "<record>"),
        ("ir.cron", "freight_crm.ir_cron_birthday_reminder", "interval_number"),
        (
            "ir.model.data",
            "freight_crm.ir_cron_birthday_reminder",
            "model, res_id, noupdate",
        ),
        ("ir.model.data", "freight_crm.port_vnsgn", "model, res_id, noupdate"),
    ]
    assert (
        "ir.cron",
        "freight_crm.ir_cron_birthday_reminder",
        "interval_number",
        2,
        1,
    ) in found


def test_compare_command_fails_and_prints_the_difference(tmp_path):
    after = copy.deepcopy(BEFORE)
    after["models"]["ir.cron"]["records"]["freight_crm.ir_cron_birthday_reminder"][
        "active"
    ] = False
    paths = []
    for name, snap in (("before", BEFORE), ("after", after)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(snap), encoding="utf-8")
        paths.append(str(path))

    same = subprocess.run(
        [sys.executable, SCRIPT, "--compare", paths[0], paths[0]],
        capture_output=True,
        text=True,
        check=False,
    )
    changed = subprocess.run(
        [sys.executable, SCRIPT, "--compare", *paths],
        capture_output=True,
        text=True,
        check=False,
    )

    assert same.returncode == 0, same.stdout + same.stderr
    assert "0 difference(s)" in same.stdout
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert (
        "ir.cron freight_crm.ir_cron_birthday_reminder active: True -> False"
        in changed.stdout
    )
    assert "1 difference(s)" in changed.stdout
