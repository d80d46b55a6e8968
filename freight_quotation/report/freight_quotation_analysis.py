# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.freight_crm.models.freight_selection import (
    DIRECTIONS,
    TRANSPORT_MODES,
)

from ..models.freight_quotation_selection import DECIDED_STATES, QUOTATION_STATES

# Measures the pivot shows as a ratio of two sums, not an average of rows:
# {measure: (numerator, denominator)}, in percent.
RATIO_MEASURES = {"margin_percent": ("margin", "sell")}


class FreightQuotationAnalysis(models.Model):
    """One line per decided quotation (won, lost or expired): how often
    quotations succeed, at which margin, and how fast. Cancelled quotations
    and the revisions replaced by a newer one (cancelled too) do not count,
    nor those still open. Read-only SQL view."""

    _name = "freight.quotation.analysis"
    _description = "Quotation Win-Rate Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "name"
    _depends = {
        "freight.quotation": [
            "name",
            "state",
            "date",
            "sent_date",
            "decision_date",
            "company_id",
            "user_id",
            "partner_id",
            "customer_user_id",
            "lead_id",
            "lane",
            "pol_id",
            "pod_id",
            "mode",
            "direction",
            "kind",
            "carrier_id",
            "lost_reason_id",
            "currency_id",
            "amount_untaxed",
            "amount_untaxed_company",
            "margin",
            "margin_company",
        ],
        "crm.lead": ["create_date"],
        "res.company": ["currency_id"],
    }

    quotation_id = fields.Many2one("freight.quotation", readonly=True)
    name = fields.Char(string="Number", readonly=True)
    date = fields.Date(string="Quotation Date", readonly=True)
    sent_date = fields.Date(readonly=True)
    decision_date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    company_currency_id = fields.Many2one("res.currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    customer_user_id = fields.Many2one(
        "res.users", string="Customer's Salesperson", readonly=True
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Opportunity", readonly=True)
    lane = fields.Char(readonly=True)
    pol_id = fields.Many2one("freight.port", string="Port of Loading", readonly=True)
    pod_id = fields.Many2one("freight.port", string="Port of Discharge", readonly=True)
    mode = fields.Selection(TRANSPORT_MODES, readonly=True)
    direction = fields.Selection(DIRECTIONS, readonly=True)
    carrier_id = fields.Many2one("res.partner", readonly=True)
    state = fields.Selection(QUOTATION_STATES, string="Outcome", readonly=True)
    lost_reason_id = fields.Many2one("crm.lost.reason", readonly=True)
    decided_count = fields.Integer(string="Decided", readonly=True, aggregator="sum")
    won_count = fields.Integer(string="Won", readonly=True, aggregator="sum")
    lost_count = fields.Integer(string="Lost", readonly=True, aggregator="sum")
    expired_count = fields.Integer(string="Expired", readonly=True, aggregator="sum")
    # 100 for a won quotation, 0 otherwise: its average over the rows is the
    # won ones over the decided ones, whatever the grouping.
    win_rate = fields.Float(
        string="Win Rate (%)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    sell = fields.Monetary(
        currency_field="company_currency_id",
        readonly=True,
        aggregator="sum",
        help="The untaxed total of the option chosen (or the first one), in "
        "the company's currency at the exchange rate of the quotation date.",
    )
    margin = fields.Monetary(
        currency_field="company_currency_id", readonly=True, aggregator="sum"
    )
    margin_percent = fields.Float(
        string="Margin (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="The margin over the sell, of the quotations grouped together "
        "(not the average of their percentages).",
    )
    days_to_quote = fields.Float(
        string="Days to First Quotation",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Days from the opportunity's creation to its first quotation.",
    )
    days_to_decision = fields.Float(
        string="Days to Decision",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="Days from sending the quotation to the customer's decision (or "
        "its expiry).",
    )

    # ------------------------------------------------------------------
    # The view
    # ------------------------------------------------------------------
    def _select(self):
        return SQL(
            """
            q.id AS id,
            q.id AS quotation_id,
            q.name AS name,
            q.date AS date,
            q.sent_date AS sent_date,
            q.decision_date AS decision_date,
            q.company_id AS company_id,
            c.currency_id AS company_currency_id,
            q.user_id AS user_id,
            q.customer_user_id AS customer_user_id,
            q.partner_id AS partner_id,
            q.lead_id AS lead_id,
            q.lane AS lane,
            q.pol_id AS pol_id,
            q.pod_id AS pod_id,
            q.mode AS mode,
            q.direction AS direction,
            q.carrier_id AS carrier_id,
            q.state AS state,
            q.lost_reason_id AS lost_reason_id,
            1 AS decided_count,
            CASE WHEN q.state = 'won' THEN 1 ELSE 0 END AS won_count,
            CASE WHEN q.state = 'lost' THEN 1 ELSE 0 END AS lost_count,
            CASE WHEN q.state = 'expired' THEN 1 ELSE 0 END AS expired_count,
            CASE WHEN q.state = 'won' THEN 100.0 ELSE 0.0 END AS win_rate,
            COALESCE(q.amount_untaxed_company, 0) AS sell,
            COALESCE(q.margin_company, 0) AS margin,
            CASE WHEN COALESCE(q.amount_untaxed, 0) != 0
                 THEN 100.0 * q.margin / q.amount_untaxed END AS margin_percent,
            fq.first_date - l.create_date::date AS days_to_quote,
            q.decision_date - q.sent_date AS days_to_decision
            """
        )

    def _from(self):
        # Left joins on unique keys: PostgreSQL drops them when a read does
        # not ask for their columns (the pivot's counts read the quotations
        # alone).
        return SQL(
            """
            freight_quotation q
            LEFT JOIN res_company c ON c.id = q.company_id
            LEFT JOIN crm_lead l ON l.id = q.lead_id
            LEFT JOIN (
                SELECT lead_id, MIN(date) AS first_date
                  FROM freight_quotation
                 WHERE lead_id IS NOT NULL
                 GROUP BY lead_id
            ) fq ON fq.lead_id = q.lead_id
            """
        )

    def _where(self):
        return SQL("q.state IN %s", DECIDED_STATES)

    def _query(self):
        return SQL(
            "SELECT %s FROM %s WHERE %s", self._select(), self._from(), self._where()
        )

    @property
    def _table_query(self):
        return self._query()

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------
    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """The margin percentage of a group is its margin over its sell, not
        the average of its quotations' percentages (as account's invoice
        report does for its average price)."""
        wanted = {
            spec: RATIO_MEASURES[spec.split(":")[0]]
            for spec in fields
            if spec.split(":")[0] in RATIO_MEASURES
        }
        if not wanted:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        asked = {spec.split(":")[0] for spec in fields}
        extra = {
            part for parts in wanted.values() for part in parts if part not in asked
        }
        groups = super().read_group(
            domain,
            list(fields) + [f"{part}:sum" for part in extra],
            groupby,
            offset,
            limit,
            orderby,
            lazy,
        )
        for group in groups:
            for spec, (numerator, denominator) in wanted.items():
                total = group.get(denominator) or 0.0
                group[spec.split(":")[0]] = (
                    100.0 * (group.get(numerator) or 0.0) / total if total else 0.0
                )
            for part in extra:
                group.pop(part, None)
        return groups

    @api.model
    def _kpis(self, group_field, records):
        """{record: (decided, win rate %, margin %)} of RECORDS (by
        GROUP_FIELD), in one query, over the decided quotations the user may
        read."""
        rows = self._read_group(
            [(group_field, "in", records.ids)],
            [group_field],
            ["__count", "won_count:sum", "margin:sum", "sell:sum"],
        )
        return {
            record: (
                count,
                100.0 * won / count if count else 0.0,
                100.0 * margin / sell if sell else 0.0,
            )
            for record, count, won, margin, sell in rows
        }

    @api.model
    def _action_for(self, domain, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_quotation.freight_quotation_analysis_action"
        )
        action["domain"] = domain
        action["context"] = context or {}
        return action
