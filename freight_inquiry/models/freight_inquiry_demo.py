# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo inquiries: a forwarder's week, built the way sales and pricing
would have built them (create, submit, accept, reject, correct, send).

The story: Hùng asked two working hours ago for an urgent air price to
Frankfurt for May Hòa Bình Xanh; Châu accepted Nam Căn's frozen shrimp to
Tokyo and its quotation waits for Tùng; Chợ Xanh's LCL to Los Angeles was
rejected for missing dimensions, Lan added them and submitted it again; Bản
Mê's coffee to Hamburg was quoted; Tây Đô's reefers to Long Beach are overdue;
Phước Long's cashews were refused for lack of space; Minh Phát postponed; Châu
Đốc's rice to Abidjan is still a draft.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from odoo import Command, api, fields, models

USERS = {
    "lan": "freight_crm.user_sales_demo",
    "tung": "freight_crm.user_sales_2_demo",
    "hung": "freight_crm.user_sales_manager_demo",
    "chau": "freight_crm.user_pricing_demo",
}
REASONS = "freight_inquiry.reject_reason_"


@dataclass(frozen=True)
class Demo:
    key: str  # xml id: inquiry_<key>_demo
    user: str
    partner: str  # freight_crm.partner_<partner>_demo
    mode: str
    pol: str  # freight_crm.<pol>
    pod: str
    commodity: str
    lead: str = ""  # freight_crm.lead_<lead>_demo
    containers: tuple = ()  # ((code, quantity), ...)
    ready: int = 7  # cargo ready, days from today
    hours: float = 0.0  # submitted this many hours ago (0: not submitted)
    due: float = 24.0  # answer due, hours from now (negative: overdue)
    assignee: bool = True  # assigned to Châu
    # "accepted" | "quoted" | ("rejected", reason, note) |
    # ("corrected", reason, note, fix) | ("cancelled",)
    outcome: tuple = ()
    extra: dict = field(default_factory=dict)


DEMO = [
    Demo(
        "hbx_air_fra",
        "hung",
        "may_hoa_binh_xanh",
        "air",
        "airport_sgn",
        "airport_fra",
        "Áo khoác nữ, hàng may mặc đóng thùng carton",
        lead="hbx_air_fra",
        ready=2,
        hours=2,
        due=2,
        extra={
            "priority": "1",
            "packages": 64,
            "package_kind": "thùng carton",
            "gross_weight": 1850,
            "volume": 9.6,
            "dimensions": "60 x 40 x 40 cm",
            "note": "<p>Hàng mẫu cho hội chợ: cần bay trước thứ Sáu.</p>",
        },
    ),
    Demo(
        "namcan_tyo",
        "tung",
        "thuy_san_nam_can",
        "sea_fcl",
        "port_vncli",
        "port_jptyo",
        "Tôm sú đông lạnh",
        lead="namcan_tyo",
        containers=(("40rh", 2),),
        ready=10,
        hours=26,
        outcome=("accepted",),
        extra={"reefer": True, "reefer_temperature": -18.0, "gross_weight": 52000},
    ),
    Demo(
        "choxanh_lax",
        "lan",
        "cho_xanh_online",
        "sea_lcl",
        "port_vncli",
        "port_uslax",
        "Đồ gia dụng bán trên Amazon",
        lead="choxanh_fba",
        ready=12,
        hours=30,
        due=20,
        outcome=(
            "corrected",
            "missing_details",
            "Kích thước kiện? Cần để tính CBM cho kho FBA.",
            "120 x 100 x 150 cm, 12 pallet",
        ),
        extra={
            "packages": 12,
            "package_kind": "pallet",
            "gross_weight": 3600,
            "volume": 21.6,
        },
    ),
    Demo(
        "banme_ham",
        "lan",
        "ca_phe_ban_me",
        "sea_fcl",
        "port_vncli",
        "port_deham",
        "Cà phê Robusta nhân xô, bao đay 60 kg",
        lead="banme_ham",
        containers=(("20gp", 2),),
        ready=9,
        hours=75,
        outcome=("quoted",),
        extra={"packages": 640, "package_kind": "bao", "gross_weight": 38400},
    ),
    Demo(
        "taydo_lgb",
        "tung",
        "thuy_san_tay_do",
        "sea_fcl",
        "port_vncli",
        "port_uslgb",
        "Cá tra phi lê đông lạnh",
        lead="taydo_lgb",
        containers=(("40rh", 2),),
        ready=8,
        hours=27,
        due=-3,
        assignee=False,
        extra={"reefer": True, "reefer_temperature": -20.0, "gross_weight": 50000},
    ),
    Demo(
        "phuoclong_rtm",
        "tung",
        "dieu_phuoc_long",
        "sea_fcl",
        "port_vncli",
        "port_nlrtm",
        "Hạt điều nhân WW320, thùng carton",
        lead="phuoclong_rtm",
        containers=(("20gp", 2),),
        ready=5,
        hours=50,
        outcome=(
            "rejected",
            "no_space",
            "Tàu tuần này hết chỗ, chỉ nhận hàng từ tuần sau.",
        ),
        extra={"gross_weight": 31000},
    ),
    Demo(
        "mpbd_lgb",
        "lan",
        "noi_that_minh_phat",
        "sea_fcl",
        "port_vncli",
        "port_uslgb",
        "Bàn ghế gỗ",
        lead="mpbd_lgb",
        containers=(("40hc", 3),),
        ready=20,
        outcome=("cancelled",),
        extra={"gross_weight": 36000},
    ),
    Demo(
        "tanphu_pus",
        "tung",
        "giao_nhan_tan_phu",
        "sea_fcl",
        "port_vncli",
        "port_krpus",
        "Hàng tổng hợp",
        lead="tanphu_pus",
        containers=(("40hc", 4),),
        ready=6,
        hours=5,
        due=4,
        extra={"gross_weight": 80000},
    ),
    Demo(
        "chaudoc_abj",
        "lan",
        "luong_thuc_chau_doc",
        "sea_fcl",
        "port_vncli",
        "port_ciabj",
        "Gạo trắng 5% tấm, bao PP 50 kg",
        lead="chaudoc_abj",
        containers=(("20gp", 10),),
        ready=25,
        extra={"packages": 5000, "package_kind": "bao", "gross_weight": 251000},
    ),
]


