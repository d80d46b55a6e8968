# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestCustomerOwnership(FreightCommon, TransactionCase):
    """A customer belongs to its salesperson: salesperson B tries, as a client
    could, to take, change or hang records on salesperson A's customer and on
    a customer without a salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        cls.unowned = cls.env["res.partner"].create(
            {"name": "Công ty TNHH Bao Bì Đồng Nai", "is_company": True}
        )
        cls.Partner = cls.env["res.partner"]

    def _as(self, user, model="res.partner"):
        return self.env[model].with_user(user)

    def _vals(self, model, customer, user=None):
        """Values of a record of `model` hung on `customer`, the record's own
        salesperson / our staff set to `user` when the model has one."""
        user = user or self.user_sales_2
        return {
            "freight.interaction": {
                "name": "Joint visit",
                "partner_id": customer.id,
                "kind_id": self.kind_visit.id,
                "user_id": user.id,
                "date_start": datetime(2026, 3, 2, 2, 0),
            },
            "crm.lead": {
                "name": "Reefer to Busan",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": user.id,
            },
            "freight.customer.need": {
                "partner_id": customer.id,
                "transport_mode": "air",
            },
            "freight.booking.plan": {
                "name": "Plan",
                "partner_id": customer.id,
                "transport_mode": "sea_fcl",
                "date_from": date(2027, 1, 1),
                "date_to": date(2027, 6, 30),
            },
            "freight.customer.financial": {
                "partner_id": customer.id,
                "year": 2025,
                "revenue": 1e9,
            },
            "freight.customer.media": {
                "partner_id": customer.id,
                "title": "New factory in Binh Duong",
            },
        }[model]

    MODELS = (
        "freight.interaction",
        "crm.lead",
        "freight.customer.need",
        "freight.booking.plan",
        "freight.customer.financial",
        "freight.customer.media",
    )

    def _count(self, model, customer):
        return self.env[model].search_count([("partner_id", "=", customer.id)])

    # Changing the salesperson -------------------------------------------

    def test_salesperson_cannot_change_a_salesperson(self):
        cases = (
            (self.customer_a, self.user_sales_2),  # give away their own
            (self.customer_b, self.user_sales),  # take another's
            (self.unowned, self.user_sales),  # take one without salesperson
        )
        for customer, new_user in cases:
            for user in (self.user_sales, self.user_sales_2):
                with self.subTest(customer=customer.name, user=user.login):
                    before = customer.user_id
                    with self.assertRaises(AccessError):
                        customer.with_user(user).write({"user_id": new_user.id})
                    self.assertEqual(customer.user_id, before)
                    self.assertFalse(customer.freight_reassignment_ids)

    def test_salesperson_cannot_file_a_new_customer_under_another(self):
        Partner = self._as(self.user_sales)
        with self.assertRaises(AccessError):
            Partner.create(
                {
                    "name": "Công ty Hộ Ai",
                    "is_company": True,
                    "user_id": self.user_sales_2.id,
                }
            )
        self.assertFalse(self.Partner.search([("name", "=", "Công ty Hộ Ai")]))
        mine = Partner.create({"name": "Công ty Của Tôi", "is_company": True})
        self.assertEqual(mine.user_id, self.user_sales)
        # ... and the salesperson keeps editing it.
        mine.write({"phone": "+84 28 3822 0000"})
        contact = Partner.create({"name": "Chị Hoa", "parent_id": mine.id})
        self.assertEqual(contact.commercial_partner_id, mine)

    def test_another_salespersons_customer_is_read_only(self):
        as_b = self.customer_a.with_user(self.user_sales_2)
        self.assertEqual(as_b.read(["name"])[0]["name"], self.customer_a.name)
        for vals in ({"phone": "0909"}, {"name": "Renamed"}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_b.write(vals)
        with self.assertRaises(AccessError):
            self._as(self.user_sales_2).create(
                {"name": "Anh Ba", "parent_id": self.customer_a.id}
            )
        with self.assertRaises(AccessError):
            self.contact_a.with_user(self.user_sales_2).write({"phone": "0909"})
        for partner in (self.customer_a, self.contact_a):
            with self.assertRaises(AccessError):
                partner.with_user(self.user_sales_2).unlink()
            with self.assertRaises(AccessError):
                partner.with_user(self.user_sales_2).action_archive()
        self.assertTrue(self.customer_a.active and self.contact_a.active)
        self.assertEqual(self.customer_a.name, "Công ty TNHH Gỗ Minh Phát")
        self.assertFalse(self.customer_a.phone or self.contact_a.phone)
        self.assertEqual(self.customer_a.child_ids, self.contact_a)

    def test_customer_without_salesperson_is_read_only(self):
        as_a = self.unowned.with_user(self.user_sales)
        self.assertEqual(as_a.read(["name"])[0]["name"], self.unowned.name)
        with self.assertRaises(AccessError):
            as_a.write({"phone": "0909"})
        self.assertFalse(self.unowned.phone)
        for model in self.MODELS:
            with self.subTest(model=model), self.assertRaises(AccessError):
                self._as(self.user_sales, model).create(
                    self._vals(model, self.unowned, self.user_sales)
                )
            self.assertEqual(self._count(model, self.unowned), 0)

    def test_manager_change_is_kept_and_reaches_both_salespeople(self):
        # Sales A reads the Odoo inbox; sales B prefers e-mail: both are told
        # inside Odoo, and no e-mail is queued (none can fail without a mail
        # server).
        self.user_sales.notification_type = "inbox"
        self.user_sales_2.notification_type = "email"
        Notification = self.env["mail.notification"]
        salespeople = (self.user_sales | self.user_sales_2).partner_id
        emails = [("res_partner_id", "in", salespeople.ids)]
        emails += [("notification_type", "=", "email")]
        emails_before = Notification.search_count(emails)
        messages_before = self.customer_a.message_ids
        self.customer_a.with_user(self.user_manager).write(
            {"user_id": self.user_sales_2.id}
        )
        self.assertEqual(self.customer_a.user_id, self.user_sales_2)
        history = self.customer_a.freight_reassignment_ids
        self.assertEqual(
            (history.old_user_id, history.new_user_id, history.create_uid),
            (self.user_sales, self.user_sales_2, self.user_manager),
        )
        self.assertIn(self.user_manager.name, history.reason)
        message = self.customer_a.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("freight_crm.mt_customer_reassigned")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(
            message.partner_ids,
            self.user_sales.partner_id | self.user_sales_2.partner_id,
        )
        notifications = self.env["mail.notification"].search(
            [("mail_message_id", "=", message.id)]
        )
        self.assertEqual(
            {(n.res_partner_id, n.notification_type) for n in notifications},
            {
                (self.user_sales.partner_id, "inbox"),
                (self.user_sales_2.partner_id, "inbox"),
            },
        )
        # No e-mail to anyone, and no second "you have been assigned" message.
        self.assertEqual(Notification.search_count(emails), emails_before)
        self.assertEqual(self.customer_a.message_ids - messages_before, message)
        activity = self.customer_a.activity_ids
        self.assertEqual(activity.user_id, self.user_sales_2)
        self.assertEqual(activity.summary, f"Review customer {self.customer_a.name}")

    def test_import_by_a_manager_is_kept_in_history(self):
        result = self.Partner.with_user(self.user_manager).load(
            [".id", "user_id/.id"], [[str(self.customer_b.id), str(self.user_sales.id)]]
        )
        self.assertFalse(result["messages"])
        self.assertEqual(self.customer_b.user_id, self.user_sales)
        self.assertEqual(
            self.customer_b.freight_reassignment_ids.mapped("new_user_id"),
            self.user_sales,
        )

    # Records hung on a customer -------------------------------------------

    def test_nothing_hangs_on_another_salespersons_customer(self):
        """Whatever the record's own 'our staff' or salesperson says."""
        for model in self.MODELS:
            for user in (self.user_sales_2, self.user_sales):
                with self.subTest(model=model, our_staff=user.login):
                    with self.assertRaises(AccessError):
                        self._as(self.user_sales_2, model).create(
                            self._vals(model, self.customer_a, user)
                        )
                    self.assertEqual(self._count(model, self.customer_a), 0)

    def test_nothing_moves_onto_another_salespersons_customer(self):
        for model in self.MODELS:
            with self.subTest(model=model):
                own = self._as(self.user_sales_2, model).create(
                    self._vals(model, self.customer_b)
                )
                with self.assertRaises(AccessError):
                    own.write({"partner_id": self.customer_a.id})
                self.assertEqual(own.partner_id, self.customer_b)
                self.assertEqual(self._count(model, self.customer_a), 0)

    def test_owner_and_manager_hang_records_leads_without_customer_too(self):
        for model in self.MODELS:
            for user, customer in (
                (self.user_sales, self.customer_a),
                (self.user_manager, self.customer_b),
            ):
                with self.subTest(model=model, user=user.login):
                    record = self._as(user, model).create(
                        self._vals(model, customer, user)
                    )
                    self.assertEqual(record.partner_id, customer)
        lead = self._as(self.user_sales_2, "crm.lead").create({"name": "Cold call"})
        lead.write({"expected_revenue": 1000})
        self.assertEqual(lead.user_id, self.user_sales_2)

    def test_joint_visit_attendee_reads_but_does_not_edit(self):
        visit = self._as(self.user_sales, "freight.interaction").create(
            self._vals("freight.interaction", self.customer_a, self.user_sales)
        )
        as_b = visit.with_user(self.user_sales_2)
        with self.assertRaises(AccessError):
            as_b.read(["name"])
        visit.write({"attendee_ids": [(6, 0, self.user_sales_2.ids)]})
        self.assertEqual(as_b.read(["name"])[0]["name"], "Joint visit")
        self.assertIn(
            visit, self._as(self.user_sales_2, "freight.interaction").search([])
        )
        with self.assertRaises(AccessError):
            as_b.write({"name": "Mine now"})
        self.assertEqual(visit.name, "Joint visit")
        # Our staff set to B by the owner: B reads it, still cannot edit it.
        visit.write({"user_id": self.user_sales_2.id, "attendee_ids": [(5,)]})
        self.assertEqual(as_b.read(["name"])[0]["name"], "Joint visit")
        with self.assertRaises(AccessError):
            as_b.unlink()
        self.assertTrue(visit.exists())

    def test_next_interaction_goes_to_the_customers_salesperson(self):
        visit = self._as(self.user_manager, "freight.interaction").create(
            self._vals("freight.interaction", self.customer_a, self.user_manager)
            | {"state": "done", "next_date": date(2026, 3, 16)}
        )
        activity = self.customer_a.activity_ids
        self.assertEqual(activity.user_id, self.user_sales)
        self.assertEqual(activity.date_deadline, date(2026, 3, 16))
        self.assertIn(visit.name, activity.note)
        # The salesperson sees it on the customer, from their activities.
        self.assertIn(
            self.customer_a,
            self._as(self.user_sales).search(
                [("activity_user_id", "=", self.user_sales.id)]
            ),
        )

    def test_owner_schedules_the_next_interaction_on_the_customer(self):
        self._as(self.user_sales, "freight.interaction").create(
            self._vals("freight.interaction", self.customer_a, self.user_sales)
            | {"state": "done", "next_date": date(2026, 3, 16), "plan_next": True}
        )
        activity = self.customer_a.activity_ids
        self.assertEqual(
            (activity.user_id, activity.date_deadline),
            (self.user_sales, date(2026, 3, 16)),
        )
        follow_up = self.env["freight.interaction"].search(
            [("partner_id", "=", self.customer_a.id), ("state", "=", "planned")]
        )
        self.assertEqual(follow_up.user_id, self.user_sales)

        # Claims ----------------------------------------------------------------

    def test_claim_approved_by_a_manager(self):
        self.unowned.with_user(self.user_sales_2).action_freight_claim()
        self.assertEqual(self.unowned.freight_claim_user_id, self.user_sales_2)
        self.assertFalse(self.unowned.user_id)
        claim_type = self.env.ref("freight_crm.mail_activity_type_freight_claim")
        activities = self.unowned.activity_ids
        self.assertEqual(activities.activity_type_id, claim_type)
        self.assertIn(self.user_manager, activities.user_id)
        self.assertNotIn(self.user_sales, activities.user_id)
        # The managers are told in their Odoo inbox.
        request = self.unowned.message_ids[0]
        self.assertIn(self.user_manager.partner_id, request.partner_ids)
        self.assertEqual(
            set(request.notification_ids.mapped("notification_type")), {"inbox"}
        )
        # Claimed is not owned: still read-only to the claimant.
        with self.assertRaises(AccessError):
            self.unowned.with_user(self.user_sales_2).write({"phone": "0909"})
        with self.assertRaises(UserError):
            self.unowned.with_user(self.user_sales).action_freight_claim()
        with self.assertRaises(AccessError):
            self.unowned.with_user(self.user_sales_2).action_freight_approve_claim()
        self.assertFalse(self.unowned.user_id)

        self.unowned.with_user(self.user_manager).action_freight_approve_claim()
        self.assertEqual(self.unowned.user_id, self.user_sales_2)
        self.assertFalse(self.unowned.freight_claim_user_id)
        self.assertFalse(self.unowned.activity_ids.activity_type_id & claim_type)
        done = self.unowned.message_ids.filtered(
            lambda m: m.mail_activity_type_id == claim_type
        )
        self.assertEqual(len(done), 1)  # the deciding manager's, done
        history = self.unowned.freight_reassignment_ids
        self.assertEqual(
            (history.old_user_id, history.new_user_id),
            (self.env["res.users"], self.user_sales_2),
        )
        self.assertIn("Claimed by", history.reason)
        self.assertEqual(
            self.unowned.activity_ids.user_id, self.user_sales_2
        )  # "Review customer"
        self.unowned.with_user(self.user_sales_2).write({"phone": "0909"})

    def test_claim_rejected_and_claims_refused(self):
        with self.assertRaises(UserError):  # already somebody's
            self.customer_a.with_user(self.user_sales_2).action_freight_claim()
        with self.assertRaises(AccessError):  # not a salesperson
            self.unowned.with_user(self.user_pricing).action_freight_claim()
        with self.assertRaises(UserError):  # nobody claimed it
            self.unowned.with_user(self.user_manager).action_freight_reject_claim()
        self.assertFalse(
            self.unowned.freight_claim_user_id or self.unowned.activity_ids
        )
        self.unowned.with_user(self.user_sales).action_freight_claim()
        self.unowned.with_user(self.user_manager).action_freight_reject_claim()
        self.assertFalse(self.unowned.user_id or self.unowned.freight_claim_user_id)
        self.assertFalse(self.unowned.activity_ids)
        self.assertFalse(self.unowned.freight_reassignment_ids)
        self.assertIn(
            self.user_sales.partner_id, self.unowned.message_ids[0].partner_ids
        )

    # The stage -------------------------------------------------------------

    def test_no_context_key_sets_the_stage(self):
        for customer in (self.customer_a, self.customer_b):
            with self.subTest(customer=customer.name), self.assertRaises(AccessError):
                customer.with_user(self.user_sales).with_context(
                    freight_stage_auto=True
                ).write({"freight_stage": "customer"})
            self.assertEqual(customer.freight_stage, "lead")
        # The business rule still moves it forward.
        self._as(self.user_sales, "crm.lead").create(
            self._vals("crm.lead", self.customer_a, self.user_sales)
        )
        self.assertEqual(self.customer_a.freight_stage, "prospect")


