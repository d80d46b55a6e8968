# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, tagged

from .common import TODAY, FreightBookingCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestBookingSecurity(FreightBookingCommon, TransactionCase):
    """Item 7: a salesperson's requests follow their customers; each
    department reads and processes its own requests only (not the drafts);
    sales managers read all; operations read the buying side of their own
    department's won quotations only; pricing, portal and other employees
    nothing. Every refusal writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_bookings()
        cls.user_portal = cls.env["res.users"].create(
            {
                "name": "Portal Customer",
                "login": "fr_portal",
                "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
            }
        )

    def _count(self):
        return self.Request.sudo().search_count([])

    def test_sales_create_read_own(self):
        request = self._booking()
        Request = self.Request.with_user(self.user_sales)
        self.assertEqual(Request.search([("id", "=", request.id)]), request)
        request.with_user(self.user_sales).commodity = "Chairs"
        self.assertEqual(request.commodity, "Chairs")
        # The sale summary, buying side included, for the customer's
        # salesperson.
        self.assertIn("buy_total", request.with_user(self.user_sales).read()[0])

    def test_sales_cannot_create_for_others_customer(self):
        count = self._count()
        with self.assertRefused(AccessError, r"freight\.booking\."):
            self._booking(partner_id=self.customer_b.id)
        self.assertEqual(self._count(), count)

    def test_other_salesperson_refused(self):
        request = self._requested()
        other = request.with_user(self.user_sales_2)
        self.assertFalse(
            self.Request.with_user(self.user_sales_2).search([("id", "=", request.id)])
        )
        self.assertFalse(
            self.Request.with_user(self.user_sales_2).search_count(
                [("partner_id", "=", self.customer_a.id)]
            )
        )
        with self.assertRefused(AccessError, "freight.booking.request"):
            other.read(["commodity"])
        with self.assertRefused(AccessError, "freight.booking.request"):
            other.read(["buy_total"])
        with self.assertRefused(AccessError, "freight.booking.request"):
            other.write({"commodity": "Stolen"})
        with self.assertRefused(AccessError, "freight.booking.request"):
            other.action_cancel()
        with self.assertRefused(AccessError, "freight.booking.container"):
            request.container_ids.with_user(self.user_sales_2).read(["quantity"])
        self.assertEqual(request.commodity, "Wooden furniture")
        self.assertEqual(request.state, "requested")

    def test_moving_to_another_customer_refused(self):
        request = self._booking()
        with self.assertRefused(AccessError, "freight.booking.request"):
            request.with_user(self.user_sales).partner_id = self.customer_b
        self.assertEqual(request.partner_id, self.customer_a)

    def test_manager_reads_all(self):
        mine = self._booking()
        theirs = self._booking(
            user=self.user_sales_2,
            partner_id=self.customer_b.id,
            shipper_id=self.customer_b.id,
        )
        Request = self.Request.with_user(self.user_manager)
        self.assertEqual(
            Request.search([("id", "in", (mine | theirs).ids)]), mine | theirs
        )
        self.assertEqual(theirs.with_user(self.user_manager).buy_total, 0.0)

    def test_department_reads_and_processes_its_own(self):
        sea = self._requested()
        air = self.Request.with_user(self.user_sales).create(self._air_values())
        air.with_user(self.user_sales).action_request()
        draft = self._booking()
        Sea = self.Request.with_user(self.user_ops_sea)
        Air = self.Request.with_user(self.user_ops_air)
        ids = (sea | air | draft).ids
        self.assertEqual(Sea.search([("id", "in", ids)]), sea)
        self.assertEqual(Air.search([("id", "in", ids)]), air)
        # Sea cannot read, change or process air's request.
        for record in (air, draft):
            with self.subTest(request=record.state):
                with self.assertRefused(AccessError, "freight.booking.request"):
                    record.with_user(self.user_ops_sea).read(["name"])
                with self.assertRefused(AccessError, "freight.booking.request"):
                    record.with_user(self.user_ops_sea).vessel_voyage = "X"
        # (the rule refuses them the request before the department is asked)
        with self.assertRefused(AccessError, "freight.booking.request"):
            air.with_user(self.user_ops_sea).action_accept()
        with self.assertRefused(AccessError, "freight.booking.request"):
            air.with_user(self.user_ops_sea)._reject(self.reason_docs)
        with self.assertRefused(AccessError, "freight.booking.request"):
            air.with_user(self.user_ops_sea).action_reject()
        with self.assertRefused(AccessError, "freight.booking.request"):
            self.env["freight.booking.reject"].with_user(
                self.user_ops_sea
            ).with_context(active_ids=air.ids).create(
                {"reason_id": self.reason_docs.id}
            ).action_reject()
        self.assertEqual(air.state, "requested")
        self.assertFalse(air.job_number)
        self.assertFalse(air.vessel_voyage)
        self.assertFalse(air.reject_reason_id)
        # Sales do not process either.
        with self.assertRefused(AccessError, "Only Sea Operations can accept"):
            sea.with_user(self.user_sales).action_accept()
        with self.assertRefused(AccessError, "Only Sea Operations can reject"):
            sea.with_user(self.user_manager)._reject(self.reason_docs)
        self._tick(sea)
        with self.assertRefused(AccessError, "Only Sea Operations can accept"):
            sea.with_user(self.user_manager).action_accept()
        # The air department cannot close sea's accepted request either.
        sea.with_user(self.user_ops_sea).action_accept()
        with self.assertRefused(AccessError, "Only Sea Operations can close"):
            sea.with_user(self.user_manager).action_done()
        self.assertEqual(sea.state, "accepted")
        # Operations do not create requests.
        count = self._count()
        with self.assertRefused(AccessError, "freight.booking.request"):
            self.Request.with_user(self.user_ops_sea).create(self._values())
        self.assertEqual(self._count(), count)

    def test_operations_buy_side_only_of_own_department(self):
        quotation_sea = self._won_quotation()
        quotation_air = self._won_quotation(
            **self._air_quotation_values(),
        )
        sea = self._requested(quotation_id=quotation_sea.id)
        air = self.Request.with_user(self.user_sales).create(
            self._air_values(quotation_id=quotation_air.id)
        )
        air.with_user(self.user_sales).action_request()
        self.assertEqual(
            quotation_sea.operations_group_ids,
            self.env.ref("freight_crm.group_freight_operations_sea"),
        )
        # Sea reads its request's buying side, and its quotation.
        self.assertEqual(sea.with_user(self.user_ops_sea).buy_total, 80.0)
        self.assertEqual(sea.with_user(self.user_ops_sea).margin, 20.0)
        self.assertEqual(quotation_sea.with_user(self.user_ops_sea).buy_total, 80.0)
        self.assertEqual(
            quotation_sea.line_ids.with_user(self.user_ops_sea).read(["buy_price"])[0][
                "buy_price"
            ],
            80.0,
        )
        # Not air's: neither the request nor the quotation booked to air.
        with self.assertRefused(AccessError, "freight.booking.request"):
            air.with_user(self.user_ops_sea).read(["buy_total", "margin"])
        with self.assertRefused(AccessError, "freight.quotation"):
            quotation_air.with_user(self.user_ops_sea).read(["buy_total"])
        with self.assertRefused(AccessError, "freight.quotation.option"):
            quotation_air.option_ids.with_user(self.user_ops_sea).read(["buy_total"])
        with self.assertRefused(AccessError, "freight.quotation.line"):
            quotation_air.line_ids.with_user(self.user_ops_sea).read(["buy_price"])
        self.assertFalse(
            self.env["freight.quotation"]
            .with_user(self.user_ops_sea)
            .search([("id", "=", quotation_air.id)])
        )
        self.assertEqual(
            self.env["freight.quotation"]
            .with_user(self.user_ops_air)
            .search([("id", "in", (quotation_sea | quotation_air).ids)]),
            quotation_air,
        )
        # A won quotation booked to no department: no operations at all.
        unbooked = self._won_quotation()
        for user in (self.user_ops_sea, self.user_ops_air):
            with self.assertRefused(AccessError, "freight.quotation"):
                unbooked.with_user(user).read(["buy_total"])
        # The request cancelled, sea no longer reads the quotation.
        sea.with_user(self.user_sales).action_cancel()
        with self.assertRefused(AccessError, "freight.quotation"):
            quotation_sea.with_user(self.user_ops_sea).read(["buy_total"])

    def test_pricing_portal_employee_nothing(self):
        request = self._requested()
        for user in (self.user_pricing, self.user_portal, self.user_employee):
            with self.subTest(user=user.login):
                Request = self.Request.with_user(user)
                with self.assertRefused(AccessError, "freight.booking.request"):
                    Request.search([])
                with self.assertRefused(AccessError, "freight.booking.request"):
                    request.with_user(user).read(["name"])
                count = self._count()
                with self.assertRaises(AccessError):
                    Request.create(self._values())
                self.assertEqual(self._count(), count)
        self.assertEqual(request.state, "requested")

    def test_pricing_opens_the_quotation_form(self):
        """Pricing reads quotations (it makes them from inquiries): their
        form does not count booking requests for pricing."""
        quotation = self._won_quotation()
        form = Form(quotation.with_user(self.user_pricing))
        self.assertEqual((form.name, form.state), (quotation.name, "won"))
        self.assertNotIn("booking_request_count", form._view["fields"])

    def test_workflow_not_written_by_hand(self):
        """State, job number and dates move through the actions only: a
        client writing them, or sending them as defaults, gets nowhere."""
        request = self._requested()
        self._tick(request)
        for user, vals in (
            (self.user_sales, {"state": "accepted"}),
            (self.user_sales, {"job_number": "SEA/EXP/26/99999"}),
            (self.user_manager, {"state": "done", "done_at": "2026-03-10"}),
            (self.user_ops_sea, {"state": "accepted"}),
            (self.user_ops_sea, {"job_number": "SEA/EXP/26/99999"}),
            (self.user_ops_sea, {"operations_user_id": self.user_ops_sea_2.id}),
        ):
            with self.subTest(user=user.login, vals=list(vals)):
                with self.assertRefused(AccessError, "moves through its buttons"):
                    request.with_user(user).write(vals)
        request.invalidate_recordset()
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)
        self.assertFalse(request.operations_user_id)
        draft = (
            self.Request.with_user(self.user_sales)
            .with_context(
                default_state="accepted", default_job_number="SEA/EXP/26/99999"
            )
            .create(self._values(accepted_at="2026-03-10 03:00:00"))
        )
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.job_number)
        self.assertFalse(draft.accepted_at)
        # The actions still write them.
        request.with_user(self.user_ops_sea).action_accept()
        self.assertEqual(request.job_number, "SEA/EXP/26/00001")