class FreightInquiryDemo(models.AbstractModel):
    _name = "freight.inquiry.demo"
    _description = "Service Inquiry Demo Data"

    @api.model
    def _load_demo(self):
        """Build the demo inquiries once (the demo file is loaded at install
        only; the xml ids guard against a second load)."""
        if self.env.ref(
            "freight_inquiry.inquiry_hbx_air_fra_demo", raise_if_not_found=False
        ):
            return
        now = fields.Datetime.now()
        # The oldest first: the numbers follow the week.
        for demo in sorted(DEMO, key=lambda demo: -demo.hours):
            self._demo_build(demo, now)

    def _demo_build(self, demo, now):
        ref = self.env.ref
        user = ref(USERS[demo.user])
        pricing = ref(USERS["chau"])
        values = {
            "user_id": user.id,
            "partner_id": ref(f"freight_crm.partner_{demo.partner}_demo").id,
            "mode": demo.mode,
            "direction": "export",
            "pol_id": ref(f"freight_crm.{demo.pol}").id,
            "pod_id": ref(f"freight_crm.{demo.pod}").id,
            "commodity": demo.commodity,
            "cargo_ready_date": fields.Date.context_today(self)
            + timedelta(days=demo.ready),
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
        if demo.assignee and demo.hours:
            values["pricing_user_id"] = pricing.id
        inquiry = self.env["freight.inquiry"].with_user(user).create(values)
        self.env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": f"freight_inquiry.inquiry_{demo.key}_demo",
                    "record": inquiry.sudo(),
                    "noupdate": True,
                }
            ]
        )
        kind = demo.outcome[0] if demo.outcome else ""
        if kind == "cancelled":
            inquiry.action_cancel()
            return inquiry
        if not demo.hours:
            return inquiry
        submitted = now - timedelta(hours=demo.hours)
        inquiry.action_submit()
        self._demo_clock(inquiry, submitted, submitted + timedelta(hours=8))
        as_pricing = inquiry.with_user(pricing)
        if kind in ("accepted", "quoted"):
            as_pricing.action_accept()
            self._demo_clock(inquiry, accepted_at=submitted + timedelta(hours=3))
            if kind == "quoted":
                quotation = inquiry.quotation_id.with_user(user)
                quotation.action_fill_from_rates()
                quotation.action_send()
        elif kind in ("rejected", "corrected"):
            reason = ref(REASONS + demo.outcome[1])
            as_pricing._reject(reason, demo.outcome[2])
            self._demo_clock(inquiry, rejected_at=submitted + timedelta(hours=4))
            if kind == "corrected":
                inquiry.write({"dimensions": demo.outcome[3]})
                inquiry.action_submit()
                resubmitted = now - timedelta(hours=2)
                self._demo_clock(inquiry, resubmitted, now + timedelta(hours=demo.due))
        if inquiry.state == "submitted":
            self._demo_clock(inquiry, response_due=now + timedelta(hours=demo.due))
        return inquiry

    def _demo_clock(self, inquiry, submitted_at=None, response_due=None, **stamps):
        """Put the clock back to the day it happened."""
        if submitted_at:
            stamps["submitted_at"] = submitted_at
        if response_due is not None:
            stamps["response_due"] = response_due
        # sudo: the stamps are the workflow's own, moved back in time.
        inquiry.sudo().with_context(tracking_disable=True).write(stamps)
