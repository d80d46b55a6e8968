# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.freight_quotation.tests.common import TODAY, FreightQuotationCommon

__all__ = ["TODAY", "FreightInquiryCommon"]


class FreightInquiryCommon(FreightQuotationCommon):
    """The quotation tests' world, and inquiries of customer A (Sales A's)."""

    @classmethod
    def _setup_freight_inquiries(cls):
        cls._setup_freight_quotations()
        cls.Inquiry = cls.env["freight.inquiry"]
        cls.reason_missing = cls.env["freight.inquiry.reject.reason"].search(
            [], limit=1
        )

    def _inquiry(self, user=None, **vals):
        """A draft FCL inquiry Cat Lai - Los Angeles, 2 x 40HC, made by USER
        (Sales A by default)."""
        values = {
            "partner_id": self.customer_a.id,
            "mode": "sea_fcl",
            "pol_id": self.cat_lai.id,
            "pod_id": self.los_angeles.id,
            "commodity": "Wooden furniture",
            "gross_weight": 18000.0,
            "container_ids": [
                Command.create({"container_type_id": self.c40hc.id, "quantity": 2})
            ],
        } | vals
        return self.Inquiry.with_user(user or self.user_sales).create(values)

    def _submitted(self, **vals):
        inquiry = self._inquiry(**vals)
        inquiry.action_submit()
        return inquiry
