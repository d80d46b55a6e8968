"""Screenshots of a quotation as the customer sees it in the portal.

    screenshots_portal.py URL OUTDIR

URL is the quotation's portal link (/my/freight_quotations/<id>?access_token=...)
of a sent quotation with two options or more. Opens it in Debian's headless
Chromium, in Vietnamese, at 1280x800 and 390x844, ticks the first option and
opens the signature dialog, and writes quotation-portal-desktop.png,
quotation-portal-phone.png and quotation-portal-phone-options.png to OUTDIR.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]


def main():
    url, outdir = sys.argv[1], Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for device, (width, height) in VIEWPORTS.items():
            phone = device == "phone"
            context = browser.new_context(
                viewport={"width": width, "height": height},
                device_scale_factor=1,
                is_mobile=phone,
                has_touch=phone,
                locale="vi-VN",
                extra_http_headers={"Accept-Language": "vi-VN,vi;q=0.9"},
            )
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector(".o_freight_quotation_portal .o_portal_chatter")
            page.locator("label[for^=freight_option_]").first.click()
            if phone:
                page.locator(".o_freight_option").first.scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -70)")
                page.wait_for_timeout(500)
                page.screenshot(path=str(outdir / "quotation-portal-phone-options.png"))
            page.locator(".o_freight_accept_btn:visible").first.click()
            page.wait_for_selector("#freight_modal_accept.show canvas")
            page.wait_for_timeout(1200)  # the name is drawn as a signature
            page.screenshot(path=str(outdir / f"quotation-portal-{device}.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
