"""Rate-sheet import: 10,000 rows through the wizard against Odoo's standard import.

Run by `make bench` in an Odoo shell (`env` is given). Builds a 10,000-row
rate sheet (70% FCL with four container columns and five surcharges, 15% air
with six weight breaks and a fuel surcharge, 15% LCL bought from co-loaders),
then times, as a pricing user and in the same transaction:

- the Import Rate Sheet wizard on the .xlsx file (reading, checking every
  cell, writing the rates active);
- Odoo's standard import of the same rates: `freight.rate.load()` with the
  prices as `line_ids/...` sub-rows, as base_import calls it;

and prints both in rows (rates) per second and their ratio (target >= 10x).
When the standard import of the 10,000 rows would take more than ten minutes
(projected from a first 1,000 rows), the figure of those 1,000 rows is used
and the output says so. Everything is rolled back at the end.
"""

import base64
import io
import time
from datetime import timedelta

import xlsxwriter

from odoo import fields

ROWS = 10_000
SHARE = {"sea_fcl": 0.70, "air": 0.15, "sea_lcl": 0.15}
SUBSET = 1_000
STANDARD_LIMIT_S = 600
env = env  # noqa: F821 (given by odoo shell)
cr = env.cr

FCL_CONTAINERS = ["20GP", "40GP", "40HC", "45HC"]
# (header, charge code, container, currency, included)
FCL_CHARGES = [
    ("BAF", "BAF", "", "USD", True),
    ("LSS", "LSS", "", "USD", True),
    ("THCO 20GP", "THCO", "20GP", "USD", True),
    ("DOC (VND)", "DOC", "", "VND", True),
    ("THCD 40HC excl", "THCD", "40HC", "USD", False),
]
AIR_BREAKS = [("MIN", "min"), ("-45", "m45"), ("+45", "p45"), ("+100", "p100")]
AIR_BREAKS += [("+300", "p300"), ("+500", "p500")]
AIR_CHARGES = [("FSC", "FSC", "", "USD", True)]
LCL_CHARGES = [("CFS", "CFS", "", "USD", True)]


def unambiguous_ports():
    """Seaports and airports each named by one code, so that the standard
    import's name_search finds exactly one place for it."""
    ports = env["freight.port"].search([])
    counts = {}
    for port in ports:
        for code in {port.code, port.iata_code} - {False}:
            counts[code] = counts.get(code, 0) + 1
    seaports = [p.code for p in ports if p.kind == "seaport" and counts[p.code] == 1]
    airports = [
        p.iata_code
        for p in ports
        if p.kind == "airport" and p.iata_code and counts[p.iata_code] == 1
    ]
    return seaports, airports


def setup():
    """A pricing user, and carriers and co-loaders of the bench's own."""
    Partner = env["res.partner"]
    pricing = env["res.users"].create(
        {
            "name": "Bench Pricing",
            "login": "bench_rate_import",
            "groups_id": [
                (4, env.ref("base.group_user").id),
                (4, env.ref("freight_crm.group_freight_pricing").id),
            ],
        }
    )
    env.ref("base.VND").active = True

    def partners(prefix, kind, count):
        return Partner.create(
            [
                {
                    "name": f"{prefix} {n:02d}",
                    "is_company": True,
                    "freight_carrier_kind": kind,
                }
                for n in range(1, count + 1)
            ]
        ).mapped("name")

    return pricing, {
        "sea_fcl": partners("Bench Line", "shipping_line", 10),
        "air": partners("Bench Airline", "airline", 5),
        "sea_lcl": partners("Bench Co-loader", "coloader", 5),
    }


def rates(carriers, seaports, airports):
    """The 10,000 rates: distinct (carrier, lane) so that none overlaps."""
    start = fields.Date.context_today(env["freight.rate"]) + timedelta(days=1)
    end = start + timedelta(days=89)
    result = []
    for mode, share in SHARE.items():
        count = int(ROWS * share)
        places = airports if mode == "air" else seaports
        half = len(places) // 2
        lanes = [(o, d) for o in places[:half] for d in places[half:]]
        names = carriers[mode]
        for n in range(count):
            origin, destination = lanes[n // len(names)]
            result.append(
                {
                    "mode": mode,
                    "partner": names[n % len(names)],
                    "origin": origin,
                    "destination": destination,
                    "valid_from": start,
                    "valid_to": end,
                    "transit_days": 2 if mode == "air" else 20 + n % 15,
                    "base": 1000.0 + (n % 97) * 10,
                }
            )
    return result


def prices(rate):
    """[(header, line values)] of one rate: what the sheet and load() write."""
    base = rate["base"]
    mode = rate["mode"]
    out = []
    if mode == "sea_fcl":
        for step, code in enumerate(FCL_CONTAINERS):
            line = ("freight", "OF", code, "", "USD", base + 400 * step, True)
            out.append((code, line))
        charges = FCL_CHARGES
    elif mode == "air":
        for step, (header, weight_break) in enumerate(AIR_BREAKS):
            amount = 85.0 if weight_break == "min" else 6.0 - 0.5 * step
            line = ("freight", "AF", "", weight_break, "USD", amount, True)
            out.append((header, line))
        charges = AIR_CHARGES
    else:
        out.append(("LCL/CBM", ("freight", "OF", "", "", "USD", base / 20, True)))
        charges = LCL_CHARGES
    for header, code, container, currency, included in charges:
        amount = 750000.0 if currency == "VND" else 10.0 + base / 100
        line = ("surcharge", code, container, "", currency, amount, included)
        out.append((header, line))
    return out


def rate_sheet(data):
    headers = ["Mode", "Carrier", "Bought From", "Origin", "Destination"]
    headers += ["Valid From", "Valid To", "Transit Days", *FCL_CONTAINERS]
    headers += [h for h, _w in AIR_BREAKS] + ["LCL/CBM", "LCL MIN"]
    headers += [h for h, *_c in FCL_CHARGES + AIR_CHARGES + LCL_CHARGES]
    column = {header: index for index, header in enumerate(headers)}
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet("Rates")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, headers)
    for row, rate in enumerate(data, 1):
        lcl = rate["mode"] == "sea_lcl"
        sheet.write_row(
            row,
            0,
            [
                {"sea_fcl": "FCL", "air": "AIR", "sea_lcl": "LCL"}[rate["mode"]],
                "" if lcl else rate["partner"],
                rate["partner"] if lcl else "",
                rate["origin"],
                rate["destination"],
            ],
        )
        sheet.write_datetime(row, 5, rate["valid_from"], day)
        sheet.write_datetime(row, 6, rate["valid_to"], day)
        sheet.write_number(row, 7, rate["transit_days"])
        for header, line in prices(rate):
            sheet.write_number(row, column[header], line[5])
        if lcl:
            sheet.write_number(row, column["LCL MIN"], 45.0)
    book.close()
    return output.getvalue()


