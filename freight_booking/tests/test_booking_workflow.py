# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from .common import ETD, TODAY, FreightBookingCommon


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestBookingWorkflow(FreightBookingCommon, TransactionCase):
    """Items 1 and 3: draft -> requested -> accepted (a job number from the
    department's numbering) or rejected (the reason, what is missing) ->
    corrected and requested again -> accepted -> done; cancelled; back to
    draft. Each step refuses the wrong state and writes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_bookings()

    def _reject_wizard(self, request, user=None, **vals):
        Wizard = self.env["freight.booking.reject"].with_user(user or self.user_ops_sea)
        return Wizard.with_context(active_ids=request.ids).create(vals)

    def test_request_accept_done(self):
        self.env.company.resource_calendar_id.tz = "Asia/Ho_Chi_Minh"
        request = self._booking()
        self.assertEqual(request.state, "draft")
        self.assertRegex(request.name, r"^BK26-\d{5}$")
        self.assertEqual(request.department_id, self.dept_sea)
        self.assertEqual(request.user_id, self.user_sales)
        self.assertEqual(request.customer_user_id, self.user_sales)
        # The department's checklist, still to tick.
        self.assertEqual(
            request.checklist_ids.item_id, self.dept_sea.checklist_item_ids
        )
        self.assertFalse(request.checklist_done)
        self.assertEqual(request.checklist_progress, "0 / 3")
        request.with_user(self.user_sales).action_request()
        self.assertEqual(request.state, "requested")
        self.assertEqual(request.requested_at, datetime(2026, 3, 10, 3, 0))
        self.assertFalse(request.job_number)
        ops = request.with_user(self.user_ops_sea)
        self._tick(request)
        self.assertEqual(request.checklist_progress, "3 / 3")
        self.assertEqual(set(request.checklist_ids.done_by_id), {self.user_ops_sea})
        with freeze_time("2026-03-10 09:30:00"):
            ops.action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.job_number, "SEA/EXP/26/00001")
        self.assertEqual(request.operations_user_id, self.user_ops_sea)
        self.assertEqual(request.accepted_at, datetime(2026, 3, 10, 9, 30))
        # In the company's working hours (8-12, 13-17 in Ho Chi Minh City):
        # requested at 10:00, accepted at 16:30, lunch apart.
        self.assertAlmostEqual(request.hours_to_accept, 5.5)
        self.assertTrue(request.is_booked)
        ops.action_done()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.done_at, datetime(2026, 3, 10, 3, 0))
        self.assertEqual(request.job_number, "SEA/EXP/26/00001")
        self.assertTrue(request.is_booked)

    def test_job_numbers_per_department_and_direction(self):
        first = self._accepted()
        second = self._accepted()
        imported = self._accepted(
            direction="import",
            shipper_id=self.consignee.id,
            consignee_id=self.customer_a.id,
            pol_id=self.los_angeles.id,
            pod_id=self.cat_lai.id,
        )
        air = self._accepted(**self._air_values(direction="import"))
        air_export = self._accepted(**self._air_values())
        self.assertEqual(
            [r.job_number for r in (first, second, imported, air, air_export)],
            [
                "SEA/EXP/26/00001",
                "SEA/EXP/26/00002",
                "SEA/IMP/26/00001",
                "AIR/IMP/26/00001",
                "AIR/EXP/26/00001",
            ],
        )
        self.assertEqual(air.operations_user_id, self.user_ops_air)
        # The year is the ETD's: a January shipment accepted now is next
        # year's first, and this year's numbering goes on.
        next_year = self._accepted(etd=date(2027, 1, 5), eta=date(2027, 2, 1))
        self.assertEqual(next_year.job_number, "SEA/EXP/27/00001")
        self.assertEqual(self._accepted().job_number, "SEA/EXP/26/00003")

    def test_reject_correct_request_again(self):
        request = self._requested()
        wizard = self._reject_wizard(
            request,
            reason_id=self.reason_docs.id,
            missing_note="The packing list",
            note="Cut-off is Friday.",
        )
        self.assertEqual(wizard.request_ids, request)
        wizard.action_reject()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason_id, self.reason_docs)
        self.assertEqual(request.missing_note, "The packing list")
        self.assertEqual(request.reject_note, "Cut-off is Friday.")
        self.assertEqual(request.rejected_at, datetime(2026, 3, 10, 3, 0))
        self.assertFalse(request.job_number)
        # The salesperson corrects the request and sends it again.
        sales = request.with_user(self.user_sales)
        sales.write({"commodity": "Wooden chairs", "packages": 120})
        sales.action_request()
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.reject_reason_id)
        self.assertFalse(request.missing_note)
        self.assertFalse(request.rejected_at)
        # The checklist ticked before the rejection stays ticked.
        self._tick(request)
        request.with_user(self.user_ops_sea).action_accept()
        self.assertEqual(request.state, "accepted")
        self.assertEqual(request.job_number, "SEA/EXP/26/00001")
        request.with_user(self.user_ops_sea).action_done()
        self.assertEqual(request.state, "done")

    def test_reject_by_method_and_reopen_action(self):
        request = self._requested()
        action = request.with_user(self.user_ops_sea).action_reject()
        self.assertEqual(action["res_model"], "freight.booking.reject")
        self.assertEqual(action["context"]["active_ids"], request.ids)
        self.assertEqual(request.state, "requested")
        request.with_user(self.user_ops_sea)._reject(self.reason_docs)
        self.assertEqual(request.state, "rejected")
        self.assertEqual(request.reject_reason_id, self.reason_docs)
        request.with_user(self.user_sales).action_draft()
        self.assertEqual(request.state, "draft")

    def test_cancel_and_draft(self):
        draft = self._booking()
        draft.with_user(self.user_sales).action_cancel()
        self.assertEqual(draft.state, "cancelled")
        draft.with_user(self.user_sales).action_draft()
        self.assertEqual(draft.state, "draft")
        requested = self._requested()
        self.assertTrue(self._activities(requested, self.act_accept))
        requested.with_user(self.user_sales).action_cancel()
        self.assertEqual(requested.state, "cancelled")
        # The department's activity goes with the request.
        self.assertFalse(self._activities(requested, self.act_accept))
        # An accepted request (its job file) is cancelled by the department
        # or a manager, not by the salesperson.
        accepted = self._accepted()
        with self.assertRefused(AccessError, "has its job file"):
            accepted.with_user(self.user_sales).action_cancel()
        self.assertEqual(accepted.state, "accepted")
        accepted.with_user(self.user_manager).action_cancel()
        self.assertEqual(accepted.state, "cancelled")

    def test_wrong_state_refused_nothing_written(self):
        draft = self._booking()
        accepted = self._accepted()
        done = self._accepted()
        done.with_user(self.user_ops_sea).action_done()
        ops = self.user_ops_sea
        sales, manager = self.user_sales, self.user_manager
        cases = [
            # Operations do not even read a draft.
            (draft, ops, "action_accept", AccessError, "freight.booking.request"),
            (draft, ops, "action_done", AccessError, "freight.booking.request"),
            (draft, ops, "action_reject", AccessError, "freight.booking.request"),
            (draft, sales, "action_draft", UserError, "cannot be reset to draft"),
            (
                accepted,
                ops,
                "action_accept",
                UserError,
                "is Accepted: it cannot be accepted",
            ),
            (
                accepted,
                ops,
                "action_reject",
                UserError,
                "is Accepted: it cannot be rejected",
            ),
            (
                accepted,
                sales,
                "action_request",
                UserError,
                "is Accepted: it cannot be requested",
            ),
            (accepted, sales, "action_draft", UserError, "cannot be reset to draft"),
            (done, ops, "action_done", UserError, "is Done: it cannot be marked done"),
            (done, ops, "action_accept", UserError, "is Done: it cannot be accepted"),
            (
                done,
                manager,
                "action_cancel",
                UserError,
                "is Done: it cannot be cancelled",
            ),
            (
                done,
                sales,
                "action_request",
                UserError,
                "is Done: it cannot be requested",
            ),
        ]
        fnames = ["state", "job_number", "accepted_at", "done_at", "write_date"]
        for request, user, method, exception, message in cases:
            with self.subTest(state=request.state, method=method):
                before = request.read(fnames)
                messages = len(request.message_ids)
                with self.assertRefused(exception, message):
                    getattr(request.with_user(user), method)()
                request.invalidate_recordset()
                self.assertEqual(request.read(fnames), before)
                self.assertEqual(len(request.message_ids), messages)
        # _reject in the wrong state: nothing written either.
        with self.assertRefused(UserError, "is Accepted: it cannot be rejected"):
            accepted.with_user(ops)._reject(self.reason_docs, "Everything")
        self.assertEqual(accepted.state, "accepted")
        self.assertFalse(accepted.reject_reason_id)
        self.assertFalse(accepted.missing_note)
        self.assertEqual(accepted.job_number, "SEA/EXP/26/00001")

    def test_accept_without_double_number(self):
        """A request accepted once keeps its number; the numbering did not
        move for the refused second accept."""
        request = self._accepted()
        with self.assertRefused(UserError, "cannot be accepted"):
            request.with_user(self.user_ops_sea).action_accept()
        self.assertEqual(self._accepted().job_number, "SEA/EXP/26/00002")

    # ------------------------------------------------------------------
    # Prefilled: from a won quotation, an opportunity, a customer
    # ------------------------------------------------------------------
    def test_new_booking_from_won_quotation(self):
        quotation = self._won_quotation()
        action = quotation.with_user(self.user_sales).action_new_booking_request()
        self.assertEqual(action["res_model"], "freight.booking.request")
        context = action["context"]
        option = quotation.option_ids
        self.assertEqual(context["default_quotation_id"], quotation.id)
        self.assertEqual(context["default_option_id"], option.id)
        self.assertEqual(context["default_partner_id"], self.customer_a.id)
        self.assertEqual(context["default_shipper_id"], self.customer_a.id)
        self.assertNotIn("default_consignee_id", context)
        self.assertEqual(context["default_carrier_id"], self.line_a.id)
        self.assertEqual(context["default_pol_id"], self.cat_lai.id)
        self.assertEqual(context["default_pod_id"], self.los_angeles.id)
        self.assertEqual(context["default_mode"], "sea_fcl")
        self.assertEqual(context["default_direction"], "export")
        self.assertEqual(context["default_commodity"], "Wooden furniture")
        self.assertEqual(context["default_gross_weight"], 18000.0)
        self.assertEqual(
            context["default_container_ids"],
            [(0, 0, {"container_type_id": self.c40hc.id, "quantity": 1})],
        )
        # The form the button opens, saved by the salesperson.
        Request = self.env["freight.booking.request"].with_user(self.user_sales)
        with Form(Request.with_context(**context)) as form:
            form.consignee_id = self.consignee
            form.etd = ETD
        request = form.record
        self.assertEqual(request.quotation_id, quotation)
        self.assertEqual(request.option_id, option)
        self.assertEqual(request.lane, "VNCLI → USLAX")
        self.assertEqual(request.department_id, self.dept_sea)
        self.assertEqual(request.container_summary, "1 x 40HC")
        self.assertEqual(request.teu, 2.0)
        self.assertEqual(
            (request.sell_total, request.buy_total, request.margin),
            (100.0, 80.0, 20.0),
        )
        self.assertEqual(request.currency_id, self.usd)
        self.assertEqual(quotation.with_user(self.user_sales).booking_request_count, 1)

    def test_import_quotation_consignee_is_customer(self):
        quotation = self._won_quotation(direction="import")
        context = quotation.with_user(self.user_sales).action_new_booking_request()[
            "context"
        ]
        self.assertEqual(context["default_consignee_id"], self.customer_a.id)
        self.assertNotIn("default_shipper_id", context)

    def test_new_booking_refused_quotation_not_won(self):
        quotation = self._quotation()
        count = self.Request.search_count([])
        with self.assertRefused(UserError, "is Draft: only a won quotation"):
            quotation.with_user(self.user_sales).action_new_booking_request()
        quotation.with_user(self.user_sales).action_send()
        with self.assertRefused(UserError, "is Sent: only a won quotation"):
            quotation.with_user(self.user_sales).action_new_booking_request()
        self.assertEqual(self.Request.search_count([]), count)

    def test_new_booking_from_opportunity_and_customer(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.user_sales)
            .create(
                {
                    "name": "40HC to Los Angeles",
                    "type": "opportunity",
                    "partner_id": self.customer_a.id,
                    "user_id": self.user_sales.id,
                }
            )
        )
        quotation = self._won_quotation(lead_id=lead.id)
        action = lead.with_user(self.user_sales).action_new_freight_booking()
        context = action["context"]
        self.assertEqual(action["res_model"], "freight.booking.request")
        self.assertEqual(context["default_lead_id"], lead.id)
        self.assertEqual(context["default_quotation_id"], quotation.id)
        self.assertEqual(context["default_partner_id"], self.customer_a.id)
        self.assertNotIn("default_user_id", context)
        request = (
            self.Request.with_user(self.user_sales)
            .with_context(**context)
            .create({"consignee_id": self.consignee.id, "etd": ETD})
        )
        self.assertEqual(request.lead_id, lead)
        self.assertEqual(request.quotation_id, quotation)
        self.assertEqual(lead.with_user(self.user_sales).freight_booking_count, 1)
        # From the customer (or one of its contacts): the company.
        action = self.contact_a.with_user(self.user_sales).action_new_freight_booking()
        self.assertEqual(action["context"], {"default_partner_id": self.customer_a.id})
        self.assertEqual(
            self.customer_a.with_user(self.user_sales).freight_booking_count, 1
        )