@tagged("post_install", "-at_install")
class TestBirthdayCatchUp(FreightCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        cls.env.company.freight_birthday_notice_days = 3

    def _run(self, day):
        with freeze_time(day):
            return self.env["res.partner"]._cron_freight_birthdays()

    def test_missed_days_are_caught_up_once(self):
        self.contact_a.birthdate = date(1985, 3, 24)
        self.contact_b.birthdate = date(1990, 3, 25)
        self.assertFalse(self._run("2026-03-19"))  # reminds of 22 March
        # The cron does not run on 20 and 21 March (server down).
        reminded = self._run("2026-03-22")  # catches up 23, 24, 25 March
        self.assertEqual(reminded, self.contact_a | self.contact_b)
        self.assertEqual(self.contact_a.activity_ids.date_deadline, date(2026, 3, 24))
        self.assertEqual(self.contact_a.activity_ids.user_id, self.user_sales)
        self.assertEqual(self.contact_b.activity_ids.user_id, self.user_sales_2)
        self.assertFalse(self._run("2026-03-22"))  # twice the same day
        self.assertFalse(self._run("2026-03-23"))  # 26 March: nobody
        self.assertEqual(len(self.contact_a.activity_ids), 1)
        self.assertEqual(len(self.contact_b.activity_ids), 1)
