# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What every document of one customer's shipment shares (quotation, service
inquiry, booking request): its number, its customer and the salesperson who
owns it, its route, and how its workflow refuses a step. Defined once."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.freight_crm.models.freight_selection import DIRECTIONS


class FreightDocumentMixin(models.AbstractModel):
    _name = "freight.document.mixin"
    _description = "Freight Document of a Customer's Shipment"

    # The code of the ir.sequence that numbers the documents.
    _freight_sequence_code = None

    name = fields.Char(
        string="Number",
        required=True,
        copy=False,
        readonly=True,
        default="/",
        index="trigram",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    customer_user_id = fields.Many2one(
        related="partner_id.commercial_partner_id.user_id",
        store=True,
        index=True,
        string="Customer's Salesperson",
        help="The salesperson the customer belongs to: the record rules follow "
        "the customer, whatever the document's own salesperson.",
    )
    # The shipment and its route
    direction = fields.Selection(DIRECTIONS, required=True, default="export")
    incoterm_id = fields.Many2one("account.incoterms")
    place_of_receipt = fields.Char()
    pol_id = fields.Many2one("freight.port", string="Port of Loading")
    pod_id = fields.Many2one("freight.port", string="Port of Discharge")
    place_of_delivery = fields.Char()
    lane = fields.Char(compute="_compute_lane", store=True)

    @api.depends("pol_id", "pod_id")
    def _compute_lane(self):
        for record in self:
            ends = (record.pol_id, record.pod_id)
            record.lane = (
                " → ".join(port.code or port.name for port in ends)
                if all(ends)
                else False
            )

    @api.constrains("partner_id")
    def _check_partner_company(self):
        for record in self:
            if not record.partner_id.is_company:
                raise ValidationError(
                    self.env._(
                        "The customer is a company, not a person: choose %s's "
                        "company as the customer.",
                        record.partner_id.name,
                    )
                )

    @api.model
    def _assign_numbers(self, vals_list):
        """Number the new documents from the sequence of their company."""
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company)
                    .next_by_code(self._freight_sequence_code)
                    or "/"
                )
        return vals_list

    def _check_customer_access(self, vals):
        """After a write that moved documents to another customer: the rules
        are checked on the records before a write, so check them on the
        customer they now belong to too."""
        if "partner_id" in vals:
            self.check_access("write")

    def _work_hours(self, start, stop):
        """Working hours of the company (its resource calendar, leaves
        included) between two naive UTC datetimes; without a calendar, every
        hour counts."""
        self.ensure_one()
        if not (start and stop) or stop <= start:
            return 0.0
        calendar = self.company_id.resource_calendar_id
        if not calendar:
            return (stop - start).total_seconds() / 3600
        return calendar.get_work_hours_count(start, stop)

    def _unlink_refusal(self):
        """Why a document that left the draft is not deleted."""
        return self.env._(
            "%s has left the draft: cancel it rather than delete it.", self.name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for record in self:
            if record.state not in ("draft", "cancelled"):
                raise UserError(record._unlink_refusal())

    def _state_label(self):
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    def _check_state(self, allowed, verb):
        """Refuse the step VERB unless every document is in an ALLOWED state."""
        for record in self:
            if record.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: it cannot be %(verb)s.",
                        name=record.name,
                        state=record._state_label(),
                        verb=verb,
                    )
                )

    def _decision_busy_message(self):
        return self.env._(
            "Someone else is deciding this document right now: reload it in a moment."
        )

    def _lock_for_decision(self):
        """Lock the documents for a decision, or refuse at once when another
        user is deciding them right now (their rows are locked: SKIP LOCKED
        leaves them out, without waiting nor an error in the log)."""
        locked = {
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE SKIP LOCKED",
                    SQL.identifier(self._table),
                    tuple(self.ids),
                )
            )
        }
        if locked != set(self.ids):
            raise UserError(self._decision_busy_message())
        # The state as it is now, not as this transaction first read it.
        self.invalidate_recordset()
