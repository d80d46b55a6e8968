"""Page images of the demo quotations' PDF, for the README.

    make screenshots (FREIGHT_SHOTS=pdf for these only)

The server `make screenshots` starts serves the report's styles
(FREIGHT_REPORT_URL); run from the repository's root.

Renders (wkhtmltopdf, as the salesperson would print them) a sea FCL, an air,
an LCL, a three-option and a rate-offer demo quotation, and the story's
quotation once `make screenshots` played it (journey), into
docs/quotation-pdf/<name>-<page>.png with pdftoppm (70 dpi).
"""

import os
import subprocess
import tempfile
from pathlib import Path

QUOTATIONS = {
    "fcl": "freight_quotation.quotation_phuoclong_rtm_demo",
    "air": "freight_quotation.quotation_hbx_air_fra_demo",
    "lcl": "freight_quotation.quotation_choxanh_lcl_demo",
    "multi": "freight_quotation.quotation_mpbd_la_demo",
    "offer": "freight_quotation.quotation_tanphu_offer_demo",
}


def render(env, outdir):
    outdir.mkdir(parents=True, exist_ok=True)
    # wkhtmltopdf loads the report's styles from a running server.
    url = os.environ.get("FREIGHT_REPORT_URL")
    if url:
        env["ir.config_parameter"].sudo().set_param("report.url", url)
    report = env.ref("freight_quotation.action_report_freight_quotation")
    quotations = {name: env.ref(xmlid) for name, xmlid in QUOTATIONS.items()}
    # The quotation of the README's story (scripts/screenshots_journey.py).
    journey = env["freight.quotation"].search(
        [("lead_id.name", "=", "Cà phê nhân đi Hamburg")], limit=1
    )
    if journey:
        quotations["journey"] = journey
    for name, quotation in quotations.items():
        user = quotation.user_id or env.user
        pdf, _ = (
            env["ir.actions.report"]
            .with_user(user)
            .with_context(force_report_rendering=True, lang="vi_VN")
            ._render_qweb_pdf(report, quotation.ids)
        )
        for old in outdir.glob(f"{name}-*.png"):
            old.unlink()
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(pdf)
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", str(path), str(outdir / name)],
                check=True,
            )
        for page in sorted(outdir.glob(f"{name}-*.png")):
            # pdftoppm numbers pages 1, 01 or 001 by the page count.
            number = int(page.stem.rsplit("-", 1)[1])
            page.rename(outdir / f"{name}-{number}.png")
        print(
            name, quotation.name, sorted(p.name for p in outdir.glob(f"{name}-*.png"))
        )


render(env, Path("docs") / "quotation-pdf")  # noqa: F821 (the shell's env)
env.cr.rollback()  # noqa: F821
