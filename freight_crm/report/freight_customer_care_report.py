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
        string="Days Since",
        readonly=True,
        aggregator="avg",
        help="Days since the last interaction done; empty when never met.",
    )
    days_since_label = fields.Char(
        string="Last Contact", compute="_compute_days_since_label"
    )
    is_neglected = fields.Boolean(string="Neglected", readonly=True)
    neglected_count = fields.Integer(
        string="# Neglected", readonly=True, aggregator="sum"
    )
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
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"]
        return SQL(
            """
            p.id AS id,
            p.id AS partner_id,
            p.user_id AS user_id,
            %(company)s AS company_id,
            p.freight_stage AS freight_stage,
            p.freight_region_id AS region_id,
            p.last_interaction_date AS last_interaction_date,
            %(today)s - p.last_interaction_date AS days_since_interaction,
            %(neglected)s AS is_neglected,
            CASE WHEN %(neglected)s THEN 1 ELSE 0 END AS neglected_count,
            COALESCE(i.interaction_count, 0) AS interaction_count,
            COALESCE(o.open_count, 0) AS open_opportunity_count,
            COALESCE(o.open_revenue, 0) AS open_expected_revenue,
            1 AS customer_count
            """,
            today=today,
            neglected=Partner._freight_neglected_sql("p", today),
            company=Partner._freight_home_company_sql("p"),
        )

    def _from(self):
        return SQL(
            """
            res_partner p
            LEFT JOIN (
                SELECT partner_id, COUNT(*) AS interaction_count
                  FROM freight_interaction
                 WHERE state = 'done'
                   AND date >= %s - 90
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
            """,
            fields.Date.context_today(self),
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

    @api.depends("days_since_interaction", "last_interaction_date")
    def _compute_days_since_label(self):
        for line in self:
            line.days_since_label = (
                self.env._("%s days", line.days_since_interaction)
                if line.last_interaction_date
                else self.env._("Never")
            )

    def action_reassign(self):
        return self.partner_id.action_freight_reassign()

    def action_open_customer(self):
        """A line opens the customer itself, not the report line."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def _monthly_report_data(self, date_from, date_to, top=10, company=None):
        """Per salesperson, for the customers of `company` (by default the
        current one): customers,
        interactions done in the period, open opportunities, and the neglected
        customers (the `top` most neglected listed by name), aggregated in the
        database."""
        company = company or self.env.company
        lines = [("company_id", "=", company.id)]
        customers = company._freight_customer_domain("partner_id.company_id")
        done = dict(
            self.env["freight.interaction"]._read_group(
                [
                    ("state", "=", "done"),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ]
                + customers,
                ["customer_user_id"],
                ["__count"],
            )
        )
        totals = self._read_group(
            lines,
            ["user_id"],
            ["__count", "open_opportunity_count:sum", "neglected_count:sum"],
        )
        report = []
        for user, count, open_opportunities, neglected in sorted(
            totals, key=lambda row: row[0].name or ""
        ):
            worst = self.search_read(
                lines + [("is_neglected", "=", True), ("user_id", "=", user.id)],
                ["partner_id", "last_interaction_date", "days_since_interaction"],
                limit=top,
            )
            report.append(
                {
                    "salesperson": user.name or self.env._("No salesperson"),
                    "customers": count,
                    "interactions": done.get(user, 0),
                    "open_opportunities": int(open_opportunities or 0),
                    "neglected_count": int(neglected or 0),
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
        """Per company, e-mail its sales managers the customer-care report of
        last month on its customers."""
        today = fields.Date.context_today(self)
        date_to = today.replace(day=1) - timedelta(days=1)
        date_from = date_to.replace(day=1)
        template = self.env.ref("freight_crm.mail_template_customer_care_monthly")
        group = self.env.ref("freight_crm.group_freight_sales_manager")
        mailed = self.env["res.users"]
        for company in self.env["res.company"].search([]):
            managers = group.users.filtered(
                lambda user, company=company: user.active
                and not user.share
                and user.email
                and company in user.company_ids
            )
            if not managers:
                continue
            report = self.with_company(company)._monthly_report_data(
                date_from, date_to, company=company
            )
            for manager in managers:
                template.with_context(
                    freight_care_report=report,
                    freight_company=company,
                    freight_date_from=date_from,
                    freight_date_to=date_to,
                ).send_mail(manager.id)
            mailed |= managers
        return mailed
