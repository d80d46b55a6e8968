# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo booking requests: two months of shipments handed to the sea, air,
logistics and trucking departments, built the way the salespeople and the
operations members would have built them (create, request, tick the
checklist, accept, reject, close, cancel).

The story: Châu Đốc's first 20 containers of rice sailed to Manila and Năm
Căn's shrimp to Tokyo in October, both closed; Quế Võ's precision parts flew
to Nagoya and May Hòa Bình Xanh's export clearance was done in early
November; Minh Phát's six containers of furniture were trucked from VSIP II
to Cát Lái and sailed for Long Beach last week. Ban Mê's coffee to Hamburg,
May HBX's jackets by air to Los Angeles and HBX Đồng Nai's fabric from Cát
Lái to Long Bình are accepted and leave in the coming days; HBX Đồng Nai's
fifteen containers to Los Angeles were rejected for a missing packing list.
Waiting for operations: Long An Phát's resin from Busan (since yesterday),
Mekong Mall's goods into the bonded warehouse, KB Vina's electronics to
Incheon and HBX Hải Phòng's containers to Lạch Huyện. Lái Thiêu's ceramics
clearance was cancelled when the buyer postponed; Tân Uyên's shoes to
Savannah are still a draft, waiting for the consignee.

Times: the requests are made today, then their stamps (requested, accepted,
rejected, done) and the ETDs of past shipments are put back to the day they
happened, with sudo and without tracking (see ``_demo_clock``): the job
numbers, the chatter and the activities are the workflow's own, the time to
accept is the one the stamps give (2 to 30 hours).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models

SALES = {
    "lan": "freight_crm.user_sales_demo",
    "tung": "freight_crm.user_sales_2_demo",
    "hung": "freight_crm.user_sales_manager_demo",
}
# Each department's member in the demo (admin is in every one too).
OPERATIONS = {
    "sea": "freight_crm.user_operations_sea_demo",
    "air": "freight_booking.user_operations_air_demo",
    "logistics": "freight_booking.user_operations_logistics_demo",
    "trucking": "freight_booking.user_operations_trucking_demo",
}
REASONS = "freight_booking.reject_reason_"


@dataclass(frozen=True)
class Demo:
    key: str  # xml id: booking_<key>_demo
    user: str  # SALES key: the requester, the customer's salesperson
    department: str  # OPERATIONS key: who processes it
    etd: int  # requested ETD, in days from today
    transit: int  # ETA = ETD + transit days
    # "draft" | "requested" | "accepted" | "done" | "cancelled" |
    # ("rejected", reason, missing, note)
    outcome: tuple | str
    hours: float = 0.0  # requested this many hours ago
    accept_hours: float = 0.0  # accepted (or rejected) that long after
    quotation: str = ""  # freight_quotation.quotation_<quotation>_demo (won)
    partner: str = ""  # freight_crm.partner_<partner>_demo, without quotation
    lead: str = ""  # freight_crm.lead_<lead>_demo
    values: dict = field(default_factory=dict)  # the request's own fields
    containers: tuple = ()  # ((code, quantity), ...): replaces the quotation's
    # Partners abroad (freight_booking.partner_<key>_demo); the customer is
    # the shipper of its exports and the consignee of its imports.
    shipper: str = ""
    consignee: str = ""
    notify: str = ""
    # What operations book with the carrier, before accepting
    carrier: str = ""  # freight_crm.carrier_<carrier>
    vessel: str = ""
    operations_note: str = ""
    chat: tuple = ()  # ((SALES or OPERATIONS key, message), ...) after accepting


