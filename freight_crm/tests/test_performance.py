# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.tests import TransactionCase, tagged

from .common import FreightCommon

# What the customer form loads: its fields and the first page of each list.
FORM_SPEC = {
    "name": {},
    "freight_stage": {},
    "user_id": {"fields": {"display_name": {}}},
    "last_interaction_date": {},
    "freight_interaction_count": {},
    "freight_commodity_ids": {"fields": {"display_name": {}}},
    "child_ids": {"fields": {"name": {}, "function": {}, "email": {}}, "limit": 40},
    "freight_financial_ids": {
        "fields": {"year": {}, "revenue": {}, "revenue_growth": {}, "profit": {}},
        "limit": 40,
    },
    "freight_need_ids": {"fields": {"transport_mode": {}, "volume": {}}, "limit": 40},
    "freight_media_ids": {"fields": {"title": {}, "date": {}}, "limit": 40},
}


@tagged("post_install", "-at_install")
class TestCustomerFormQueries(FreightCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls.small = cls._customer("Small Co", interactions=5, contacts=5, years=5)
        cls.large = cls._customer("Large Co", interactions=500, contacts=50, years=10)

    @classmethod
    def _customer(cls, name, interactions, contacts, years):
        customer = cls.env["res.partner"].create(
            {"name": name, "is_company": True, "user_id": cls.user_sales.id}
        )
        cls.env["res.partner"].create(
            [
                {"name": f"{name} person {i}", "parent_id": customer.id}
                for i in range(contacts)
            ]
        )
        kind = cls.env.ref("freight_crm.interaction_kind_call")
        start = datetime(2026, 1, 1, 3, 0)
        cls.env["freight.interaction"].create(
            [
                {
                    "name": f"Call {i}",
                    "partner_id": customer.id,
                    "kind_id": kind.id,
                    "user_id": cls.user_sales.id,
                    "state": "done",
                    "date_start": start + timedelta(hours=i),
                }
                for i in range(interactions)
            ]
        )
        cls.env["freight.customer.financial"].create(
            [
                {"partner_id": customer.id, "year": 2015 + i, "revenue": 1e9 * (i + 1)}
                for i in range(years)
            ]
        )
        return customer

    def _queries_to_open(self, customer):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        customer.with_user(self.user_sales).web_read(FORM_SPEC)
        return self.cr.sql_log_count - before

    def test_opening_a_big_customer_costs_the_same_queries(self):
        self._queries_to_open(self.small)  # warm the caches of the registry
        small = self._queries_to_open(self.small)
        large = self._queries_to_open(self.large)
        self.assertEqual(large, small)
        self.assertEqual(self.large.freight_interaction_count, 500)
