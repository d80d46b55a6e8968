# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import TODAY, FreightBookingCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestBookingPerformance(FreightBookingCommon, TransactionCase):
    """Item 10: accepting a request costs a constant number of queries,
    whatever its containers, its checklist and the department's members
    (each of whom has an activity to close when the department has no
    responsible)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_bookings()
        # One checklist point of the department; no responsible: every
        # member gets the request's activity.
        cls.dept_sea.checklist_item_ids[1:].unlink()
        cls.dept_sea.user_id = False
        cls.container_types = cls.env["freight.container.type"].search([], limit=8)
        assert len(cls.container_types) == 8

    def _accept_queries(self, request):
        """Queries of accepting REQUEST (its checklist ticked), caches cold
        as a new RPC call finds them."""
        self._tick(request)
        self.env.flush_all()
        self.env.invalidate_all()
        ops = request.with_user(self.user_ops_sea)
        before = self.env.cr.sql_log_count
        ops.action_accept()
        self.env.flush_all()
        count = self.env.cr.sql_log_count - before
        self.assertEqual(request.state, "accepted")
        return count

    def test_accept_constant_queries(self):
        # Warm the caches (and make customer A a customer: once only).
        self._accept_queries(self._requested())
        small = self._requested()
        self.assertEqual(len(small.checklist_ids), 1)
        members = len(self.dept_sea.member_ids)
        self.assertEqual(len(self._activities(small, self.act_accept)), members)
        small_count = self._accept_queries(small)
        # A request of 8 container types and 10 checklist points, to a
        # department of 6 more members.
        for index in range(6):
            mail_new_test_user(
                self.env,
                login=f"fr_ops_sea_more_{index}",
                name=f"Sea Ops More {index}",
                email=f"fr_ops_sea_more_{index}@example.com",
                groups="base.group_user,freight_crm.group_freight_operations_sea",
            )
        self.dept_sea.invalidate_recordset(["member_ids"])
        # New users cleared the caches: warm them again.
        self._accept_queries(self._requested())
        large = self._booking(
            container_ids=[
                Command.create({"container_type_id": container.id, "quantity": 2})
                for container in self.container_types
            ],
            checklist_ids=[
                Command.create({"name": f"Point {index}"}) for index in range(9)
            ],
        )
        large.with_user(self.user_sales).action_request()
        self.assertEqual(len(large.container_ids), 8)
        self.assertEqual(len(large.checklist_ids), 10)
        self.assertEqual(len(self._activities(large, self.act_accept)), members + 6)
        large_count = self._accept_queries(large)
        self.assertFalse(self._activities(large, self.act_accept))
        _logger.info(
            "Accepting a booking request: %s queries (1 container, 1 point, "
            "%s members), %s (8 containers, 10 points, %s members)",
            small_count,
            members,
            large_count,
            members + 6,
        )
        self.assertEqual(large_count, small_count)
