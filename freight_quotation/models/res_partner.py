# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    last_quotation_date = fields.Date(
        readonly=True,
        copy=False,
        help="When the company was last sent a quotation.",
    )
    freight_quotation_count = fields.Integer(
        string="Quotations", compute="_compute_freight_quotation_count"
    )

    freight_win_rate = fields.Float(
        string="Win Rate (%)",
        compute="_compute_freight_win_rate",
        help="The company's won quotations over its decided ones (won, lost, expired).",
    )
    freight_margin_percent = fields.Float(
        string="Average Margin (%)",
        compute="_compute_freight_win_rate",
        help="The margin over the sell of the company's decided quotations.",
    )
    freight_decided_count = fields.Integer(
        string="Decided Quotations", compute="_compute_freight_win_rate"
    )

    def _compute_freight_quotation_count(self):
        counts = dict(
            self.env["freight.quotation"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_quotation_count = counts.get(partner, 0)

    def _compute_freight_win_rate(self):
        Analysis = self.env["freight.quotation.analysis"]
        kpis = (
            Analysis._kpis("partner_id", self.commercial_partner_id)
            if Analysis.has_access("read")
            else {}
        )
        for partner in self:
            (
                partner.freight_decided_count,
                partner.freight_win_rate,
                partner.freight_margin_percent,
            ) = kpis.get(partner.commercial_partner_id, (0, 0.0, 0.0))

    def _freight_quoted(self, date):
        """Remember the day a quotation was sent to these companies."""
        # sudo: sending a quotation records the date on the customer, which
        # the salesperson of the quotation may not otherwise write.
        self.sudo().filtered(
            lambda partner: not partner.last_quotation_date
            or partner.last_quotation_date < date
        ).write({"last_quotation_date": date})

    def action_view_freight_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_quotation.freight_quotation_action"
        )
        customer = self.commercial_partner_id
        action["domain"] = [("partner_id", "=", customer.id)]
        action["context"] = {"default_partner_id": customer.id}
        return action

    def action_view_freight_win_rate(self):
        self.ensure_one()
        customer = self.commercial_partner_id
        return self.env["freight.quotation.analysis"]._action_for(
            [("partner_id", "=", customer.id)]
        )
