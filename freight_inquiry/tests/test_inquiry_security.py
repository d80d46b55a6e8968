# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import TODAY, FreightInquiryCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestInquirySecurity(FreightInquiryCommon, TransactionCase):
    """The rights: a salesperson's inquiries follow their customers, pricing
    and the sales managers see them all, operations, portal and other
    employees none; pricing accepts, never creates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_inquiries()
        cls.user_portal = cls.env["res.users"].create(
            {
                "name": "Portal Customer",
                "login": "fr_portal",
                "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
            }
        )

    def test_sales_create_and_read_own(self):
        inquiry = self._inquiry()
        self.assertEqual(inquiry.customer_user_id, self.user_sales)
        Inquiry = self.Inquiry.with_user(self.user_sales)
        self.assertEqual(Inquiry.search([("id", "=", inquiry.id)]), inquiry)
        inquiry.with_user(self.user_sales).commodity = "Chairs"
        self.assertEqual(inquiry.commodity, "Chairs")

    def test_sales_cannot_create_for_others_customer(self):
        count = self.Inquiry.sudo().search_count([])
        with self.assertRefused(AccessError, "freight.inquiry"):
            self._inquiry(partner_id=self.customer_b.id)
        self.assertEqual(self.Inquiry.sudo().search_count([]), count)

    def test_other_salesperson_refused(self):
        inquiry = self._inquiry()
        other = inquiry.with_user(self.user_sales_2)
        self.assertFalse(
            self.Inquiry.with_user(self.user_sales_2).search([("id", "=", inquiry.id)])
        )
        with self.assertRefused(AccessError, "freight.inquiry"):
            other.read(["commodity"])
        with self.assertRefused(AccessError, "freight.inquiry"):
            other.write({"commodity": "Stolen"})
        with self.assertRefused(AccessError, "freight.inquiry"):
            other.action_submit()
        self.assertEqual(inquiry.commodity, "Wooden furniture")
        self.assertEqual(inquiry.state, "draft")

    def test_moving_to_another_customer_refused(self):
        inquiry = self._inquiry()
        with self.assertRefused(AccessError, "freight.inquiry"):
            inquiry.with_user(self.user_sales).partner_id = self.customer_b
        self.assertEqual(inquiry.partner_id, self.customer_a)

    def test_pricing_reads_all_accepts_never_creates(self):
        mine = self._submitted()
        theirs = self._inquiry(user=self.user_sales_2, partner_id=self.customer_b.id)
        Inquiry = self.Inquiry.with_user(self.user_pricing)
        self.assertEqual(
            Inquiry.search([("id", "in", (mine | theirs).ids)]), mine | theirs
        )
        count = self.Inquiry.sudo().search_count([])
        with self.assertRefused(AccessError, "freight.inquiry"):
            Inquiry.create(
                {
                    "partner_id": self.customer_a.id,
                    "mode": "air",
                    "pol_id": self.sgn.id,
                    "pod_id": self.fra.id,
                    "gross_weight": 100.0,
                }
            )
        self.assertEqual(self.Inquiry.sudo().search_count([]), count)
        mine.with_user(self.user_pricing).action_accept()
        self.assertEqual(mine.state, "accepted")
        self.assertEqual(mine.pricing_user_id, self.user_pricing)

    def test_manager_reads_all(self):
        mine = self._inquiry()
        theirs = self._inquiry(user=self.user_sales_2, partner_id=self.customer_b.id)
        Inquiry = self.Inquiry.with_user(self.user_manager)
        self.assertEqual(
            Inquiry.search([("id", "in", (mine | theirs).ids)]), mine | theirs
        )
        theirs.with_user(self.user_manager).commodity = "Shrimp"
        self.assertEqual(theirs.commodity, "Shrimp")

    def test_operations_portal_employee_nothing(self):
        inquiry = self._inquiry()
        for user in (self.user_ops_sea, self.user_portal, self.user_employee):
            with self.subTest(user=user.login):
                Inquiry = self.Inquiry.with_user(user)
                with self.assertRefused(AccessError, "freight.inquiry"):
                    Inquiry.search([])
                with self.assertRefused(AccessError, "freight.inquiry"):
                    inquiry.with_user(user).read(["name"])
                # (a portal user is refused the inquiry's number first)
                with self.assertRaises(AccessError):
                    Inquiry.create({"partner_id": self.customer_a.id})
        self.assertEqual(self.Inquiry.sudo().search_count([("id", "=", inquiry.id)]), 1)

    def test_accept_wizard_pricing_only(self):
        inquiry = self._submitted()
        with self.assertRefused(AccessError, "freight.inquiry.accept"):
            self.env["freight.inquiry.accept"].with_user(self.user_sales).with_context(
                default_inquiry_id=inquiry.id
            ).create({})
        self.assertEqual(inquiry.state, "submitted")
