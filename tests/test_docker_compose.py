"""docker-compose.yml: the official images, the modules as an addons path."""

from pathlib import Path

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
