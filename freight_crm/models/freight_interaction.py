# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

INTERACTION_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class FreightInteraction(models.Model):
    _name = "freight.interaction"
    _description = "Customer Interaction"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Summary", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
        check_company=True,
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Counterpart",
        index=True,
        domain="[('parent_id', '=', partner_id), ('is_company', '=', False)]",
        help="The customer's person we dealt with.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Our Staff",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    customer_user_id = fields.Many2one(
        related="partner_id.commercial_partner_id.user_id",
        store=True,
        index=True,
        string="Customer's Salesperson",
        help="The salesperson the customer belongs to: the record rules follow "
        "it, whoever our staff is.",
    )
    attendee_ids = fields.Many2many(
        "res.users",
        "freight_interaction_attendee_rel",
        "interaction_id",
        "user_id",
        string="Attendees",
        domain="[('share', '=', False)]",
        help="Colleagues who joined, e.g. on a joint visit: they can read it.",
    )
    kind_id = fields.Many2one("freight.interaction.kind", required=True, tracking=True)
    state = fields.Selection(
        INTERACTION_STATES,
        required=True,
        default="planned",
        index=True,
        tracking=True,
        copy=False,
    )
    date_start = fields.Datetime(
        string="Start", required=True, index=True, default=fields.Datetime.now
    )
    date_end = fields.Datetime(string="End")
    date = fields.Date(compute="_compute_date", store=True, index=True)
    duration = fields.Float(
        compute="_compute_duration", store=True, help="Duration in hours."
    )
    note = fields.Html(string="Notes")
    next_date = fields.Date(
        string="Next Interaction Due",
        tracking=True,
        help="When saved, an activity is scheduled on the customer for its "
        "salesperson on that day.",
    )
    next_kind_id = fields.Many2one(
        "freight.interaction.kind", string="Next Interaction Kind"
    )
    plan_next = fields.Boolean(
        string="Plan the Next Interaction",
        help="Also create the next interaction, planned on the due date.",
    )
    next_interaction_id = fields.Many2one(
        "freight.interaction", readonly=True, copy=False
    )
    lead_id = fields.Many2one(
        "crm.lead",
        string="Opportunity",
        index=True,
        domain="[('partner_id', 'child_of', partner_id)]",
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    reminder_sent = fields.Boolean(copy=False)

    @api.depends("date_start")
    def _compute_date(self):
        for interaction in self:
            interaction.date = (
                fields.Date.context_today(interaction, interaction.date_start)
                if interaction.date_start
                else False
            )

    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        for interaction in self:
            if interaction.date_start and interaction.date_end:
                delta = interaction.date_end - interaction.date_start
                interaction.duration = delta.total_seconds() / 3600
            else:
                interaction.duration = 0.0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for interaction in self:
            if interaction.date_end and interaction.date_end < interaction.date_start:
                raise ValidationError(
                    self.env._(
                        "The interaction '%s' cannot end before it starts.",
                        interaction.name,
                    )
                )

    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        for interaction in self:
            contact = interaction.contact_id
            if contact and contact.commercial_partner_id != interaction.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s does not work for %(customer)s: choose one of "
                        "the customer's people.",
                        contact=contact.name,
                        customer=interaction.partner_id.name,
                    )
                )

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.contact_id and self.contact_id.commercial_partner_id != self.partner_id:
            self.contact_id = False

    @api.model_create_multi
    def create(self, vals_list):
        interactions = super().create(vals_list)
        interactions.filtered("next_date")._schedule_next()
        return interactions

    def write(self, vals):
        moved = self.browse()
        if vals.get("next_date"):
            new_date = fields.Date.to_date(vals["next_date"])
            moved = self.filtered(lambda i: i.next_date != new_date)
        result = super().write(vals)
        if "partner_id" in vals:
            # The rules are checked before the write: check the customer the
            # interaction now hangs on too.
            self.check_access("write")
        # Only a new due date schedules a new activity; ticking "plan the next
        # interaction" later only creates that interaction.
        moved._schedule_next()
        if vals.get("plan_next"):
            (self.filtered("next_date") - moved)._plan_next_interaction()
        return result

    def action_start(self):
        self._check_state({"planned"}, self.env._("start"))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        self._check_state({"planned", "in_progress"}, self.env._("mark as done"))
        for interaction in self:
            vals = {"state": "done"}
            if not interaction.date_end:
                vals["date_end"] = max(fields.Datetime.now(), interaction.date_start)
            interaction.write(vals)
        return True

    def action_cancel(self):
        self._check_state({"planned", "in_progress"}, self.env._("cancel"))
        self.write({"state": "cancelled"})
        return True

    def action_reset(self):
        self._check_state({"cancelled", "done"}, self.env._("reset"))
        self.write({"state": "planned"})
        return True

    def _check_state(self, allowed, verb):
        wrong = self.filtered(lambda i: i.state not in allowed)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "You cannot %(verb)s the interaction '%(name)s': it is %(state)s.",
                    verb=verb,
                    name=wrong[0].name,
                    state=labels[wrong[0].state],
                )
            )

    def _schedule_next(self):
        """Schedule the follow-up: an activity on the customer (its chatter,
        the customers' activity column, the salesperson's phone) for the
        customer's salesperson on the due date, and, when asked, the next
        interaction itself, planned that day."""
        for interaction in self:
            customer = interaction.partner_id
            customer.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=interaction.next_date,
                summary=self.env._("Next interaction with %s", customer.name),
                note=Markup("%s <a href='#' data-oe-model='%s' data-oe-id='%s'>%s</a>")
                % (
                    self.env._("Follow-up of"),
                    self._name,
                    interaction.id,
                    interaction.name,
                ),
                user_id=(interaction.customer_user_id or interaction.user_id).id,
            )
        self._plan_next_interaction()

    def _plan_next_interaction(self):
        for interaction in self:
            if interaction.plan_next and not interaction.next_interaction_id:
                start = fields.Datetime.to_datetime(interaction.next_date) + timedelta(
                    hours=9
                )
                interaction.next_interaction_id = interaction.copy(
                    {
                        "name": self.env._("Follow-up: %s", interaction.name),
                        "kind_id": (interaction.next_kind_id or interaction.kind_id).id,
                        "date_start": start,
                        "date_end": False,
                        "next_date": False,
                        "plan_next": False,
                        "note": False,
                    }
                )

    @api.model
    def _action_quick_log(self, partner, lead=None):
        """A small form, in a dialog, to log what was just done with a
        customer: usable from the customer, the opportunity or a phone."""
        visit = self.env["freight.interaction.kind"].search(
            [("is_visit", "=", True)], limit=1
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log an Interaction"),
            "res_model": "freight.interaction",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("freight_crm.freight_interaction_view_form_quick").id,
                    "form",
                )
            ],
            "target": "new",
            "context": {
                "default_partner_id": partner.id,
                "default_lead_id": lead.id if lead else False,
                "default_kind_id": visit.id,
                "default_state": "done",
                "default_user_id": self.env.user.id,
            },
        }

    @api.model
    def _cron_remind_due(self):
        """Remind our staff of planned interactions due today or overdue."""
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("state", "=", "planned"),
                ("date", "<=", today),
                ("reminder_sent", "=", False),
            ]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for interaction in due:
            interaction.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=interaction.date,
                summary=self.env._("Interaction due: %s", interaction.name),
                user_id=interaction.user_id.id,
            )
        due.reminder_sent = True
        return len(due)
