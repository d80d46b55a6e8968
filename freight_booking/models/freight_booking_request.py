# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextvars import ContextVar

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.freight_crm.models.freight_selection import (
    TRANSPORT_MODES,
)

from .freight_booking_selection import (
    ACTION_FIELDS,
    BOOKED_STATES,
    BOOKING_STATES,
    BORN_DRAFT_FIELDS,
    DOCUMENTED_MODES,
    EDITABLE_STATES,
    OPERATIONS_FIELDS,
    WORKFLOW_FIELDS,
)

# Set while an action of the workflow writes: only they write its fields (a
# client cannot set it, unlike a context key).
_IN_WORKFLOW = ContextVar("freight_booking_in_workflow", default=False)


class FreightBookingRequest(models.Model):
    """Sales hand a shipment to the operations department that handles it:
    everything it needs to book the space and open the job file, without
    calling sales back."""

    _name = "freight.booking.request"
    _description = "Internal Booking Request"
    _inherit = [
        "freight.document.mixin",
        "freight.cargo.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "etd desc, id desc"
    _check_company_auto = True
    _freight_sequence_code = "freight.booking.request"

    state = fields.Selection(
        BOOKING_STATES,
        required=True,
        default="draft",
        copy=False,
        readonly=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
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
        index="btree_not_null",
        check_company=True,
        domain="[('type', '=', 'opportunity')]",
    )
    quotation_id = fields.Many2one(
        "freight.quotation",
        string="Won Quotation",
        index="btree_not_null",
        check_company=True,
        domain="[('state', '=', 'won'), ('partner_id', '=', partner_id)]",
        tracking=True,
    )
    option_id = fields.Many2one(
        "freight.quotation.option",
        domain="[('quotation_id', '=', quotation_id)]",
        help="The option of the quotation the customer chose.",
    )
    shipper_id = fields.Many2one("res.partner", tracking=True)
    consignee_id = fields.Many2one("res.partner", tracking=True)
    notify_party_id = fields.Many2one("res.partner")
    department_id = fields.Many2one(
        "freight.operation.department",
        string="Operations Department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        check_company=True,
        help="Defaulted from the mode: the first department of the company "
        "that handles it. Required to request the booking.",
    )
    operations_user_id = fields.Many2one(
        "res.users",
        string="Handled By",
        copy=False,
        tracking=True,
        help="The member of the department who accepted the request.",
    )
    mode = fields.Selection(
        TRANSPORT_MODES, required=True, default="sea_fcl", tracking=True
    )
    carrier_id = fields.Many2one(
        "res.partner",
        tracking=True,
        domain="[('freight_carrier_kind', '!=', False)]",
    )
    vessel_voyage = fields.Char(
        string="Vessel / Voyage or Flight",
        tracking=True,
        help="e.g. MAERSK SELETAR 442S, or VN 0123.",
    )
    etd = fields.Date(string="Requested ETD", tracking=True, index=True)
    eta = fields.Date(string="Requested ETA", tracking=True)
    cargo_ready_date = fields.Date()
    hs_code = fields.Char(string="HS Code")
    container_ids = fields.One2many(
        "freight.booking.container", "request_id", string="Containers", copy=True
    )
    pickup_address = fields.Text(string="Pick-up Address")
    delivery_address = fields.Text()
    customs_clearance = fields.Boolean(string="Customs Clearance Needed")
    instructions = fields.Html(string="Special Instructions")
    document_ids = fields.Many2many(
        "ir.attachment",
        "freight_booking_request_document_rel",
        "request_id",
        "attachment_id",
        string="Documents",
        help="Commercial invoice, packing list and whatever else the department needs.",
    )
    checklist_ids = fields.One2many(
        "freight.booking.checklist", "request_id", copy=False
    )
    checklist_done = fields.Boolean(
        string="Checklist Complete", compute="_compute_checklist_done"
    )
    checklist_progress = fields.Char(compute="_compute_checklist_done")
    operations_note = fields.Text(string="Operations Notes")
    # The sale, from the quotation (sudo: operations need not read it)
    currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_sale_summary",
        store=True,
    )
    sell_total = fields.Monetary(
        string="Selling Total", compute="_compute_sale_summary", store=True
    )
    buy_total = fields.Monetary(
        string="Buying Total",
        compute="_compute_sale_summary",
        store=True,
        groups="freight_crm.group_freight_sales,freight_crm.group_freight_operations",
    )
    margin = fields.Monetary(
        compute="_compute_sale_summary",
        store=True,
        groups="freight_crm.group_freight_sales,freight_crm.group_freight_operations",
    )
    # The workflow
    job_number = fields.Char(copy=False, readonly=True, index="btree_not_null")
    requested_at = fields.Datetime(copy=False, readonly=True)
    accepted_at = fields.Datetime(copy=False, readonly=True)
    rejected_at = fields.Datetime(copy=False, readonly=True)
    done_at = fields.Datetime(copy=False, readonly=True)
    hours_to_accept = fields.Float(
        string="Hours to Accept",
        compute="_compute_hours_to_accept",
        store=True,
        aggregator="avg",
        digits=(16, 1),
        help="Working hours of the company from the request to its acceptance "
        "by the department.",
    )
    reject_reason_id = fields.Many2one(
        "freight.booking.reject.reason", copy=False, tracking=True
    )
    reject_note = fields.Text(string="Why Rejected", copy=False)
    missing_note = fields.Text(string="What Is Missing", copy=False)
    etd_month = fields.Date(
        string="ETD Month",
        compute="_compute_etd_month",
        store=True,
        help="The first day of the requested ETD's month, for the booked "
        "volume per month.",
    )
    is_booked = fields.Boolean(
        compute="_compute_is_booked",
        store=True,
        help="Accepted by operations (or done): counts as booked volume.",
    )
    can_process = fields.Boolean(
        compute="_compute_can_process",
        help="The user is a member of the request's department: they tick its "
        "checklist, accept, reject and close it.",
    )
    calendar_title = fields.Char(
        compute="_compute_calendar_title",
        help="What the departures calendar shows: the customer and the equipment.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("mode", "company_id")
    def _compute_department_id(self):
        Department = self.env["freight.operation.department"]
        for request in self:
            if request.department_id and request.department_id._handles(request.mode):
                continue
            request.department_id = Department._for_mode(
                request.mode, request.company_id or self.env.company
            )

    @api.depends("checklist_ids.done")
    def _compute_checklist_done(self):
        for request in self:
            done = len(request.checklist_ids.filtered("done"))
            total = len(request.checklist_ids)
            request.checklist_done = done == total
            request.checklist_progress = f"{done} / {total}" if total else False

    @api.depends(
        "option_id.amount_untaxed",
        "option_id.buy_total",
        "quotation_id.currency_id",
        "quotation_id.selected_option_id",
    )
    def _compute_sale_summary(self):
        for request in self:
            option = (
                request.option_id or request.quotation_id.sudo()._main_option()
                if request.quotation_id
                else request.option_id
            ).sudo()
            request.currency_id = (
                request.quotation_id.sudo().currency_id
                or request.company_id.currency_id
            )
            request.sell_total = option.amount_untaxed
            request.buy_total = option.buy_total
            request.margin = option.margin

    @api.depends("requested_at", "accepted_at")
    def _compute_hours_to_accept(self):
        for request in self:
            request.hours_to_accept = request._work_hours(
                request.requested_at, request.accepted_at
            )

    @api.depends("etd")
    def _compute_etd_month(self):
        for request in self:
            request.etd_month = request.etd and request.etd.replace(day=1)

    @api.depends(
        "partner_id.trade_name", "partner_id.name", "container_summary", "gross_weight"
    )
    def _compute_calendar_title(self):
        for request in self:
            customer = request.partner_id.trade_name or request.partner_id.name
            cargo = request.container_summary or (
                request.gross_weight and f"{request.gross_weight:,.0f} kg"
            )
            request.calendar_title = " · ".join(
                part for part in (customer, cargo) if part
            )

    @api.depends("state")
    def _compute_is_booked(self):
        for request in self:
            request.is_booked = request.state in BOOKED_STATES

    # ------------------------------------------------------------------
    # Onchanges: a quotation or an opportunity fills the shipment
    # ------------------------------------------------------------------
    @api.onchange("quotation_id")
    def _onchange_quotation_id(self):
        if self.quotation_id:
            values = self._values_from_quotation(self.quotation_id)
            # The quotation's containers replace those there (the defaults
            # of the quotation's button are the same rows).
            if "container_ids" in values:
                values["container_ids"] = [
                    Command.clear(),
                    *values["container_ids"],
                ]
            self.update(values)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("etd", "eta")
    def _check_dates(self):
        for request in self:
            if request.etd and request.eta and request.eta < request.etd:
                raise ValidationError(
                    self.env._(
                        "%(name)s arrives on %(eta)s, before it leaves on "
                        "%(etd)s: correct the ETA or the ETD.",
                        name=request.name,
                        eta=format_date(self.env, request.eta),
                        etd=format_date(self.env, request.etd),
                    )
                )

    @api.constrains("department_id", "mode")
    def _check_department(self):
        for request in self:
            if request.department_id and not request.department_id._handles(
                request.mode
            ):
                raise ValidationError(
                    self.env._(
                        "%(department)s does not handle %(mode)s shipments: "
                        "choose the department of that mode.",
                        department=request.department_id.name,
                        mode=request._mode_label(),
                    )
                )

    @api.constrains("quotation_id", "partner_id")
    def _check_quotation(self):
        for request in self:
            quotation = request.quotation_id.sudo()
            if not quotation:
                continue
            if quotation.state != "won":
                raise ValidationError(
                    self.env._(
                        "%(quotation)s is %(state)s: only a won quotation is "
                        "booked. Mark it won first.",
                        quotation=quotation.name,
                        state=quotation._state_label(),
                    )
                )
            if quotation.partner_id != request.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(quotation)s is %(customer)s's quotation, not "
                        "%(other)s's: choose the customer's own quotation.",
                        quotation=quotation.name,
                        customer=quotation.partner_id.name,
                        other=request.partner_id.name,
                    )
                )

    @api.constrains("option_id", "quotation_id")
    def _check_option(self):
        for request in self:
            if request.option_id and request.option_id.quotation_id != (
                request.quotation_id
            ):
                raise ValidationError(
                    self.env._("Choose an option of the request's own quotation.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                # A request is born a draft: its workflow is its actions'
                # (a client sends any value, or default_ context key).
                vals.update(dict.fromkeys(BORN_DRAFT_FIELDS, False), state="draft")
        requests = super().create(self._assign_numbers(vals_list))
        requests._sync_checklist()
        return requests

    def write(self, vals):
        if ACTION_FIELDS.intersection(vals) and not (self.env.su or _IN_WORKFLOW.get()):
            raise AccessError(
                self.env._(
                    "A booking request moves through its buttons (request, "
                    "accept, reject, done, cancel): its state and job number "
                    "are not written by hand."
                )
            )
        self._check_unlocked(set(vals))
        result = super().write(vals)
        self._check_customer_access(vals)
        if {"department_id", "mode", "company_id"} & set(vals):
            # The department follows the mode (a compute): its checklist too.
            self._sync_checklist()
        return result

    def _write_workflow(self, vals):
        """The workflow's own write (of its state, job number, dates...)."""
        token = _IN_WORKFLOW.set(True)
        try:
            return self.write(vals)
        finally:
            _IN_WORKFLOW.reset(token)

    def _is_requester_side(self):
        """May the user change the request's content (its salesperson's side:
        sales of the customer, managers)? Operations only process it."""
        user = self.env.user
        return self.env.su or user.has_group("freight_crm.group_freight_sales")

    def _check_unlocked(self, fnames):
        """Sales change the request while it is a draft or rejected (being
        corrected); operations write only what they process (the carrier's
        booking and their checklist); the workflow writes its own fields."""
        if self.env.su:
            return
        content = set(fnames) - WORKFLOW_FIELDS
        if not content:
            return
        if not self._is_requester_side():
            outside = content - OPERATIONS_FIELDS
            if outside:
                raise AccessError(
                    self.env._(
                        "Operations process a booking request; its content is "
                        "the salesperson's: reject it with what is missing."
                    )
                )
            return
        for request in self:
            if request.state not in EDITABLE_STATES and content - OPERATIONS_FIELDS:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: its content cannot change. Ask "
                        "the department to reject it, then correct it.",
                        name=request.name,
                        state=request._state_label(),
                    )
                )

    def _check_checklist_open(self):
        for request in self:
            if request.state not in ("draft", "requested", "rejected"):
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: its checklist is closed.",
                        name=request.name,
                        state=request._state_label(),
                    )
                )

    def _unlink_refusal(self):
        return self.env._(
            "%s was sent to operations: cancel it rather than delete it.",
            self.name,
        )

    def _sync_checklist(self):
        """The checklist of the request's department, while it is not yet
        accepted: points of another department go, the department's come."""
        Checklist = self.env["freight.booking.checklist"].sudo()
        for request in self.sudo():
            if request.state not in ("draft", "requested", "rejected"):
                continue
            items = request.department_id.checklist_item_ids
            stale = request.checklist_ids.filtered(
                lambda row, items=items: row.item_id and row.item_id not in items
            )
            if stale:
                stale.item_id = False
                stale.unlink()
            have = request.checklist_ids.item_id
            Checklist.create(
                [
                    {
                        "request_id": request.id,
                        "item_id": item.id,
                        "sequence": item.sequence,
                        "name": item.name,
                    }
                    for item in items - have
                ]
            )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mode_label(self):
        return dict(self._fields["mode"]._description_selection(self.env)).get(
            self.mode, ""
        )

    @api.depends_context("uid")
    @api.depends("department_id")
    def _compute_can_process(self):
        for request in self:
            request.can_process = request._is_department_member()

    def _is_department_member(self):
        self.ensure_one()
        return self.env.su or (self.department_id.group_id in self.env.user.groups_id)

    def _check_department_member(self, verb):
        for request in self:
            if not request._is_department_member():
                raise AccessError(
                    self.env._(
                        "Only %(department)s can %(verb)s %(name)s.",
                        department=request.department_id.name,
                        verb=verb,
                        name=request.name,
                    )
                )

    @api.model
    def _values_from_quotation(self, quotation):
        """The request of a won quotation: its customer, lane, cargo, carrier
        and the option the customer chose."""
        quotation = quotation.sudo()
        option = quotation._main_option()
        values = {
            "quotation_id": quotation.id,
            "option_id": option.id,
            "partner_id": quotation.partner_id.id,
            "company_id": quotation.company_id.id,
            "lead_id": quotation.lead_id.id,
            "mode": quotation.mode,
            "direction": quotation.direction,
            "incoterm_id": quotation.incoterm_id.id,
            "carrier_id": (option.carrier_id or quotation.carrier_id).id,
            "place_of_receipt": quotation.place_of_receipt,
            "pol_id": quotation.pol_id.id,
            "pod_id": quotation.pod_id.id,
            "place_of_delivery": quotation.place_of_delivery,
        }
        values.update(quotation._cargo_values())
        if quotation.direction == "export":
            values["shipper_id"] = quotation.partner_id.id
        elif quotation.direction == "import":
            values["consignee_id"] = quotation.partner_id.id
        return values

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_request(self):
        """Send the request to its department: checked, then notified."""
        self._check_state(EDITABLE_STATES, self.env._("requested"))
        today = fields.Date.context_today(self)
        for request in self:
            request._check_requestable(today)
        self._write_workflow(
            {
                "state": "requested",
                "requested_at": fields.Datetime.now(),
                "accepted_at": False,
                "rejected_at": False,
                "reject_reason_id": False,
                "reject_note": False,
                "missing_note": False,
            }
        )
        for request in self:
            request._notify_department()
        return True

    def _check_requestable(self, today):
        """What a department needs to act on a request (one place: the
        button, JSON-RPC and the demo all call it)."""
        self.ensure_one()
        if not self.department_id:
            raise UserError(
                self.env._(
                    "No department handles %s shipments: an administrator adds "
                    "one in Configuration › Operations Departments.",
                    self._mode_label(),
                )
            )
        if self.quotation_id and self.quotation_id.sudo().state != "won":
            # Checked by the constraint too; a quotation cannot leave "won",
            # but say it here in the words of the button.
            self._check_quotation()
        if not self.etd:
            raise UserError(self.env._("Give the requested ETD of the shipment."))
        if self.etd < today:
            raise UserError(
                self.env._(
                    "The requested ETD %s is in the past: give the date the "
                    "shipment can still leave.",
                    format_date(self.env, self.etd),
                )
            )
        if self.mode != "logistics" and not (self.pol_id and self.pod_id):
            raise UserError(
                self.env._("Give the ports of loading and discharge to book.")
            )
        if (
            self.direction == "export"
            and self.mode in DOCUMENTED_MODES
            and not (self.shipper_id and self.consignee_id)
        ):
            raise UserError(
                self.env._(
                    "A %s export needs its shipper and its consignee (the bill of "
                    "lading or air waybill is made out to them): fill them in.",
                    self._mode_label(),
                )
            )
        if self.mode == "sea_fcl" and not self.container_ids:
            raise UserError(self.env._("Give the containers of an FCL shipment."))
        if self.mode in ("air", "sea_lcl") and not (self.gross_weight and self.volume):
            raise UserError(
                self.env._("Give the gross weight and the volume of the cargo.")
            )

    def _department_receivers(self):
        """Who is told of a new request: the department's members."""
        self.ensure_one()
        return self.department_id.member_ids

    def _notify_department(self):
        """The department's members follow the request and get a message; its
        responsible, else every member, an activity."""
        self.ensure_one()
        members = self._department_receivers()
        self.message_subscribe(
            partner_ids=(
                members.partner_id
                | self.user_id.partner_id
                | self.customer_user_id.partner_id
            ).ids
        )
        deadline = fields.Date.context_today(self)
        for user in self.department_id.user_id or members:
            self.activity_schedule(
                "freight_booking.mail_activity_booking_accept",
                date_deadline=deadline,
                user_id=user.id,
            )
        self.message_post(
            body=Markup(
                self.env._(
                    "New booking request for %(department)s: %(customer)s, "
                    "%(lane)s, ETD %(etd)s."
                )
            )
            % {
                "department": self.department_id.name,
                "customer": self.partner_id.name,
                "lane": self.lane or self._mode_label(),
                "etd": format_date(self.env, self.etd),
            },
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=members.partner_id.ids,
        )

    def _decision_busy_message(self):
        return self.env._(
            "Another member of the department is answering this request right "
            "now: reload it in a moment."
        )

    def action_accept(self):
        """The department takes the request: its job file number is issued
        (no gap), the requester is told, and the customer becomes a
        customer."""
        self._check_department_member(self.env._("accept"))
        self._lock_for_decision()
        self._check_state(("requested",), self.env._("accepted"))
        for request in self:
            if not request.checklist_done:
                missing = request.checklist_ids.filtered(lambda row: not row.done)
                raise UserError(
                    self.env._(
                        "Complete the checklist before accepting %(name)s: "
                        "%(missing)s.",
                        name=request.name,
                        missing=", ".join(missing.mapped("name")),
                    )
                )
        now = fields.Datetime.now()
        for request in self:
            number = request.department_id._next_job_number(
                request.direction, request.etd or fields.Date.context_today(request)
            )
            request._write_workflow(
                {
                    "state": "accepted",
                    "accepted_at": now,
                    "job_number": number,
                    "operations_user_id": self.env.user.id,
                }
            )
        self._close_accept_activities(self.env._("Accepted."))
        self.partner_id.commercial_partner_id._freight_promote("customer")
        for request in self:
            request._notify_requester(
                self.env._(
                    "Accepted by %(user)s: job number %(job)s.",
                    user=self.env.user.name,
                    job=request.job_number,
                )
            )
        return True

    def action_reject(self, reason_id=None, missing_note=None, note=None):
        """Reject with REASON_ID (a freight.booking.reject.reason), what is
        missing and a comment, as an external client does; with none of them
        (the button), open the rejection form that asks for them."""
        self._check_department_member(self.env._("reject"))
        self._check_state(("requested",), self.env._("rejected"))
        if reason_id or missing_note or note:
            reason = self.env["freight.booking.reject.reason"].browse(reason_id)
            self._reject(reason.exists(), missing_note, note)
            return True
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the Booking Request"),
            "res_model": "freight.booking.reject",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def _reject(self, reason, missing=False, note=False):
        self._check_department_member(self.env._("reject"))
        if not reason:
            raise UserError(
                self.env._("Give the reason the booking request is rejected.")
            )
        self._lock_for_decision()
        self._check_state(("requested",), self.env._("rejected"))
        self._write_workflow(
            {
                "state": "rejected",
                "rejected_at": fields.Datetime.now(),
                "reject_reason_id": reason.id,
                "reject_note": note,
                "missing_note": missing,
            }
        )
        self._close_accept_activities(self.env._("Rejected."))
        for request in self:
            body = self.env._("Rejected: %s.", reason.name)
            if missing:
                body = self.env._(
                    "Rejected: %(reason)s. Missing: %(missing)s",
                    reason=reason.name,
                    missing=missing,
                )
            if note:
                body = f"{body} {note}"
            request._notify_requester(body)
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(request.user_id or request.customer_user_id).id
                or self.env.user.id,
                summary=self.env._("Booking rejected: correct it and request again"),
                note=body,
            )
        return True

    def action_done(self):
        """The department has processed the shipment."""
        self._check_department_member(self.env._("close"))
        self._check_state(("accepted",), self.env._("marked done"))
        self._write_workflow({"state": "done", "done_at": fields.Datetime.now()})
        for request in self:
            request._notify_requester(
                self.env._(
                    "Done: job %(job)s is processed by %(department)s.",
                    job=request.job_number,
                    department=request.department_id.name,
                )
            )
        return True

    def action_cancel(self):
        self._check_state(
            ("draft", "requested", "rejected", "accepted"), self.env._("cancelled")
        )
        if not self.env.su:
            for request in self:
                if request.state == "accepted" and not (
                    request._is_department_member()
                    or self.env.user.has_group(
                        "freight_crm.group_freight_sales_manager"
                    )
                ):
                    raise AccessError(
                        self.env._(
                            "%s has its job file: ask the department or a sales "
                            "manager to cancel it.",
                            request.name,
                        )
                    )
        was_open = self.filtered(lambda request: request.state != "draft")
        self._write_workflow({"state": "cancelled"})
        self._close_accept_activities(self.env._("Cancelled."))
        for request in was_open:
            request.message_post(
                body=self.env._("Cancelled by %s.", self.env.user.name),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=(
                    request._department_receivers().partner_id
                    | request.user_id.partner_id
                ).ids,
            )
        return True

    def action_draft(self):
        self._check_state(("cancelled", "rejected"), self.env._("reset to draft"))
        self._write_workflow({"state": "draft"})
        return True

    def _notify_requester(self, body):
        self.ensure_one()
        self.message_post(
            body=body,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_id.partner_id.ids,
        )

    def _close_accept_activities(self, feedback):
        activity_type = self.env.ref(
            "freight_booking.mail_activity_booking_accept", raise_if_not_found=False
        )
        activities = self.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        # One answer per request, not one per member: the user's own
        # activity (else the first) is done, the other members' go.
        done = self.env["mail.activity"]
        for request in self:
            theirs = activities.filtered(
                lambda activity, request=request: activity.res_id == request.id
            )
            done |= (
                theirs.filtered(lambda activity: activity.user_id == self.env.user)
                or theirs
            )[:1]
        (activities - done).unlink()
        if done:
            done.action_feedback(feedback=feedback)

    def action_view_quotation(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "freight.quotation",
            "res_id": self.quotation_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
