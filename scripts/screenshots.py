"""Screenshots of the Freight app as users see it, desktop and phone.

    screenshots.py URL OUTDIR

Logs in as the demo users of `make run`, opens the pages below in Debian's
headless Chromium at 1280x800 and 390x844, and writes PNG files to OUTDIR.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROWS = ".o_data_row, .o_kanban_record"
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
# (file name, login, path after /odoo/, what must be on screen)
PAGES = [
    ("menu", "lan.sales", "action-freight_crm.freight_port_action", ".o_main_navbar"),
    ("ports", "lan.sales", "action-freight_crm.freight_port_action", ROWS),
    (
        "carriers",
        "lan.sales",
        "action-freight_crm.res_partner_action_carrier",
        ROWS,
    ),
    (
        "charges",
        "chau.pricing",
        "action-freight_crm.freight_charge_type_action",
        ROWS,
    ),
    (
        "containers",
        "chau.pricing",
        "action-freight_crm.freight_container_type_action",
        ROWS,
    ),
    ("roles", "admin", "action-freight_crm.freight_group_action", ROWS),
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def login(page, base, user):
    page.goto(f"{base}/web/login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", user)
    page.click("button[type=submit]")
    page.wait_for_selector(".o_main_navbar, .o_home_menu", timeout=60000)


def main():
    base, outdir = sys.argv[1].rstrip("/"), Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for device, (width, height) in VIEWPORTS.items():
            sessions = {}
            for name, user, path, ready in PAGES:
                if name == "menu" and device == "phone":
                    continue  # the phone shows sections in its burger menu
                if user not in sessions:
                    context = browser.new_context(
                        viewport={"width": width, "height": height},
                        device_scale_factor=1,
                        is_mobile=device == "phone",
                        has_touch=device == "phone",
                    )
                    page = context.new_page()
                    login(page, base, user)
                    sessions[user] = page
                page = sessions[user]
                page.goto(f"{base}/odoo/{path}")
                page.wait_for_selector(ready, timeout=60000)
                if name == "menu":
                    page.click(
                        "[data-menu-xmlid='freight_crm.freight_master_data_menu']"
                    )
                    page.wait_for_selector(".o-dropdown--menu", timeout=60000)
                page.wait_for_timeout(800)
                page.screenshot(path=str(outdir / f"{name}-{device}.png"))
        browser.close()


if __name__ == "__main__":
    main()
