# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..models.freight_selection import CUSTOMER_STAGES


class FreightCustomerCareReport(models.Model):
    """One line per customer: when we last dealt with it, how long ago, what
    is open. Read-only SQL view; other modules add columns (last quotation)."""

    _name = "freight.customer.care.report"
    _description = "Customer-Care Report"
    _auto = False
    _order = "days_since_interaction desc nulls first, partner_id"
    _rec_name = "partner_id"
    _depends = {
        "res.partner": [
            "active",
            "is_company",
            "user_id",
            "company_id",
            "freight_stage",
            "freight_region_id",
            "last_interaction_date",
            "commercial_partner_id",
        ],
        "res.company": ["freight_neglect_days"],
        "freight.interaction": ["partner_id", "state", "date"],
        "crm.lead": ["active", "type", "partner_id", "stage_id", "expected_revenue"],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    freight_stage = fields.Selection(CUSTOMER_STAGES, string="Stage", readonly=True)
    region_id = fields.Many2one("freight.classification", readonly=True)
    last_interaction_date = fields.Date(readonly=True)
    days_since_interaction = fields.Integer(
        string="Days Since", readonly=True, aggregator="avg"
    )
    is_neglected = fields.Boolean(string="Neglected", readonly=True)
    interaction_count = fields.Integer(
        string="Interactions (90 days)", readonly=True, aggregator="sum"
    )
    open_opportunity_count = fields.Integer(
        string="Open Opportunities", readonly=True, aggregator="sum"
    )
    open_expected_revenue = fields.Float(readonly=True, aggregator="sum")
    customer_count = fields.Integer(
        string="# Customers", readonly=True, aggregator="sum"
    )

    def _select(self):
        return SQL(
            """
            p.id AS id,
            p.id AS partner_id,
            p.user_id AS user_id,
            p.company_id AS company_id,
            p.freight_stage AS freight_stage,
            p.freight_region_id AS region_id,
            p.last_interaction_date AS last_interaction_date,
            CURRENT_DATE - p.last_interaction_date AS days_since_interaction,
            (p.last_interaction_date IS NULL
             OR CURRENT_DATE - p.last_interaction_date > c.freight_neglect_days)
                AS is_neglected,
            COALESCE(i.interaction_count, 0) AS interaction_count,
            COALESCE(o.open_count, 0) AS open_opportunity_count,
            COALESCE(o.open_revenue, 0) AS open_expected_revenue,
            1 AS customer_count
            """
        )

    def _from(self):
        return SQL(
            """
            res_partner p
            JOIN res_company c
              ON c.id = COALESCE(p.company_id,
                                 (SELECT MIN(id) FROM res_company))
            LEFT JOIN (
                SELECT partner_id, COUNT(*) AS interaction_count
                  FROM freight_interaction
                 WHERE state = 'done'
                   AND date >= CURRENT_DATE - 90
                 GROUP BY partner_id
            ) i ON i.partner_id = p.id
            LEFT JOIN (
                SELECT lp.commercial_partner_id AS partner_id,
                       COUNT(*) AS open_count,
                       SUM(l.expected_revenue) AS open_revenue
                  FROM crm_lead l
                  JOIN res_partner lp ON lp.id = l.partner_id
                  LEFT JOIN crm_stage s ON s.id = l.stage_id
                 WHERE l.active AND l.type = 'opportunity'
                   AND NOT COALESCE(s.is_won, FALSE)
                 GROUP BY lp.commercial_partner_id
            ) o ON o.partner_id = p.id
            """
        )

    def _where(self):
        return SQL("p.active AND p.is_company AND p.freight_stage IS NOT NULL")

    def _query(self):
        return SQL(
            "SELECT %s FROM %s WHERE %s", self._select(), self._from(), self._where()
        )

    @property
    def _table_query(self):
        return self._query()

    def action_reassign(self):
        return self.partner_id.action_freight_reassign()

    @api.model
    def _monthly_report_data(self, date_from, date_to, top=10):
        """Per salesperson: customers, interactions done in the period, open
        opportunities, and the neglected customers (the `top` most neglected
        listed by name), aggregated in the database."""
        done = dict(
            self.env["freight.interaction"]._read_group(
                [
                    ("state", "=", "done"),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["user_id"],
                ["__count"],
            )
        )
        neglected = dict(
            self._read_group([("is_neglected", "=", True)], ["user_id"], ["__count"])
        )
        totals = self._read_group(
            [], ["user_id"], ["__count", "open_opportunity_count:sum"]
        )
        report = []
        for user, customers, open_opportunities in sorted(
            totals, key=lambda row: row[0].name or ""
        ):
            worst = self.search_read(
                [("is_neglected", "=", True), ("user_id", "=", user.id)],
                ["partner_id", "last_interaction_date", "days_since_interaction"],
                limit=top,
            )
            report.append(
                {
                    "salesperson": user.name or self.env._("No salesperson"),
                    "customers": customers,
                    "interactions": done.get(user, 0),
                    "open_opportunities": int(open_opportunities or 0),
                    "neglected_count": neglected.get(user, 0),
                    "neglected": [
                        {
                            "customer": line["partner_id"][1],
                            "last": line["last_interaction_date"],
                            "days": line["days_since_interaction"],
                        }
                        for line in worst
                    ],
                }
            )
        return report

    @api.model
    def _cron_send_monthly_report(self):
        """E-mail every sales manager the customer-care report of last month."""
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        report = self._monthly_report_data(date_from, date_to)
        template = self.env.ref("freight_crm.mail_template_customer_care_monthly")
        managers = self.env.ref("freight_crm.group_freight_sales_manager").users
        managers = managers.filtered(lambda user: user.active and user.email)
        for manager in managers:
            template.with_context(
                freight_care_report=report,
                freight_date_from=date_from,
                freight_date_to=date_to,
            ).send_mail(manager.id)
        return managers
