"""Screenshots of the Freight app as users see it, desktop and phone.

    screenshots.py URL OUTDIR [DATABASE]

Logs in as the demo users of `make run`, opens the pages below in Debian's
headless Chromium at 1280x800 and 390x844, and writes PNG files to OUTDIR.
"""

import base64
import os
import sys
import xmlrpc.client
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright
from screenshots_journey import Journey

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
    (
        "customer",
        "lan.sales",
        "action-freight_crm.res_partner_action_customer/{partner_go_minh_phat_demo}",
        ".o_form_view .o_field_widget[name=freight_stage]",
    ),
    (
        "log-visit",
        "lan.sales",
        "action-freight_crm.res_partner_action_customer/{partner_go_minh_phat_demo}",
        ".modal .o_form_view",
    ),
    (
        "calendar",
        "lan.sales",
        "action-freight_crm.freight_interaction_action_calendar",
        ".o_calendar_renderer",
    ),
    (
        "care-report",
        "hung.manager",
        "action-freight_crm.freight_customer_care_report_action",
        ".o_list_renderer, .o_kanban_renderer",
    ),
    ("rates", "chau.pricing", "action-freight_rates.freight_rate_action", ROWS),
    (
        "rate-form",
        "chau.pricing",
        "action-freight_rates.freight_rate_action/{rate_fcl_cli_lax_one_demo}",
        ".o_form_view .o_field_widget[name=freight_line_ids] .o_data_row",
    ),
    (
        "rate-finder",
        "lan.sales",
        "action-freight_rates.freight_rate_finder_action/{finder}",
        ".o_field_widget[name=result_ids] .o_data_row, "
        ".o_field_widget[name=result_ids] .o_kanban_record",
    ),
    (
        "rate-import-errors",
        "chau.pricing",
        "action-freight_rates.freight_rate_import_action/{import_errors}",
        ".o_field_widget[name=error_ids] .o_data_row, "
        ".o_field_widget[name=error_ids] .o_kanban_record",
    ),
    (
        "quotation",
        "tung.sales",
        "action-freight_quotation.freight_quotation_action/{quotation_phuoclong_rtm_demo}",
        ".o_form_view .o_field_widget[name=line_ids] .o_data_row",
    ),
    (
        "quotation-options",
        "lan.sales",
        "action-freight_quotation.freight_quotation_action/{quotation_mpbd_la_demo}",
        ".o_form_view .o_field_widget[name=option_ids] .o_data_row",
    ),
    (
        "finder-quote",
        "lan.sales",
        "action-freight_rates.freight_rate_finder_action/{finder_quote}",
        ".o_field_widget[name=result_ids] .o_data_row, "
        ".o_field_widget[name=result_ids] .o_kanban_record",
    ),
    (
        "win-rate",
        "hung.manager",
        "action-freight_quotation.freight_quotation_analysis_action",
        ".o_pivot, .o_graph_renderer",
    ),
    # Pricing's board: the inquiries by state, the clock on each card.
    (
        "inquiry-kanban",
        "chau.pricing",
        "action-freight_inquiry.freight_inquiry_action",
        ".o_kanban_record .fa-clock-o",
    ),
    (
        "inquiry-form",
        "lan.sales",
        "action-freight_inquiry.freight_inquiry_action/{inquiry_chaudoc_abj_demo}",
        ".o_form_view .o_form_sheet .o_field_widget[name=partner_id]",
    ),
    # Booking requests: the form as its salesperson sees it once accepted (the
    # job number), operations' board by state and their departures by ETD.
    (
        "booking-form",
        "lan.sales",
        "action-freight_booking.freight_booking_request_action/{booking_accepted}",
        ".o_form_view .o_form_sheet .o_field_widget[name=partner_id]",
    ),
    (
        "booking-kanban",
        "bao.ops",
        "action-freight_booking.freight_booking_request_action",
        ".o_kanban_group .o_kanban_record footer",
    ),
    (
        "booking-calendar",
        "bao.ops",
        "action-freight_booking.freight_booking_request_action_calendar",
        ".o_calendar_renderer",
    ),
    (
        "booking-overview",
        "admin",
        "action-freight_booking.freight_operation_department_action_overview",
        ".o_kanban_record .btn-primary",
    ),
    # The customer's view: the portal page its e-mail links to, with the token.
    ("quotation-portal", None, "{quotation_portal_url}", ".o_portal_wrap, main"),
]
# Demo records the pages above open, by XML id.
RECORDS = {
    "freight_crm": ["partner_go_minh_phat_demo"],
    "freight_rates": ["rate_fcl_cli_lax_one_demo"],
    "freight_quotation": ["quotation_phuoclong_rtm_demo", "quotation_mpbd_la_demo"],
    "freight_inquiry": ["inquiry_chaudoc_abj_demo"],
}
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


