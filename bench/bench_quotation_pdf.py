"""The quotation PDF: a 3-option, 60-line FCL quotation rendered by Odoo,
against wkhtmltopdf alone on the same HTML.

Run by `make bench` in an Odoo shell (`env` is given). The quotation is made
in the shell's transaction and rolled back at the end. wkhtmltopdf loads the
report's CSS over HTTP, as it does when a user prints: the benchmark serves
it from a thread of its own on a free local port (the report URL points
there for the transaction only), so it runs without `make run`.

Times, in the same run, alternated, after a warm-up:

- the full report, as the salesperson prints it: `_render_qweb_pdf` with
  `force_report_rendering` (QWeb, the bilingual helpers, splitting the HTML
  into header, body and footer, wkhtmltopdf, reading the PDF back), the ORM
  cache emptied before each run;
- the floor: the same wkhtmltopdf binary, with the same arguments, on the
  very HTML, header and footer Odoo produced (one subprocess, nothing else).

Prints the medians and their ratio. Target: the report within 1.3x of
wkhtmltopdf alone.
"""

import os
import socket
import statistics
import subprocess
import tempfile
import time
from contextlib import closing

import odoo
from odoo import Command, fields
from odoo.service import server

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

REPORT = "freight_quotation.action_report_freight_quotation"
RUNS = int(os.environ.get("FREIGHT_BENCH_RUNS", 7))
TARGET_RATIO = 1.3
OPTIONS = [
    ("Đi thẳng / Direct", 22, 2650.0),
    ("Chuyển tải Singapore / Via Singapore", 27, 2420.0),
    ("Tiết kiệm / Economy", 31, 2280.0),
]
LINES_PER_OPTION = 20
# (charge code, container type or None, sell price, currency)
CHARGES = [
    ("OF", "40HC", None, "USD"),
    ("OF", "20GP", 1450.0, "USD"),
    ("BAF", None, 180.0, "USD"),
    ("LSS", None, 45.0, "USD"),
    ("EBS", None, 60.0, "USD"),
    ("CIC", None, 75.0, "USD"),
    ("ISPS", None, 12.0, "USD"),
    ("THCO", None, 4250000.0, "VND"),
    ("BILL", None, 1000000.0, "VND"),
    ("SEAL", None, 250000.0, "VND"),
    ("TLX", None, 1100000.0, "VND"),
    ("VGM", None, 200000.0, "VND"),
    ("AMS", None, 35.0, "USD"),
    ("TRUCK", None, 3800000.0, "VND"),
    ("CUSTOMS", None, 1500000.0, "VND"),
    ("THCD", None, 490.0, "USD"),
    ("DO", None, 75.0, "USD"),
    ("CLEAN", None, 20.0, "USD"),
    ("INFRA", None, 250000.0, "VND"),
    ("INSURANCE", None, 120.0, "USD"),
]
cr = env.cr  # noqa: F821 (given by odoo shell)


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_assets():
    """An HTTP server in a thread, as `odoo-bin` runs one, for wkhtmltopdf
    to load the report's CSS from; returns its URL."""
    port = free_port()
    odoo.tools.config["http_interface"] = "127.0.0.1"
    odoo.tools.config["http_port"] = port
    threaded = server.ThreadedServer(odoo.http.root)
    threaded.http_spawn()
    return threaded, f"http://127.0.0.1:{port}"


def make_quotation():
    ref = env.ref  # noqa: F821
    usd, vnd = ref("base.USD"), ref("base.VND")
    (usd | vnd).write({"active": True})
    Port = env["freight.port"]  # noqa: F821
    customer = env["res.partner"].search(  # noqa: F821
        [
            ("is_company", "=", True),
            ("user_id", "!=", False),
            ("freight_carrier_kind", "=", False),
        ],
        limit=1,
    )
    salesperson = customer.user_id
    carriers = env["res.partner"].search(  # noqa: F821
        [("freight_carrier_kind", "=", "shipping_line")], limit=3
    )
    containers = {
        code: env["freight.container.type"].search([("code", "=", code)], limit=1)  # noqa: F821
        for code in ("20GP", "40HC")
    }
    charges = {
        charge.code: charge
        for charge in env["freight.charge.type"].search([])  # noqa: F821
    }
    quotation = (
        env["freight.quotation"]  # noqa: F821
        .with_user(salesperson)
        .create(
            {
                "partner_id": customer.id,
                "contact_id": customer.child_ids[:1].id,
                "mode": "sea_fcl",
                "direction": "export",
                "incoterm_id": ref("account.incoterm_FOB").id,
                "place_of_receipt": "Tân Uyên, Bình Dương",
                "pol_id": Port.search([("code", "=", "VNCLI")], limit=1).id,
                "pod_id": Port.search([("code", "=", "USLAX")], limit=1).id,
                "place_of_delivery": "Ontario, CA 91761",
                "commodity": "Bàn ghế gỗ / Wooden furniture",
                "packages": 860,
                "package_kind": "cartons",
                "gross_weight": 18450.0,
                "volume": 132.5,
                "free_dem_days": 7,
                "free_det_days": 7,
                "currency_id": usd.id,
                "terms": "<ul><li>Giá chưa gồm VAT / Local charges exclude VAT."
                "</li><li>Phụ phí theo hãng tàu / Surcharges as charged by the "
                "carrier.</li></ul>",
                "note": "<p>Lịch tàu hàng tuần / Weekly sailing.</p>",
                "container_ids": [
                    Command.create(
                        {"quantity": 2, "container_type_id": containers["40HC"].id}
                    ),
                    Command.create(
                        {"quantity": 1, "container_type_id": containers["20GP"].id}
                    ),
                ],
                "option_ids": [
                    Command.create(
                        {
                            "sequence": position,
                            "name": name,
                            "carrier_id": carrier.id,
                            "transit_days": days,
                        }
                    )
                    for position, ((name, days, _price), carrier) in enumerate(
                        zip(OPTIONS, carriers, strict=True)
                    )
                ],
            }
        )
    )
    currencies = {"USD": usd, "VND": vnd}
    values = []
    for option, (_name, _days, freight) in zip(
        quotation.option_ids, OPTIONS, strict=True
    ):
        for code, container, price, currency in CHARGES[:LINES_PER_OPTION]:
            price = price or freight
            values.append(
                {
                    "quotation_id": quotation.id,
                    "option_id": option.id,
                    "charge_type_id": charges[code].id,
                    "container_type_id": containers[container].id
                    if container
                    else False,
                    "sell_price": price,
                    "buy_price": round(price * 0.88, 2),
                    "sell_currency_id": currencies[currency].id,
                    "buy_currency_id": currencies[currency].id,
                }
            )
    env["freight.quotation.line"].with_user(salesperson).create(values)  # noqa: F821
    env.flush_all()  # noqa: F821
    return quotation, salesperson


