# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_datetime

from odoo.addons.freight_crm.models.freight_selection import (
    TRANSPORT_MODES,
)
from odoo.addons.freight_rates.models.freight_rate import RATE_MODES
from odoo.addons.freight_rates.models.freight_rate_line import MODE_FREIGHT_UNITS

from .freight_inquiry_selection import INQUIRY_STATES, OPEN_STATES, PRIORITIES

RATE_MODES_DICT = dict(RATE_MODES)


class FreightInquiry(models.Model):
    """A salesperson asks pricing for a price: the request that never gets
    lost, answered against a clock, and that becomes the quotation."""

    _name = "freight.inquiry"
    _description = "Service Inquiry"
    _inherit = [
        "freight.document.mixin",
        "freight.cargo.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _freight_sequence_code = "freight.inquiry"
    _order = "priority desc, response_due, id desc"
    _check_company_auto = True

    state = fields.Selection(
        INQUIRY_STATES,
        required=True,
        default="draft",
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    priority = fields.Selection(PRIORITIES, default="0", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Requester",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        check_company=True,
        index="btree_not_null",
        domain="[('partner_id.commercial_partner_id', '=', partner_id)]",
    )
    pricing_user_id = fields.Many2one(
        "res.users",
        string="Pricing Assignee",
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
    )
    # Shipment
    mode = fields.Selection(TRANSPORT_MODES, required=True, default="sea_fcl")
    dimensions = fields.Text(help="Length x width x height of the packages.")
    oversized = fields.Boolean(string="Out of Gauge")
    container_ids = fields.One2many(
        "freight.inquiry.container", "inquiry_id", string="Containers", copy=True
    )
    cargo_ready_date = fields.Date(index=True)
    target_rate = fields.Monetary(currency_field="target_currency_id")
    target_currency_id = fields.Many2one(
        "res.currency",
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False),
    )
    preferred_carrier_ids = fields.Many2many(
        "res.partner",
        "freight_inquiry_preferred_carrier_rel",
        "inquiry_id",
        "partner_id",
        string="Preferred Carriers",
        domain="[('freight_carrier_kind', '!=', False)]",
    )
    excluded_carrier_ids = fields.Many2many(
        "res.partner",
        "freight_inquiry_excluded_carrier_rel",
        "inquiry_id",
        "partner_id",
        string="Excluded Carriers",
        domain="[('freight_carrier_kind', '!=', False)]",
    )
    service_freight = fields.Boolean(string="Freight", default=True)
    service_customs = fields.Boolean(string="Customs Clearance")
    service_trucking = fields.Boolean(string="Trucking")
    service_insurance = fields.Boolean(string="Insurance")
    service_warehousing = fields.Boolean(string="Warehousing")
    document_ids = fields.Many2many(
        "ir.attachment",
        string="Documents",
        help="Packing list, MSDS, drawings...",
    )
    note = fields.Html(string="Notes")
    # The clock
    response_due = fields.Datetime(tracking=True, copy=False, index=True)
    submitted_at = fields.Datetime(copy=False, readonly=True)
    accepted_at = fields.Datetime(copy=False, readonly=True)
    rejected_at = fields.Datetime(copy=False, readonly=True)
    quoted_at = fields.Datetime(copy=False, readonly=True)
    # Decision
    reject_reason_id = fields.Many2one(
        "freight.inquiry.reject.reason", string="Rejection Reason", copy=False
    )
    reject_note = fields.Text(string="Why Rejected", copy=False)
    quotation_id = fields.Many2one("freight.quotation", copy=False, readonly=True)

    _sql_constraints = [
        (
            "name_company_unique",
            "UNIQUE (name, company_id)",
            "An inquiry number is used once per company.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    def _cargo_sign_fields(self):
        return super()._cargo_sign_fields() + ["target_rate"]

    @api.constrains("target_rate")
    def _check_target_rate_sign(self):
        self._check_cargo_sign()

    @api.constrains("preferred_carrier_ids", "excluded_carrier_ids")
    def _check_carriers(self):
        for inquiry in self:
            both = inquiry.preferred_carrier_ids & inquiry.excluded_carrier_ids
            if both:
                raise ValidationError(
                    self.env._(
                        "%s is both preferred and excluded: choose one.",
                        both[0].name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._assign_numbers(vals_list))

    def write(self, vals):
        result = super().write(vals)
        self._check_customer_access(vals)
        return result

    def _unlink_refusal(self):
        return self.env._(
            "%s was submitted to pricing: cancel it rather than delete it.",
            self.name,
        )

    def _check_pricing(self, verb):
        """Answering an inquiry is pricing's right, refused as the quotation
        and the booking refuse theirs (an AccessError)."""
        if not self.env.user.has_group("freight_crm.group_freight_pricing"):
            raise AccessError(self.env._("Only pricing can %s an inquiry.", verb))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Send the inquiry to pricing: routed, timed, notified."""
        self._check_state(("draft", "rejected"), self.env._("submitted"))
        for inquiry in self:
            inquiry._note_duplicates()
            if not (inquiry.pol_id and inquiry.pod_id) and inquiry.mode != "logistics":
                raise UserError(
                    self.env._(
                        "Give the ports of loading and discharge to ask for a price."
                    )
                )
            if inquiry.mode == "sea_fcl" and not inquiry.container_ids:
                raise UserError(self.env._("Give the containers of an FCL shipment."))
            if inquiry.mode in ("air", "sea_lcl") and not (
                inquiry.gross_weight or inquiry.volume
            ):
                raise UserError(
                    self.env._("Give the gross weight or the volume of the cargo.")
                )
        now = fields.Datetime.now()
        for inquiry in self:
            inquiry.write(
                {
                    "state": "submitted",
                    "submitted_at": now,
                    "reject_reason_id": False,
                    "reject_note": False,
                    "accepted_at": False,
                    "rejected_at": False,
                }
            )
            inquiry._route()
        return True

    def _route(self):
        """Assign, time and notify (freight_inquiry's routing lives in
        _assignee(), _due_date() and _notify_pricing())."""
        for inquiry in self:
            assignee = inquiry._assignee()
            inquiry.write(
                {
                    "pricing_user_id": assignee.id,
                    "response_due": inquiry._due_date(),
                }
            )
            inquiry._notify_pricing()

    def _assignee(self):
        """Who answers: the user of the first routing rule of the company that
        matches (by sequence), else the pricing user already chosen; none
        means the pricing team."""
        self.ensure_one()
        # One query, however many rules the company has.
        rules = self.env["freight.inquiry.routing.rule"].search(
            [("company_id", "=", self.company_id.id)]
        )
        rule = next((rule for rule in rules if rule._matches(self)), rules.browse())
        return rule.user_id or self.pricing_user_id

    def _sla(self):
        self.ensure_one()
        return self.env["freight.inquiry.sla"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("mode", "=", self.mode),
                ("priority", "=", self.priority or "0"),
            ],
            limit=1,
        )

    def _due_date(self):
        """When pricing must answer: the response time of the company for the
        mode and priority, counted in the company's working hours from the
        submission; no response time, no deadline."""
        self.ensure_one()
        sla = self._sla()
        if not (sla and self.submitted_at):
            return False
        calendar = self.company_id.resource_calendar_id
        if not calendar:
            return self.submitted_at + timedelta(hours=sla.hours)
        # Naive datetimes are UTC for the calendar, which works in its own
        # time zone and answers in naive UTC (resource's make_aware).
        return calendar.plan_hours(sla.hours, self.submitted_at, compute_leaves=True)

    def _pricing_team(self):
        """The pricing users of the inquiry's company."""
        group = self.env.ref("freight_crm.group_freight_pricing")
        return group.users.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        )

    def _notify_pricing(self):
        """The assignee gets an activity due at the deadline; the pricing
        team a message in the chatter (they follow it)."""
        self.ensure_one()
        team = self._pricing_team()
        self.message_subscribe(
            partner_ids=(team.partner_id | self.user_id.partner_id).ids
        )
        deadline = (
            fields.Date.to_date(
                fields.Datetime.context_timestamp(self, self.response_due)
            )
            if self.response_due
            else fields.Date.context_today(self)
        )
        if self.pricing_user_id:
            self.activity_schedule(
                "freight_inquiry.mail_activity_inquiry_answer",
                date_deadline=deadline,
                user_id=self.pricing_user_id.id,
            )
        self.message_post(
            body=Markup(self.env._("New inquiry for pricing: %(lane)s, %(mode)s."))
            % {
                "lane": self.lane or "",
                "mode": dict(self._fields["mode"]._description_selection(self.env))[
                    self.mode
                ],
            },
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=team.partner_id.ids,
        )

    def _decision_busy_message(self):
        return self.env._(
            "Another pricing user is answering this inquiry right now: reload it "
            "in a moment."
        )

    def action_accept(self, rate_ids=None):
        """Pricing takes the inquiry: a draft quotation is made from it, one
        option per rate of RATE_IDS (the rates pricing ticked), else from the
        cheapest valid rate, else empty (buy prices entered by hand)."""
        self._check_pricing(self.env._("accept"))
        rates = self.env["freight.rate"].browse(rate_ids or [])
        if rates:
            rates.check_access("read")
        self._lock_for_decision()
        self._check_state(("submitted",), self.env._("accepted"))
        now = fields.Datetime.now()
        for inquiry in self:
            inquiry.write(
                {
                    "state": "accepted",
                    "accepted_at": now,
                    "pricing_user_id": (inquiry.pricing_user_id or self.env.user).id,
                }
            )
            inquiry._close_answer_activities(self.env._("Accepted."))
            inquiry._create_quotation(rates=rates)
            inquiry.message_post(
                body=self.env._("Accepted by %s.", self.env.user.name),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=inquiry.user_id.partner_id.ids,
            )
        return True

    def _create_quotation(self, rates=None):
        """The draft quotation of the inquiry, priced from RATES (one option
        per rate), else from the cheapest valid rate when there is one."""
        self.ensure_one()
        # sudo: pricing creates the quotation the customer's salesperson will
        # send, its selling prices from the customer's markup (pricing alone
        # may not write the sell side); the quotation's own rules still hold
        # afterwards (it is the salesperson's).
        # The salesperson hears of it from the inquiry's own message (below,
        # in action_accept), not from a second "you have been assigned" one.
        quotation = (
            self.env["freight.quotation"]
            .sudo()
            .with_context(mail_auto_subscribe_no_notify=True)
            .create(self._quotation_values())
        )
        filler = self.env["freight.quotation.filler"].sudo()
        if rates:
            filler._fill(quotation, rates=rates.sudo())
        elif quotation.mode in RATE_MODES_DICT:
            try:
                with self.env.cr.savepoint():
                    filler._fill(quotation)
            except UserError as exc:
                # No valid rate (or not enough to look one up): pricing
                # enters the buying prices by hand, on blank freight charges.
                quotation.message_post(
                    body=self.env._(
                        "Not priced from a buying rate: %s",
                        exc.args[0],
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        if not quotation.line_ids and quotation.mode in RATE_MODES_DICT:
            charge = self.env["freight.rate.line"]._default_freight_charge(
                quotation.mode
            )
            blank = {
                "quotation_id": quotation.id,
                "option_id": quotation.option_ids[:1].id,
                "charge_type_id": charge.id,
                "unit": MODE_FREIGHT_UNITS[quotation.mode][0],
                "buy_price": 0.0,
                "sell_price": 0.0,
                "buy_currency_id": quotation.currency_id.id,
                "sell_currency_id": quotation.currency_id.id,
            }
            rows = quotation.container_ids if blank["unit"] == "per_container" else []
            self.env["freight.quotation.line"].sudo().create(
                [
                    dict(blank, container_type_id=row.container_type_id.id)
                    for row in rows
                ]
                or [blank]
            )
        self.write({"quotation_id": quotation.id})
        return quotation

    def _quotation_values(self):
        self.ensure_one()
        values = {
            "partner_id": self.partner_id.commercial_partner_id.id,
            "company_id": self.company_id.id,
            "user_id": (self.user_id or self.customer_user_id).id,
            "lead_id": self.lead_id.id,
            "inquiry_id": self.id,
            "mode": self.mode,
            "direction": self.direction,
            "incoterm_id": self.incoterm_id.id,
            "place_of_receipt": self.place_of_receipt,
            "pol_id": self.pol_id.id,
            "pod_id": self.pod_id.id,
            "place_of_delivery": self.place_of_delivery,
        }
        values.update(self._cargo_values())
        return values

    def action_reject(self):
        """Open the rejection form (the reason is asked)."""
        self._check_pricing(self.env._("reject"))
        self._check_state(("submitted", "accepted"), self.env._("rejected"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the Inquiry"),
            "res_model": "freight.inquiry.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _reject(self, reason, note=False):
        self._check_pricing(self.env._("reject"))
        self._lock_for_decision()
        self._check_state(("submitted", "accepted"), self.env._("rejected"))
        if not reason:
            raise UserError(self.env._("Give the reason the inquiry is rejected."))
        self.write(
            {
                "state": "rejected",
                "rejected_at": fields.Datetime.now(),
                "reject_reason_id": reason.id,
                "reject_note": note,
            }
        )
        for inquiry in self:
            inquiry._close_answer_activities(self.env._("Rejected."))
            body = self.env._("Rejected: %s", reason.name)
            if note:
                body = self.env._(
                    "Rejected: %(reason)s. %(note)s", reason=reason.name, note=note
                )
            inquiry.message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=inquiry.user_id.partner_id.ids,
            )
            inquiry.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(inquiry.user_id or inquiry.customer_user_id).id
                or self.env.user.id,
                summary=self.env._("Inquiry rejected: correct it or tell the customer"),
                note=body,
            )

    def action_cancel(self):
        self._check_state(("draft", "submitted", "rejected"), self.env._("cancelled"))
        self.write({"state": "cancelled"})
        self._close_answer_activities(self.env._("Cancelled."))
        return True

    def action_draft(self):
        self._check_state(("cancelled", "rejected"), self.env._("reset to draft"))
        self.write({"state": "draft"})
        return True

    def action_view_quotation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.quotation",
            "res_id": self.quotation_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _close_answer_activities(self, feedback):
        activity_type = self.env.ref(
            "freight_inquiry.mail_activity_inquiry_answer", raise_if_not_found=False
        )
        activities = self.activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        if activities:
            activities.action_feedback(feedback=feedback)

    def _mark_quoted(self):
        """The quotation was sent: the inquiry is answered."""
        answered = self.filtered(lambda inquiry: inquiry.state == "accepted")
        if answered:
            # sudo: sending the quotation (the salesperson) closes the
            # inquiry pricing accepted.
            answered.sudo().write(
                {"state": "quoted", "quoted_at": fields.Datetime.now()}
            )

    # ------------------------------------------------------------------
    # The clock: measures, escalation and the response time report
    # ------------------------------------------------------------------
    hours_to_answer = fields.Float(
        string="Hours to Answer",
        compute="_compute_clock",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Working hours from the submission to the acceptance or the rejection.",
    )
    hours_to_quote = fields.Float(
        string="Hours to Quote",
        compute="_compute_clock",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Working hours from the submission to the quotation sent.",
    )
    accepted_rate = fields.Float(
        string="Acceptance Rate (%)",
        compute="_compute_clock",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="100 for an accepted inquiry, 0 for a rejected one: its average "
        "over answered inquiries is the acceptance rate.",
    )
    escalated = fields.Boolean(
        compute="_compute_escalated",
        store=True,
        readonly=False,
        copy=False,
        help="The pricing manager was told the inquiry is late.",
    )
    is_overdue = fields.Boolean(
        string="Late",
        compute="_compute_is_overdue",
        store=True,
        index=True,
        help="Answered after its deadline, or still unanswered after it.",
    )
    overdue_count = fields.Integer(compute="_compute_is_overdue", store=True)

    @api.depends("submitted_at", "accepted_at", "rejected_at", "quoted_at")
    def _compute_clock(self):
        for inquiry in self:
            answered_at = inquiry.accepted_at or inquiry.rejected_at
            inquiry.hours_to_answer = inquiry._work_hours(
                inquiry.submitted_at, answered_at
            )
            inquiry.hours_to_quote = inquiry._work_hours(
                inquiry.submitted_at, inquiry.quoted_at
            )
            accepted = inquiry.accepted_at and not inquiry.rejected_at
            inquiry.accepted_rate = 100.0 if accepted else 0.0

    @api.depends("submitted_at")
    def _compute_escalated(self):
        # A new submission starts a new clock.
        self.escalated = False

    @api.depends("response_due", "accepted_at", "rejected_at", "escalated")
    def _compute_is_overdue(self):
        for inquiry in self:
            answered_at = inquiry.accepted_at or inquiry.rejected_at
            inquiry.is_overdue = inquiry.escalated or bool(
                answered_at
                and inquiry.response_due
                and answered_at > inquiry.response_due
            )
            inquiry.overdue_count = int(inquiry.is_overdue)

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        """The averages of the clock count the inquiries it stopped for: an
        inquiry still waiting has no time to answer yet, not zero."""
        stopped_by = {
            "hours_to_answer:avg": ("accepted_at", "rejected_at"),
            "accepted_rate:avg": ("accepted_at", "rejected_at"),
            "hours_to_quote:avg": ("quoted_at",),
        }.get(aggregate_spec)
        if not stopped_by:
            return super()._read_group_select(aggregate_spec, query)
        fname = aggregate_spec.split(":")[0]
        condition = SQL(" OR ").join(
            SQL("%s IS NOT NULL", self._field_to_sql(self._table, stop, query))
            for stop in stopped_by
        )
        return SQL(
            "AVG(%s) FILTER (WHERE %s)",
            self._field_to_sql(self._table, fname, query),
            condition,
        )

    def _escalation_users(self):
        """The pricing manager of the inquiry: the response time's, else the
        Freight administrators of the company."""
        self.ensure_one()
        manager = self._sla().manager_id
        if manager:
            return manager
        admins = self.env.ref("freight_crm.group_freight_admin").users
        return admins.filtered(
            lambda user: self.company_id in user.company_ids and not user.share
        )

    @api.model
    def _cron_escalate(self):
        """Hourly: the submitted inquiries past their deadline go to the
        pricing manager, once."""
        late = self.search(
            [
                ("state", "=", "submitted"),
                ("response_due", "<", fields.Datetime.now()),
                ("escalated", "=", False),
            ]
        )
        for inquiry in late:
            for manager in inquiry._escalation_users():
                inquiry.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=self.env._("Inquiry overdue: pricing has not answered"),
                    note=self.env._(
                        "%(name)s was due %(due)s and is still waiting for "
                        "pricing (%(assignee)s).",
                        name=inquiry.name,
                        due=format_datetime(
                            self.env, inquiry.response_due, tz=manager.tz
                        ),
                        assignee=inquiry.pricing_user_id.name
                        or self.env._("the pricing team"),
                    ),
                )
        late.write({"escalated": True})

    # Duplicates and the clock on the board (freight_inquiry UI)
    # ------------------------------------------------------------------
    duplicate_inquiry_ids = fields.Many2many(
        "freight.inquiry",
        string="Possible Duplicates",
        compute="_compute_duplicate_inquiry_ids",
        help="Open inquiries of the same customer, lane and mode whose cargo is "
        "ready the same week.",
    )
    response_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_response_clock",
        search="_search_response_overdue",
        help="Submitted and not answered by its due time.",
    )
    response_remaining = fields.Char(
        string="Time Left", compute="_compute_response_clock"
    )

    @api.depends("partner_id", "pol_id", "pod_id", "mode", "cargo_ready_date", "state")
    def _compute_duplicate_inquiry_ids(self):
        for inquiry in self:
            domain = inquiry._duplicate_domain()
            inquiry.duplicate_inquiry_ids = (
                self.search(domain) if domain else self.browse()
            )

    def _duplicate_domain(self):
        """The open inquiries asking the same price: same customer, lane
        (pol, pod) and mode, cargo ready the same ISO week."""
        self.ensure_one()
        if not (
            self.partner_id and self.pol_id and self.pod_id and self.cargo_ready_date
        ):
            return None
        monday = self.cargo_ready_date - timedelta(days=self.cargo_ready_date.weekday())
        return [
            ("id", "!=", self._origin.id or 0),
            (
                "partner_id.commercial_partner_id",
                "=",
                self.partner_id.commercial_partner_id.id,
            ),
            ("pol_id", "=", self.pol_id.id),
            ("pod_id", "=", self.pod_id.id),
            ("mode", "=", self.mode),
            ("cargo_ready_date", ">=", monday),
            ("cargo_ready_date", "<=", monday + timedelta(days=6)),
            ("state", "in", OPEN_STATES),
        ]

    def _note_duplicates(self):
        """On submit: a note linking the open inquiries asking the same price
        (the salesperson was warned on the form and may still submit)."""
        self.ensure_one()
        duplicates = self.duplicate_inquiry_ids
        if duplicates:
            self.message_post(
                body=Markup(
                    self.env._(
                        "Submitted although an open inquiry asks for the same "
                        "lane the same week: %s."
                    )
                )
                % Markup(", ").join(inquiry._get_html_link() for inquiry in duplicates),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    @api.depends("state", "response_due")
    @api.depends_context("tz")
    def _compute_response_clock(self):
        now = fields.Datetime.now()
        for inquiry in self:
            if inquiry.state != "submitted" or not inquiry.response_due:
                inquiry.response_overdue = False
                inquiry.response_remaining = False
                continue
            seconds = (inquiry.response_due - now).total_seconds()
            inquiry.response_overdue = seconds < 0
            span = inquiry._clock_span(abs(seconds))
            inquiry.response_remaining = (
                self.env._("Overdue by %s", span)
                if seconds < 0
                else self.env._("Due in %s", span)
            )

    def _clock_span(self, seconds):
        minutes = int(seconds // 60)
        if minutes < 60:
            return self.env._("%s min", minutes)
        hours = minutes // 60
        if hours < 48:
            return self.env._("%sh", hours)
        return self.env._("%sd", hours // 24)

    def _search_response_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search overdue inquiries with = or !=."))
        overdue = [
            ("state", "=", "submitted"),
            ("response_due", "<", fields.Datetime.now()),
        ]
        if (operator == "=") == value:
            return overdue
        return ["!", "&", *overdue]
