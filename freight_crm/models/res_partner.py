# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

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
    freight_claim_user_id = fields.Many2one(
        "res.users",
        string="Claimed By",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The salesperson who asked to take over this customer without a "
        "salesperson; a sales manager approves or rejects the claim.",
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
        help="A customer with no interaction done for longer than the neglect "
        "threshold of its company (of the main company for a customer shared by "
        "every company), or never met.",
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

    @api.depends("last_interaction_date", "company_id", "freight_stage", "is_company")
    def _compute_days_since_interaction(self):
        today = fields.Date.context_today(self)
        partners = self.filtered("id")
        neglected = set()
        if partners.ids:
            self.env["res.partner"].flush_model(
                ["company_id", "freight_stage", "is_company", "last_interaction_date"]
            )
            self.env["res.company"].flush_model(["freight_neglect_days"])
            rows = self.env.execute_query(
                SQL(
                    "SELECT p.id FROM res_partner p WHERE p.id IN %s AND %s",
                    tuple(partners.ids),
                    self._freight_neglected_sql("p", today),
                )
            )
            neglected = {row[0] for row in rows}
        for partner in self:
            last = partner.last_interaction_date
            partner.days_since_interaction = (today - last).days if last else 0
            partner.is_neglected = partner.id in neglected

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
        neglected = SQL(
            "(SELECT p.id FROM res_partner p WHERE %s)",
            self._freight_neglected_sql("p", fields.Date.context_today(self)),
        )
        return [("id", "in" if (operator == "=") == value else "not in", neglected)]

    @api.model
    def _freight_neglected_sql(self, alias, today):
        """THE definition of a neglected customer, as an SQL condition on the
        res_partner row `alias`: a company customer (it has a stage) with no
        interaction done, or none for more days than the neglect threshold of
        its company. A customer shared by every company (no company) follows
        the main company's threshold. The partner flag and filter, the
        customer-care report and its monthly e-mail all use this one."""
        partner = SQL.identifier(alias)
        return SQL(
            """(%(p)s.is_company AND %(p)s.freight_stage IS NOT NULL
                AND (%(p)s.last_interaction_date IS NULL
                     OR %(p)s.last_interaction_date < %(today)s - (
                        SELECT c.freight_neglect_days FROM res_company c
                         WHERE c.id = %(home)s)))""",
            p=partner,
            today=today,
            home=self._freight_home_company_sql(alias),
        )

    @api.model
    def _freight_home_company_sql(self, alias):
        """SQL: the company a customer row `alias` belongs to for its settings
        and reports (its own, or the main company for a shared customer)."""
        shared = self.env["res.company"]._freight_shared_customer_company()
        return SQL(
            "COALESCE(%s.company_id, %s)", SQL.identifier(alias), shared.id or None
        )

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

    @api.model
    def _freight_vals_is_company(self, vals):
        """Whether VALS create a company: the web form says it with
        company_type (whose inverse sets is_company), clients with
        is_company, or neither and the context's default."""
        if "company_type" in vals:
            return vals["company_type"] == "company"
        if "is_company" in vals:
            return bool(vals["is_company"])
        return bool(self.env.context.get("default_is_company"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            is_company = self._freight_vals_is_company(vals)
            # Not setdefault: the web form sends the stage, empty, as well.
            if (
                is_company
                and not vals.get("freight_carrier_kind")
                and not vals.get("freight_stage")
            ):
                vals["freight_stage"] = "lead"
            if vals.get("freight_stage") not in (None, False, "lead"):
                self._check_stage_by_hand()
            if is_company and vals.get("freight_stage"):
                self._freight_default_salesperson(vals)
        return super().create(vals_list)

    def write(self, vals):
        if "freight_stage" in vals:
            self._check_stage_by_hand()
        moves = {}
        if "user_id" in vals:
            new_user = self.env["res.users"].browse(vals["user_id"] or ())
            moving = self.filtered(
                lambda partner: partner._freight_is_customer()
                and partner.user_id != new_user
            )
            if moving:
                moving._check_salesperson_by_hand()
                moves = {partner: partner.user_id for partner in moving}
        # Our own message (below) tells both salespeople, in their inbox: no
        # separate "you have been assigned" e-mail.
        partners = (
            self.with_context(mail_auto_subscribe_no_notify=True) if moves else self
        )
        result = super(ResPartner, partners).write(vals)
        if moves:
            self._freight_log_reassignments(moves)
        return result

    def _freight_is_customer(self):
        self.ensure_one()
        return bool(self.is_company and self.freight_stage)

    def _check_stage_by_hand(self):
        if not (
            self.env.su
            or self.env.user.has_group("freight_crm.group_freight_sales_manager")
        ):
            raise AccessError(
                self.env._("Only a sales manager can set the customer stage by hand.")
            )

    def _check_salesperson_by_hand(self):
        """A customer belongs to its salesperson: only a sales manager moves
        it to another one (by hand, the reassign wizard or an import)."""
        if not (
            self.env.su
            or self.env.user.has_group("freight_crm.group_freight_sales_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only a sales manager can change the salesperson of %s. "
                    "Ask your manager, or claim a customer that has no "
                    "salesperson.",
                    ", ".join(self.mapped("display_name")),
                )
            )

    @api.model
    def _freight_default_salesperson(self, vals):
        """A salesperson's new customer is theirs; only a sales manager files
        one under somebody else (or under nobody)."""
        if self.env.su or self.env.user.has_group(
            "freight_crm.group_freight_sales_manager"
        ):
            return
        if not self.env.user.has_group("freight_crm.group_freight_sales"):
            return
        if not vals.get("user_id"):
            vals["user_id"] = self.env.uid
        elif vals["user_id"] != self.env.uid:
            raise AccessError(
                self.env._(
                    "Only a sales manager can file a new customer under another "
                    "salesperson."
                )
            )

    def _freight_reassign(self, user, reason):
        """Move these customers to `user`, kept in their history with `reason`.
        Goes through write(), so the check and the history apply."""
        # The context only carries the text of the reason: it grants nothing,
        # write() still checks who moves the customer.
        self.with_context(freight_reassign_reason=reason).write({"user_id": user.id})

    def _freight_log_reassignments(self, moves):
        """Keep each change of salesperson in the customer's history, tell both
        salespeople in their Odoo inbox, and give the new one an activity to
        take the customer over."""
        reason = self.env.context.get("freight_reassign_reason") or self.env._(
            "Salesperson changed by %s.", self.env.user.name
        )
        # sudo: the change itself was allowed by write(); the history is
        # written whoever made it (manager's form, wizard, import, approval).
        self.env["freight.customer.reassignment"].sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "old_user_id": old_user.id,
                    "new_user_id": partner.user_id.id,
                    "reason": reason,
                }
                for partner, old_user in moves.items()
            ]
        )
        for partner, old_user in moves.items():
            new_user = partner.user_id
            body = Markup("%s<br/>%s") % (
                self.env._(
                    "Customer moved from %(old)s to %(new)s by %(manager)s.",
                    old=old_user.name or self.env._("nobody"),
                    new=new_user.name or self.env._("nobody"),
                    manager=self.env.user.name,
                ),
                reason,
            )
            partner.message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="freight_crm.mt_customer_reassigned",
                partner_ids=(old_user.partner_id | new_user.partner_id).ids,
            )
            if new_user:
                # The message above already tells the new salesperson: no
                # second notification (and no e-mail) for the activity.
                partner.with_context(mail_activity_quick_update=True).activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=new_user.id,
                    summary=self.env._("Review customer %s", partner.name),
                    note=reason,
                )

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        """A change of salesperson reaches the salespeople inside Odoo (their
        inbox) whatever their notification preference: no e-mail is needed,
        and none fails when no mail server is configured."""
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        subtype_id = (
            msg_vals.get("subtype_id") if msg_vals else message.sudo().subtype_id.id
        )
        reassigned = self.env["ir.model.data"]._xmlid_to_res_id(
            "freight_crm.mt_customer_reassigned", raise_if_not_found=False
        )
        if reassigned and subtype_id == reassigned:
            for recipient in recipients:
                if recipient["type"] == "user":
                    recipient["notif"] = "inbox"
        return recipients

    def _freight_promote(self, stage):
        """Move companies forward to `stage` (lead < prospect < customer); never
        back. Called by the rules of the stage, whoever triggers them."""
        rank = CUSTOMER_STAGE_RANK[stage]
        behind = self.filtered(
            lambda partner: partner.is_company
            and CUSTOMER_STAGE_RANK.get(partner.freight_stage or "lead", 0) < rank
        )
        # sudo: the rule moves the stage even when the user who opened the
        # opportunity may not set it by hand (superuser passes the check).
        behind.sudo().write({"freight_stage": stage})
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

    def action_freight_claim(self):
        """A salesperson asks to take over a customer that has no salesperson:
        an activity for the sales managers, who approve or reject it."""
        self.ensure_one()
        if not self.env.user.has_group("freight_crm.group_freight_sales"):
            raise AccessError(self.env._("Only a salesperson can claim a customer."))
        if not self._freight_is_customer():
            raise UserError(self.env._("%s is not a customer.", self.display_name))
        if self.user_id:
            raise UserError(
                self.env._(
                    "%(customer)s already belongs to %(user)s.",
                    customer=self.display_name,
                    user=self.user_id.name,
                )
            )
        if self.freight_claim_user_id:
            raise UserError(
                self.env._(
                    "%(user)s has already claimed %(customer)s.",
                    user=self.freight_claim_user_id.name,
                    customer=self.display_name,
                )
            )
        managers = self._freight_sales_managers()
        if not managers:
            raise UserError(
                self.env._("No sales manager can approve the claim: ask your admin.")
            )
        # sudo: a salesperson reads a customer without a salesperson but may not
        # change it; the claim only records the request for the managers.
        customer = self.sudo()
        customer.freight_claim_user_id = self.env.user
        summary = self.env._(
            "%(user)s claims %(customer)s", user=self.env.user.name, customer=self.name
        )
        # The managers are told in their inbox (the message below), not by
        # e-mail: no second notification per activity.
        for manager in managers:
            customer.with_context(mail_activity_quick_update=True).activity_schedule(
                "freight_crm.mail_activity_type_freight_claim",
                user_id=manager.id,
                summary=summary,
            )
        customer.message_post(
            body=self.env._(
                "%(summary)s: approve or reject it on the customer.", summary=summary
            ),
            message_type="comment",
            subtype_xmlid="freight_crm.mt_customer_reassigned",
            partner_ids=managers.partner_id.ids,
        )
        return True

    def action_freight_approve_claim(self):
        """The manager gives the customer to the salesperson who claimed it."""
        self._check_claim_decision()
        for customer in self:
            claimant = customer.freight_claim_user_id
            customer._freight_reassign(
                claimant, self.env._("Claimed by %s, approved.", claimant.name)
            )
            customer._freight_close_claim(
                self.env._("Approved by %s.", self.env.user.name)
            )
        return True

    def action_freight_reject_claim(self):
        """The manager refuses a claim: the customer stays without salesperson
        and the salesperson who claimed it is told."""
        self._check_claim_decision()
        for customer in self:
            claimant = customer.freight_claim_user_id
            customer._freight_close_claim(
                self.env._("Rejected by %s.", self.env.user.name)
            )
            customer.message_post(
                body=self.env._(
                    "The claim of %(user)s on %(customer)s was rejected by "
                    "%(manager)s.",
                    user=claimant.name,
                    customer=customer.name,
                    manager=self.env.user.name,
                ),
                message_type="comment",
                subtype_xmlid="freight_crm.mt_customer_reassigned",
                partner_ids=claimant.partner_id.ids,
            )
        return True

    def _check_claim_decision(self):
        if not (
            self.env.su
            or self.env.user.has_group("freight_crm.group_freight_sales_manager")
        ):
            raise AccessError(self.env._("Only a sales manager can decide on a claim."))
        unclaimed = self.filtered(lambda partner: not partner.freight_claim_user_id)
        if unclaimed:
            raise UserError(
                self.env._("Nobody has claimed %s.", unclaimed[0].display_name)
            )

    def _freight_close_claim(self, feedback):
        """Close the claim: the deciding manager's activity is done, the other
        managers' ones go."""
        claim_type = self.env.ref("freight_crm.mail_activity_type_freight_claim")
        for customer in self:
            claims = customer.activity_ids.filtered(
                lambda activity: activity.activity_type_id == claim_type
            )
            decided = (
                claims.filtered(lambda activity: activity.user_id == self.env.user)[:1]
                or claims[:1]
            )
            (claims - decided).unlink()
            decided.action_feedback(feedback=feedback)
        self.freight_claim_user_id = False

    def _freight_sales_managers(self):
        """The active sales managers of this customer's company (of the main
        company for a customer shared by every company)."""
        self.ensure_one()
        company = (
            self.company_id
            or self.env["res.company"]._freight_shared_customer_company()
        )
        managers = self.env.ref("freight_crm.group_freight_sales_manager").users
        return managers.filtered(
            lambda user: user.active and not user.share and company in user.company_ids
        )

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
        """Per company, remind each salesperson of the birthdays of their
        customers' people a few days ahead (company setting), with an activity
        on the contact. Days the reminder did not run are caught up (up to a
        year back); each birthday is reminded once."""
        today = fields.Date.context_today(self)
        reminded = self.browse()
        for company in self.env["res.company"].search([]):
            last = company.freight_birthday_reminded_on
            first = (
                max(last + timedelta(days=1), today - timedelta(days=365))
                if last
                else today
            )
            if first > today:
                continue
            notice = timedelta(days=company.freight_birthday_notice_days)
            birthdays = {}
            for offset in range((today - first).days + 1):
                birthday = first + timedelta(days=offset) + notice
                birthdays.setdefault(birthday.month * 100 + birthday.day, birthday)
            contacts = self.search(
                [
                    ("is_company", "=", False),
                    ("birthday_key", "in", list(birthdays)),
                    ("commercial_partner_id.user_id", "!=", False),
                ]
                + company._freight_customer_domain("commercial_partner_id.company_id")
            )
            for contact in contacts:
                contact.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=birthdays[contact.birthday_key],
                    summary=self.env._("Birthday of %s", contact.name),
                    user_id=contact.commercial_partner_id.user_id.id,
                )
            company.freight_birthday_reminded_on = today
            reminded |= contacts
        return reminded
