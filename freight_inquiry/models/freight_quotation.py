# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.freight_rates.models.freight_rate import RATE_MODES
from odoo.addons.freight_rates.models.freight_rate_line import WEIGHT_BREAK_KG


class FreightQuotation(models.Model):
    _inherit = "freight.quotation"

    inquiry_id = fields.Many2one(
        "freight.inquiry",
        string="Service Inquiry",
        copy=False,
        readonly=True,
        index="btree_not_null",
    )

    def _mark_sent(self):
        result = super()._mark_sent()
        self.inquiry_id._mark_quoted()
        return result

    def action_save_buying_rate(self):
        """The buying prices of the quotation's option, as a new rate."""
        self.ensure_one()
        options = self.option_ids.filtered(lambda option: not option.rate_id)
        if len(options) > 1:
            raise UserError(
                self.env._(
                    "%s has several options: save the buying rate of each from "
                    "the Options tab.",
                    self.name,
                )
            )
        return (options or self.option_ids[:1]).action_save_buying_rate()


class FreightQuotationOption(models.Model):
    _inherit = "freight.quotation.option"

    def action_save_buying_rate(self):
        """Pricing priced the option of an inquiry by hand: its buying prices
        become a new draft buying rate, the charges linked to its prices."""
        self.ensure_one()
        if not self.env.user.has_group("freight_crm.group_freight_pricing"):
            raise AccessError(self.env._("Only pricing can save a buying rate."))
        quotation = self.quotation_id
        if self.rate_id or self.line_ids.rate_line_id:
            raise UserError(
                self.env._(
                    "%(option)s is priced from %(rate)s already: there is no new "
                    "buying rate to save.",
                    option=self.display_name,
                    rate=(self.rate_id or self.line_ids.rate_line_id.rate_id[:1]).name,
                )
            )
        if quotation.mode not in dict(RATE_MODES):
            raise UserError(
                self.env._("Logistics services have no buying rate to save.")
            )
        lines = self.line_ids.filtered(lambda line: line.buy_price > 0)
        if not lines:
            raise UserError(
                self.env._(
                    "%s has no buying price: enter what the carrier charges on its "
                    "charges first.",
                    self.display_name,
                )
            )
        if not self.carrier_id:
            raise UserError(
                self.env._("Choose the carrier of %s first.", self.display_name)
            )
        Rate = self.env["freight.rate"]
        freight_charge = self.env["freight.rate.line"]._default_freight_charge(
            quotation.mode
        )
        is_freight = [line.charge_type_id == freight_charge for line in lines]
        currency = next(
            (
                line.buy_currency_id
                for line, freight in zip(lines, is_freight, strict=True)
                if freight
            ),
            lines[0].buy_currency_id,
        )
        prices = [
            line._buying_price_values(freight)
            for line, freight in zip(lines, is_freight, strict=True)
        ]
        rate = Rate.create(
            {
                "company_id": quotation.company_id.id,
                "mode": quotation.mode,
                "direction": quotation.direction,
                "carrier_id": self.carrier_id.id,
                "origin_id": (self.pol_id or quotation.pol_id).id,
                "destination_id": (self.pod_id or quotation.pod_id).id,
                "transshipment_id": self.via_id.id,
                "transit_days": self.transit_days or quotation.transit_days,
                "valid_from": quotation.date,
                "valid_to": quotation.validity_date,
                "currency_id": (currency or quotation.currency_id).id,
                "reference": quotation.name,
                "remarks": self.env._(
                    "Priced by hand for %s.",
                    quotation.inquiry_id.name or quotation.name,
                ),
                "line_ids": [Command.create(values) for values in prices],
            }
        )
        for line, price in zip(lines, rate.line_ids.sorted("id"), strict=True):
            line.rate_line_id = price
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.rate",
            "res_id": rate.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }


class FreightQuotationLine(models.Model):
    _inherit = "freight.quotation.line"

    def _buying_price_values(self, freight):
        """The values of the buying-rate price of this charge (FREIGHT: the
        mode's freight price, else a surcharge)."""
        self.ensure_one()
        mode = self.quotation_id.mode
        values = {
            "sequence": self.sequence,
            "line_type": "freight" if freight else "surcharge",
            "charge_type_id": self.charge_type_id.id,
            "currency_id": self.buy_currency_id.id,
            "amount": self.buy_price,
        }
        if self.unit == "per_container" and mode in ("sea_fcl", "trucking"):
            values["container_type_id"] = self.container_type_id.id
        if freight and mode == "air":
            values["weight_break"] = (
                "min" if self.unit == "per_shipment" else self._weight_break()
            )
        else:
            values["unit"] = self.unit
        return values

    def _weight_break(self):
        """The air weight break of the chargeable weight the charge prices."""
        weight = self.quantity or self.quotation_id.chargeable_weight
        found = "m45"
        for key, kg in sorted(WEIGHT_BREAK_KG.items(), key=lambda item: item[1]):
            if key != "min" and weight >= kg:
                found = key
        return found
