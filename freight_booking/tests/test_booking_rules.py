# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import ETA, ETD, TODAY, FreightBookingCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestBookingRules(FreightBookingCommon, TransactionCase):
    """Items 5 and 8: the rules across modules (the customer's stage, a won
    quotation of the customer, counts, booked volume) and every bad input
    refused with a clear error, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_bookings()
        cls.customer_a2 = cls.env["res.partner"].create(
            {
                "name": "Công ty TNHH Nội thất Bình Dương",
                "is_company": True,
                "user_id": cls.user_sales.id,
            }
        )

    def _count(self):
        return self.Request.sudo().with_context(active_test=False).search_count([])

    def _refused_create(self, exception, regex, user=None, **vals):
        count = self._count()
        with self.assertRefused(exception, regex):
            self._booking(user=user, **vals)
        self.assertEqual(self._count(), count)

    def _refused_request(self, request, exception, regex):
        """action_request refused: still a draft, nobody told."""
        messages = len(request.message_ids)
        followers = request.message_partner_ids
        with self.assertRefused(exception, regex):
            request.with_user(self.user_sales).action_request()
        request.invalidate_recordset()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.requested_at)
        self.assertEqual(len(request.message_ids), messages)
        self.assertEqual(request.message_partner_ids, followers)
        self.assertFalse(self._activities(request, self.act_accept))

    # ------------------------------------------------------------------
    # Business rules across modules
    # ------------------------------------------------------------------
    def test_first_accepted_booking_makes_customer(self):
        # Records created in the transaction are not tracked: end the
        # customer's creation as a commit would.
        self.env.cr.precommit.run()
        self._won_quotation()
        self.assertEqual(self.customer_a.freight_stage, "prospect")
        request = self._requested()
        self.assertEqual(self.customer_a.freight_stage, "prospect")
        self._tick(request)
        request.with_user(self.user_ops_sea).action_accept()
        self.assertEqual(self.customer_a.freight_stage, "customer")
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking is written on commit
        tracked = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "res.partner"),
                    ("mail_message_id.res_id", "=", self.customer_a.id),
                    ("field_id.name", "=", "freight_stage"),
                ],
                order="id desc",
                limit=1,
            )
        )
        self.assertEqual(tracked.new_value_char, "Customer")
        # A second booking changes nothing more.
        self._accepted()
        self.assertEqual(self.customer_a.freight_stage, "customer")

    def test_booking_from_quotation_not_won_refused(self):
        quotation = self._quotation()
        quotation.with_user(self.user_sales).action_send()
        self._refused_create(
            ValidationError,
            "is Sent: only a won quotation is booked",
            quotation_id=quotation.id,
        )
        # A won quotation of another customer of the same salesperson.
        other = self._won_quotation(partner_id=self.customer_a2.id)
        self._refused_create(
            ValidationError,
            "quotation, not Công ty TNHH Gỗ Minh Phát's",
            quotation_id=other.id,
        )
        # An option of another quotation.
        won = self._won_quotation()
        self._refused_create(
            ValidationError,
            "Choose an option of the request's own quotation",
            quotation_id=won.id,
            option_id=other.option_ids.id,
        )

    def test_request_refused_when_quotation_no_longer_won(self):
        quotation = self._won_quotation()
        request = self._booking(quotation_id=quotation.id)
        # (a superuser moved it back; a user cannot)
        quotation.sudo().state = "cancelled"
        self._refused_request(request, ValidationError, "only a won quotation")

    def test_counts_follow_the_rules(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.user_sales)
            .create(
                {
                    "name": "Furniture",
                    "type": "opportunity",
                    "partner_id": self.customer_a.id,
                    "user_id": self.user_sales.id,
                }
            )
        )
        quotation = self._won_quotation(lead_id=lead.id)
        self._booking(quotation_id=quotation.id, lead_id=lead.id)
        self._requested(quotation_id=quotation.id, lead_id=lead.id)
        self.Request.with_user(self.user_sales).create(
            self._air_values(quotation_id=False, lead_id=lead.id)
        ).action_request()
        for user in (self.user_sales, self.user_manager):
            with self.subTest(user=user.login):
                self.assertEqual(lead.with_user(user).freight_booking_count, 3)
                self.assertEqual(
                    self.customer_a.with_user(user).freight_booking_count, 3
                )
                self.assertEqual(quotation.with_user(user).booking_request_count, 2)
        # Operations count the requests sent to their department.
        self.assertEqual(
            self.customer_a.with_user(self.user_ops_sea).freight_booking_count, 1
        )
        self.assertEqual(
            quotation.with_user(self.user_ops_sea).booking_request_count, 1
        )
        self.assertEqual(
            self.customer_a.with_user(self.user_ops_air).freight_booking_count, 1
        )
        # Another salesperson: none.
        self.assertEqual(
            self.customer_a.with_user(self.user_sales_2).freight_booking_count, 0
        )

    def test_booked_volume(self):
        requested = self._requested()
        accepted = self._accepted(
            container_ids=[
                Command.create({"container_type_id": self.c40hc.id, "quantity": 2}),
                Command.create({"container_type_id": self.c20.id, "quantity": 1}),
            ],
            gross_weight=30000.0,
            volume=130.0,
        )
        done = self._accepted(etd=date(2026, 4, 2), eta=date(2026, 4, 28))
        done.with_user(self.user_ops_sea).action_done()
        self.assertFalse(requested.is_booked)
        self.assertEqual((accepted.teu, done.teu), (5.0, 2.0))
        self.assertEqual(accepted.etd_month, date(2026, 3, 1))
        self.assertEqual(done.etd_month, date(2026, 4, 1))
        Request = self.env["freight.booking.request"].with_user(self.user_sales)
        groups = Request._read_group(
            [("is_booked", "=", True), ("partner_id", "=", self.customer_a.id)],
            ["etd_month:month"],
            ["teu:sum", "gross_weight:sum", "volume:sum", "__count"],
        )
        self.assertEqual(
            [(month.month, *values) for month, *values in groups],
            [(3, 5.0, 30000.0, 130.0, 1), (4, 2.0, 18000.0, 60.0, 1)],
        )
        # Per salesperson too: Sales B booked nothing.
        self.assertFalse(
            self.env["freight.booking.request"]
            .with_user(self.user_manager)
            .search(
                [
                    ("is_booked", "=", True),
                    ("customer_user_id", "=", self.user_sales_2.id),
                ]
            )
        )
        action = self.customer_a.with_user(
            self.user_sales
        ).action_view_freight_booked_volume()
        self.assertEqual(action["domain"], [("partner_id", "=", self.customer_a.id)])

    # ------------------------------------------------------------------
    # Bad input: a clear error, nothing written
    # ------------------------------------------------------------------
    def test_eta_before_etd(self):
        self._refused_create(
            ValidationError, "arrives on .* before it leaves on", eta=date(2026, 3, 15)
        )
        request = self._booking()
        with self.assertRefused(ValidationError, "before it leaves"):
            request.with_user(self.user_sales).eta = date(2026, 3, 19)
        self.assertEqual(request.eta, ETA)

    def test_etd_in_the_past_at_request(self):
        # A draft may carry a past ETD (being corrected); requesting it not.
        request = self._booking(etd=date(2026, 3, 9), eta=date(2026, 4, 1))
        self._refused_request(request, UserError, "The requested ETD .* is in the past")
        request.with_user(self.user_sales).etd = date(2026, 3, 10)
        request.with_user(self.user_sales).action_request()
        self.assertEqual(request.state, "requested")

    def test_missing_etd_ports_containers_weight(self):
        for vals, message in (
            ({"etd": False, "eta": False}, "Give the requested ETD"),
            ({"pod_id": False}, "Give the ports of loading and discharge"),
            ({"container_ids": []}, "Give the containers of an FCL shipment"),
        ):
            with self.subTest(message=message):
                self._refused_request(self._booking(**vals), UserError, message)
        air = self.Request.with_user(self.user_sales).create(
            self._air_values(volume=0.0)
        )
        self._refused_request(air, UserError, "Give the gross weight and the volume")

    def test_department_not_handling_mode(self):
        self._refused_create(
            ValidationError,
            "Sea Operations does not handle Air shipments",
            **self._air_values(department_id=self.dept_sea.id),
        )
        request = self._booking()
        with self.assertRefused(ValidationError, "Air Operations does not handle"):
            request.with_user(self.user_sales).department_id = self.dept_air
        self.assertEqual(request.department_id, self.dept_sea)
        # Changing the mode moves the request to the mode's department, with
        # its checklist.
        request.with_user(self.user_sales).write(
            self._air_values(container_ids=[Command.clear()])
        )
        self.assertEqual(request.department_id, self.dept_air)
        self.assertEqual(
            request.checklist_ids.item_id, self.dept_air.checklist_item_ids
        )

    def test_export_needs_shipper_and_consignee(self):
        for vals in ({"shipper_id": False}, {"consignee_id": False}):
            with self.subTest(vals=vals):
                self._refused_request(
                    self._booking(**vals),
                    UserError,
                    "A Sea FCL export needs its shipper and its consignee",
                )
        air = self.Request.with_user(self.user_sales).create(
            self._air_values(consignee_id=False)
        )
        self._refused_request(air, UserError, "An? Air export needs its shipper")
        # An import, a trucking job: the parties are not asked.
        imported = self._booking(direction="import", shipper_id=False)
        imported.with_user(self.user_sales).action_request()
        self.assertEqual(imported.state, "requested")

    def test_negative_weight_volume_un_number(self):
        self._refused_create(
            ValidationError, "Gross Weight .* cannot be negative", gross_weight=-1.0
        )
        self._refused_create(
            ValidationError, "Volume .* cannot be negative", volume=-0.5
        )
        self._refused_create(
            ValidationError,
            "UN12 is not a UN number",
            dangerous_goods=True,
            un_number="UN12",
        )
        request = self._booking(dangerous_goods=True, un_number="UN1263")
        with self.assertRefused(ValidationError, "cannot be negative"):
            request.with_user(self.user_sales).gross_weight = -10.0
        self.assertEqual(request.gross_weight, 18000.0)
        with self.assertRefused(ValidationError, "is not a UN number"):
            request.with_user(self.user_sales).un_number = "12634"
        self.assertEqual(request.un_number, "UN1263")

    def test_accept_incomplete_checklist(self):
        request = self._requested()
        request.checklist_ids[:2].with_user(self.user_ops_sea).done = True
        with self.assertRefused(
            UserError,
            "Complete the checklist before accepting .*: Containers, cargo-ready "
            "date and ETD confirmed with the carrier",
        ):
            request.with_user(self.user_ops_sea).action_accept()
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)
        self.assertFalse(request.accepted_at)
        self.assertTrue(self._activities(request, self.act_accept))
        # The numbering did not move.
        self._tick(request)
        request.with_user(self.user_ops_sea).action_accept()
        self.assertEqual(request.job_number, "SEA/EXP/26/00001")

    def test_only_a_draft_is_deleted(self):
        draft = self._booking()
        request = self._requested()
        with self.assertRefused(UserError, "was sent to operations: cancel it"):
            request.with_user(self.user_sales).unlink()
        self.assertTrue(request.exists())
        self.assertEqual(request.state, "requested")
        draft.with_user(self.user_sales).unlink()
        self.assertFalse(draft.exists())

    def test_only_the_department_ticks_its_checklist(self):
        request = self._requested()
        for user in (self.user_sales, self.user_ops_air):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                request.checklist_ids.with_user(user).write({"done": True})
        self.env.invalidate_all()
        self.assertFalse(any(request.checklist_ids.mapped("done")))
        self.assertFalse(request.with_user(self.user_sales).can_process)
        self.assertTrue(request.with_user(self.user_ops_sea).can_process)

    def test_reject_without_reason(self):
        request = self._requested()
        wizard = (
            self.env["freight.booking.reject"]
            .with_user(self.user_ops_sea)
            .with_context(active_ids=request.ids)
            .create({"missing_note": "Packing list"})
        )
        messages = len(request.message_ids)
        with self.assertRefused(UserError, "Give the reason the booking request"):
            wizard.action_reject()
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.missing_note)
        self.assertFalse(request.rejected_at)
        self.assertEqual(len(request.message_ids), messages)
        self.assertFalse(self._activities(request, self.act_todo))

    def test_sales_cannot_change_requested_content(self):
        request = self._requested()
        sales = request.with_user(self.user_sales)
        for vals in (
            {"commodity": "Plastic chairs"},
            {"etd": date(2026, 3, 25)},
            {"partner_id": self.customer_a2.id},
            {"container_ids": [Command.create({"container_type_id": self.c20.id})]},
        ):
            with self.subTest(vals=list(vals)):
                with self.assertRefused(UserError, "is Requested: its content"):
                    sales.write(vals)
        with self.assertRefused(UserError, "is Requested: its content"):
            request.container_ids.with_user(self.user_sales).quantity = 5
        with self.assertRefused(UserError, "is Requested: its content"):
            request.container_ids.with_user(self.user_sales).unlink()
        request.invalidate_recordset()
        self.assertEqual(request.commodity, "Wooden furniture")
        self.assertEqual(request.etd, ETD)
        self.assertEqual(request.partner_id, self.customer_a)
        self.assertEqual(request.container_summary, "1 x 40HC")

    def test_operations_change_only_what_they_process(self):
        request = self._requested()
        ops = request.with_user(self.user_ops_sea)
        for vals in (
            {"commodity": "Plastic chairs"},
            {"etd": date(2026, 3, 25)},
            {"gross_weight": 1.0},
            {"department_id": self.dept_air.id},
        ):
            with self.subTest(vals=list(vals)):
                with self.assertRefused(AccessError, "its content is the salesperson"):
                    ops.write(vals)
        with self.assertRefused(AccessError, "its content is the salesperson"):
            request.container_ids.with_user(self.user_ops_sea).quantity = 3
        request.invalidate_recordset()
        self.assertEqual(
            (request.commodity, request.etd, request.gross_weight),
            ("Wooden furniture", ETD, 18000.0),
        )
        self.assertEqual(request.department_id, self.dept_sea)
        self.assertEqual(request.container_ids.quantity, 1)
        # What they process: the carrier's booking, their notes, the
        # checklist.
        ops.write(
            {
                "carrier_id": self.line_b.id,
                "vessel_voyage": "MAERSK SELETAR 442S",
                "operations_note": "Booked with Line B.",
            }
        )
        ops.checklist_ids[:1].done = True
        self.assertEqual(request.carrier_id, self.line_b)
        self.assertEqual(request.vessel_voyage, "MAERSK SELETAR 442S")
        self.assertEqual(request.checklist_progress, "1 / 3")
