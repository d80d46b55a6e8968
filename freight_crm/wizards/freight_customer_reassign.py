# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class FreightCustomerReassign(models.TransientModel):
    _name = "freight.customer.reassign"
    _description = "Reassign Customers to Another Salesperson"

    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        required=True,
        domain="[('is_company', '=', True)]",
    )
    new_user_id = fields.Many2one(
        "res.users",
        string="New Salesperson",
        required=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("freight_crm.group_freight_sales").id),
            ("share", "=", False),
        ],
    )
    reason = fields.Text(
        required=True,
        help="Why the customers change hands: kept in their history.",
    )
    move_open_documents = fields.Boolean(
        string="Move Open Opportunities and Planned Interactions",
        default=True,
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner" and "partner_ids" in (
            fields_list
        ):
            values["partner_ids"] = [
                fields.Command.set(self.env.context.get("active_ids", []))
            ]
        return values

    def action_reassign(self):
        self.ensure_one()
        customers = self.partner_ids.filtered(
            lambda partner: partner.user_id != self.new_user_id
        )
        if not customers:
            raise UserError(
                self.env._(
                    "These customers already belong to %s.", self.new_user_id.name
                )
            )
        for customer in customers:
            old_user = customer.user_id
            # History, inbox notifications and the new salesperson's activity
            # come with the change itself (res.partner.write).
            customer._freight_reassign(self.new_user_id, self.reason)
            if self.move_open_documents:
                self._move_open_documents(customer, old_user)
        return {"type": "ir.actions.act_window_close"}

    def _move_open_documents(self, customer, old_user):
        """Open opportunities, planned interactions and the open follow-ups of
        the customer and its people go to the new salesperson, who learns it
        from the reassignment message: no e-mail per document."""
        if not old_user:
            return
        quiet = {
            "mail_auto_subscribe_no_notify": True,
            "mail_activity_quick_update": True,
        }
        leads = self.env["crm.lead"].search(
            [
                ("partner_id", "child_of", customer.id),
                ("user_id", "=", old_user.id),
                ("type", "=", "opportunity"),
                ("stage_id.is_won", "=", False),
            ]
        )
        leads.with_context(**quiet).write({"user_id": self.new_user_id.id})
        interactions = self.env["freight.interaction"].search(
            [
                ("partner_id", "=", customer.id),
                ("user_id", "=", old_user.id),
                ("state", "in", ("planned", "in_progress")),
            ]
        )
        interactions.with_context(**quiet).write({"user_id": self.new_user_id.id})
        activities = (customer | customer.child_ids).activity_ids.filtered(
            lambda activity: activity.user_id == old_user
        )
        activities.with_context(**quiet).write({"user_id": self.new_user_id.id})
