# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class FreightOperationChecklistItem(models.Model):
    """What a department needs before it accepts a booking request."""

    _name = "freight.operation.checklist.item"
    _description = "Operations Checklist Item"
    _order = "department_id, sequence, id"

    department_id = fields.Many2one(
        "freight.operation.department", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)


class FreightBookingChecklist(models.Model):
    """One point of a department's checklist, on one request: ticked before
    the department accepts it."""

    _name = "freight.booking.checklist"
    _description = "Booking Request Checklist"
    _order = "request_id, sequence, id"

    request_id = fields.Many2one(
        "freight.booking.request", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("freight.operation.checklist.item", ondelete="set null")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    done = fields.Boolean()
    done_by_id = fields.Many2one("res.users", string="Checked By", readonly=True)
    done_date = fields.Datetime(string="Checked On", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        rows = super().create(vals_list)
        rows.request_id._check_checklist_open()
        return rows

    def write(self, vals):
        self.request_id._check_checklist_open()
        if "done" in vals:
            # The department checks what it needs: the salesperson cannot
            # tick it for them.
            self.request_id._check_department_member(
                self.env._("tick the checklist of")
            )
        if "done" in vals:
            vals = dict(
                vals,
                done_by_id=self.env.user.id if vals["done"] else False,
                done_date=fields.Datetime.now() if vals["done"] else False,
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_own_points(self):
        for row in self:
            if row.item_id:
                raise UserError(
                    self.env._(
                        "The department asks for this point: tick it rather than "
                        "remove it."
                    )
                )
        self.request_id._check_checklist_open()
