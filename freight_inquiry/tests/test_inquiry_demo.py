# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest import SkipTest

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInquiryDemo(TransactionCase):
    """The demo inquiries tell a forwarder's week, built through the
    workflow by the customers' salespeople and pricing. Checks the demo data
    itself, so only where it is loaded (`make run`, `make test`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env.ref(
            "freight_inquiry.inquiry_hbx_air_fra_demo", raise_if_not_found=False
        ):
            raise SkipTest("freight_inquiry demo data is not loaded")
        ids = (
            cls.env["ir.model.data"]
            .search(
                [
                    ("module", "=", "freight_inquiry"),
                    ("model", "=", "freight.inquiry"),
                    ("name", "=like", "inquiry_%_demo"),
                ]
            )
            .mapped("res_id")
        )
        cls.inquiries = cls.env["freight.inquiry"].browse(ids)
        cls.pricing = cls.env.ref("freight_crm.user_pricing_demo")

    def _ref(self, key):
        return self.env.ref(f"freight_inquiry.inquiry_{key}_demo")

    def test_every_state_once_or_more(self):
        self.assertGreaterEqual(len(self.inquiries), 9)
        states = set(self.inquiries.mapped("state"))
        self.assertEqual(
            states,
            {"draft", "submitted", "accepted", "rejected", "quoted", "cancelled"},
        )
        self.assertEqual(len(set(self.inquiries.mapped("name"))), len(self.inquiries))
        for inquiry in self.inquiries:
            with self.subTest(inquiry=inquiry.name):
                # The customer's own salesperson asked, on their opportunity.
                self.assertEqual(inquiry.user_id, inquiry.customer_user_id)
                if inquiry.lead_id:
                    self.assertEqual(
                        inquiry.lead_id.partner_id.commercial_partner_id,
                        inquiry.partner_id,
                    )
                    self.assertEqual(inquiry.lead_id.transport_mode, inquiry.mode)
                    self.assertEqual(inquiry.lead_id.origin_port_id, inquiry.pol_id)
                    self.assertEqual(
                        inquiry.lead_id.destination_port_id, inquiry.pod_id
                    )
                if inquiry.state != "draft" and inquiry.state != "cancelled":
                    self.assertTrue(inquiry.submitted_at)
                    self.assertTrue(inquiry.response_due)

    def test_the_week_s_story(self):
        urgent = self._ref("hbx_air_fra")
        self.assertEqual(
            (urgent.state, urgent.priority, urgent.mode, urgent.pod_id.code),
            ("submitted", "1", "air", "DEFRA"),
        )
        self.assertFalse(urgent.response_overdue)
        self.assertEqual(urgent.pricing_user_id, self.pricing)

        reefer = self._ref("namcan_tyo")
        self.assertEqual(reefer.state, "accepted")
        self.assertTrue(reefer.reefer)
        self.assertEqual(reefer.quotation_id.inquiry_id, reefer)
        self.assertEqual(reefer.quotation_id.state, "draft")
        self.assertEqual(reefer.quotation_id.user_id, reefer.user_id)

        quoted = self._ref("banme_ham")
        self.assertEqual(quoted.state, "quoted")
        self.assertEqual(quoted.quotation_id.state, "sent")
        self.assertTrue(quoted.quotation_id.line_ids)

        corrected = self._ref("choxanh_lax")
        self.assertEqual((corrected.state, corrected.mode), ("submitted", "sea_lcl"))
        self.assertTrue(corrected.dimensions)
        self.assertTrue(
            corrected.message_ids.filtered(
                lambda message: "Cargo Details Missing" in (message.body or "")
            )
        )

        overdue = self.inquiries.filtered("response_overdue")
        self.assertEqual(overdue, self._ref("taydo_lgb"))
        self.assertFalse(overdue.pricing_user_id)

        rejected = self._ref("phuoclong_rtm")
        self.assertEqual(rejected.state, "rejected")
        self.assertEqual(
            rejected.reject_reason_id,
            self.env.ref("freight_inquiry.reject_reason_no_space"),
        )
        self.assertEqual(self._ref("mpbd_lgb").state, "cancelled")
        self.assertEqual(self._ref("chaudoc_abj").state, "draft")

    def test_salespeople_see_their_own(self):
        lan = self.env.ref("freight_crm.user_sales_demo")
        tung = self.env.ref("freight_crm.user_sales_2_demo")
        Inquiry = self.env["freight.inquiry"]
        seen_lan = Inquiry.with_user(lan).search([("id", "in", self.inquiries.ids)])
        seen_tung = Inquiry.with_user(tung).search([("id", "in", self.inquiries.ids)])
        self.assertTrue(seen_lan and seen_tung)
        self.assertFalse(seen_lan & seen_tung)
        self.assertEqual(set(seen_lan.mapped("customer_user_id")), {lan})
        lead = self._ref("namcan_tyo").lead_id
        self.assertEqual(lead.with_user(tung).freight_inquiry_count, 1)
        self.assertEqual(lead.with_user(lan).freight_inquiry_count, 0)
