# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.freight_quotation.tests.common import TODAY, FreightQuotationCommon
from odoo.addons.mail.tests.common import mail_new_test_user

__all__ = ["ETA", "ETD", "TODAY", "FreightBookingCommon"]

# The shipment of the tests leaves ten days after TODAY.
ETD = date(2026, 3, 20)
ETA = date(2026, 4, 12)


class FreightBookingCommon(FreightQuotationCommon):
    """The quotation tests' world, operations users of the sea and air
    departments (one of each kind of right, nothing more), a consignee, and
    builders of won quotations and booking requests of customer A (Sales
    A's)."""

    @classmethod
    def _setup_freight_bookings(cls):
        cls._setup_freight_quotations()
        env = cls.env

        def user(login, groups, name):
            return mail_new_test_user(
                env,
                login=login,
                name=name,
                email=f"{login}@example.com",
                groups=f"base.group_user,{groups}",
                tz="Asia/Ho_Chi_Minh",
            )

        # user_ops_sea (fr_ops_sea) comes from FreightCommon.
        cls.user_ops_sea_2 = user(
            "fr_ops_sea_2", "freight_crm.group_freight_operations_sea", "Sea Ops Two"
        )
        cls.user_ops_air = user(
            "fr_ops_air", "freight_crm.group_freight_operations_air", "Air Operations"
        )
        cls.Request = env["freight.booking.request"]
        cls.dept_sea = env.ref("freight_booking.department_sea")
        cls.dept_air = env.ref("freight_booking.department_air")
        cls.dept_logistics = env.ref("freight_booking.department_logistics")
        cls.dept_trucking = env.ref("freight_booking.department_trucking")
        # The sea department has a responsible, the air one none (every
        # member gets the activity).
        cls.dept_sea.user_id = cls.user_ops_sea
        cls.dept_air.user_id = False
        # Job numbers start at 00001 in the tests, whatever the demo used.
        departments = env["freight.operation.department"].search([])
        departments.job_sequence_ids.date_range_ids.unlink()
        cls.act_accept = env.ref("freight_booking.mail_activity_booking_accept")
        cls.act_todo = env.ref("mail.mail_activity_data_todo")
        cls.reason_docs = env.ref("freight_booking.reject_reason_missing_documents")
        cls.consignee = env["res.partner"].create(
            {"name": "Pacific Home Furnishings Inc.", "is_company": True}
        )

    @classmethod
    def _won_quotation(cls, user=None, **vals):
        """A won FCL quotation Cat Lai - Los Angeles, 1 x 40HC, of customer
        A by default: one option carried by Line A, 100 sold, 80 bought."""
        user = user or cls.user_sales
        values = cls._quotation_values(
            [cls._line()],
            option_ids=[Command.create({"sequence": 1, "carrier_id": cls.line_a.id})],
            commodity="Wooden furniture",
            gross_weight=18000.0,
            volume=60.0,
        )
        quotation = cls.env["freight.quotation"].with_user(user).create(values | vals)
        quotation.action_send()
        quotation.action_mark_won()
        assert quotation.state == "won", quotation.state
        return quotation

    @classmethod
    def _air_quotation_values(cls):
        """What makes _won_quotation an air quotation SGN - FRA."""
        return {
            "mode": "air",
            "pol_id": cls.sgn.id,
            "pod_id": cls.fra.id,
            "gross_weight": 500.0,
            "volume": 2.0,
            "container_ids": [],
            "option_ids": [
                Command.create({"sequence": 1, "carrier_id": cls.airline_a.id})
            ],
        }

    def _values(self, **vals):
        """A sea FCL export of customer A: 1 x 40HC Cat Lai - Los Angeles,
        leaving on ETD."""
        return {
            "partner_id": self.customer_a.id,
            "mode": "sea_fcl",
            "direction": "export",
            "shipper_id": self.customer_a.id,
            "consignee_id": self.consignee.id,
            "pol_id": self.cat_lai.id,
            "pod_id": self.los_angeles.id,
            "etd": ETD,
            "eta": ETA,
            "commodity": "Wooden furniture",
            "gross_weight": 18000.0,
            "volume": 60.0,
            "container_ids": [
                Command.create({"container_type_id": self.c40hc.id, "quantity": 1})
            ],
        } | vals

    def _air_values(self, **vals):
        """An air export of customer A, SGN - FRA, 500 kg / 2 CBM."""
        return (
            self._values(
                mode="air",
                pol_id=self.sgn.id,
                pod_id=self.fra.id,
                gross_weight=500.0,
                volume=2.0,
                container_ids=[],
            )
            | vals
        )

    def _booking(self, user=None, **vals):
        """A draft booking request made by USER (Sales A by default)."""
        Request = self.env["freight.booking.request"].with_user(user or self.user_sales)
        return Request.create(self._values(**vals))

    def _requested(self, user=None, **vals):
        request = self._booking(user=user, **vals)
        request.with_user(user or self.user_sales).action_request()
        return request

    def _tick(self, request, user=None):
        """The department ticks the whole checklist."""
        user = user or request.department_id.user_id or self.user_ops_sea
        request.with_user(user).checklist_ids.write({"done": True})

    def _accepted(self, user=None, **vals):
        request = self._requested(**vals)
        user = user or (
            self.user_ops_air if request.mode == "air" else self.user_ops_sea
        )
        self._tick(request, user)
        request.with_user(user).action_accept()
        return request

    def _messages(self, record):
        """The comments posted on RECORD, oldest first."""
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("message_type", "=", "comment"),
                ],
                order="id",
            )
        )