def rpc(base, login):
    """execute_kw as LOGIN (demo users' password is their login)."""
    common = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/common")
    dbname = sys.argv[3] if len(sys.argv) > 3 else "freight"
    password = "admin" if login == "admin" else login
    uid = common.authenticate(dbname, login, password, {})
    models = xmlrpc.client.ServerProxy(f"{base}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        # As the demo users work: in Vietnamese (messages made on the server).
        kwargs.setdefault("context", {"lang": "vi_VN"})
        return models.execute_kw(dbname, uid, password, model, method, args, kwargs)

    return call


def record_ids(base):
    """XML id -> database id of RECORDS, and the records the pages show that
    are made for them: a rate search, a rate sheet with mistakes."""
    admin = rpc(base, "admin")
    ids = {}
    for module, names in RECORDS.items():
        rows = admin(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "in", names)],
            fields=["name", "res_id"],
        )
        ids.update({row["name"]: row["res_id"] for row in rows})
    sales = rpc(base, "lan.sales")
    port = {
        code: sales(
            "freight.port", "search", [("code", "=", code), ("kind", "=", "seaport")]
        )[0]
        for code in ("VNCLI", "USLAX")
    }
    container = sales("freight.container.type", "search", [("code", "=", "40HC")])
    ids["finder"] = sales(
        "freight.rate.finder",
        "create",
        {
            "origin_id": port["VNCLI"],
            "destination_id": port["USLAX"],
            "container_type_id": container[0],
            "container_qty": 2,
        },
    )
    sales("freight.rate.finder", "action_find", [ids["finder"]])
    ids["import_errors"] = import_with_errors(rpc(base, "chau.pricing"))
    ids.update(quotation_ids(base, port, container, ids))
    ids.update(booking_ids(base))
    return ids


def booking_ids(base):
    """An accepted booking request of the salesperson's (sea FCL first: it
    shows the containers), as the demo made it."""
    sales = rpc(base, "lan.sales")
    accepted = sales(
        "freight.booking.request",
        "search_read",
        [("state", "=", "accepted"), ("customer_user_id.login", "=", "lan.sales")],
        fields=["mode"],
        order="id",
    )
    accepted.sort(key=lambda row: row["mode"] != "sea_fcl")
    return {"booking_accepted": accepted[0]["id"] if accepted else 0}


def quotation_ids(base, port, container, ids):
    """A finder with two rates ticked to quote, and the portal link of the
    demo quotation with three options."""
    sales = rpc(base, "lan.sales")
    customer = sales(
        "res.partner", "search", [("name", "ilike", "Gỗ Minh Phát")], limit=1
    )
    finder = sales(
        "freight.rate.finder",
        "create",
        {
            "origin_id": port["VNCLI"],
            "destination_id": port["USLAX"],
            "container_type_id": container[0],
            "container_qty": 2,
            "partner_id": customer[0] if customer else False,
        },
    )
    sales("freight.rate.finder", "action_find", [finder])
    results = sales(
        "freight.rate.finder.result", "search", [("finder_id", "=", finder)]
    )
    for result in results[:2]:
        sales("freight.rate.finder.result", "action_toggle_quote", [result])
    (row,) = sales(
        "freight.quotation",
        "read",
        [ids["quotation_mpbd_la_demo"]],
        ["access_url", "access_token"],
    )
    url = f"{row['access_url']}?access_token={row['access_token']}"
    return {"finder_quote": finder, "quotation_portal_url": url}


