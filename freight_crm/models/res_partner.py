# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .freight_selection import CARRIER_KINDS, CUSTOMER_STAGE_RANK, CUSTOMER_STAGES

SCAC_RE = re.compile(r"^[A-Z]{2,4}$")
AIRLINE_IATA_RE = re.compile(r"^[A-Z0-9]{2}$")
AWB_PREFIX_RE = re.compile(r"^[0-9]{3}$")


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "freight.name.search.mixin"]
    # Customers and carriers are also found by name typed without spaces.
    _freight_compact_search_fields = ("name", "trade_name")

    freight_carrier_kind = fields.Selection(
        CARRIER_KINDS,
        string="Carrier Kind",
        index=True,
        help="Set on shipping lines, airlines, co-loaders, trucking companies "
        "and overseas agents: the partners freight is bought from.",
    )
    scac_code = fields.Char(
        string="SCAC",
        size=4,
        help="Standard Carrier Alpha Code of a shipping line, e.g. MAEU.",
    )
    airline_iata_code = fields.Char(
        string="Airline IATA Code", size=2, help="Two-character code, e.g. VN."
    )
    awb_prefix = fields.Char(
        string="AWB Prefix",
        size=3,
        help="Three-digit prefix of the airline's air waybills, e.g. 738.",
    )

    # Customer 360 (freight_crm issue 3)
    trade_name = fields.Char(help="The name the customer trades under.")
    freight_parent_company_id = fields.Many2one(
        "res.partner",
        string="Parent Company",
        index=True,
        domain="[('is_company', '=', True), ('id', '!=', id)]",
        help="The group this company belongs to.",
    )
    freight_subsidiary_ids = fields.One2many(
        "res.partner", "freight_parent_company_id", string="Subsidiaries"
    )
    establishment_date = fields.Date(string="Date of Establishment")
    fax = fields.Char()
    freight_stage = fields.Selection(
        CUSTOMER_STAGES,
        string="Customer Stage",
        index=True,
        tracking=True,
        copy=False,
        help="Lead: a business to market to. Prospect: dealings under way (an "
        "open opportunity or a sent quotation). Customer: has booked shipments. "
        "Moves forward by itself; a sales manager may set it by hand.",
    )
    freight_ownership_id = fields.Many2one(
        "freight.classification",
        string="Ownership",
        domain="[('kind', '=', 'ownership')]",
        index=True,
    )
    freight_business_type_id = fields.Many2one(
        "freight.classification",
        string="Business Type",
        domain="[('kind', '=', 'business_type')]",
        index=True,
    )
    freight_commodity_ids = fields.Many2many(
        "freight.classification",
        "res_partner_freight_commodity_rel",
        "partner_id",
        "classification_id",
        string="Goods Traded",
        domain="[('kind', '=', 'commodity')]",
    )
    freight_size_id = fields.Many2one(
        "freight.classification",
        string="Company Size",
        domain="[('kind', '=', 'size')]",
        index=True,
    )
    freight_region_id = fields.Many2one(
        "freight.classification",
        string="Region",
        domain="[('kind', '=', 'region')]",
        index=True,
    )
    # The customer's people
    gender = fields.Selection(
        [("male", "Male"), ("female", "Female"), ("other", "Other")]
    )
    birthdate = fields.Date(string="Date of Birth")
    birthday_key = fields.Integer(
        compute="_compute_birthday_key",
        store=True,
        index=True,
        help="Month * 100 + day of the birthday, to find upcoming birthdays.",
    )
    buying_role = fields.Selection(
        [
            ("decision_maker", "Decision Maker"),
            ("influencer", "Influencer"),
            ("user", "User"),
            ("gatekeeper", "Gatekeeper"),
        ],
        string="Role in Buying",
    )
    # Dealings
    freight_interaction_ids = fields.One2many(
        "freight.interaction", "partner_id", string="Interactions"
    )
    last_interaction_date = fields.Date(
        compute="_compute_last_interaction_date",
        store=True,
        index=True,
        help="Date of the last interaction done with this customer.",
    )
    freight_need_ids = fields.One2many("freight.customer.need", "partner_id")
    freight_booking_plan_ids = fields.One2many("freight.booking.plan", "partner_id")
    freight_financial_ids = fields.One2many("freight.customer.financial", "partner_id")
    freight_media_ids = fields.One2many("freight.customer.media", "partner_id")
    freight_reassignment_ids = fields.One2many(
        "freight.customer.reassignment", "partner_id", string="Salesperson History"
    )
    freight_interaction_count = fields.Integer(
        compute="_compute_freight_counts", string="Interaction Count"
    )
    days_since_interaction = fields.Integer(
        compute="_compute_days_since_interaction",
        search="_search_days_since_interaction",
        string="Days Without Interaction",
    )
    is_neglected = fields.Boolean(
        compute="_compute_days_since_interaction",
        search="_search_is_neglected",
        string="Neglected",
        help="No interaction done for longer than the company's neglect threshold.",
    )
    birthday_soon = fields.Boolean(
        compute="_compute_birthday_soon",
        search="_search_birthday_soon",
        string="Birthday in the Next 30 Days",
    )

    @api.depends("birthdate")
    def _compute_birthday_key(self):
        for partner in self:
            date = partner.birthdate
            partner.birthday_key = date.month * 100 + date.day if date else 0

    @api.depends("freight_interaction_ids.state", "freight_interaction_ids.date")
    def _compute_last_interaction_date(self):
        last = dict(
            self.env["freight.interaction"]._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "done")],
                ["partner_id"],
                ["date:max"],
            )
        )
        for partner in self:
            partner.last_interaction_date = last.get(partner._origin, False)

    @api.depends("last_interaction_date")
    @api.depends_context("company")
    def _compute_days_since_interaction(self):
        today = fields.Date.context_today(self)
        threshold = self.env.company.freight_neglect_days
        for partner in self:
            last = partner.last_interaction_date
            partner.days_since_interaction = (today - last).days if last else 0
            partner.is_neglected = bool(
                partner.is_company
                and partner.freight_stage
                and (not last or (today - last).days > threshold)
            )

    def _search_days_since_interaction(self, operator, value):
        if operator not in (">=", ">", "<", "<=") or not isinstance(value, int):
            raise self._freight_unsupported_search(operator)
        cutoff = fields.Date.context_today(self) - timedelta(days=value)
        # "n days or more" = last interaction on or before today - n
        reverse = {">=": "<=", ">": "<", "<": ">", "<=": ">="}[operator]
        domain = [("last_interaction_date", reverse, cutoff)]
        if operator in (">=", ">"):
            domain = ["|", ("last_interaction_date", "=", False)] + domain
        return domain

    def _search_is_neglected(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise self._freight_unsupported_search(operator)
        days = self.env.company.freight_neglect_days
        cutoff = fields.Date.context_today(self) - timedelta(days=days)
        neglected = [
            ("is_company", "=", True),
            ("freight_stage", "!=", False),
            "|",
            ("last_interaction_date", "=", False),
            ("last_interaction_date", "<", cutoff),
        ]
        if (operator == "=") == value:
            return neglected
        return ["!", "&", "&"] + neglected

    @api.depends("birthday_key")
    def _compute_birthday_soon(self):
        keys = set(self._birthday_keys(30))
        for partner in self:
            partner.birthday_soon = partner.birthday_key in keys

    def _search_birthday_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise self._freight_unsupported_search(operator)
        positive = (operator == "=") == value
        return [
            ("birthday_key", "in" if positive else "not in", self._birthday_keys(30))
        ]

    def _freight_unsupported_search(self, operator):
        return UserError(
            self.env._("This filter does not support the operator %s.", operator)
        )

    def _birthday_keys(self, days, start=0):
        today = fields.Date.context_today(self)
        dates = (today + timedelta(days=offset) for offset in range(start, days + 1))
        return [date.month * 100 + date.day for date in dates]

    def _compute_freight_counts(self):
        counts = dict(
            self.env["freight.interaction"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_interaction_count = counts.get(partner._origin, 0)

    @api.constrains("freight_parent_company_id")
    def _check_freight_parent_company(self):
        if self._has_cycle("freight_parent_company_id"):
            raise ValidationError(
                self.env._(
                    "A company cannot be its own parent company, directly or "
                    "through its subsidiaries."
                )
            )

    @api.constrains("birthdate")
    def _check_birthdate(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthdate and partner.birthdate > today:
                raise ValidationError(
                    self.env._(
                        "The date of birth of %s cannot be in the future.",
                        partner.name,
                    )
                )

    @api.constrains("scac_code", "airline_iata_code", "awb_prefix")
    def _check_carrier_codes(self):
        checks = (
            ("scac_code", SCAC_RE, self.env._("a SCAC has 2 to 4 capital letters")),
            (
                "airline_iata_code",
                AIRLINE_IATA_RE,
                self.env._("an airline IATA code has 2 letters or digits"),
            ),
            ("awb_prefix", AWB_PREFIX_RE, self.env._("an AWB prefix has 3 digits")),
        )
        for partner in self:
            for fname, pattern, rule in checks:
                value = partner[fname]
                if value and not pattern.match(value):
                    raise ValidationError(
                        self.env._(
                            "%(value)s is not valid for %(partner)s: %(rule)s.",
                            value=value,
                            partner=partner.display_name,
                            rule=rule,
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_company") and not vals.get("freight_carrier_kind"):
                vals.setdefault("freight_stage", "lead")
            if vals.get("freight_stage") not in (None, False, "lead"):
                self._check_stage_by_hand()
        return super().create(vals_list)

    def write(self, vals):
        if "freight_stage" in vals and not self.env.context.get("freight_stage_auto"):
            self._check_stage_by_hand()
        return super().write(vals)

    def _check_stage_by_hand(self):
        if not (
            self.env.su
            or self.env.user.has_group("freight_crm.group_freight_sales_manager")
        ):
            raise AccessError(
                self.env._("Only a sales manager can set the customer stage by hand.")
            )

    def _freight_promote(self, stage):
        """Move companies forward to `stage` (lead < prospect < customer); never
        back. Called by the rules of the stage, whoever triggers them."""
        rank = CUSTOMER_STAGE_RANK[stage]
        behind = self.filtered(
            lambda partner: partner.is_company
            and CUSTOMER_STAGE_RANK.get(partner.freight_stage or "lead", 0) < rank
        )
        # sudo: the rule moves the stage even when the user who opened the
        # opportunity may not edit the company itself.
        behind.sudo().with_context(freight_stage_auto=True).write(
            {"freight_stage": stage}
        )
        return behind

    def action_log_interaction(self):
        self.ensure_one()
        return self.env["freight.interaction"]._action_quick_log(
            self.commercial_partner_id
        )

    def action_freight_reassign(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reassign Customers"),
            "res_model": "freight.customer.reassign",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def action_view_freight_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_interaction_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    @api.model
    def _cron_freight_birthdays(self):
        """Remind each salesperson of the birthdays of their customers' people,
        a few days ahead (company setting), with an activity on the contact."""
        days = self.env.company.freight_birthday_notice_days
        contacts = self.search(
            [
                ("is_company", "=", False),
                ("birthday_key", "in", self._birthday_keys(days, start=days)),
                ("commercial_partner_id.user_id", "!=", False),
            ]
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        deadline = fields.Date.context_today(self) + timedelta(days=days)
        for contact in contacts:
            contact.activity_schedule(
                activity_type_id=todo.id,
                date_deadline=deadline,
                summary=self.env._("Birthday of %s", contact.name),
                user_id=contact.commercial_partner_id.user_id.id,
            )
        return contacts
