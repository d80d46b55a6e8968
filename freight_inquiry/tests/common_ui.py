# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.freight_rates.tests.common import FreightRateCommon


class InquiryUiCommon(FreightRateCommon):
    """Two customers of two salespeople, ports, and an inquiry builder."""

    @classmethod
    def _setup_inquiry_ui(cls):
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        cls.Inquiry = cls.env["freight.inquiry"]

    @classmethod
    def _inquiry_values(cls, **vals):
        return {
            "partner_id": cls.customer_a.id,
            "mode": "sea_fcl",
            "pol_id": cls.cat_lai.id,
            "pod_id": cls.los_angeles.id,
            "cargo_ready_date": "2026-03-11",  # a Wednesday, ISO week 11
            "container_ids": [(0, 0, {"container_type_id": cls.c40hc.id})],
            **vals,
        }

    def _inquiry(self, user=None, **vals):
        return (
            self.env["freight.inquiry"]
            .with_user(user or self.user_sales)
            .create(self._inquiry_values(**vals))
        )