DEMO = [
    Demo(
        "namcan_tyo",
        "tung",
        "sea",
        etd=-52,
        transit=9,
        outcome="done",
        hours=62 * 24,
        accept_hours=6,
        quotation="namcan_tyo_old",
        consignee="kanto_marine",
        carrier="one",
        vessel="ONE HARMONY 012W",
        values={
            "hs_code": "0306.17",
            "cargo_ready_date": -55,
            "pickup_address": "Kho lạnh Năm Căn Xanh, Khóm 2, thị trấn Năm Căn, Cà Mau",
            "instructions": "<p>Cắm điện cont lạnh trước khi đóng hàng 6 tiếng, "
            "cài nhiệt độ -20°C. Cần Giấy chứng nhận kiểm dịch (NAFIQAD) "
            "trước cut-off.</p>",
            "customs_clearance": True,
        },
    ),
    Demo(
        "chaudoc_mnl",
        "lan",
        "sea",
        etd=-41,
        transit=4,
        outcome="done",
        hours=50 * 24,
        accept_hours=22,
        quotation="chaudoc_mnl",
        consignee="luzon_grains",
        notify="manila_brokers",
        carrier="wan_hai",
        vessel="WAN HAI 301 N215",
        operations_note="Đóng hàng tại kho Châu Đốc, kéo cont về Cát Lái bằng sà lan.",
        values={
            "hs_code": "1006.30",
            "cargo_ready_date": -45,
            "pickup_address": "Kho Lương thực Châu Đốc Xanh, Quốc lộ 91, phường "
            "Vĩnh Mỹ, TP. Châu Đốc, An Giang",
            "instructions": "<p>Đợt 1 gói thầu gạo Philippines: 20 cont 20'. "
            "Giấy chứng nhận hun trùng và C/O form D theo bộ chứng từ.</p>",
            "customs_clearance": True,
        },
    ),
    Demo(
        "quevo_ngo",
        "tung",
        "air",
        etd=-25,
        transit=1,
        outcome="done",
        hours=28 * 24,
        accept_hours=2.5,
        partner="linh_kien_que_vo",
        consignee="tokai_precision",
        carrier="vietnam_airlines",
        vessel="VN 0346",
        values={
            "mode": "air",
            "direction": "export",
            "pol_id": "airport_han",
            "pod_id": "airport_ngo",
            "commodity": "Bánh răng và trục truyền động chính xác",
            "commodity_id": "auto_parts",
            "hs_code": "8483.40",
            "packages": 36,
            "package_kind": "thùng gỗ",
            "gross_weight": 1260,
            "volume": 4.8,
            "incoterm_id": "FCA",
            "cargo_ready_date": -26,
            "pickup_address": "Lô F3, KCN Quế Võ, phường Phương Liễu, TX. Quế Võ, "
            "Bắc Ninh",
            "instructions": "<p>Hàng chính xác: không xếp chồng quá 2 tầng, "
            "dán nhãn THIS SIDE UP.</p>",
        },
    ),
    Demo(
        "hbx_customs",
        "hung",
        "logistics",
        etd=-18,
        transit=0,
        outcome="done",
        hours=24 * 24,
        accept_hours=28,
        quotation="hbx_logistics",
        values={
            "hs_code": "6202.40",
            "cargo_ready_date": -20,
            "pickup_address": "Nhà máy May Hòa Bình Xanh, 268 Cộng Hòa, phường 13, "
            "quận Tân Bình, TP. Hồ Chí Minh",
            "delivery_address": "Cảng Tân Cảng – Cát Lái, phường Cát Lái, "
            "TP. Thủ Đức, TP. Hồ Chí Minh",
            "customs_clearance": True,
            "instructions": "<p>Mở tờ khai xuất khẩu, xin C/O form B, kéo 3 cont "
            "40HC từ nhà máy về Cát Lái trước cut-off.</p>",
        },
        operations_note="Tờ khai luồng xanh; C/O đã nhận.",
    ),
    Demo(
        "mpbd_truck",
        "lan",
        "trucking",
        etd=-6,
        transit=0,
        outcome="done",
        hours=13 * 24,
        accept_hours=3,
        partner="noi_that_minh_phat",
        containers=(("40hc", 6),),
        values={
            "mode": "trucking",
            "direction": "export",
            "pol_id": "port_vnstc",
            "pod_id": "port_vncli",
            "commodity": "Bàn ghế gỗ cao su",
            "commodity_id": "furniture_wood_products",
            "hs_code": "9403.60",
            "gross_weight": 54000,
            "pickup_address": "Lô C5, KCN VSIP II, phường Hòa Phú, TP. Thủ Dầu Một, "
            "Bình Dương (kho số 2, anh Tuấn 0908 112 233)",
            "delivery_address": "Cảng Tân Cảng – Cát Lái, TP. Thủ Đức, "
            "TP. Hồ Chí Minh (hạ bãi xuất tàu OOCL)",
            "instructions": "<p>Lấy rỗng tại ICD Sóng Thần, đóng hàng tại nhà máy "
            "ca sáng, hạ cont tại Cát Lái trước cut-off 17h.</p>",
        },
        operations_note="6 xe đầu kéo, biển số đã gửi kho nhà máy.",
    ),
    Demo(
        "mpbd_lgb",
        "lan",
        "sea",
        etd=-4,
        transit=22,
        outcome="accepted",
        hours=12 * 24,
        accept_hours=5,
        quotation="mpbd_lgb",
        consignee="pacific_home",
        notify="harbor_brokers",
        carrier="oocl",
        vessel="OOCL BRISBANE 118E",
        values={
            "hs_code": "9403.60",
            "cargo_ready_date": -7,
            "pickup_address": "Lô C5, KCN VSIP II, phường Hòa Phú, TP. Thủ Dầu Một, "
            "Bình Dương",
            "instructions": "<p>Khai AMS và ISF 10+2 trước khi xếp hàng 72 giờ; "
            "hàng gỗ cần chứng thư hun trùng.</p>",
        },
    ),
    Demo(
        "banme_ham",
        "lan",
        "sea",
        etd=6,
        transit=32,
        outcome="accepted",
        hours=6 * 24,
        accept_hours=9,
        quotation="banme_ham_r1",
        consignee="hanseatic_coffee",
        carrier="one",
        vessel="ONE HAMBURG EXPRESS 045W",
        values={
            "hs_code": "0901.11",
            "cargo_ready_date": 2,
            "pickup_address": "Kho Cà phê Cao Nguyên Ban Mê, Km 7 Quốc lộ 14, "
            "phường Tân Hòa, TP. Buôn Ma Thuột, Đắk Lắk",
            "instructions": "<p>Lót giấy kraft và túi hút ẩm trong cont; giấy "
            "chứng nhận chất lượng và xuất xứ (ICO) theo bộ chứng từ. "
            "Khai ENS trước khi xếp hàng.</p>",
            "customs_clearance": True,
        },
        chat=(
            (
                "sea",
                "Chị Lan ơi, hãng tàu cắt máng thứ Tư 17h: nhờ khách gửi VGM và "
                "chi tiết B/L trước 10h thứ Tư nhé.",
            ),
            ("lan", "Đã báo khách, sáng thứ Ba em gửi bản nháp B/L cho anh."),
        ),
    ),
    Demo(
        "hbx_air_lax",
        "hung",
        "air",
        etd=2,
        transit=2,
        outcome="accepted",
        hours=3 * 24,
        accept_hours=2,
        partner="may_hoa_binh_xanh",
        consignee="sunset_coast",
        carrier="eva_air",
        vessel="BR 0396 / BR 0012",
        values={
            "mode": "air",
            "direction": "export",
            "pol_id": "airport_sgn",
            "pod_id": "airport_lax",
            "commodity": "Áo khoác nữ, hàng may mặc đóng thùng carton",
            "commodity_id": "garments_textiles",
            "hs_code": "6202.40",
            "packages": 180,
            "package_kind": "thùng carton",
            "gross_weight": 2350,
            "volume": 14.2,
            "incoterm_id": "FCA",
            "cargo_ready_date": 1,
            "pickup_address": "Nhà máy May Hòa Bình Xanh, 268 Cộng Hòa, phường 13, "
            "quận Tân Bình, TP. Hồ Chí Minh",
            "instructions": "<p>Hàng cho đợt khuyến mãi Black Friday: giao kho "
            "Vernon trước ngày 5. Soi chiếu an ninh tại TCS.</p>",
        },
    ),
    Demo(
        "hbxdn_truck",
        "tung",
        "trucking",
        etd=3,
        transit=0,
        outcome="accepted",
        hours=2 * 24,
        accept_hours=14,
        quotation="hbxdn_truck",
        values={
            "hs_code": "5407.61",
            "pickup_address": "Cảng Tân Cảng – Cát Lái, TP. Thủ Đức, TP. Hồ Chí Minh "
            "(cont nhập, lệnh giao hàng đã có)",
            "delivery_address": "Nhà máy HBX, Đường 3A, KCN Biên Hòa 2, TP. Biên Hòa, "
            "Đồng Nai",
            "instructions": "<p>Đi qua ICD Tân Cảng Long Bình; rút ruột tại nhà máy, "
            "trả rỗng trong ngày.</p>",
        },
        operations_note="Xe chạy 2 chuyến/ngày, xong trong 5 ngày.",
    ),
    Demo(
        "hbxdn_lax",
        "tung",
        "sea",
        etd=12,
        transit=20,
        outcome=(
            "rejected",
            "missing_documents",
            "Packing list chi tiết theo từng cont và số lượng cont đợt này.",
            "Hãng tàu chỉ cấp booking 15 cont khi có packing list.",
        ),
        hours=3 * 24,
        accept_hours=6,
        quotation="hbxdn_lax",
        consignee="westline_apparel",
        values={
            "hs_code": "6203.42",
            "cargo_ready_date": 9,
            "pickup_address": "Nhà máy HBX Đồng Nai, Đường 3A, KCN Biên Hòa 2, "
            "TP. Biên Hòa, Đồng Nai",
        },
    ),
    Demo(
        "lap_pus",
        "tung",
        "sea",
        etd=5,
        transit=6,
        outcome="requested",
        hours=26,
        quotation="lap_pus",
        shipper="daesan_polymer",
        values={
            "hs_code": "3902.10",
            "cargo_ready_date": 3,
            "delivery_address": "Nhà máy Nhựa Bao bì Long An Phát, KCN Đức Hòa 1, "
            "huyện Đức Hòa, Long An",
            "customs_clearance": True,
            "instructions": "<p>Hàng nhập: khai hải quan tại Cát Lái, kéo cont "
            "về nhà máy Đức Hòa.</p>",
        },
    ),
    Demo(
        "mekong_bonded",
        "tung",
        "logistics",
        etd=8,
        transit=5,
        outcome="requested",
        hours=20,
        partner="mekong_mall",
        shipper="hanul_trading",
        containers=(("40hc", 2),),
        values={
            "mode": "logistics",
            "direction": "import",
            "pol_id": "port_krpus",
            "pod_id": "port_vncli",
            "commodity": "Mỹ phẩm và đồ gia dụng Hàn Quốc",
            "commodity_id": "chemicals",
            "hs_code": "3304.99",
            "packages": 1150,
            "package_kind": "thùng carton",
            "gross_weight": 16800,
            "volume": 128,
            "place_of_delivery": "Kho ngoại quan Sóng Thần, TP. Dĩ An, Bình Dương",
            "delivery_address": "Kho ngoại quan Sóng Thần, Đường số 6, "
            "KCN Sóng Thần 1, TP. Dĩ An, Bình Dương",
            "customs_clearance": True,
            "instructions": "<p>Đưa hàng vào kho ngoại quan chờ phân phối; "
            "mở tờ khai nhập kho ngoại quan, kiểm đếm và dán nhãn phụ "
            "tiếng Việt theo từng SKU.</p>",
        },
    ),
    Demo(
        "kbvina_icn",
        "hung",
        "air",
        etd=3,
        transit=1,
        outcome="requested",
        hours=3,
        partner="dien_tu_kinh_bac",
        lead="kbvina_air_icn",
        consignee="hanbit_electronics",
        values={
            "mode": "air",
            "direction": "export",
            "pol_id": "airport_han",
            "pod_id": "airport_icn",
            "commodity": "Bo mạch điện tử lắp ráp",
            "commodity_id": "electronics_components",
            "hs_code": "8473.30",
            "packages": 64,
            "package_kind": "thùng carton",
            "gross_weight": 920,
            "volume": 5.1,
            "incoterm_id": "FCA",
            "cargo_ready_date": 2,
            "pickup_address": "Lô CN-05, KCN Yên Phong, huyện Yên Phong, Bắc Ninh",
            "instructions": "<p>Hàng nhạy tĩnh điện: đóng túi chống tĩnh điện, "
            "không để chung với hàng nguy hiểm.</p>",
        },
    ),
    Demo(
        "hbxhp_truck",
        "tung",
        "trucking",
        etd=4,
        transit=0,
        outcome="requested",
        hours=1,
        partner="may_hbx_hai_phong",
        containers=(("40hc", 4),),
        values={
            "mode": "trucking",
            "direction": "export",
            "pol_id": "port_vndvu",
            "pod_id": "port_vnhph",
            "commodity": "Quần áo may sẵn",
            "commodity_id": "garments_textiles",
            "hs_code": "6203.43",
            "gross_weight": 26000,
            "pickup_address": "Lô B2, KCN An Dương, huyện An Dương, Hải Phòng "
            "(chị Hạnh, 0912 334 556)",
            "delivery_address": "Cảng Lạch Huyện, huyện Cát Hải, Hải Phòng",
            "instructions": "<p>Lấy rỗng tại depot Đình Vũ, đóng hàng ca chiều, "
            "hạ cont tại Lạch Huyện trước 20h.</p>",
        },
    ),
    Demo(
        "laithieu_customs",
        "lan",
        "logistics",
        etd=-2,
        transit=0,
        outcome="cancelled",
        hours=10 * 24,
        partner="gom_lai_thieu",
        containers=(("40hc", 2),),
        values={
            "mode": "logistics",
            "direction": "export",
            "pol_id": "port_vncli",
            "commodity": "Gốm sứ gia dụng men màu",
            "commodity_id": "ceramics_stone",
            "hs_code": "6912.00",
            "packages": 820,
            "package_kind": "thùng carton",
            "gross_weight": 19500,
            "volume": 120,
            "pickup_address": "58 Phan Đình Phùng, phường Lái Thiêu, TP. Thuận An, "
            "Bình Dương",
            "customs_clearance": True,
            "instructions": "<p>Thông quan xuất khẩu và kéo 2 cont về Cát Lái.</p>",
        },
    ),
    Demo(
        "tanuyen_sav",
        "lan",
        "sea",
        etd=20,
        transit=30,
        outcome="draft",
        partner="giay_tan_uyen",
        lead="tanuyen_sav",
        containers=(("40hc", 4),),
        values={
            "mode": "sea_fcl",
            "direction": "export",
            "pol_id": "port_vncmt",
            "pod_id": "port_ussav",
            "commodity": "Giày da thành phẩm",
            "commodity_id": "footwear",
            "hs_code": "6403.99",
            "packages": 5200,
            "package_kind": "thùng carton",
            "gross_weight": 30000,
            "volume": 270,
            "incoterm_id": "FOB",
            "cargo_ready_date": 16,
            "pickup_address": "KCN Nam Tân Uyên, phường Khánh Bình, TP. Tân Uyên, "
            "Bình Dương",
        },
    ),
]