LOAD_FIELDS = [
    "mode",
    "carrier_id",
    "vendor_id",
    "origin_id",
    "destination_id",
    "valid_from",
    "valid_to",
    "transit_days",
    "state",
    "line_ids/line_type",
    "line_ids/charge_type_id",
    "line_ids/container_type_id",
    "line_ids/weight_break",
    "line_ids/currency_id",
    "line_ids/amount",
    "line_ids/minimum_amount",
    "line_ids/included",
]


def load_rows(data):
    """The same rates as base_import hands them to load(): the rate's fields
    on its first row, one row per price, every cell a string."""
    rows = []
    for rate in data:
        lcl = rate["mode"] == "sea_lcl"
        head = [
            rate["mode"],
            "" if lcl else rate["partner"],
            rate["partner"] if lcl else "",
            rate["origin"],
            rate["destination"],
            rate["valid_from"].isoformat(),
            rate["valid_to"].isoformat(),
            str(rate["transit_days"]),
            "active",
        ]
        for index, (_header, line) in enumerate(prices(rate)):
            line_type, charge, container, weight_break, currency, amount, incl = line
            minimum = "45.0" if lcl and line_type == "freight" else ""
            cells = [line_type, charge, container, weight_break, currency]
            cells += [str(amount), minimum, "1" if incl else "0"]
            rows.append((head if index == 0 else [""] * len(head)) + cells)
    return rows


def time_wizard(user, content):
    Wizard = env["freight.rate.import"].with_user(user)
    wizard = Wizard.create(
        {"file": base64.b64encode(content), "filename": "bench.xlsx"}
    )
    env.flush_all()
    start = time.perf_counter()
    wizard.action_import()
    env.flush_all()
    elapsed = time.perf_counter() - start
    assert wizard.state == "done", wizard.error_ids[:5].mapped("message")
    return elapsed, wizard.created_count


def time_load(user, rows):
    Rate = env["freight.rate"].with_user(user).with_context(import_file=True)
    env.flush_all()
    start = time.perf_counter()
    result = Rate.load(LOAD_FIELDS, rows)
    env.flush_all()
    elapsed = time.perf_counter() - start
    errors = [m for m in result["messages"] if m["type"] == "error"]
    assert result["ids"] and not errors, errors[:3]
    return elapsed, len(result["ids"])


def rollback_to(savepoint):
    savepoint.close(rollback=True)
    env.invalidate_all()
    return cr.savepoint()


try:
    pricing, carriers = setup()
    seaports, airports = unambiguous_ports()
    data = rates(carriers, seaports, airports)
    content = rate_sheet(data)
    savepoint = cr.savepoint()

    wizard_s, created = time_wizard(pricing, content)
    assert created == len(data), created
    savepoint = rollback_to(savepoint)

    rows_by_rate = load_rows(data)
    subset = load_rows(data[:SUBSET])
    subset_s, subset_count = time_load(pricing, subset)
    savepoint = rollback_to(savepoint)
    projected = subset_s * len(data) / subset_count
    if projected <= STANDARD_LIMIT_S:
        standard_s, standard_count = time_load(pricing, rows_by_rate)
        note = ""
    else:
        standard_s, standard_count = subset_s, subset_count
        note = (
            f"  (standard import measured on its first {subset_count:,} rows: "
            f"all {len(data):,} would take about {projected / 60:.0f} min)"
        )
    savepoint.close(rollback=True)

    lines = sum(len(prices(rate)) for rate in data)
    wizard_rps = created / wizard_s
    standard_rps = standard_count / standard_s
    print(
        f"rate-sheet import, {len(data):,} rows ({lines:,} prices; FCL, air, LCL), "
        "as a pricing user:"
    )
    print(f"  wizard (.xlsx)        {wizard_s:7.1f} s  {wizard_rps:8.0f} rows/s")
    print(
        f"  standard load()       {standard_s:7.1f} s  {standard_rps:8.0f} rows/s"
        f"  ({standard_count:,} rows)"
    )
    if note:
        print(note)
    print(f"  ratio wizard/standard {wizard_rps / standard_rps:7.1f}x  (target >= 10x)")
finally:
    cr.rollback()
