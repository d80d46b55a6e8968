# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged

from .common_ui import InquiryUiCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02 03:00:00")
class TestInquiryDuplicates(InquiryUiCommon, TransactionCase):
    """Item 7: an inquiry asking what an open one already asks (customer,
    lane, mode, cargo-ready week) is flagged, linked, and may still go."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_inquiry_ui()

    def setUp(self):
        super().setUp()
        self.earlier = self._inquiry()
        self.earlier.action_submit()
        self.assertEqual(self.earlier.state, "submitted")

    def _notes(self, inquiry):
        return inquiry.message_ids.filtered(
            lambda message: message.subtype_id == self.env.ref("mail.mt_note")
            and "same lane" in (message.body or "")
        )

    def test_same_week_flagged_and_noted(self):
        # Friday of the same ISO week, other containers: the same request.
        inquiry = self._inquiry(
            cargo_ready_date="2026-03-13",
            container_ids=[(0, 0, {"container_type_id": self.c20.id})],
        )
        self.assertEqual(inquiry.duplicate_inquiry_ids, self.earlier)
        inquiry.action_submit()
        self.assertEqual(inquiry.state, "submitted")
        note = self._notes(inquiry)
        self.assertEqual(len(note), 1)
        self.assertIn(f'data-oe-id="{self.earlier.id}"', note.body)
        self.assertIn(self.earlier.name, note.body)
        # The earlier one sees the later one as well.
        self.earlier.invalidate_recordset(["duplicate_inquiry_ids"])
        self.assertEqual(self.earlier.duplicate_inquiry_ids, inquiry)

    def test_form_warns_before_submit(self):
        form = Form(self.env["freight.inquiry"].with_user(self.user_sales))
        form.partner_id = self.customer_a
        form.pol_id = self.cat_lai
        form.pod_id = self.los_angeles
        self.assertFalse(form.duplicate_inquiry_ids)
        form.cargo_ready_date = "2026-03-09"  # Monday of week 11
        self.assertEqual(len(form.duplicate_inquiry_ids), 1)
        self.assertEqual(form.duplicate_inquiry_ids[0], self.earlier)
        form.mode = "air"
        self.assertFalse(form.duplicate_inquiry_ids)

    def test_other_week_customer_mode_not_flagged(self):
        cases = {
            "next week": {"cargo_ready_date": "2026-03-16"},
            "week before": {"cargo_ready_date": "2026-03-08"},  # a Sunday
            "other lane": {"pod_id": self.rotterdam.id},
            "other customer": {"partner_id": self.customer_b.id},
        }
        for case, vals in cases.items():
            with self.subTest(case=case):
                user = self.user_sales_2 if "partner_id" in vals else self.user_sales
                inquiry = self._inquiry(user=user, **vals)
                self.assertFalse(inquiry.duplicate_inquiry_ids)
                inquiry.action_submit()
                self.assertFalse(self._notes(inquiry))

    def test_closed_earlier_not_flagged(self):
        self.earlier.action_cancel()
        inquiry = self._inquiry()
        self.assertFalse(inquiry.duplicate_inquiry_ids)
        inquiry.action_submit()
        self.assertFalse(self._notes(inquiry))

    def test_accepted_earlier_flagged(self):
        self.earlier.with_user(self.user_pricing).action_accept()
        inquiry = self._inquiry()
        self.assertEqual(inquiry.duplicate_inquiry_ids, self.earlier)
        inquiry.action_submit()
        self.assertEqual(len(self._notes(inquiry)), 1)

    def test_refused_submit_leaves_no_note(self):
        inquiry = self._inquiry(container_ids=[])
        self.assertEqual(inquiry.duplicate_inquiry_ids, self.earlier)
        with self.assertRaises(UserError), self.cr.savepoint():
            inquiry.action_submit()
        self.env.invalidate_all()
        self.assertEqual(inquiry.state, "draft")
        self.assertFalse(self._notes(inquiry))
