# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import TODAY, FreightBookingCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestBookingNotifications(FreightBookingCommon, TransactionCase):
    """Item 4: both ways through the chatter and activities only. On request
    the department's members follow and get the message, its responsible
    (else every member) an activity; on accept, reject or done the requester
    hears the job number or the reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_bookings()

    def test_request_notifies_department_responsible_activity(self):
        request = self._requested()
        members = self.dept_sea.member_ids
        self.assertIn(self.user_ops_sea, members)
        self.assertIn(self.user_ops_sea_2, members)
        self.assertNotIn(self.user_ops_air, members)
        followers = request.message_partner_ids
        self.assertLessEqual(members.partner_id, followers)
        self.assertIn(self.user_sales.partner_id, followers)
        self.assertNotIn(self.user_ops_air.partner_id, followers)
        message = self._messages(request)[-1]
        self.assertIn("New booking request for Sea Operations", message.body)
        self.assertIn("VNCLI → USLAX", message.body)
        self.assertEqual(message.partner_ids, members.partner_id)
        self.assertEqual(message.author_id, self.user_sales.partner_id)
        # The responsible gets the activity, nobody else.
        activities = self._activities(request, self.act_accept)
        self.assertEqual(activities.user_id, self.user_ops_sea)
        self.assertEqual(len(activities), 1)
        self.assertEqual(str(activities.date_deadline), "2026-03-10")

    def test_request_without_responsible_every_member(self):
        request = self.Request.with_user(self.user_sales).create(self._air_values())
        request.with_user(self.user_sales).action_request()
        members = self.dept_air.member_ids
        self.assertIn(self.user_ops_air, members)
        activities = self._activities(request, self.act_accept)
        self.assertEqual(activities.user_id, members)
        self.assertEqual(len(activities), len(members))
        message = self._messages(request)[-1]
        self.assertEqual(message.partner_ids, members.partner_id)
        self.assertNotIn(self.user_ops_sea.partner_id, message.partner_ids)
        # One member accepts: their activity is done, the others' go (one
        # answer in the chatter, not one per member).
        self._tick(request, self.user_ops_air)
        request.with_user(self.user_ops_air).action_accept()
        self.assertFalse(self._activities(request, self.act_accept))
        done = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("mail_activity_type_id", "=", self.act_accept.id),
                ]
            )
        )
        self.assertEqual(len(done), 1)
        self.assertEqual(done.author_id, self.user_ops_air.partner_id)

    def test_accept_tells_requester_job_number_closes_activities(self):
        request = self._requested()
        self._tick(request)
        request.with_user(self.user_ops_sea_2).action_accept()
        self.assertFalse(self._activities(request, self.act_accept))
        message = self._messages(request)[-1]
        self.assertIn("Accepted by Sea Ops Two", message.body)
        self.assertIn("SEA/EXP/26/00001", message.body)
        self.assertEqual(message.partner_ids, self.user_sales.partner_id)
        self.assertEqual(message.author_id, self.user_ops_sea_2.partner_id)
        # The closed activity is logged as done, with the feedback.
        done = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("mail_activity_type_id", "=", self.act_accept.id),
                ]
            )
        )
        self.assertIn("Accepted.", done.body)

    def test_reject_tells_requester_reason_todo(self):
        request = self._requested()
        request.with_user(self.user_ops_sea)._reject(
            self.reason_docs, missing="The packing list", note="Please hurry."
        )
        self.assertFalse(self._activities(request, self.act_accept))
        message = self._messages(request)[-1]
        self.assertIn("Rejected: Documents missing", message.body)
        self.assertIn("Missing: The packing list", message.body)
        self.assertIn("Please hurry.", message.body)
        self.assertEqual(message.partner_ids, self.user_sales.partner_id)
        todo = self._activities(request, self.act_todo)
        self.assertEqual(todo.user_id, self.user_sales)
        self.assertIn("correct it and request again", todo.summary)
        self.assertIn("The packing list", str(todo.note))

    def test_done_tells_requester(self):
        request = self._accepted()
        request.with_user(self.user_ops_sea).action_done()
        message = self._messages(request)[-1]
        self.assertIn("Done: job SEA/EXP/26/00001", message.body)
        self.assertIn("Sea Operations", message.body)
        self.assertEqual(message.partner_ids, self.user_sales.partner_id)

    def test_messages_reach_both_sides(self):
        """A question posted by operations reaches the salesperson, the
        answer the department (both follow the request)."""
        request = self._requested()
        question = request.with_user(self.user_ops_sea_2).message_post(
            body="Is the cargo stackable?",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        notified = question.sudo().notification_ids.res_partner_id
        self.assertIn(self.user_sales.partner_id, notified)
        answer = request.with_user(self.user_sales).message_post(
            body="Yes.", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        notified = answer.sudo().notification_ids.res_partner_id
        self.assertIn(self.user_ops_sea.partner_id, notified)
        self.assertIn(self.user_ops_sea_2.partner_id, notified)
