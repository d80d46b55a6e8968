# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .freight_quotation_selection import OPTION_BUY_FIELDS


class FreightQuotationOption(models.Model):
    """One way to carry the shipment (a carrier, a routing), or one lane of a
    rate offer: its own charges and total. A quotation has at least one."""

    _name = "freight.quotation.option"
    _description = "Quotation Option"
    _order = "quotation_id, sequence, id"

    quotation_id = fields.Many2one(
        "freight.quotation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="quotation_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Option",
        help="What tells this option apart for the customer, e.g. 'Direct' or "
        "'Via Singapore'.",
    )
    rate_id = fields.Many2one(
        "freight.rate",
        string="Buying Rate",
        copy=True,
        groups="base.group_user",
        help="The buying rate the option is priced from.",
    )
    carrier_id = fields.Many2one(
        "res.partner",
        domain="[('freight_carrier_kind', '!=', False)]",
    )
    pol_id = fields.Many2one(
        "freight.port",
        string="Port of Loading",
        help="Rate offers: the lane of this row (the quotation's by default).",
    )
    pod_id = fields.Many2one("freight.port", string="Port of Discharge")
    via_id = fields.Many2one("freight.port")
    transit_days = fields.Integer(string="Transit Time (days)")
    frequency = fields.Char(string="Sailing Frequency")
    line_ids = fields.One2many("freight.quotation.line", "option_id", copy=False)
    currency_id = fields.Many2one(related="quotation_id.currency_id")
    amount_untaxed = fields.Monetary(compute="_compute_amounts", store=True)
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amounts", store=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amounts", store=True
    )
    buy_total = fields.Monetary(
        string="Buying Cost",
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    margin = fields.Monetary(
        compute="_compute_amounts", store=True, groups="base.group_user"
    )
    margin_percent = fields.Float(
        string="Margin (%)",
        compute="_compute_amounts",
        store=True,
        groups="base.group_user",
    )
    is_selected = fields.Boolean(string="Chosen", compute="_compute_is_selected")

    @api.depends(
        "line_ids.amount",
        "line_ids.amount_tax",
        "line_ids.buy_amount",
        "line_ids.is_printed",
    )
    def _compute_amounts(self):
        for option in self:
            # The customer pays what is printed; an internal charge counts
            # in the cost (and so the margin) only.
            printed = option.line_ids.filtered("is_printed")
            untaxed = sum(printed.mapped("amount"))
            option.amount_untaxed = untaxed
            option.amount_tax = sum(printed.mapped("amount_tax"))
            option.amount_total = untaxed + option.amount_tax
            option.buy_total = sum(option.line_ids.mapped("buy_amount"))
            option.margin = untaxed - option.buy_total
            option.margin_percent = option.margin / untaxed * 100 if untaxed else 0.0

    @api.depends("quotation_id.selected_option_id")
    def _compute_is_selected(self):
        for option in self:
            option.is_selected = option.quotation_id.selected_option_id == option

    @api.depends("name", "sequence", "carrier_id", "pol_id", "pod_id")
    def _compute_display_name(self):
        for option in self:
            label = option.name or option.carrier_id.name
            if option.quotation_id.kind == "rate_offer" and option.pol_id:
                lane = f"{option.pol_id.code} → {option.pod_id.code}"
                label = f"{lane} ({label})" if label else lane
            option.display_name = label or self.env._("Option %s", option._position())

    def _position(self):
        self.ensure_one()
        options = self.quotation_id.option_ids
        return (
            (options.ids.index(self.id) + 1)
            if self.id in options.ids
            else len(options) + 1
        )

    @api.model_create_multi
    def create(self, vals_list):
        options = super().create(vals_list)
        options.quotation_id.filtered(lambda q: q.option_ids[1:])._check_unlocked(
            {"option_ids": True}
        )
        return options

    def write(self, vals):
        self._check_buy_side_only(set(vals))
        self.quotation_id._check_unlocked(vals)
        if vals.get("quotation_id"):
            # Moved to another quotation: the rules are checked on the
            # records before a write, so on the new quotation here.
            target = self.env["freight.quotation"].browse(vals["quotation_id"])
            target.check_access("write")
            target._check_unlocked({"option_ids": True})
        return super().write(vals)

    def unlink(self):
        self.quotation_id._check_unlocked({"option_ids": True})
        return super().unlink()

    def _check_buy_side_only(self, fnames):
        """Pricing, without sales rights, sets how an option is bought (its
        carrier and routing), not how it is sold."""
        if self.env.su or self.env.user.has_group("freight_crm.group_freight_sales"):
            return
        if fnames - OPTION_BUY_FIELDS:
            raise AccessError(
                self.env._(
                    "Pricing sets the carrier and routing of an option only; the "
                    "salesperson names and sells it."
                )
            )

    def action_choose(self):
        """The customer accepted this option: the quotation is won with it."""
        self.ensure_one()
        quotation = self.quotation_id
        quotation._check_state(("sent",), self.env._("marked won"))
        quotation.write({"selected_option_id": self.id})
        quotation._set_won()
        return True