# What the values of a demo name by xml id
REFS = {
    "pol_id": "freight_crm.{}",
    "pod_id": "freight_crm.{}",
    "commodity_id": "freight_crm.classification_commodity_{}",
    "incoterm_id": "account.incoterm_{}",
}
DAYS = ("cargo_ready_date",)


class FreightBookingDemo(models.AbstractModel):
    _name = "freight.booking.demo"
    _description = "Booking Request Demo Data"

    @api.model
    def _load_demo(self):
        """Build the demo requests once (the demo file runs again on an
        update: the xml id of the first one guards against a second load)."""
        if self.env.ref(
            "freight_booking.booking_namcan_tyo_demo", raise_if_not_found=False
        ):
            return
        now = fields.Datetime.now()
        # The salespeople's today (Ho Chi Minh City), which the request's
        # checks use.
        today = fields.Date.context_today(self.with_user(self.env.ref(SALES["lan"])))
        # The oldest first: the numbers follow the weeks; the drafts last.
        for demo in sorted(DEMO, key=lambda demo: -demo.hours):
            self._demo_build(demo, today, now)

    def _demo_values(self, demo, today):
        ref = self.env.ref
        Request = self.env["freight.booking.request"]
        if demo.quotation:
            values = Request._values_from_quotation(
                ref(f"freight_quotation.quotation_{demo.quotation}_demo")
            )
        else:
            values = {"partner_id": ref(f"freight_crm.partner_{demo.partner}_demo").id}
        if demo.lead:
            values["lead_id"] = ref(f"freight_crm.lead_{demo.lead}_demo").id
        for fname, value in demo.values.items():
            if fname in REFS:
                value = ref(REFS[fname].format(value)).id
            elif fname in DAYS:
                value = today + timedelta(days=value)
            values[fname] = value
        if demo.containers:
            values["container_ids"] = [
                Command.create(
                    {
                        "container_type_id": ref(f"freight_crm.container_{code}").id,
                        "quantity": quantity,
                    }
                )
                for code, quantity in demo.containers
            ]
        parties = {
            "shipper_id": demo.shipper,
            "consignee_id": demo.consignee,
            "notify_party_id": demo.notify,
        }
        for fname, key in parties.items():
            if key:
                values[fname] = ref(f"freight_booking.partner_{key}_demo").id
        own = {"export": "shipper_id", "import": "consignee_id"}.get(
            values.get("direction")
        )
        if own and not values.get(own):
            values[own] = values["partner_id"]
        # Requested today, as if on its day: a past ETD is put back afterwards
        # (the request refuses an ETD in the past, rightly).
        etd = max(today + timedelta(days=demo.etd), today)
        values.update(etd=etd, eta=etd + timedelta(days=demo.transit))
        return values

    def _demo_build(self, demo, today, now):
        ref = self.env.ref
        user = ref(SALES[demo.user])
        operations = ref(OPERATIONS[demo.department])
        # Requested and decided in the company's working hours, as the time to
        # accept counts them.
        calendar = self.env.company.resource_calendar_id
        requested_at = now - timedelta(hours=demo.hours)
        if calendar:
            requested_at = calendar.plan_hours(0.25, requested_at) or requested_at
        request = (
            self.env["freight.booking.request"]
            .with_user(user)
            .with_context(ir_sequence_date=fields.Date.to_string(requested_at))
            .create(self._demo_values(demo, today))
            .with_context(ir_sequence_date=False)
        )
        if request.department_id != ref(
            f"freight_booking.department_{demo.department}"
        ):
            raise ValueError(f"{demo.key} goes to {request.department_id.name}")
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"freight_booking.booking_{demo.key}_demo",
                    "record": request.sudo(),
                    "noupdate": True,
                }
            ]
        )
        if demo.outcome == "draft":
            return request
        posted = self._demo_date(request, requested_at - timedelta(minutes=40))
        request.action_request()
        etd = today + timedelta(days=demo.etd)
        self._demo_clock(
            request,
            requested_at=requested_at,
            etd=etd,
            eta=etd + timedelta(days=demo.transit),
        )
        # The department's activity was due the day it was requested.
        request.sudo().activity_ids.date_deadline = fields.Date.context_today(
            request.with_user(operations), requested_at
        )
        posted = self._demo_date(request, requested_at, posted)
        if demo.outcome == "cancelled":
            request.action_cancel()
            self._demo_date(request, requested_at + timedelta(days=2), posted)
            return request
        decided_at = requested_at + timedelta(hours=demo.accept_hours)
        if calendar:
            decided_at = (
                calendar.plan_hours(demo.accept_hours, requested_at) or decided_at
            )
        as_operations = request.with_user(operations)
        if demo.outcome == "requested":
            return request
        if isinstance(demo.outcome, tuple):
            _kind, reason, missing, note = demo.outcome
            as_operations._reject(ref(REASONS + reason), missing, note)
            self._demo_clock(request, rejected_at=decided_at)
            self._demo_date(request, decided_at, posted)
            return request
        # Operations book the space, tick their checklist and open the job.
        booking = {}
        if demo.carrier:
            booking["carrier_id"] = ref(f"freight_crm.carrier_{demo.carrier}").id
        if demo.vessel:
            booking["vessel_voyage"] = demo.vessel
        if demo.operations_note:
            booking["operations_note"] = demo.operations_note
        if booking:
            as_operations.write(booking)
        as_operations.checklist_ids.write({"done": True})
        # sudo: ticked when it happened (the stamp is the checklist's own).
        request.checklist_ids.sudo().done_date = decided_at - timedelta(minutes=15)
        as_operations.action_accept()
        self._demo_clock(request, accepted_at=decided_at)
        posted = self._demo_date(request, decided_at, posted)
        for hours, (who, body) in enumerate(demo.chat, start=1):
            author = ref(SALES.get(who) or OPERATIONS[who])
            request.with_user(author).message_post(
                body=Markup("<p>%s</p>") % body,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            posted = self._demo_date(
                request, min(decided_at + timedelta(hours=2 * hours), now), posted
            )
        if demo.outcome == "done":
            as_operations.action_done()
            done_at = max(
                decided_at, fields.Datetime.to_datetime(etd) + timedelta(days=2)
            )
            self._demo_clock(request, done_at=min(done_at, now))
            self._demo_date(request, min(done_at, now), posted)
        return request

    def _demo_clock(self, request, **stamps):
        """Put the clock back to the day it happened."""
        # sudo: the stamps are the workflow's own, moved back in time; the
        # ETD of a shipment that has sailed since.
        request.sudo().with_context(tracking_disable=True).write(stamps)

    def _demo_date(self, request, when, after=0):
        """Date the messages posted on the request since message AFTER at
        WHEN, the time their step happened. Returns the last one's id."""
        # sudo: the chatter's dates, moved back with the stamps.
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("id", ">", after),
                ]
            )
        )
        messages.write({"date": when})
        return max(messages.ids, default=after)
