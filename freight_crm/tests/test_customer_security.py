# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestCustomerRecordRules(FreightCommon, TransactionCase):
    """Salesperson B tries to read and change salesperson A's customer data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        env_a = cls.env(user=cls.user_sales)
        cls.records_a = {
            "freight.interaction": env_a["freight.interaction"].create(
                {
                    "name": "Visit",
                    "partner_id": cls.customer_a.id,
                    "kind_id": cls.kind_visit.id,
                    "date_start": datetime(2026, 3, 2, 2, 0),
                }
            ),
            "freight.customer.need": env_a["freight.customer.need"].create(
                {"partner_id": cls.customer_a.id, "transport_mode": "air"}
            ),
            "freight.booking.plan": env_a["freight.booking.plan"].create(
                {
                    "name": "Plan",
                    "partner_id": cls.customer_a.id,
                    "transport_mode": "sea_fcl",
                    "date_from": date(2027, 1, 1),
                    "date_to": date(2027, 6, 30),
                }
            ),
            "freight.customer.financial": env_a["freight.customer.financial"].create(
                {"partner_id": cls.customer_a.id, "year": 2025, "revenue": 1e9}
            ),
            "freight.customer.media": env_a["freight.customer.media"].create(
                {"partner_id": cls.customer_a.id, "title": "New factory in Binh Duong"}
            ),
        }

    def test_other_salesperson_sees_and_changes_nothing(self):
        for model, record in self.records_a.items():
            with self.subTest(model=model):
                as_b = self.env[model].with_user(self.user_sales_2)
                self.assertFalse(as_b.search([("id", "=", record.id)]))
                with self.assertRaises(AccessError):
                    as_b.browse(record.id).read(["display_name"])
                with self.assertRaises(AccessError):
                    as_b.browse(record.id).write({"partner_id": self.customer_b.id})
                with self.assertRaises(AccessError):
                    as_b.browse(record.id).unlink()
                self.assertEqual(record.partner_id, self.customer_a)

    def test_salesperson_cannot_file_under_another_customer(self):
        as_b = self.env["freight.interaction"].with_user(self.user_sales_2)
        with self.assertRaises(AccessError):
            as_b.create(
                {
                    "name": "Sneaky",
                    "partner_id": self.customer_a.id,
                    "kind_id": self.kind_call.id,
                    "user_id": self.user_sales.id,
                    "date_start": datetime(2026, 3, 3),
                }
            )

    def test_owner_and_manager_see_everything_of_the_customer(self):
        for model, record in self.records_a.items():
            with self.subTest(model=model):
                for user in (self.user_sales, self.user_manager):
                    found = (
                        self.env[model].with_user(user).search([("id", "=", record.id)])
                    )
                    self.assertEqual(found, record)

    def test_pricing_and_operations_have_no_access(self):
        for model in self.records_a:
            for user in (self.user_pricing, self.user_ops_sea, self.user_employee):
                with self.subTest(model=model, user=user.login):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])

    def test_other_salespersons_opportunities_are_hidden(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.user_sales)
            .create(
                {
                    "name": "A's deal",
                    "type": "opportunity",
                    "partner_id": self.customer_a.id,
                }
            )
        )
        as_b = self.env["crm.lead"].with_user(self.user_sales_2)
        self.assertFalse(as_b.search([("id", "=", lead.id)]))
        with self.assertRaises(AccessError):
            as_b.browse(lead.id).read(["name"])
        self.assertEqual(
            self.env["crm.lead"]
            .with_user(self.user_manager)
            .search([("id", "=", lead.id)]),
            lead,
        )
