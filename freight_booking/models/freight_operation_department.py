# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.freight_crm.models.freight_selection import (
    DIRECTIONS,
    TRANSPORT_MODES,
)

from .freight_booking_selection import DIRECTION_CODES

MODE_FIELDS = {mode: f"handles_{mode}" for mode, _label in TRANSPORT_MODES}


class FreightOperationDepartment(models.Model):
    """An operations department (sea, air, logistics, trucking...): the
    requests of the modes it handles come to its members, and it opens their
    job files from its own numbering."""

    _name = "freight.operation.department"
    _description = "Operations Department"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Starts its job file numbers, e.g. SEA for SEA/EXP/26/00001.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    group_id = fields.Many2one(
        "res.groups",
        string="Access Group",
        required=True,
        ondelete="restrict",
        help="Its members: the users of this group read and process the "
        "department's booking requests, and no other department's.",
    )
    member_ids = fields.Many2many(
        "res.users",
        string="Members",
        compute="_compute_member_ids",
        help="The users of its access group (add them in Settings › Users).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        domain="[('share', '=', False)]",
        help="Gets an activity for each new request; with none, every member does.",
    )
    handles_sea_fcl = fields.Boolean(string="Sea FCL")
    handles_sea_lcl = fields.Boolean(string="Sea LCL")
    handles_air = fields.Boolean(string="Air")
    handles_trucking = fields.Boolean(string="Trucking")
    handles_logistics = fields.Boolean(string="Logistics")
    checklist_item_ids = fields.One2many(
        "freight.operation.checklist.item",
        "department_id",
        string="Checklist",
        help="What the department needs before it accepts a request.",
    )
    job_sequence_ids = fields.Many2many(
        "ir.sequence",
        "freight_operation_department_job_sequence_rel",
        "department_id",
        "sequence_id",
        string="Job File Numbering",
        readonly=True,
        copy=False,
    )
    request_count = fields.Integer(compute="_compute_request_count")

    _sql_constraints = [
        (
            "code_company_unique",
            "UNIQUE (code, company_id)",
            "Each department of a company has its own code.",
        ),
    ]

    @api.depends("group_id")
    def _compute_member_ids(self):
        for department in self:
            company = department.company_id
            department.member_ids = department.group_id.sudo().users.filtered(
                lambda user, company=company: not user.share
                and company in user.company_ids
            )

    def _compute_request_count(self):
        counts = dict(
            self.env["freight.booking.request"]._read_group(
                [("department_id", "in", self.ids), ("state", "=", "requested")],
                ["department_id"],
                ["__count"],
            )
        )
        for department in self:
            department.request_count = counts.get(department, 0)

    @api.constrains("code")
    def _check_code(self):
        for department in self:
            code = department.code or ""
            if not code.replace("-", "").isalnum() or "/" in code:
                raise ValidationError(
                    self.env._(
                        "%s is not a department code: use letters and digits "
                        "only, e.g. SEA.",
                        code,
                    )
                )

    def _handles(self, mode):
        self.ensure_one()
        return bool(mode and self[MODE_FIELDS[mode]])

    @api.model
    def _for_mode(self, mode, company):
        """The department that handles MODE in COMPANY: the first by
        sequence."""
        if not mode:
            return self.browse()
        return self.search(
            [(MODE_FIELDS[mode], "=", True), ("company_id", "=", company.id)],
            limit=1,
        )

    # ------------------------------------------------------------------
    # Job file numbering: one sequence per direction, no gap
    # ------------------------------------------------------------------
    def _job_sequence_values(self, direction):
        self.ensure_one()
        label = dict(DIRECTIONS)[direction]
        start = f"{self.code.upper()}/{DIRECTION_CODES[direction]}/"
        return {
            "name": f"{self.code} {label} Job Files",
            "code": f"freight.job.{direction}",
            # The year of the numbering (the ETD's), not of the day it is
            # issued: a January shipment accepted in December is next year's.
            "prefix": f"{start}%(range_y)s/",
            "padding": 5,
            # A job number is a document number: never a gap, even when
            # accepting fails and rolls back.
            "implementation": "no_gap",
            "use_date_range": True,
            "company_id": self.company_id.id,
        }

    def _ensure_job_sequences(self):
        # sudo: the numbering is the department's, set up by whoever creates
        # the department (an administrator).
        for department in self.sudo():
            have = set(department.job_sequence_ids.mapped("code"))
            missing = [
                direction
                for direction in DIRECTION_CODES
                if f"freight.job.{direction}" not in have
            ]
            if missing:
                sequences = (
                    self.env["ir.sequence"]
                    .sudo()
                    .create([department._job_sequence_values(d) for d in missing])
                )
                department.job_sequence_ids = [
                    Command.link(sequence.id) for sequence in sequences
                ]

    @api.model_create_multi
    def create(self, vals_list):
        departments = super().create(vals_list)
        departments._ensure_job_sequences()
        return departments

    def write(self, vals):
        result = super().write(vals)
        if "code" in vals:
            for department in self.sudo():
                for sequence in department.job_sequence_ids:
                    direction = sequence.code.removeprefix("freight.job.")
                    sequence.prefix = department._job_sequence_values(direction)[
                        "prefix"
                    ]
        return result

    def _next_job_number(self, direction, date):
        """The next job file number of DIRECTION (in the year of DATE)."""
        self.ensure_one()
        sequence = self.sudo().job_sequence_ids.filtered(
            lambda seq: seq.code == f"freight.job.{direction}"
        )[:1]
        if not sequence:
            raise UserError(
                self.env._(
                    "%(department)s has no job file numbering for %(direction)s: "
                    "ask an administrator to set it up.",
                    department=self.name,
                    direction=dict(DIRECTIONS)[direction],
                )
            )
        # One accept at a time per numbering. The year's numbering may not
        # exist yet: two accepts at once would each make one and both issue
        # 00001. So the numbering is locked (a concurrent accept fails at
        # once, an error the server retries) and its row touched (an accept
        # whose transaction began before this one committed fails too).
        self.env.execute_query(
            SQL(
                "SELECT id FROM ir_sequence WHERE id = %s FOR NO KEY UPDATE NOWAIT",
                sequence.id,
            )
        )
        self.env.execute_query(
            SQL(
                "UPDATE ir_sequence SET number_next = number_next WHERE id = %s",
                sequence.id,
            )
        )
        return sequence.next_by_id(sequence_date=date)
