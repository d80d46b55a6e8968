# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from psycopg2 import errorcodes
from psycopg2.errors import OperationalError

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import SQL, mute_logger

# Years no other test books in: their job numbering starts here.
YEAR_KNOWN = 2035  # its numbering exists before the test
YEAR_NEW = 2036  # its numbering is made by the first accept


@tagged("post_install", "-at_install")
class TestBookingConcurrency(TransactionCase):
    """Item 8: two members of the sea department accept at the same moment,
    each in a transaction of their own: exactly one job number is issued and
    the numbering moves by one (no gap); two requests accepted at once never
    share a number (the second fails with an error the server retries).

    The data is committed (the two transactions must see it): the test
    removes all it committed and puts the numbering back."""

    def setUp(self):
        super().setUp()
        self.request_ids = []
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            sea = "base.group_user,freight_crm.group_freight_operations_sea"
            self.sea_1 = new_test_user(
                env, login="fr_conc_sea_1", groups=sea, name="Sea One"
            )
            self.sea_2 = new_test_user(
                env, login="fr_conc_sea_2", groups=sea, name="Sea Two"
            )
            self.sales = new_test_user(
                env,
                login="fr_conc_bk_sales",
                groups="base.group_user,freight_crm.group_freight_sales",
                name="Booking Sales",
            )
            Partner = env["res.partner"]
            self.customer = Partner.create(
                {
                    "name": "Booking Concurrency Co.",
                    "is_company": True,
                    "user_id": self.sales.id,
                }
            )
            # A second customer: accepting promotes the customer (its row is
            # written), the numbering alone must keep two accepts apart.
            self.customer_2 = Partner.create(
                {
                    "name": "Booking Concurrency Two Co.",
                    "is_company": True,
                    "user_id": self.sales.id,
                }
            )
            self.consignee = Partner.create(
                {"name": "Booking Concurrency Consignee", "is_company": True}
            )
            department = env.ref("freight_booking.department_sea")
            self.sequence_id = department.job_sequence_ids.filtered(
                lambda seq: seq.code == "freight.job.export"
            ).id
            # The numbering of YEAR_KNOWN exists (at 1), YEAR_NEW's not.
            sequence = env["ir.sequence"].browse(self.sequence_id)
            self._ranges(env, YEAR_KNOWN, YEAR_NEW).unlink()
            sequence._create_date_range_seq(date(YEAR_KNOWN, 1, 15))
        self.addCleanup(self._remove_committed)

    def _ranges(self, env, *years):
        return env["ir.sequence.date_range"].search(
            [
                ("sequence_id", "=", self.sequence_id),
                ("date_from", "in", [date(year, 1, 1) for year in years]),
            ]
        )

    def _requested(self, etd, customer=None):
        """A sea export of the test's customer, requested, its checklist
        ticked by the department, committed."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.sales.id, {})
            request = env["freight.booking.request"].create(
                {
                    "partner_id": (customer or self.customer).id,
                    "mode": "sea_fcl",
                    "direction": "export",
                    "shipper_id": (customer or self.customer).id,
                    "consignee_id": self.consignee.id,
                    "pol_id": env.ref("freight_crm.port_vncli").id,
                    "pod_id": env.ref("freight_crm.port_uslax").id,
                    "etd": etd,
                    "container_ids": [
                        Command.create(
                            {
                                "container_type_id": env.ref(
                                    "freight_crm.container_40hc"
                                ).id
                            }
                        )
                    ],
                }
            )
            self.request_ids.append(request.id)
            request.action_request()
            request.with_user(self.sea_1).checklist_ids.write({"done": True})
            return request.id

    def _remove_committed(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            self._ranges(env, YEAR_KNOWN, YEAR_NEW).unlink()
            if self.request_ids:
                # In SQL: the request's own rules (nothing sent to operations
                # is deleted) are not what is tested here. Its containers and
                # checklist go with it (ON DELETE CASCADE), the messages'
                # notifications and e-mails with them.
                ids = tuple(self.request_ids)
                for table, column in (
                    ("mail_message", "model"),
                    ("mail_followers", "res_model"),
                    ("mail_activity", "res_model"),
                ):
                    env.execute_query(
                        SQL(
                            "DELETE FROM %s WHERE %s = %s AND res_id IN %s",
                            SQL.identifier(table),
                            SQL.identifier(column),
                            "freight.booking.request",
                            ids,
                        )
                    )
                env.execute_query(
                    SQL("DELETE FROM freight_booking_request WHERE id IN %s", ids)
                )
            env.invalidate_all()
            users = (self.sea_1 | self.sea_2 | self.sales).with_env(env)
            partners = users.partner_id | (
                self.customer | self.customer_2 | self.consignee
            ).with_env(env)
            env["mail.mail"].search([("recipient_ids", "in", partners.ids)]).unlink()
            users.unlink()
            partners.unlink()

    def _number_next(self, year):
        """The next job number of YEAR, as committed."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            ranges = self._ranges(env, year)
            self.assertLessEqual(len(ranges), 1, "one numbering per year")
            return ranges.number_next if ranges else 1

    def _envs(self):
        cr_1 = self.registry.cursor()
        cr_2 = self.registry.cursor()
        self.addCleanup(cr_1.close)
        self.addCleanup(cr_2.close)
        return (
            api.Environment(cr_1, self.sea_1.id, {}),
            api.Environment(cr_2, self.sea_2.id, {}),
        )

    def _no_hang(self, env):
        """Within one thread a wait would never end: what waits on a lock
        fails after a few seconds instead (in this transaction only)."""
        env.cr.execute("SET LOCAL lock_timeout = '5s'")

    def test_two_members_accept_the_same_request(self):
        request_id = self._requested(date(YEAR_KNOWN, 1, 15))
        before = self._number_next(YEAR_KNOWN)
        env_1, env_2 = self._envs()
        request_1 = env_1["freight.booking.request"].browse(request_id)
        request_2 = env_2["freight.booking.request"].browse(request_id)
        # Both opened the request: requested.
        self.assertEqual(request_1.state, "requested")
        self.assertEqual(request_2.state, "requested")
        # The first accepts (not committed yet: the row is locked).
        request_1.action_accept()
        self.assertEqual(
            request_1.job_number, f"SEA/EXP/{YEAR_KNOWN % 100}/{before:05d}"
        )
        # The second hears at once another member is on it.
        self._no_hang(env_2)
        with self.assertRaisesRegex(UserError, "Another member of the department"):
            request_2.action_accept()
        env_2.cr.rollback()
        env_1.cr.commit()
        # Once the first committed, a retry hears it is accepted.
        with self.assertRaisesRegex(UserError, "is Accepted: it cannot be accepted"):
            request_2.action_accept()
        env_2.cr.rollback()
        self.assertEqual(request_2.job_number, request_1.job_number)
        self.assertEqual(request_2.operations_user_id.id, self.sea_1.id)
        # One number issued, no gap.
        self.assertEqual(self._number_next(YEAR_KNOWN), before + 1)

    def _accept_two_at_once(self, year, first_commits=False):
        """Two requests of YEAR accepted at the same moment by two members:
        the second fails with an error the server retries (at once while the
        first is not committed; on the numbering's row when its transaction
        began before the first committed); retried, it gets the next
        number."""
        first_id = self._requested(date(year, 1, 15))
        second_id = self._requested(date(year, 2, 15), self.customer_2)
        before = self._number_next(year)
        env_1, env_2 = self._envs()
        first = env_1["freight.booking.request"].browse(first_id)
        second = env_2["freight.booking.request"].browse(second_id)
        # Both opened their request (each transaction has begun).
        self.assertEqual((first.state, second.state), ("requested", "requested"))
        self._no_hang(env_2)
        first.action_accept()
        if first_commits:
            env_1.cr.commit()
        with self.assertRaises(OperationalError) as catcher, mute_logger("odoo.sql_db"):
            second.action_accept()
        self.assertIn(catcher.exception.pgcode, PG_CONCURRENCY_ERRORS_TO_RETRY)
        env_2.cr.rollback()
        env_1.cr.commit()
        # The server retries the call: in a new transaction, it passes.
        second.env.invalidate_all()
        second.action_accept()
        env_2.cr.commit()
        prefix = f"SEA/EXP/{year % 100}/"
        self.assertEqual(
            [first.job_number, second.job_number],
            [f"{prefix}{before:05d}", f"{prefix}{before + 1:05d}"],
        )
        self.assertEqual(self._number_next(year), before + 2)
        return catcher.exception.pgcode

    def test_two_requests_at_once_numbering_exists(self):
        pgcode = self._accept_two_at_once(YEAR_KNOWN)
        self.assertEqual(pgcode, errorcodes.LOCK_NOT_AVAILABLE)

    def test_two_requests_at_once_first_of_the_year(self):
        """The year's numbering is made by the first accept: the second must
        not make another one (and issue the same 00001)."""
        pgcode = self._accept_two_at_once(YEAR_NEW)
        self.assertEqual(pgcode, errorcodes.LOCK_NOT_AVAILABLE)

    def test_second_accept_after_first_committed(self):
        """The second's transaction began before the first committed: it does
        not see the year's numbering the first made, and must not make its
        own."""
        pgcode = self._accept_two_at_once(YEAR_NEW, first_commits=True)
        self.assertEqual(pgcode, errorcodes.SERIALIZATION_FAILURE)