def wkhtmltopdf_alone(Report, html):
    """The floor: Odoo's own HTML split as Odoo splits it, then only the
    wkhtmltopdf subprocess is timed."""
    report = Report._get_report(REPORT).with_context(debug=False)
    bodies, _ids, header, footer, specific = report._prepare_html(
        html, report_model=report.model
    )
    args = Report._build_wkhtmltopdf_args(
        report.get_paperformat(), False, specific_paperformat_args=specific
    )
    # Files named and placed as Odoo places them (wkhtmltopdf runs with
    # --disable-local-file-access).
    paths = []
    for prefix, content in [
        ("report.header.tmp.", header),
        ("report.footer.tmp.", footer),
    ] + [(f"report.body.tmp.{i}.", body) for i, body in enumerate(bodies)]:
        handle, path = tempfile.mkstemp(suffix=".html", prefix=prefix)
        with os.fdopen(handle, "wb") as file:
            file.write(content.encode())
        paths.append(path)
    handle, out = tempfile.mkstemp(suffix=".pdf", prefix="report.tmp.")
    os.close(handle)
    command = (
        [_get_wkhtmltopdf_bin()]
        + args
        + ["--header-html", paths[0], "--footer-html", paths[1]]
        + paths[2:]
        + [out]
    )
    try:
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        elapsed = time.perf_counter() - start
        with open(out, "rb") as file:
            pdf = file.read()
    finally:
        for path in [*paths, out]:
            os.unlink(path)
    return elapsed, pdf


def full_report(Report, quotation):
    env.invalidate_all()  # noqa: F821
    start = time.perf_counter()
    pdf, kind = Report._render_qweb_pdf(REPORT, quotation.ids)
    elapsed = time.perf_counter() - start
    assert kind == "pdf", kind
    return elapsed, pdf


threaded = None
try:
    threaded, url = serve_assets()
    env["ir.config_parameter"].sudo().set_param("report.url", url)  # noqa: F821
    quotation, salesperson = make_quotation()
    Report = (
        env["ir.actions.report"]  # noqa: F821
        .with_user(salesperson)
        .with_context(force_report_rendering=True)
    )
    # The HTML exactly as _render_qweb_pdf makes it for wkhtmltopdf.
    html = Report.with_context(debug=False)._render_qweb_html(
        REPORT, quotation.ids, data={"report_type": "pdf", "debug": False}
    )[0]
    # Warm-up: the CSS bundle built and served once, QWeb compiled.
    full_report(Report, quotation)
    wkhtmltopdf_alone(Report, html)
    full, alone = [], []
    for _run in range(RUNS):
        alone_time, alone_pdf = wkhtmltopdf_alone(Report, html)
        alone.append(alone_time)
        full_time, pdf = full_report(Report, quotation)
        full.append(full_time)
    keep = os.environ.get("FREIGHT_BENCH_KEEP")  # a directory: look at both PDFs
    if keep:
        for name, content in (("report", pdf), ("wkhtmltopdf-alone", alone_pdf)):
            with open(os.path.join(keep, f"quotation-{name}.pdf"), "wb") as file:
                file.write(content)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    lines = len(quotation.line_ids)
    full_median, alone_median = statistics.median(full), statistics.median(alone)
    ratio = full_median / alone_median
    print(
        f"quotation PDF: {len(quotation.option_ids)} options, {lines} charges, "
        f"{pages} pages A4 ({len(pdf) // 1024} KB; wkhtmltopdf alone "
        f"{len(alone_pdf) // 1024} KB), {RUNS} runs each, alternated:"
    )
    print(
        f"  full report (_render_qweb_pdf, salesperson)  median "
        f"{full_median * 1000:.0f} ms  (min {min(full) * 1000:.0f}, max "
        f"{max(full) * 1000:.0f})"
    )
    print(
        f"  wkhtmltopdf alone, same HTML (floor)          median "
        f"{alone_median * 1000:.0f} ms  (min {min(alone) * 1000:.0f}, max "
        f"{max(alone) * 1000:.0f})"
    )
    print(
        f"  ratio {ratio:.2f}x  target < {TARGET_RATIO}x: "
        f"{'OK' if ratio < TARGET_RATIO else 'MISSED'}; Odoo's own share "
        f"{(full_median - alone_median) * 1000:.0f} ms; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; "
        f"{fields.Datetime.now():%Y-%m-%d %H:%M} UTC"
    )
finally:
    cr.rollback()
    if threaded is not None:
        threaded.httpd.shutdown()
        threaded.httpd.server_close()
