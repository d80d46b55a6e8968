# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the printed quotation needs, prepared once for its template: numbers
and dates the Vietnamese way whatever the reader's language, bilingual labels,
the charges of each option grouped, the lanes of a rate offer. Only selling
fields are read here: buy prices, costs and margins never reach the PDF."""

from collections import defaultdict

import pytz

from odoo import fields, models
from odoo.tools import float_round

# The two languages of the PDF, Vietnamese first.
REPORT_LANGS = ("vi_VN", "en_US")

# Short unit labels for the charges' table (codes the trade reads in English).
UNIT_LABELS = {
    "per_container": "Cont",
    "per_shipment": "Lô / Shipment",
    "per_bill": "B/L",
    "per_kg": "kg",
    "per_chargeable_kg": "kg (CW)",
    "per_cbm": "CBM",
    "per_wm": "W/M",
    "per_trip": "Chuyến / Trip",
}

CARRIER_LABELS = {
    "sea_fcl": "Hãng tàu / Shipping Line",
    "air": "Hãng hàng không / Airline",
    False: "Hãng vận chuyển / Carrier",
}

GROUP_LABELS = {
    "origin": "Phí tại nơi đi / Origin Charges",
    "freight": "Cước vận chuyển / Freight",
    "destination": "Phí tại nơi đến / Destination Charges",
    "other": "Phí khác / Other Charges",
}


def vn_number(value, digits=2, strip=False):
    """1234567.5 -> '1.234.567,50' (dots for thousands, comma for decimals);
    ``strip`` drops trailing zeros of the decimals (quantities)."""
    value = float_round(value or 0.0, precision_digits=digits)
    text = f"{abs(value):,.{digits}f}"
    integer, _sep, decimals = text.partition(".")
    if strip:
        decimals = decimals.rstrip("0")
    text = integer.replace(",", ".") + (f",{decimals}" if decimals else "")
    return f"-{text}" if value < 0 else text


class FreightQuotation(models.Model):
    _inherit = "freight.quotation"

    # ------------------------------------------------------------------
    # Formats (the one home of the PDF's numbers and dates)
    # ------------------------------------------------------------------
    def _report_amount(self, amount, currency=None):
        """'1.234.567 ₫' for VND, '1.234,50 USD' for any other currency."""
        currency = currency or self.currency_id
        text = vn_number(amount, currency.decimal_places)
        return f"{text} ₫" if currency.name == "VND" else f"{text} {currency.name}"

    def _report_quantity(self, quantity):
        """2 -> '2', 4.5 -> '4,5', 1250.125 -> '1.250,125'."""
        return vn_number(quantity, 3, strip=True)

    def _report_date(self, value):
        """dd/mm/yyyy; a datetime in the salesperson's time zone."""
        if not value:
            return ""
        if isinstance(value, str):
            value = fields.Datetime.to_datetime(value)
        if hasattr(value, "hour"):
            tz = pytz.timezone(
                self.user_id.tz or self.env.user.tz or "Asia/Ho_Chi_Minh"
            )
            value = pytz.utc.localize(value).astimezone(tz)
        return value.strftime("%d/%m/%Y")

    def _report_label(self, record, fname):
        """A selection's value in Vietnamese and English ('Xuất khẩu / Export'),
        once when both read the same."""
        value = record[fname]
        if not value:
            return ""
        labels = []
        for lang in REPORT_LANGS:
            selection = record._fields[fname]._description_selection(
                self.with_context(lang=lang).env
            )
            label = dict(selection).get(value, value)
            if label not in labels:
                labels.append(label)
        return " / ".join(labels)

    def _report_address(self, partner):
        """The partner's address on one line."""
        lines = partner._display_address(without_company=True).splitlines()
        return ", ".join(line.strip() for line in lines if line.strip())

    # ------------------------------------------------------------------
    # Content
    # ------------------------------------------------------------------
    def _report_route(self):
        """The legs' ends as drawn: receipt -> POL -> POD -> delivery, empty
        ends left out. [(label, code, name)]"""
        self.ensure_one()
        route = []
        if self.place_of_receipt:
            route.append(
                ("Nơi nhận hàng / Place of Receipt", "", self.place_of_receipt)
            )
        for label, port in (
            ("Cảng xếp hàng / Port of Loading", self.pol_id),
            ("Cảng dỡ hàng / Port of Discharge", self.pod_id),
        ):
            if port:
                code = port.iata_code if port.kind == "airport" else port.code
                route.append((label, code or "", port.name))
        if self.place_of_delivery:
            route.append(
                ("Nơi giao hàng / Place of Delivery", "", self.place_of_delivery)
            )
        return route

    def _report_details(self):
        """The shipment's terms and cargo as printed, [(label, value)], the
        empty ones left out."""
        self.ensure_one()
        option = self.option_ids[:1]
        if self.kind == "rate_offer":
            per_option = "Theo tuyến / Per lane"
        elif self.is_multi_option:
            per_option = "Theo phương án / Per option"
        else:
            per_option = False
        carrier = " · ".join(
            filter(
                None,
                [
                    self.carrier_id.name,
                    option.via_id and f"Chuyển tải tại / Via {option.via_id.code}",
                ],
            )
        )
        transit = option.transit_days or self.transit_days
        free_days = ", ".join(
            f"{kind} {days} ngày / days"
            for kind, days in (("DEM", self.free_dem_days), ("DET", self.free_det_days))
            if days
        )
        quantity = self._report_quantity
        rows = [
            ("Phương thức / Mode", self._report_label(self, "mode")),
            ("Chiều / Direction", self._report_label(self, "direction")),
            ("Điều kiện giao hàng / Incoterm", self.incoterm_id.code),
            (self._report_carrier_label(), per_option or carrier),
            (
                "Thời gian vận chuyển / Transit time",
                per_option or (transit and f"{transit} ngày / days"),
            ),
            ("Thời gian miễn phí / Free time", self.free_time or free_days),
            ("Hàng hóa / Commodity", self.commodity or self.commodity_id.name),
            (
                "Số kiện / Packages",
                self.packages
                and f"{quantity(self.packages)} {self.package_kind or ''}".strip(),
            ),
            (
                "Trọng lượng cả bì / Gross weight",
                self.gross_weight and f"{quantity(self.gross_weight)} kg",
            ),
            ("Thể tích / Volume", self.volume and f"{quantity(self.volume)} CBM"),
            (
                "Trọng lượng tính cước / Chargeable weight",
                self.mode == "air"
                and self.chargeable_weight
                and f"{quantity(self.chargeable_weight)} kg",
            ),
            (
                "Khối lượng tính cước / W/M",
                self.mode == "sea_lcl"
                and self.revenue_tons
                and f"{quantity(self.revenue_tons)} W/M",
            ),
            ("Container", self.container_summary),
            (
                "Hàng nguy hiểm / Dangerous goods",
                self.dangerous_goods
                and " · ".join(
                    filter(
                        None,
                        [self.dg_class and f"Class {self.dg_class}", self.un_number],
                    )
                ),
            ),
            (
                "Nhiệt độ / Reefer temperature",
                self.reefer and f"{quantity(self.reefer_temperature)} °C",
            ),
        ]
        return [(label, value) for label, value in rows if value]

    def _report_carrier_label(self):
        """Who carries, as the trade names them per mode."""
        return CARRIER_LABELS.get(self.mode, CARRIER_LABELS[False])

    def _report_lines(self, option):
        """The printed charges of an option, grouped: [(group label, lines,
        subtotal)] in the groups' order. Internal lines are left out."""
        groups = defaultdict(lambda: self.env["freight.quotation.line"])
        for line in option.line_ids:
            if line.is_printed:
                groups[line.charge_group] |= line
        return [
            (GROUP_LABELS[key], groups[key], sum(groups[key].mapped("amount")))
            for key in GROUP_LABELS
            if key in groups
        ]

    def _report_unit(self, line):
        if line.unit == "per_container" and line.container_type_id:
            return line.container_type_id.code
        if line.unit == "per_bill" and self.mode == "air":
            return "AWB"
        return UNIT_LABELS.get(line.unit, line.unit or "")

    def _report_unit_price(self, line):
        """The selling price per unit, net of its discount, in its currency."""
        return self._report_amount(
            line.sell_price - line.discount, line.sell_currency_id
        )

    def _report_totals(self, option):
        """An option's printed total, and what it is worth in VND and USD on
        the quotation date: (untaxed, tax, total, {currency: total}). A
        currency without an exchange rate that day is left out rather than
        printed at 1:1."""
        self.ensure_one()
        lines = option.line_ids.filtered("is_printed")
        untaxed = sum(lines.mapped("amount"))
        tax = sum(lines.mapped("amount_tax"))
        total = untaxed + tax
        others = self.env["res.currency"].union(*self._vnd_usd()) - self.currency_id
        rates = self._exchange_rates(others)
        converted = {
            other: other.round(total / rates[other])
            for other in others.sorted(lambda currency: currency.name != "VND")
            if rates.get(other)
        }
        return untaxed, tax, total, converted

    def _report_exchange_rate_date(self):
        """The day of the exchange rates the totals use."""
        self.ensure_one()
        vnd, usd = self._vnd_usd()
        return self._rate_date(self.currency_id | vnd | usd, self.date)

    def _report_lanes(self):
        """A rate offer as one table: its container types (columns) and a row
        per option: (option, {container type: price}, per-unit freight
        prices, surcharges summarised)."""
        self.ensure_one()
        ctypes = self.env["freight.container.type"]
        rows = []
        for option in self.option_ids:
            prices, per_unit, surcharges = {}, [], []
            for line in option.line_ids.filtered("is_printed"):
                price = self._report_unit_price(line)
                if (
                    line.charge_group == "freight"
                    and line.charge_type_id.category == "freight"
                ):
                    if line.container_type_id:
                        prices[line.container_type_id] = price
                        ctypes |= line.container_type_id
                    else:
                        per_unit.append(f"{price} / {self._report_unit(line)}")
                else:
                    surcharges.append(
                        f"{line.charge_type_id.code or line.name} {price} / "
                        f"{self._report_unit(line)}"
                    )
            rows.append((option, prices, per_unit, surcharges))
        return ctypes.sorted(lambda ctype: (ctype.sequence, ctype.id)), rows
