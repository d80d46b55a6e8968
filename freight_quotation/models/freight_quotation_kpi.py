# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightQuotation(models.Model):
    """The totals the win-rate analysis adds up, in the company's currency,
    stored so that the analysis reads the quotation table alone."""

    _inherit = "freight.quotation"

    amount_untaxed_company = fields.Monetary(
        string="Untaxed (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_company_amounts",
        store=True,
        help="The untaxed total of the option chosen (or the first one), at "
        "the exchange rate of the quotation date.",
    )
    margin_company = fields.Monetary(
        string="Margin (Company Currency)",
        currency_field="company_currency_id",
        compute="_compute_company_amounts",
        store=True,
        groups="base.group_user",
    )

    @api.depends("amount_untaxed", "margin", "currency_id", "company_id", "date")
    def _compute_company_amounts(self):
        for quotation in self:
            company = quotation.company_id or self.env.company
            currency = quotation.currency_id
            target = company.currency_id
            amounts = (quotation.amount_untaxed, quotation.margin)
            if currency and currency != target:
                # Odoo's own conversion: the company's rate of the day (else
                # the shared one, else the first known), as on the quotation.
                day = quotation.date or fields.Date.context_today(quotation)
                amounts = tuple(
                    currency._convert(amount, target, company, day)
                    for amount in amounts
                )
            quotation.amount_untaxed_company, quotation.margin_company = amounts