def bad_rate_sheet():
    """Next month's rate sheet of a shipping line, with the usual mistakes."""
    start = (date.today().replace(day=1) + timedelta(days=32)).replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    a, b = start.strftime("%d/%m/%Y"), end.strftime("%d/%m/%Y")
    rows = [
        "Mode,Carrier,Origin,Destination,Currency,Valid From,Valid To,"
        "Transit Days,20GP,40GP,40HC,BAF,LSS",
        f"FCL,EGLV,VNHPH,USLGB,USD,{a},{b},26,2150,2980,3050,350,60",
        f"FCL,EGLV,VNHPH,USOAK,USD,{a},{b},28,2250,3080,3150,350,60",
        f"FCL,EGLV,VNHPX,USSEA,USD,{a},{b},24,2300,3100,3200,350,60",
        f"FCL,EGLV,VNCLI,CAVAN,USD,{a},31/02/2026,22,2100,2900,2950,350,60",
        f"FCL,EGLV,VNCLI,USNYC,USD,{a},{b},35,3100,-150,4200,350,60",
        f"FCL,EGLV,VNCLI,USSAV,USD,{b},{a},33,2900,3800,3900,350,60",
        f"FCL,Evergreen Lines Ltd,VNCLI,USHOU,USD,{a},{b},36,3000,3900,4000,350,60",
        f"FCL,EGLV,VNHPH,USLGB,USD,{a},{b},26,2100,2950,3000,340,60",
        f"FCL,EGLV,VNCLI,USLAX,USD,{a},{b},23,2050,abc,2900,340,60",
    ]
    return "\n".join(rows) + "\n"


def import_with_errors(pricing):
    """A rate sheet with the usual mistakes, imported as pricing would."""
    sheet = bad_rate_sheet().encode()
    wizard = pricing(
        "freight.rate.import",
        "create",
        {"file": base64.b64encode(sheet).decode(), "filename": "bang-gia-thang-12.csv"},
    )
    pricing("freight.rate.import", "action_import", [wizard])
    return wizard


def main():
    base, outdir = sys.argv[1].rstrip("/"), Path(sys.argv[2])
    # FREIGHT_SHOTS="quotation,win-rate": only these pages ("journey": the
    # story of scripts/screenshots_journey.py).
    only = {name for name in os.environ.get("FREIGHT_SHOTS", "").split(",") if name}
    ids = record_ids(base)
    outdir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        if not only or "journey" in only:
            # First: the care report and win rate below then show it too.
            journey = Journey(browser, base, outdir, rpc, login, only, VIEWPORTS)
            journey.play()
            journey.close()
        for device, (width, height) in VIEWPORTS.items():
            sessions = {}
            for name, user, path, ready in PAGES:
                if name == "menu" and device == "phone":
                    continue  # the phone shows sections in its burger menu
                if only and name not in only:
                    continue
                if user is None:  # an anonymous visitor with a link
                    context = browser.new_context(
                        locale="vi-VN",
                        viewport={"width": width, "height": height},
                        device_scale_factor=1,
                        is_mobile=device == "phone",
                        has_touch=device == "phone",
                    )
                    page = context.new_page()
                    page.goto(f"{base}{path.format(**ids)}")
                    page.wait_for_selector(ready, timeout=60000)
                    page.wait_for_timeout(800)
                    page.screenshot(path=str(outdir / f"{name}-{device}.png"))
                    context.close()
                    continue
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
                page.goto(f"{base}/odoo/{path.format(**ids)}")
                if name == "log-visit":
                    # In the header on a desktop, at the top of the sheet on a
                    # phone (where Odoo folds the header under the cog).
                    page.wait_for_selector(".o_form_view .o_form_sheet")
                    page.locator(
                        "button[name=action_log_interaction]:visible"
                    ).first.click()
                if name == "quotation-options":
                    # The options are a tab of their own.
                    page.wait_for_selector(".o_form_view .o_notebook")
                    page.locator(".o_notebook a[name=options]").first.click()
                page.wait_for_selector(ready, timeout=60000)
                if name == "booking-kanban" and device == "phone":
                    # The column operations answer: the requests to accept.
                    page.locator(".o_kanban_group").nth(1).scroll_into_view_if_needed()
                if name == "inquiry-kanban" and device == "phone":
                    # The phone shows one column: the one pricing answers.
                    page.locator(".o_kanban_group").nth(1).scroll_into_view_if_needed()
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
