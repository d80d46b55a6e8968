# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo quotations: about thirty over the last 120 days, built the way
the salespeople would have built them (create, fill from the buying rates,
send, win, lose, revise, expire), each on its own day.

The story the win-rate analysis tells: Lan wins the intra-Asia rice and the
Minh Phát lanes; the US lanes are lost on price (Tây Đô Phát's reefers to Long
Beach, Tân Uyên's urgent air to Los Angeles); Hải Phòng to Hamburg is lost on
transit time; an air quotation to Frankfurt and two others expired unanswered;
the recent ones are still open, one waits for Hùng's approval of its margin.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from odoo import Command, api, fields, models

USERS = {
    "lan": "freight_crm.user_sales_demo",
    "tung": "freight_crm.user_sales_2_demo",
    "hung": "freight_crm.user_sales_manager_demo",
}


@dataclass(frozen=True)
class Charge:
    """A charge priced by hand: ``buy`` per unit in ``currency``; the selling
    price comes from the default markup unless ``sell`` is given. With the
    quotation's ``rate``, the charge is linked to that rate's price of the
    same charge, container and weight break, and bought at it."""

    charge: str  # freight_crm.charge_<charge>
    buy: float
    container: str = ""  # freight_crm.container_<container>
    unit: str = ""
    currency: str = "USD"
    sell: float = 0.0
    weight_break: str = ""


@dataclass(frozen=True)
class Lane:
    """One lane of a rate offer, priced from ``rate``'s ocean freight for
    ``containers``."""

    pol: str
    pod: str
    rate: str
    containers: tuple = ("20gp", "40hc")


@dataclass(frozen=True)
class Demo:
    key: str  # xml id: quotation_<key>_demo
    user: str
    partner: str  # freight_crm.partner_<partner>_demo
    mode: str
    pol: str  # freight_crm.<pol>
    pod: str
    day: int  # the quotation date, in days from today (negative)
    commodity: str
    commodity_id: str = ""  # freight_crm.classification_commodity_<...>
    lead: str = ""  # freight_crm.lead_<lead>_demo
    direction: str = "export"
    incoterm: str = ""
    kind: str = "spot"
    containers: tuple = ()  # ((code, quantity), ...)
    packages: int = 0
    package_kind: str = ""
    gross_weight: float = 0.0
    volume: float = 0.0
    reefer_temperature: float | None = None
    place_of_receipt: str = ""
    place_of_delivery: str = ""
    template: bool = True
    validity: int = 14  # days
    rates: tuple = ()  # freight_rates.rate_<key>_demo, filled through the filler
    rate: str = ""  # the (expired) rate the hand-priced charges came from
    carrier: str = ""  # freight_crm.carrier_<carrier> of hand-priced quotations
    charges: tuple = ()  # Charge, priced by hand
    lanes: tuple = ()  # Lane, for a rate offer
    freight_margin: float = 0.0  # sell = buy x (1 + this) on the freight charges
    sent: int | None = 1  # days after the date; None: not sent
    outcome: tuple = ()  # ("won", days) | ("lost", days, reason, competitor,
    # price, note) | ("expired",) | ("revised", days, freight discount %, won
    # after days)
    choose: int = 0  # the option (1-based) the customer chose
    note: str = ""
    extra: dict = field(default_factory=dict)


LOST_PRICE = "freight_quotation.lost_reason_competitor_price"

DEMO = [
    # -- Lan: rice to Manila, coffee to Hamburg, furniture to the US --
    Demo(
        "chaudoc_mnl", "lan", "luong_thuc_chau_doc", "sea_fcl", "port_vncli",
        "port_phmnl", -110, "Gạo trắng 5% tấm, bao PP 50 kg", "rice",
        lead="chaudoc_mnl", incoterm="CFR", containers=(("20gp", 20),),
        packages=10000, package_kind="bao", gross_weight=502000, volume=560,
        carrier="wan_hai",
        charges=(Charge("of", 175, "20gp"), Charge("lss", 45, "20gp")),
        outcome=("won", 6),
        note="Gói thầu gạo Philippines: giao 20 cont đợt đầu.",
    ),
    Demo(
        "thoaison_mnl", "lan", "gao_thoai_son", "sea_fcl", "port_vncli",
        "port_phmnl", -96, "Gạo thơm Jasmine, bao 25 kg", "rice",
        incoterm="CIF", containers=(("20gp", 10),), packages=10000,
        package_kind="bao", gross_weight=251000, volume=280, carrier="wan_hai",
        charges=(Charge("of", 170, "20gp"), Charge("lss", 45, "20gp")),
        outcome=("won", 5),
    ),
    Demo(
        "dongphu_tao", "hung", "cao_su_dong_phu", "sea_fcl", "port_vncli",
        "port_cntao", -80, "Cao su khối SVR 10, pallet", "rubber",
        incoterm="CFR", containers=(("20gp", 5),), packages=180,
        package_kind="pallet", gross_weight=105000, volume=140, carrier="sitc",
        charges=(
            Charge("of", 210, "20gp"),
            Charge("lss", 40, "20gp"),
            Charge("cic", 60, "20gp"),
        ),
        outcome=(
            "lost", 4, "freight_quotation.lost_reason_no_space",
            "Hãng tàu trực tiếp (SITC)", 2350.0,
            "Hết chỗ chuyến tuần 32, khách đặt thẳng với hãng tàu.",
        ),
    ),
    Demo(
        "hbx_logistics", "hung", "may_hoa_binh_xanh", "logistics", "port_vncli",
        "port_uslax", -70, "Áo khoác may sẵn", "garments_textiles",
        incoterm="FOB", containers=(("40hc", 3),), packages=2400,
        package_kind="thùng carton", gross_weight=21000, volume=195,
        place_of_receipt="Nhà máy Tân Bình, TP. Hồ Chí Minh",
        charges=(Charge("co", 700000, unit="per_shipment", currency="VND",
                        sell=1000000),),
        outcome=("won", 4),
        note="Thông quan xuất khẩu, C/O form B và kéo cont về Cát Lái.",
    ),
    Demo(
        "choxanh_lcl_old", "lan", "cho_xanh_online", "sea_lcl", "port_vncli",
        "port_uslax", -62, "Đồ thủ công mỹ nghệ mây tre", "handicrafts",
        lead="choxanh_fba", incoterm="DAP", packages=160,
        package_kind="thùng carton", gross_weight=1300, volume=8,
        place_of_delivery="Kho Amazon FBA ONT8, California", carrier="evergreen",
        charges=(
            Charge("lcl", 88, unit="per_cbm"),
            Charge("cfs", 16, unit="per_cbm"),
            Charge("ams", 35, unit="per_bill"),
        ),
        outcome=("expired",),
    ),
    Demo(
        "mpbd_lgb", "lan", "noi_that_minh_phat", "sea_fcl", "port_vncli",
        "port_uslgb", -50, "Bàn ghế gỗ cao su (HS 9403)",
        "furniture_wood_products", lead="mpbd_lgb", incoterm="FOB",
        containers=(("40hc", 6),), packages=1450, package_kind="kiện",
        gross_weight=54000, volume=400, carrier="oocl",
        charges=(
            Charge("of", 2680, "40hc"),
            Charge("baf", 320, "40hc"),
            Charge("ams", 35, unit="per_bill"),
        ),
        outcome=("won", 4),
    ),
    Demo(
        "tanuyen_air_lax", "lan", "giay_tan_uyen", "air", "airport_sgn",
        "airport_lax", -45, "Giày da mẫu (hàng gấp)", "footwear",
        lead="tanuyen_air_lax", incoterm="DAP", packages=420,
        package_kind="thùng carton", gross_weight=5000, volume=24,
        validity=7, carrier="eva_air",
        charges=(
            Charge("af", 4.00, unit="per_chargeable_kg"),
            Charge("fsc", 1.10, unit="per_chargeable_kg"),
            Charge("ssc", 0.15, unit="per_chargeable_kg"),
            Charge("awb", 20, unit="per_bill"),
        ),
        outcome=(
            "lost", 4, "crm.lost_reason_1", "Công ty Giao nhận Á Châu (AGL)",
            26900.0, "Đối thủ chào 5,20 USD/kg all-in qua Incheon, giao trước 2 ngày.",
        ),
    ),
    Demo(
        "mpdn_rtm", "lan", "go_minh_phat_dong_nai", "sea_fcl", "port_vncmt",
        "port_nlrtm", -40, "Đồ gỗ nội thất ngoài trời", "furniture_wood_products",
        lead="mpdn_rtm", incoterm="FOB", containers=(("40hc", 8),), packages=1800,
        package_kind="kiện", gross_weight=68000, volume=530,
        rate="fcl_cmt_rtm_msc_prev",
        charges=(
            Charge("of", 2900, "40hc"),
            Charge("baf", 460, "40hc"),
            Charge("ens", 35, unit="per_bill"),
        ),
        outcome=("expired",),
        note="Khách chờ xác nhận đơn hàng của nhà nhập khẩu Hà Lan.",
    ),
    Demo(
        "hbxdn_lax", "tung", "may_hbx_dong_nai", "sea_fcl", "port_vncli",
        "port_uslax", -36, "Quần áo may sẵn", "garments_textiles",
        lead="hbxdn_lax", incoterm="FOB", containers=(("40hc", 15),),
        packages=9000, package_kind="thùng carton", gross_weight=105000,
        volume=990, rate="fcl_cli_lax_evergreen_prev",
        charges=(
            Charge("of", 2400, "40hc"),
            Charge("baf", 320, "40hc"),
            Charge("ams", 35, unit="per_bill"),
        ),
        outcome=("won", 3),
    ),
    Demo(
        "banme_ham", "lan", "ca_phe_ban_me", "sea_fcl", "port_vncli", "port_deham",
        -30, "Cà phê nhân Robusta (HS 0901), bao đay 60 kg", "coffee",
        lead="banme_ham", incoterm="CIF", containers=(("20gp", 10),),
        packages=3200, package_kind="bao", gross_weight=193000, volume=280,
        rate="fcl_cli_ham_one",
        charges=(
            Charge("of", 2200, "20gp"),
            Charge("baf", 230, "20gp"),
            Charge("ens", 35, unit="per_bill"),
        ),
        outcome=("revised", 4, 4.0, 4),
        note="Khách đề nghị giảm cước: xem bản sửa đổi.",
    ),
    Demo(
        "hbx_air_fra_old", "hung", "may_hoa_binh_xanh", "air", "airport_sgn",
        "airport_fra", -30, "Áo sơ mi mẫu mùa đông", "garments_textiles",
        incoterm="FCA", packages=310, package_kind="thùng carton",
        gross_weight=2800, volume=19, validity=7,
        rate="air_sgn_fra_turkish_airlines",
        charges=(
            Charge("af", 2.80, unit="per_chargeable_kg", weight_break="p1000"),
            Charge("fsc", 0.90, unit="per_chargeable_kg"),
            Charge("ssc", 0.10, unit="per_chargeable_kg"),
            Charge("awb", 20, unit="per_bill"),
        ),
        outcome=("expired",),
    ),
    Demo(
        "phumy_project", "hung", "thep_phu_my", "logistics", "port_deham",
        "port_vnphu", -25, "Thiết bị dây chuyền cán nguội (hàng dự án)",
        "machinery_equipment", lead="phumy_project", direction="import",
        incoterm="FOB", containers=(("40fr", 2), ("40hc", 3)), packages=14,
        package_kind="kiện", gross_weight=86000, volume=310,
        place_of_delivery="Nhà máy Thép Phú Mỹ Xanh, KCN Phú Mỹ I, Bà Rịa - Vũng Tàu",
        validity=30, carrier="hapag_lloyd",
        charges=(
            Charge("of", 4200, "40fr"),
            Charge("of", 3400, "40hc"),
            Charge("thcd", 6300000, "40fr", currency="VND"),
            Charge("thcd", 4700000, "40hc", currency="VND"),
        ),
        note="Đợt 1/3: kiểm tra tuyến đường chở hàng siêu trường trước khi giao.",
    ),
    Demo(
        "lap_pus", "tung", "nhua_long_an", "sea_fcl", "port_krpus", "port_vncli",
        -18, "Hạt nhựa PP nguyên sinh", "plastics", lead="lap_import_pus",
        direction="import", incoterm="FOB", containers=(("20gp", 4),),
        packages=3200, package_kind="bao", gross_weight=81000, volume=110,
        place_of_delivery="Nhà máy LAP, KCN Đức Hòa, Long An", template=False,
        carrier="kmtc",
        charges=(
            Charge("of", 190, "20gp"),
            Charge("thcd", 3200000, "20gp", currency="VND"),
            Charge("do", 900000, unit="per_bill", currency="VND"),
        ),
        outcome=("won", 4),
    ),
    Demo(
        "tanuyen_sav", "lan", "giay_tan_uyen", "sea_fcl", "port_vncmt",
        "port_ussav", -12, "Giày da thành phẩm", "footwear", lead="tanuyen_sav",
        incoterm="FOB", containers=(("40hc", 4),), packages=5200,
        package_kind="thùng carton", gross_weight=30000, volume=270,
        rates=("fcl_cmt_sav_one",),
    ),
    Demo(
        "mpbd_la", "lan", "noi_that_minh_phat", "sea_fcl", "port_vncli",
        "port_uslax", -10, "Tủ, giường gỗ nội thất (HS 9403)",
        "furniture_wood_products", lead="mpbd_la", incoterm="FOB",
        containers=(("40hc", 20),), packages=4800, package_kind="kiện",
        gross_weight=180000, volume=1340,
        rates=(
            "fcl_cli_lax_cma_cgm_named",
            "fcl_cli_lax_evergreen",
            "fcl_cli_lax_yang_ming",
        ),
        note="Ba phương án hãng tàu cho lô 20 cont tháng tới.",
    ),
    Demo(
        "hbx_air_fra", "hung", "may_hoa_binh_xanh", "air", "airport_sgn",
        "airport_fra", -8, "Áo khoác mùa đông (hàng cao điểm)",
        "garments_textiles", lead="hbx_air_fra", incoterm="FCA", packages=280,
        package_kind="thùng carton", gross_weight=2500, volume=16, validity=9,
        rates=("air_sgn_fra_vietnam_airlines",),
    ),
    Demo(
        "songhan_cnc", "lan", "thiet_bi_song_han", "sea_lcl", "port_deham",
        "port_vndad", -8, "Máy phay CNC đã qua sử dụng, đóng kiện gỗ",
        "machinery_equipment", lead="songhan_cnc", direction="import",
        incoterm="FOB", packages=3, package_kind="kiện gỗ", gross_weight=9500,
        volume=18, template=False, carrier="one",
        charges=(
            Charge("lcl", 58, unit="per_wm"),
            Charge("thcd", 9, unit="per_wm"),
            Charge("do", 40, unit="per_bill"),
        ),
    ),
    Demo(
        "hbxdn_truck", "tung", "may_hbx_dong_nai", "trucking", "port_vncli",
        "port_vnilb", -7, "Vải nguyên liệu nhập khẩu", "garments_textiles",
        direction="domestic", containers=(("40hc", 10),), packages=1600,
        package_kind="cuộn", gross_weight=160000, volume=650,
        place_of_delivery="Nhà máy HBX, KCN Biên Hòa 2, Đồng Nai",
        rates=("truck_cli_ilb_dong_nam",), outcome=("won", 4),
    ),
    Demo(
        "namcan_tyo", "tung", "thuy_san_nam_can", "sea_fcl", "port_vncli",
        "port_jptyo", -6, "Tôm sú đông lạnh", "seafood", lead="namcan_tyo",
        incoterm="CFR", containers=(("40rf", 4),), packages=4400,
        package_kind="thùng carton", gross_weight=96000, volume=240,
        reefer_temperature=-20, rates=("fcl_cli_tyo_one_reefer",),
    ),
    Demo(
        "tanphu_offer", "tung", "giao_nhan_tan_phu", "sea_fcl", "port_vncli",
        "port_krpus", -5, "Hàng tổng hợp (FAK)", "", lead="tanphu_pus",
        kind="rate_offer", validity=24, template=False,
        lanes=(
            Lane("port_vncli", "port_krpus", "fcl_cli_pus_sinokor"),
            Lane("port_vncli", "port_cnsha", "fcl_cli_sha_sitc"),
            Lane("port_vncli", "port_jptyo", "fcl_cli_tyo_wan_hai"),
        ),
        note="Bảng giá cước FCL cho đại lý, áp dụng đến hết hiệu lực.",
    ),
    Demo(
        "phuoclong_rtm", "tung", "dieu_phuoc_long", "sea_fcl", "port_vncli",
        "port_nlrtm", -5, "Nhân điều W320, thùng thiếc", "cashew_nuts",
        lead="phuoclong_rtm", incoterm="CIF", containers=(("20gp", 10),),
        packages=7000, package_kind="thùng", gross_weight=120000, volume=260,
        rates=("fcl_cli_rtm_one",),
    ),
    Demo(
        "choxanh_lcl", "lan", "cho_xanh_online", "sea_lcl", "port_vncli",
        "port_uslax", -5, "Đồ thủ công mỹ nghệ, hàng bán online", "handicrafts",
        lead="choxanh_fba", incoterm="DAP", packages=240,
        package_kind="thùng carton", gross_weight=2100, volume=12,
        place_of_delivery="Kho Amazon FBA ONT8, California",
        rates=("lcl_cli_lax_apx",),
    ),
    Demo(
        "kbvina_icn", "hung", "dien_tu_kinh_bac", "air", "airport_han",
        "airport_icn", -4, "Linh kiện điện tử (bo mạch)",
        "electronics_components", lead="kbvina_air_icn", incoterm="FCA",
        packages=150, package_kind="thùng carton", gross_weight=1800, volume=9,
        validity=10, template=False, rates=("air_han_icn_korean_air",),
    ),
    Demo(
        "mientay_sha", "tung", "trai_cay_mien_tay", "sea_fcl", "port_vncli",
        "port_cnsha", -2, "Sầu riêng Ri6 tươi", "fruit_vegetables",
        lead="mientay_sha", incoterm="CFR", containers=(("40rf", 5),),
        packages=5500, package_kind="thùng carton", gross_weight=95000,
        volume=300, reefer_temperature=3, rates=("fcl_cli_sha_wan_hai_reefer",),
        freight_margin=0.01,
        note="Giá sát để giành lô đầu vụ: chờ anh Hùng duyệt biên lợi nhuận.",
    ),
    Demo(
        "minhphat_tender", "lan", "go_minh_phat", "sea_fcl", "port_vncli",
        "port_uslax", -1, "Đồ gỗ nội thất các nhà máy của tập đoàn",
        "furniture_wood_products", lead="minh_phat_group_tender", incoterm="FOB",
        containers=(("40hc", 25),), packages=6000, package_kind="kiện",
        gross_weight=225000, volume=1675, rates=("fcl_cli_lax_evergreen",),
        sent=None,
    ),
    # -- Tùng: reefers and garments, Asia and the US --
    Demo(
        "namcan_tyo_old", "tung", "thuy_san_nam_can", "sea_fcl", "port_vncli",
        "port_jptyo", -115, "Tôm thẻ đông lạnh", "seafood", incoterm="CFR",
        containers=(("40rf", 2),), packages=2200, package_kind="thùng carton",
        gross_weight=48000, volume=120, reefer_temperature=-20, carrier="one",
        charges=(
            Charge("of", 1750, "40rf"),
            Charge("baf", 160, "40rf"),
            Charge("afr", 30, unit="per_bill"),
        ),
        outcome=("won", 5),
    ),
    Demo(
        "taydo_lgb", "tung", "thuy_san_tay_do", "sea_fcl", "port_vncli",
        "port_uslgb", -100, "Cá tra phi lê đông lạnh", "seafood", incoterm="CFR",
        containers=(("40rf", 3),), packages=3300, package_kind="thùng carton",
        gross_weight=72000, volume=180, reefer_temperature=-18, carrier="one",
        charges=(
            Charge("of", 4400, "40rf"),
            Charge("baf", 380, "40rf"),
            Charge("ams", 35, unit="per_bill"),
        ),
        outcome=(
            "lost", 7, LOST_PRICE, "Công ty CP Logistics Đại Dương Xanh", 15300.0,
            "Đối thủ chào 5.100 USD/40RF all-in, thấp hơn mình khoảng 6%.",
        ),
    ),
    Demo(
        "hbxhp_ham", "tung", "may_hbx_hai_phong", "sea_fcl", "port_vnhph",
        "port_deham", -85, "Quần áo may sẵn", "garments_textiles", incoterm="FOB",
        containers=(("40hc", 4),), packages=2600, package_kind="thùng carton",
        gross_weight=28000, volume=265, carrier="maersk",
        extra={"transit_days": 40},
        charges=(
            Charge("of", 3600, "40hc"),
            Charge("baf", 460, "40hc"),
            Charge("ens", 35, unit="per_bill"),
        ),
        outcome=(
            "lost", 6, "freight_quotation.lost_reason_transit_time",
            "Công ty TNHH Giao nhận Bắc Hải", 16900.0,
            "Khách cần tàu thẳng 32 ngày; tuyến qua Tanjung Pelepas mất 40 ngày.",
        ),
    ),
]  # fmt: skip


class FreightQuotationDemo(models.AbstractModel):
    _name = "freight.quotation.demo"
    _description = "Demo Quotations"

    @api.model
    def _load_demo(self):
        """Build the demo quotations once (the demo file is loaded at install
        only; the xml ids guard against a second load)."""
        if self.env.ref(
            "freight_quotation.quotation_chaudoc_mnl_demo", raise_if_not_found=False
        ):
            return
        # Days counted as the other demo files count them (DateTime.today()).
        today = fields.Date.today()
        built = self.env["freight.quotation"]
        for demo in sorted(DEMO, key=lambda demo: demo.day):
            built |= self._demo_build(demo, today)
        # The daily cron, as it ran: the sent quotations past their validity
        # expire (the day after it), the ones ending soon get a reminder.
        self.env["freight.quotation"]._cron_expiry()
        for quotation in built.filtered(lambda quotation: quotation.state == "expired"):
            quotation.write(
                {"decision_date": quotation.validity_date + timedelta(days=1)}
            )
        # Sending stamps the customer with today: stamp the day it was sent.
        for customer in built.partner_id:
            sent = built.filtered(
                lambda quotation, customer=customer: quotation.partner_id == customer
                and quotation.sent_date
            )
            if sent:
                # sudo: the field is the quotation module's own record of it.
                customer.sudo().last_quotation_date = max(sent.mapped("sent_date"))

    def _demo_build(self, demo, today):
        """One quotation, created, priced and decided as its salesperson."""
        user = self.env.ref(USERS[demo.user])
        date = today + timedelta(days=demo.day)
        validity = date + timedelta(days=demo.validity)
        Quotation = (
            self.env["freight.quotation"]
            .with_user(user)
            .with_context(ir_sequence_date=date)
        )
        # Created and sent today, as if on its day: valid at least until the
        # salesperson's today for the checks of sending (see _demo_send).
        quotation = Quotation.create(
            self._demo_values(
                demo, date, max(validity, fields.Date.context_today(Quotation))
            )
        )
        self._demo_price(quotation, demo)
        quotations = quotation
        if demo.sent is not None:
            self._demo_send(quotation, date + timedelta(days=demo.sent), validity)
            quotations |= self._demo_decide(quotation, demo, date)
        self._demo_register(demo.key, quotation)
        return quotations

    def _demo_values(self, demo, date, validity):
        ref = self.env.ref
        partner = ref(f"freight_crm.partner_{demo.partner}_demo")
        values = {
            "kind": demo.kind,
            "partner_id": partner.id,
            "contact_id": partner.child_ids.filtered(lambda child: not child.is_company)
            .sorted("id")[:1]
            .id,
            "mode": demo.mode,
            "direction": demo.direction,
            "pol_id": ref(f"freight_crm.{demo.pol}").id,
            "pod_id": ref(f"freight_crm.{demo.pod}").id,
            "commodity": demo.commodity,
            "packages": demo.packages,
            "package_kind": demo.package_kind,
            "gross_weight": demo.gross_weight,
            "volume": demo.volume,
            "date": date,
            "validity_date": validity,
            "container_ids": [
                Command.create(
                    {
                        "container_type_id": ref(f"freight_crm.container_{code}").id,
                        "quantity": quantity,
                    }
                )
                for code, quantity in demo.containers
            ],
            **demo.extra,
        }
        if demo.lead:
            values["lead_id"] = ref(f"freight_crm.lead_{demo.lead}_demo").id
        if demo.commodity_id:
            values["commodity_id"] = ref(
                f"freight_crm.classification_commodity_{demo.commodity_id}"
            ).id
        if demo.incoterm:
            values["incoterm_id"] = ref(f"account.incoterm_{demo.incoterm}").id
        if demo.reefer_temperature is not None:
            values.update(reefer=True, reefer_temperature=demo.reefer_temperature)
        for fname in ("place_of_receipt", "place_of_delivery"):
            if getattr(demo, fname):
                values[fname] = getattr(demo, fname)
        if demo.note:
            values["note"] = demo.note
        if demo.template:
            values["template_id"] = (
                self.env["freight.quotation.template"]
                .search([("mode", "=", demo.mode)], limit=1)
                .id
            )
        return values

    def _demo_price(self, quotation, demo):
        """Prices: from the buying rates valid on the day (the filler), or by
        hand (lanes with no rate on file that day), then the markup."""
        if demo.rates:
            # As on the form: each option gets its rate (an option added
            # copies the template's standard charges), then "fill from rates".
            for index, key in enumerate(demo.rates):
                if index:
                    quotation.action_add_option()
                rate = self.env.ref(f"freight_rates.rate_{key}_demo")
                if not (
                    rate.state == "active"
                    and rate.valid_from <= quotation.date <= rate.valid_to
                ):
                    raise ValueError(f"{rate.name} is not in force on {quotation.date}")
                quotation.option_ids[-1].rate_id = rate
            quotation.action_fill_from_rates()
            if len(demo.rates) > 1:
                # The carriers tell the options apart.
                quotation.option_ids.name = False
        elif demo.lanes:
            self._demo_price_lanes(quotation, demo)
        else:
            self._demo_price_by_hand(quotation, demo)
        if demo.freight_margin:
            for line in quotation.line_ids.filtered(
                lambda line: line.charge_group == "freight"
            ):
                line.sell_price = line.sell_currency_id.round(
                    line.buy_price * (1 + demo.freight_margin)
                )

    def _demo_price_by_hand(self, quotation, demo):
        ref = self.env.ref
        option = quotation.option_ids[:1]
        if demo.carrier:
            option.carrier_id = ref(f"freight_crm.carrier_{demo.carrier}")
        rate = demo.rate and ref(f"freight_rates.rate_{demo.rate}_demo")
        if rate:
            option.write(
                {
                    "rate_id": rate.id,
                    "carrier_id": rate.carrier_id.id,
                    "via_id": rate.transshipment_id.id,
                    "transit_days": rate.transit_days,
                }
            )
        # A charge priced by hand replaces the template's standard one.
        priced = {ref(f"freight_crm.charge_{charge.charge}") for charge in demo.charges}
        option.line_ids.filtered(lambda line: line.charge_type_id in priced).unlink()
        values, sells = [], []
        for charge in demo.charges:
            vals = {
                "quotation_id": quotation.id,
                "option_id": option.id,
                "charge_type_id": ref(f"freight_crm.charge_{charge.charge}").id,
                "buy_price": charge.buy,
                "buy_currency_id": ref(f"base.{charge.currency}").id,
                "sell_currency_id": ref(f"base.{charge.currency}").id,
            }
            if charge.unit or charge.container:
                vals["unit"] = charge.unit or "per_container"
            if charge.container:
                vals["container_type_id"] = ref(
                    f"freight_crm.container_{charge.container}"
                ).id
            if rate:
                price = self._demo_rate_price(rate, quotation.date, vals, charge)
                vals.update(
                    rate_line_id=price.id,
                    buy_price=price.amount,
                    buy_currency_id=price.currency_id.id,
                    sell_currency_id=price.currency_id.id,
                    unit=price.unit,
                )
            values.append(vals)
            sells.append(charge.sell)
        lines = self.env["freight.quotation.line"].create(values)
        lines._apply_markup()
        for line, sell in zip(lines, sells, strict=True):
            if sell:
                line.sell_price = sell
        if rate and not quotation.transit_days:
            quotation.write(
                {
                    "transit_days": rate.transit_days,
                    "free_dem_days": rate.free_dem_days,
                    "free_det_days": rate.free_det_days,
                }
            )

    def _demo_rate_price(self, rate, date, vals, charge):
        """The price of ``rate`` a charge priced by hand came from, on a day
        the rate was in force."""
        if not rate.valid_from <= date <= rate.valid_to:
            raise ValueError(f"{rate.name} was not in force on {date}")
        price = rate.line_ids.filtered(
            lambda price: price.charge_type_id.id == vals["charge_type_id"]
            and price.container_type_id.id == vals.get("container_type_id", False)
            and (price.weight_break or "") == charge.weight_break
        )
        if len(price) != 1:
            raise ValueError(f"{rate.name} has no single price for {charge}")
        return price

    def _demo_price_lanes(self, quotation, demo):
        """A rate offer: one option per lane, its ocean freight per container
        type from the lane's rate."""
        ref = self.env.ref
        options = quotation.option_ids
        for index, lane in enumerate(demo.lanes):
            rate = ref(f"freight_rates.rate_{lane.rate}_demo")
            if not rate.valid_from <= quotation.date <= rate.valid_to:
                raise ValueError(f"{rate.name} is not in force on {quotation.date}")
            vals = {
                "sequence": index + 1,
                "rate_id": rate.id,
                "carrier_id": rate.carrier_id.id,
                "via_id": rate.transshipment_id.id,
                "transit_days": rate.transit_days,
                "pol_id": ref(f"freight_crm.{lane.pol}").id,
                "pod_id": ref(f"freight_crm.{lane.pod}").id,
            }
            if index < len(options):
                options[index].write(vals)
            else:
                quotation.write({"option_ids": [Command.create(vals)]})
        values = []
        for option, lane in zip(quotation.option_ids, demo.lanes, strict=True):
            for code in lane.containers:
                container = ref(f"freight_crm.container_{code}")
                price = option.rate_id.line_ids.filtered(
                    lambda price, container=container: price.line_type == "freight"
                    and price.container_type_id == container
                )
                values.append(
                    {
                        "quotation_id": quotation.id,
                        "option_id": option.id,
                        "charge_type_id": price.charge_type_id.id,
                        "unit": price.unit,
                        "container_type_id": container.id,
                        "rate_line_id": price.id,
                        "buy_price": price.amount,
                        "buy_currency_id": price.currency_id.id,
                        "sell_currency_id": price.currency_id.id,
                    }
                )
        self.env["freight.quotation.line"].create(values)._apply_markup()

    def _demo_send(self, quotation, sent_date, validity):
        """Send as on its day: the checks of the day it was sent see it valid;
        afterwards it keeps the validity the customer read."""
        quotation.action_send()
        if quotation.validity_date != validity:
            # sudo: the sent quotation's validity is locked to its salesperson;
            # it was only moved to today so that sending it today passes.
            quotation.sudo().with_context(tracking_disable=True).write(
                {"validity_date": validity}
            )
        if quotation.state == "sent":
            quotation.write({"sent_date": sent_date})

    def _demo_decide(self, quotation, demo, date):
        """The customer's answer, on its day. Returns the quotations made."""
        made = quotation.browse()
        if not demo.outcome:
            return made
        kind, *args = demo.outcome
        if kind == "won":
            if demo.choose:
                quotation.selected_option_id = quotation.option_ids[demo.choose - 1]
            quotation.action_mark_won()
            quotation.write({"decision_date": date + timedelta(days=args[0])})
        elif kind == "lost":
            days, reason, competitor, price, note = args
            quotation._set_lost(
                self.env.ref(reason),
                note=note,
                competitor=competitor,
                price=price,
                currency=self.env.ref("base.USD"),
            )
            quotation.write({"decision_date": date + timedelta(days=days)})
        elif kind == "revised":
            days, discount, won_after = args
            made = self._demo_revise(quotation, demo, date + timedelta(days=days))
            made.action_mark_won()
            made.write({"decision_date": made.date + timedelta(days=won_after)})
        return made

    def _demo_revise(self, quotation, demo, date):
        """The customer asked for a better price: a revision, freight
        discounted, sent the same day."""
        action = quotation.action_revise()
        revision = quotation.browse(action["res_id"])
        validity = date + timedelta(days=demo.validity)
        revision.write(
            {
                "date": date,
                "validity_date": max(validity, fields.Date.context_today(revision)),
            }
        )
        discount = demo.outcome[2] / 100
        for line in revision.line_ids.filtered(
            lambda line: line.charge_group == "freight" and line.buy_price
        ):
            line.sell_price = line.sell_currency_id.round(
                line.sell_price * (1 - discount)
            )
        self._demo_send(revision, date, validity)
        self._demo_register(f"{demo.key}_r1", revision)
        return revision

    def _demo_register(self, key, quotation):
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"freight_quotation.quotation_{key}_demo",
                    "record": quotation.sudo(),
                    "noupdate": True,
                }
            ]
        )
