"""A shipment's journey, played on the demo database and shot step by step
for the README (imported by screenshots.py; its pages are named journey-*).

Nguyễn Thị Lan (lan.sales) visits Công ty CP Nông sản Ea Xanh, a lead of
hers in Buôn Ma Thuột, and meets its director, Lương Văn Bình: two 20'
containers of green coffee a month from Cát Lái to Hamburg. She opens an
opportunity and asks pricing; Lê Minh Châu (chau.pricing) accepts and the
quotation is prefilled from the finder; Lan cuts the margin under the floor,
Trần Văn Hùng (hung.manager) approves; Bình accepts online on his phone; Lan
requests the booking and Phạm Quốc Bảo (bao.ops, sea operations) accepts it
with its job number; Ea Xanh is a customer. Each step runs as the user who
does it (XML-RPC, the portal's own route for the customer), and is shot on
the device that person uses: field sales on a phone, pricing, operations and
the manager on a desktop.

The journey changes the demo database (the lead becomes a customer), so it
is played once: a second run finds Ea Xanh no longer a lead and skips it
(take the shots again on a fresh database made by `make run`).
"""

import json
import urllib.request
from datetime import date, datetime, timedelta

CUSTOMER = "Công ty CP Nông sản Ea Xanh"
OPPORTUNITY = "Cà phê nhân đi Hamburg"
# A 1x1 PNG, as the portal's signature pad sends it (base64).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
FORM = ".o_form_view .o_form_sheet"


