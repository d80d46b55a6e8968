# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.freight_quotation.tests.common import FreightQuotationCommon


@tagged("post_install", "-at_install")
class TestBookingUiPhone(FreightQuotationCommon, HttpCase):
    """On a phone, a won quotation goes to operations and comes back with
    its job number: the salesperson requests, sea operations accept."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        cls.consignee = cls.env["res.partner"].create(
            {"name": "Tour Consignee Inc", "is_company": True}
        )
        # The browser runs on the real clock: a quotation of today, won.
        today = fields.Date.today()
        cls.quotation = cls._quotation(
            cls,
            direction="export",
            date=today,
            validity_date=today + timedelta(days=14),
        )
        # sudo: the customer's acceptance is not what this test is about.
        cls.quotation.sudo()._set_won()

    def test_request_then_accept_on_a_phone(self):
        self.assertEqual(self.quotation.state, "won")
        self.start_tour(
            f"/odoo/action-freight_quotation.freight_quotation_action/{self.quotation.id}",
            "freight_booking_request_phone_tour",
            login="fr_sales",
        )
        request = self.env["freight.booking.request"].search(
            [("quotation_id", "=", self.quotation.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.user_id, self.user_sales)
        self.assertEqual(
            request.department_id, self.env.ref("freight_booking.department_sea")
        )
        self.assertEqual(request.shipper_id, self.customer_a)
        self.assertEqual(request.consignee_id, self.consignee)
        self.assertEqual(request.etd, fields.Date.today() + timedelta(days=10))
        self.assertEqual(request.container_summary, "1 x 40HC")
        self.assertFalse(request.checklist_done)

        self.start_tour(
            f"/odoo/action-freight_booking.freight_booking_request_action/{request.id}",
            "freight_booking_accept_phone_tour",
            login="fr_ops_sea",
        )
        self.assertEqual(request.state, "accepted")
        self.assertTrue(request.checklist_done)
        self.assertEqual(request.checklist_ids.done_by_id, self.user_ops_sea)
        self.assertEqual(request.operations_user_id, self.user_ops_sea)
        self.assertRegex(request.job_number, r"^SEA/EXP/\d{2}/\d{5}$")
