# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTeamMember(models.Model):
    """The salesperson's card of the sales team: how often their quotations
    succeed, and at which margin."""

    _inherit = "crm.team.member"

    freight_win_rate = fields.Float(
        string="Win Rate (%)",
        compute="_compute_freight_win_rate",
        help="The salesperson's won quotations over their decided ones.",
    )
    freight_margin_percent = fields.Float(
        string="Average Margin (%)",
        compute="_compute_freight_win_rate",
        help="The margin over the sell of the salesperson's decided quotations.",
    )
    freight_decided_count = fields.Integer(
        string="Decided Quotations", compute="_compute_freight_win_rate"
    )

    def _compute_freight_win_rate(self):
        Analysis = self.env["freight.quotation.analysis"]
        kpis = (
            Analysis._kpis("user_id", self.user_id)
            if Analysis.has_access("read")
            else {}
        )
        for member in self:
            (
                member.freight_decided_count,
                member.freight_win_rate,
                member.freight_margin_percent,
            ) = kpis.get(member.user_id, (0, 0.0, 0.0))

    def action_view_freight_win_rate(self):
        self.ensure_one()
        return self.env["freight.quotation.analysis"]._action_for(
            [("user_id", "=", self.user_id.id)]
        )
