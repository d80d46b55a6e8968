# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date, datetime
from unittest.mock import patch

import lxml.html
from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.freight_rates.tests.common import TODAY, FreightRateCommon

REPORT = "freight_quotation.action_report_freight_quotation"
# A 1 x 1 PNG: the customer's signature.
SIGNATURE = base64.b64encode(
    base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
        "60e6kgAAAABJRU5ErkJggg=="
    )
)
# What wkhtmltopdf would return: the tests check how the PDF travels, not
# how wkhtmltopdf draws it.
FAKE_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationReport(FreightRateCommon, TransactionCase):
    """The printed quotation: bilingual labels, Vietnamese numbers and dates,
    the route, options only when there are several, rate offers as a table
    of lanes, and nothing internal (buy prices, margins, rates, internal
    charges). Rendered as the salesperson, in HTML (PDF is wkhtmltopdf's)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.customer_a.write(
            {"lang": "vi_VN", "street": "18 Đại lộ Bình Dương", "city": "Thủ Dầu Một"}
        )
        cls.contact_a.write({"email": "mai.tran@minhphat.example.com", "lang": "vi_VN"})
        cls.user_sales.partner_id.phone = "+84 909 123 456"
        ref = cls.env.ref
        cls.charge_of = ref("freight_crm.charge_of")
        cls.charge_lcl = ref("freight_crm.charge_lcl")
        cls.charge_af = ref("freight_crm.charge_af")
        cls.charge_bill = ref("freight_crm.charge_bill")
        cls.charge_hdl = ref("freight_crm.charge_hdl")
        cls.charge_do = ref("freight_crm.charge_do")
        cls.rate_secret = cls._fcl_rate(
            cls.line_a, {cls.c40hc: 1987.65}, reference="SC-SECRET-042"
        )
        cls.fcl = cls._quotation(
            [
                (
                    {
                        "carrier_id": cls.line_a.id,
                        "transit_days": 22,
                        "rate_id": cls.rate_secret.id,
                    },
                    [
                        cls._line(
                            cls.charge_of,
                            2650.0,
                            1987.65,
                            container_type_id=cls.c40hc.id,
                        ),
                        cls._line(cls.charge_baf, 180.0, 165.0),
                        cls._line(cls.charge_thco, 4250000.0, 3950000.0, cls.vnd),
                        cls._line(cls.charge_bill, 1000000.0, 850000.0, cls.vnd),
                        cls._line(cls.charge_thcd, 490.0, 470.0),
                        cls._line(
                            cls.charge_hdl,
                            0.0,
                            30.0,
                            name="Agent kickback line",
                            is_printed=False,
                        ),
                    ],
                )
            ],
            place_of_receipt="Tân Uyên, Bình Dương",
            place_of_delivery="Ontario, CA 91761",
            commodity="Wooden furniture",
            gross_weight=18450.0,
            volume=132.5,
            free_dem_days=7,
            free_det_days=14,
            incoterm_id=ref("account.incoterm_FOB").id,
            container_ids=[
                Command.create({"quantity": 2, "container_type_id": cls.c40hc.id})
            ],
        )
        cls.multi = cls._quotation(
            [
                (
                    {
                        "name": name,
                        "carrier_id": carrier.id,
                        "transit_days": days,
                        "via_id": via.id,
                    },
                    [
                        cls._line(
                            cls.charge_of,
                            price,
                            price - 311.11,
                            container_type_id=cls.c40hc.id,
                        ),
                        cls._line(cls.charge_thco, 4250000.0, 3950000.0, cls.vnd),
                    ],
                )
                for name, carrier, days, via, price in (
                    ("Direct", cls.line_a, 20, cls.env["freight.port"], 2650.0),
                    ("Via Singapore", cls.line_b, 27, cls.singapore, 2400.0),
                    ("Economy", cls.line_c, 31, cls.singapore, 2200.0),
                )
            ],
            container_ids=[
                Command.create({"quantity": 1, "container_type_id": cls.c40hc.id})
            ],
        )
        cls.air = cls._quotation(
            [
                (
                    {"carrier_id": cls.airline_a.id, "transit_days": 2},
                    [
                        cls._line(cls.charge_af, 3.85, 3.2),
                        cls._line(cls.charge_fsc, 0.95, 0.95),
                        cls._line(cls.charge_awb, 600000.0, 500000.0, cls.vnd),
                    ],
                )
            ],
            mode="air",
            pol_id=cls.sgn.id,
            pod_id=cls.fra.id,
            gross_weight=312.5,
            volume=2.35,
        )
        cls.lcl = cls._quotation(
            [
                (
                    {"carrier_id": cls.coloader.id, "transit_days": 32},
                    [
                        cls._line(cls.charge_lcl, 38.0, 28.0),
                        cls._line(cls.charge_cfs, 300000.0, 250000.0, cls.vnd),
                    ],
                )
            ],
            mode="sea_lcl",
            pod_id=cls.rotterdam.id,
            gross_weight=5840.0,
            volume=9.6,
            free_time="7 days at destination CFS",
        )
        cls.offer = cls._quotation(
            [
                (
                    {
                        "carrier_id": carrier.id,
                        "transit_days": days,
                        "pol_id": pol.id,
                        "pod_id": pod.id,
                    },
                    [
                        cls._line(
                            cls.charge_of,
                            p20,
                            p20 - 222.22,
                            container_type_id=cls.c20.id,
                        ),
                        cls._line(
                            cls.charge_of,
                            p40,
                            p40 - 222.22,
                            container_type_id=cls.c40hc.id,
                        ),
                        cls._line(cls.charge_baf, 300.0, 250.0),
                    ],
                )
                for carrier, days, pol, pod, p20, p40 in (
                    (cls.line_a, 22, cls.cat_lai, cls.los_angeles, 1500.0, 2000.0),
                    (cls.line_b, 30, cls.hai_phong, cls.rotterdam, 1100.0, 1850.0),
                )
            ],
            kind="rate_offer",
        )

    @classmethod
    def _line(cls, charge, sell, buy, currency=None, **vals):
        currency = currency or cls.usd
        return {
            "charge_type_id": charge.id,
            "sell_price": sell,
            "buy_price": buy,
            "sell_currency_id": currency.id,
            "buy_currency_id": currency.id,
            **vals,
        }

    @classmethod
    def _quotation(cls, options, **vals):
        """A draft of customer A by its salesperson: options as (option
        values, [charge values])."""
        quotation = (
            cls.env["freight.quotation"]
            .with_user(cls.user_sales)
            .create(
                {
                    "partner_id": cls.customer_a.id,
                    "contact_id": cls.contact_a.id,
                    "mode": "sea_fcl",
                    "pol_id": cls.cat_lai.id,
                    "pod_id": cls.los_angeles.id,
                    "currency_id": cls.usd.id,
                    "terms": "<p>Rates exclude VAT.</p>",
                    "option_ids": [
                        Command.create(dict(option, sequence=position))
                        for position, (option, _lines) in enumerate(options)
                    ],
                    **vals,
                }
            )
        )
        cls.env["freight.quotation.line"].with_user(cls.user_sales).create(
            [
                dict(line, quotation_id=quotation.id, option_id=option.id)
                for option, (_vals, lines) in zip(
                    quotation.option_ids, options, strict=True
                )
                for line in lines
            ]
        )
        return quotation

    def _render(self, quotation):
        """The report's HTML as the salesperson prints it, and its text."""
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_sales)
            ._render_qweb_html(REPORT, quotation.ids)[0]
            .decode()
        )
        text = " ".join(lxml.html.fromstring(html).text_content().split())
        return html, text

    def assertInOrder(self, parts, text):
        positions = [text.find(part) for part in parts]
        self.assertNotIn(-1, positions, f"missing one of {parts}")
        self.assertEqual(positions, sorted(positions), f"{parts} out of order")

    def assertNothingInternal(self, html, text):
        for secret in (
            "1.987,65",  # the buy price of the ocean freight
            "1987.65",
            "1,987.65",
            "1.324,70",  # its margin on two containers
            "3.950.000",  # the buy price of the THC
            "Agent kickback line",  # an internal charge
            "SC-SECRET-042",  # the carrier's contract
            self.rate_secret.name,
            "311,11",  # the margins of the options
            "222,22",
            "Margin",
            "Lợi nhuận",
        ):
            self.assertNotIn(secret, text)
            self.assertNotIn(secret, html)

    # ------------------------------------------------------------------
    # Formats
    # ------------------------------------------------------------------
    def test_vietnamese_formats(self):
        quotation = self.fcl
        self.assertEqual(quotation._report_amount(1234567, self.vnd), "1.234.567 ₫")
        self.assertEqual(quotation._report_amount(1234.5, self.usd), "1.234,50 USD")
        self.assertEqual(quotation._report_amount(-1234.5), "-1.234,50 USD")
        self.assertEqual(quotation._report_amount(0.0, self.eur), "0,00 EUR")
        self.assertEqual(quotation._report_quantity(2.0), "2")
        self.assertEqual(quotation._report_quantity(1250.125), "1.250,125")
        self.assertEqual(quotation._report_date(date(2026, 3, 9)), "09/03/2026")
        # 20:00 UTC is the next morning in Vietnam.
        self.assertEqual(
            quotation._report_date(datetime(2026, 3, 9, 20, 0)), "10/03/2026"
        )
        self.assertEqual(quotation._report_date(False), "")

    # ------------------------------------------------------------------
    # Spot quotations
    # ------------------------------------------------------------------
    def test_fcl_single_option(self):
        html, text = self._render(self.fcl)
        for label in (
            "BẢNG CHÀO GIÁ / QUOTATION",
            "Ngày báo giá / Date",
            "Hiệu lực đến / Valid until",
            "Khách hàng / Customer",
            "Chuyên viên sales / Salesperson",
            "Cảng xếp hàng / Port of Loading",
            "Cảng dỡ hàng / Port of Discharge",
            "Điều kiện giao hàng / Incoterm",
            "Trọng lượng cả bì / Gross weight",
            "Thời gian miễn phí / Free time",
            "Diễn giải / Description",
            "Đơn giá / Unit price",
            "Phí tại nơi đi / Origin Charges",
            "Cước vận chuyển / Freight",
            "Phí tại nơi đến / Destination Charges",
            "Cộng / Subtotal",
            "Tổng cộng / Total",
            "Điều khoản và điều kiện / Terms and Conditions",
            "Xác nhận của khách hàng / Customer's acceptance",
        ):
            self.assertIn(label, text)
        self.assertIn(self.fcl.name, text)
        self.assertIn("10/03/2026", text)  # the quotation date, frozen
        self.assertIn(self.fcl._report_date(self.fcl.validity_date), text)
        self.assertRegex(text, r"\d{2}/\d{2}/2026")
        # The route: receipt -> POL -> POD -> delivery.
        self.assertInOrder(
            ["Tân Uyên, Bình Dương", "VNCLI", "USLAX", "Ontario, CA 91761"], text
        )
        self.assertIn("→", text)
        # The customer, its contact, our salesperson and how to reach them.
        self.assertIn(self.customer_a.name, text)
        self.assertIn("Trần Thị Mai", text)
        self.assertIn("Sales A", text)
        self.assertIn("+84 909 123 456", text)
        self.assertIn("fr_sales@example.com", text)
        self.assertIn("2 x 40HC", text)
        self.assertIn("Hãng tàu / Shipping Line Test Line A", text)
        self.assertIn("DEM 7 ngày / days, DET 14 ngày / days", text)
        self.assertIn("18.450 kg", text)
        self.assertIn("132,5 CBM", text)
        # Prices: Vietnamese numbers, VND lines converted at 25,000.
        self.assertIn("4.250.000 ₫", text)
        self.assertIn("2.650,00 USD", text)
        self.assertIn("5.300,00 USD", text)
        self.assertIn("340,00 USD", text)
        self.assertIn("7.020,00 USD", text)  # 5,300 + 360 + 340 + 40 + 980
        self.assertIn("175.500.000 ₫", text)
        self.assertInOrder(
            ["Origin Charges", "Freight", "Destination Charges", "Tổng cộng / Total"],
            text,
        )
        # One option: no trace of options.
        self.assertNotIn("Option", text)
        self.assertNotIn("Phương án", text)
        self.assertNotIn("phương án", text)
        self.assertNothingInternal(html, text)

    def test_same_formats_in_english(self):
        """An English-speaking customer reads the same bilingual labels and
        Vietnamese numbers and dates."""
        self.customer_a.lang = "en_US"
        _html, text = self._render(self.fcl)
        self.assertIn("Cảng xếp hàng / Port of Loading", text)
        self.assertIn("Tổng cộng / Total", text)
        self.assertIn("7.020,00 USD", text)
        self.assertIn("175.500.000 ₫", text)
        self.assertIn("10/03/2026", text)
        self.assertNotIn("3/10/2026", text)
        self.assertNotIn("7,020.00", text)

    def test_totals_in_vnd_and_usd(self):
        """A quotation in euros totals in EUR, then VND and USD side by side;
        a currency without an exchange rate that day is left out, not
        printed at 1:1."""
        self.fcl.with_user(self.user_sales).currency_id = self.eur
        _html, text = self._render(self.fcl)
        # 7,020 USD at 0.8 EUR, and 25,000 VND, a dollar.
        self.assertInOrder(
            ["Tổng cộng / Total", "5.616,00 EUR", "≈ 175.500.000 ₫", "≈ 7.020,00 USD"],
            text,
        )
        self.assertIn("Tỷ giá ngày / Exchange rates of 01/01/2026", text)
        self.env["res.currency.rate"].search(
            [("currency_id", "=", self.vnd.id)]
        ).unlink()
        _html, text = self._render(self.fcl)
        self.assertIn("5.616,00 EUR ≈ 7.020,00 USD", text)
        self.assertEqual(text.count("≈"), 1)

    def test_three_options(self):
        html, text = self._render(self.multi)
        self.assertInOrder(
            [
                "Direct",
                "Test Line A",
                "Via Singapore",
                "Test Line B",
                "Economy",
                "Test Line C",
            ],
            text,
        )
        self.assertEqual(text.count("Tổng cộng phương án / Option total"), 3)
        self.assertEqual(text.count("Diễn giải / Description"), 3)
        self.assertIn("Chuyển tải tại / Via Singapore", text)
        self.assertIn("27 ngày / days", text)
        # Each option its own total: 2,650 / 2,400 / 2,200 + THC 170.
        self.assertInOrder(["2.820,00 USD", "2.570,00 USD", "2.370,00 USD"], text)
        self.assertIn("Theo phương án / Per option", text)
        self.assertNothingInternal(html, text)

    def test_air(self):
        html, text = self._render(self.air)
        self.assertIn("Trọng lượng tính cước / Chargeable weight", text)
        self.assertIn("392,45 kg", text)  # 2.35 CBM x 167 > 312.5 kg
        self.assertIn("Hãng hàng không / Airline", text)
        self.assertIn("Test Airline A", text)
        self.assertIn("1.510,93 USD", text)  # 392.45 kg x 3.85
        self.assertIn("AWB", text)
        self.assertIn("600.000 ₫", text)
        self.assertInOrder(["SGN", "FRA"], text)
        self.assertNotIn("Place of Receipt", text)
        self.assertNotIn("Container", text)
        self.assertNothingInternal(html, text)

    def test_lcl(self):
        html, text = self._render(self.lcl)
        self.assertIn("Khối lượng tính cước / W/M", text)
        self.assertIn("9,6 W/M", text)
        self.assertIn("364,80 USD", text)  # 9.6 W/M x 38
        self.assertIn("7 days at destination CFS", text)
        self.assertIn("Hãng vận chuyển / Carrier Test Co-loader", text)
        self.assertIn("5.840 kg", text)
        self.assertInOrder(["VNCLI", "NLRTM"], text)
        self.assertNotIn("Place of Delivery", text)
        self.assertNothingInternal(html, text)

    def test_rate_offer(self):
        html, text = self._render(self.offer)
        self.assertIn("Tuyến / Lane", text)
        self.assertIn("Hãng tàu / Shipping Line", text)
        self.assertIn("Hãng tàu / Shipping Line Theo tuyến / Per lane", text)
        self.assertIn("Cước / Freight 20GP", text)
        self.assertIn("Cước / Freight 40HC", text)
        self.assertInOrder(
            [
                "VNCLI → USLAX",
                "Test Line A",
                "1.500,00 USD",
                "2.000,00 USD",
                "BAF 300,00 USD / Cont",
                "VNHPH → NLRTM",
                "Test Line B",
                "1.100,00 USD",
                "1.850,00 USD",
            ],
            text,
        )
        # One table of lanes, not charges per option.
        self.assertNotIn("Diễn giải / Description", text)
        self.assertNotIn("Option total", text)
        self.assertNothingInternal(html, text)

    def test_signed_online(self):
        self.fcl.sudo().write(
            {
                "signed_by": "Trần Thị Mai",
                "signed_on": datetime(2026, 3, 11, 2, 30),
                "signature": SIGNATURE,
            }
        )
        html, text = self._render(self.fcl)
        self.assertIn("Ký trực tuyến ngày / Signed online on 11/03/2026", text)
        self.assertRegex(
            html, r'<img class="fq-signature"[^>]* src="data:image/png;base64,'
        )
        self.assertNotIn("Ký, ghi rõ họ tên", text)

    # ------------------------------------------------------------------
    # E-mail
    # ------------------------------------------------------------------
    def test_send_by_email(self):
        """Send goes through the composer: the PDF attached, the contact as
        recipient, the portal link with its token, no buy price."""
        bodies = []

        def fake_wkhtmltopdf(report, html_bodies, **kwargs):
            bodies.extend(html_bodies)
            return FAKE_PDF

        Report = self.registry["ir.actions.report"]
        quotation = self.fcl.with_user(self.user_sales)
        action = quotation.action_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(quotation.state, "sent")
        with (
            patch.object(Report, "_run_wkhtmltopdf", fake_wkhtmltopdf),
            patch.object(Report, "get_wkhtmltopdf_state", lambda report: "ok"),
        ):
            composer = Form(
                self.env["mail.compose.message"]
                .with_user(self.user_sales)
                .with_context(action["context"], force_report_rendering=True)
            )
            self.assertIn(quotation.name, composer.subject)
            composer.save().action_send_mail()
        message = quotation.message_ids.filtered(
            lambda message: message.message_type == "comment"
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.user_sales.partner_id)
        self.assertEqual(message.partner_ids, self.contact_a)
        self.assertEqual(
            message.attachment_ids.mapped("name"),
            [f"Bao gia - Quotation {quotation.name}.pdf"],
        )
        self.assertEqual(message.attachment_ids.mimetype, "application/pdf")
        self.assertEqual(message.attachment_ids.raw, FAKE_PDF)
        body = str(message.body)
        self.assertIn(quotation.get_portal_url(), body.replace("&amp;", "&"))
        self.assertIn(
            f"access_token={quotation.access_token}", body.replace("&amp;", "&")
        )
        self.assertIn("Kính gửi", body)
        self.assertIn("Dear", body)
        self.assertIn("VNCLI → USLAX", body)
        self.assertIn("(2 x 40HC)", body)
        self.assertIn("24/03/2026", body)  # valid until, dd/mm/yyyy
        for secret in ("1.987,65", "1987.65", "1987,65", "3.950.000", "Agent kickback"):
            self.assertNotIn(secret, body)
        # The PDF attached is this quotation's, bilingual, with nothing internal.
        self.assertEqual(len(bodies), 1)
        self.assertIn("BẢNG CHÀO GIÁ / QUOTATION", bodies[0])
        text = " ".join(lxml.html.fromstring(bodies[0]).text_content().split())
        self.assertIn("7.020,00 USD", text)
        self.assertNothingInternal(bodies[0], text)