class Journey:
    def __init__(self, browser, base, outdir, rpc, login, only, viewports):
        self.browser, self.base, self.outdir = browser, base, outdir
        self.rpc, self.login, self.only = rpc, login, only
        self.viewports = viewports
        self.sessions = {}

    # -- the browser -------------------------------------------------------
    def page(self, user, device):
        key = (user, device)
        if key not in self.sessions:
            width, height = self.viewports[device]
            context = self.browser.new_context(
                locale="vi-VN",
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=device == "phone",
                has_touch=device == "phone",
            )
            page = context.new_page()
            if user:
                self.login(page, self.base, user)
            self.sessions[key] = page
        return self.sessions[key]

    def shoot(self, name, user, device, path, ready=FORM, before=None, height=None):
        """Open PATH as USER on DEVICE, wait for READY, run BEFORE(page), and
        write journey-NAME-DEVICE.png (its top HEIGHT pixels if given)."""
        page = self.page(user, device)
        page.goto(f"{self.base}/odoo/{path}" if user else f"{self.base}{path}")
        page.wait_for_selector(ready, timeout=60000)
        if before:
            before(page)
        page.wait_for_timeout(800)
        clip = None
        if height:
            clip = {
                "x": 0,
                "y": 0,
                "width": self.viewports[device][0],
                "height": height,
            }
        page.screenshot(
            path=str(self.outdir / f"journey-{name}-{device}.png"), clip=clip
        )
        return page

    def close(self):
        for page in self.sessions.values():
            page.context.close()

    # -- the story ---------------------------------------------------------
    def play(self):
        lan = self.rpc(self.base, "lan.sales")
        chau = self.rpc(self.base, "chau.pricing")
        hung = self.rpc(self.base, "hung.manager")
        bao = self.rpc(self.base, "bao.ops")
        found = lan(
            "res.partner",
            "search_read",
            [("name", "=", CUSTOMER), ("is_company", "=", True)],
            fields=["freight_stage"],
        )
        if not found or found[0]["freight_stage"] != "lead":
            print(f"journey: {CUSTOMER} is no longer a lead: already played, skipped")
            return
        customer = found[0]["id"]
        (contact,) = lan("res.partner", "search", [("parent_id", "=", customer)])
        customer_path = f"action-freight_crm.res_partner_action_customer/{customer}"

        # 1. Lan visits Ea Xanh and logs it on her phone, in the car park.
        def log_visit(page):
            page.locator("button[name=action_log_interaction]:visible").first.click()
            page.wait_for_selector(".modal .o_form_view")
            page.fill(
                ".modal div[name=name] input, .modal div[name=name] textarea",
                "Thăm kho Ea Tu: 2 x 20' cà phê nhân mỗi tháng đi Hamburg từ tháng 1",
            )
            # On a phone, a many2one opens a dialog to pick the record from.
            page.locator(".modal div[name=contact_id] input").click()
            page.locator(
                ".modal:last-child .o_kanban_record, .o-autocomplete--dropdown-item",
                has_text="Lương Văn Bình",
            ).first.click()
            page.wait_for_timeout(800)

        page = self.shoot("visit", "lan.sales", "phone", customer_path, FORM, log_visit)
        page.locator(".modal .modal-footer .btn-primary").first.click()
        page.wait_for_selector(".modal", state="detached", timeout=60000)
        visits = lan("freight.interaction", "search", [("partner_id", "=", customer)])
        print(f"journey: {len(visits)} interactions with {CUSTOMER}")

        # 2. Her opportunity.
        port = {
            code: lan(
                "freight.port",
                "search",
                [("code", "=", code), ("kind", "=", "seaport")],
            )[0]
            for code in ("VNCLI", "DEHAM")
        }
        coffee = lan(
            "freight.classification",
            "search",
            [("kind", "=", "commodity"), ("name", "ilike", "cà phê")],
            limit=1,
        )
        (c20,) = lan("freight.container.type", "search", [("code", "=", "20GP")])
        shipment = date.today() + timedelta(days=14)
        lead = lan(
            "crm.lead",
            "create",
            {
                "name": OPPORTUNITY,
                "type": "opportunity",
                "partner_id": customer,
                "transport_mode": "sea_fcl",
                "freight_direction": "export",
                "origin_port_id": port["VNCLI"],
                "destination_port_id": port["DEHAM"],
                "commodity_id": coffee[0] if coffee else False,
                "expected_shipment_date": shipment.isoformat(),
                "expected_volume": 2,
                "expected_volume_uom": "teu",
                "expected_revenue": 6000,
            },
        )
        self.shoot(
            "opportunity",
            "lan.sales",
            "phone",
            f"action-crm.crm_lead_action_pipeline/{lead}",
        )

        # 3. She asks pricing for a price.
        inquiry = lan(
            "freight.inquiry",
            "create",
            {
                "partner_id": customer,
                "lead_id": lead,
                "mode": "sea_fcl",
                "direction": "export",
                "pol_id": port["VNCLI"],
                "pod_id": port["DEHAM"],
                "commodity": "Cà phê nhân Robusta (bao đay 60 kg)",
                "cargo_ready_date": shipment.isoformat(),
                "container_ids": [[0, 0, {"container_type_id": c20, "quantity": 2}]],
            },
        )
        lan("freight.inquiry", "action_submit", [inquiry])
        inquiry_path = f"action-freight_inquiry.freight_inquiry_action/{inquiry}"
        self.shoot("inquiry", "lan.sales", "phone", inquiry_path)

        # 4. Châu (pricing) takes it at her desk and accepts: the quotation
        # is made from the finder's rates.
        self.shoot("inquiry-pricing", "chau.pricing", "desktop", inquiry_path)
        chau("freight.inquiry", "action_accept", [inquiry])
        (quotation,) = lan(
            "freight.quotation", "search", [("inquiry_id", "=", inquiry)]
        )
        quotation_path = (
            f"action-freight_quotation.freight_quotation_action/{quotation}"
        )
        lines = ".o_form_view .o_field_widget[name=line_ids] .o_data_row"
        self.shoot("quotation", "lan.sales", "desktop", quotation_path, lines)

        # 5. Lan cuts the margin to win the account; under the floor, it
        # waits for Hùng, the sales manager.
        for line in lan(
            "freight.quotation.line",
            "search_read",
            [("quotation_id", "=", quotation), ("buy_price", ">", 0)],
            fields=["buy_price"],
        ):
            lan(
                "freight.quotation.line",
                "write",
                [line["id"]],
                {"sell_price": round(line["buy_price"] * 1.03, 2)},
            )
        lan("freight.quotation", "write", [quotation], {"contact_id": contact})
        lan("freight.quotation", "action_send", [quotation])
        self.shoot("approval", "hung.manager", "desktop", quotation_path, lines)
        hung("freight.quotation", "action_approve", [quotation])

        # 6. Sent by e-mail with its PDF (scripts/quotation_pdfs.py renders it).
        composer = lan("freight.quotation", "action_send", [quotation])
        context = composer["context"] | {"lang": "vi_VN"}
        wizard = lan("mail.compose.message", "create", {}, context=context)
        lan("mail.compose.message", "action_send_mail", [wizard], context=context)

        # 7. Bình accepts on his phone, from the e-mail's link.
        (row,) = lan(
            "freight.quotation",
            "read",
            [quotation],
            ["access_url", "access_token", "option_ids"],
        )
        token = f"?access_token={row['access_token']}"
        portal_url = f"{row['access_url']}{token}"
        self.shoot("portal", None, "phone", portal_url, ".o_portal_wrap, main")
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "name": "Lương Văn Bình",
                "signature": SIGNATURE,
                "option_id": row["option_ids"][0],
            },
        }
        request = urllib.request.Request(
            f"{self.base}{row['access_url']}/accept{token}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request) as answer:
            result = json.load(answer)
        assert "result" in result, result
        self.shoot(
            "portal-accepted",
            None,
            "phone",
            f"{portal_url}&message=accepted",
            ".o_portal_wrap, main",
        )

        # 8. Lan hands the shipment to sea operations, on her phone.
        action = lan("freight.quotation", "action_new_booking_request", [quotation])
        etd = date.today() + timedelta(days=10)
        consignee = lan(
            "res.partner",
            "search",
            [("name", "=", "Hanseatische Kaffee-Import GmbH")],
            limit=1,
        )
        booking = lan(
            "freight.booking.request",
            "create",
            {
                "etd": etd.isoformat(),
                "consignee_id": consignee[0] if consignee else False,
                "gross_weight": 38400.0,
                "packages": 640,
                "instructions": "Bao đay 60 kg, xếp tay; hun trùng trước khi đóng.",
            },
            context=action["context"] | {"lang": "vi_VN"},
        )
        lan("freight.booking.request", "action_request", [booking])
        booking_path = (
            f"action-freight_booking.freight_booking_request_action/{booking}"
        )
        self.shoot("booking", "lan.sales", "phone", booking_path)

        # 9. Bảo (sea operations) ticks his checklist and accepts it.
        (row,) = bao("freight.booking.request", "read", [booking], ["checklist_ids"])
        bao("freight.booking.checklist", "write", row["checklist_ids"], {"done": True})
        bao("freight.booking.request", "action_accept", [booking])
        self.shoot("booking-accepted", "bao.ops", "desktop", booking_path)

        # 10. Ea Xanh is a customer now.
        self.shoot("customer", "lan.sales", "phone", customer_path)

        # 11. Hùng's care report, on the customer.
        def search_customer(page):
            page.fill(".o_searchview_input", "Ea Xanh")
            page.keyboard.press("Enter")
            page.wait_for_timeout(1500)

        self.shoot(
            "care-report",
            "hung.manager",
            "desktop",
            "action-freight_crm.freight_customer_care_report_action",
            ".o_list_renderer .o_data_row",
            search_customer,
            height=230,
        )

        # 12. And the win rate: each salesperson's, Lan's by customer.
        def by_customer(page):
            # The months' columns folded into their total.
            page.locator("thead .o_pivot_header_cell_opened").first.click()
            page.wait_for_timeout(800)
            page.locator(
                "tbody .o_pivot_header_cell_closed", has_text="Nguyễn Thị Lan"
            ).first.click()
            page.locator(
                ".o-dropdown--menu .dropdown-item", has_text="Khách hàng"
            ).first.click()
            page.mouse.move(1200, 780)  # no tooltip
            page.wait_for_timeout(1500)

        self.shoot(
            "win-rate",
            "hung.manager",
            "desktop",
            "action-freight_quotation.freight_quotation_analysis_action",
            ".o_pivot",
            by_customer,
        )
        print(
            f"journey: played at {datetime.now():%H:%M}, quotation {quotation}, "
            f"booking {booking}"
        )
