# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.freight_rates.tests.common import TODAY, FreightRateCommon

__all__ = ["TODAY", "FreightQuotationCommon"]


class FreightQuotationCommon(FreightRateCommon):
    """The world of the quotation tests: the rate tests' users, ports,
    carriers and exchange rates (VND 25,000 and EUR 0.8 per USD from
    2026-01-01), two customers, one markup rule of our own, and builders."""

    @classmethod
    def _setup_freight_quotations(cls):
        cls._setup_freight_rates()
        cls._setup_freight_customers()
        env = cls.env
        cls.Quotation = env["freight.quotation"]
        cls.QuotationLine = env["freight.quotation.line"]
        cls.Rule = env["freight.quotation.margin.rule"]
        # The module's own rules are data: the tests set theirs.
        cls.Rule.search([]).unlink()
        cls.rule_company = cls.Rule.create(
            {
                "company_id": env.company.id,
                "markup_type": "percent",
                "markup_value": 10.0,
                "min_margin_percent": 5.0,
            }
        )
        cls.reason_price = env.ref("freight_quotation.lost_reason_competitor_price")
        cls.act_approval = env.ref("freight_quotation.mail_activity_margin_approval")
        cls.act_expiry = env.ref("freight_quotation.mail_activity_quotation_expiry")
        cls.act_buy_changed = env.ref(
            "freight_quotation.mail_activity_buy_rate_changed"
        )

    @classmethod
    def _line(cls, charge=None, sell=100.0, buy=80.0, **vals):
        """Values of a charge: per shipment, in USD, unless told."""
        return {
            "charge_type_id": (charge or cls.charge_doc).id,
            "unit": "per_shipment",
            "sell_price": sell,
            "buy_price": buy,
            "sell_currency_id": cls.usd.id,
            "buy_currency_id": cls.usd.id,
        } | vals

    @classmethod
    def _quotation_values(cls, lines=(), **vals):
        values = {
            "partner_id": cls.customer_a.id,
            "mode": "sea_fcl",
            "pol_id": cls.cat_lai.id,
            "pod_id": cls.los_angeles.id,
            "date": date(2026, 3, 10),
            "validity_date": date(2026, 3, 24),
            "currency_id": cls.usd.id,
            "container_ids": [Command.create({"container_type_id": cls.c40hc.id})],
            "line_ids": [Command.create(line) for line in lines],
        }
        if vals.get("mode") not in (None, "sea_fcl", "trucking", "logistics"):
            values["container_ids"] = []
        return values | vals

    def _quotation(self, lines=None, user=None, **vals):
        """A draft quotation made by USER (the customer's salesperson by
        default); one charge of 100 sold, 80 bought unless LINES."""
        lines = [self._line()] if lines is None else lines
        Quotation = self.env["freight.quotation"].with_user(user or self.user_sales)
        return Quotation.create(self._quotation_values(lines, **vals))

    def _activities(self, record, activity_type):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", record._name),
                    ("res_id", "=", record.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )

    def _state_trackings(self, quotation):
        """The (old, new) states tracked in the chatter, oldest first."""
        values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", quotation._name),
                    ("mail_message_id.res_id", "=", quotation.id),
                    ("field_id.name", "=", "state"),
                ],
                order="id",
            )
        )
        return [(value.old_value_char, value.new_value_char) for value in values]
