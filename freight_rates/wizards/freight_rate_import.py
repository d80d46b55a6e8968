# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .rate_sheet_export import RateSheetExport
from .rate_sheet_import import RateSheetImport


class FreightRateImport(models.TransientModel):
    _name = "freight.rate.import"
    _description = "Import a Rate Sheet"

    state = fields.Selection(
        [("upload", "Upload"), ("errors", "Problems Found"), ("done", "Imported")],
        default="upload",
        required=True,
        readonly=True,
    )
    file = fields.Binary(
        string="Rate Sheet",
        attachment=False,
        help="An .xlsx or .csv file in the format of the template.",
    )
    filename = fields.Char()
    activate = fields.Boolean(
        string="Activate imported rates",
        default=True,
        help="New rates are created active, ready for the rate finder; untick "
        "to create drafts to review first. Rates that have already ended are "
        "imported as expired.",
    )
    error_ids = fields.One2many(
        "freight.rate.import.error", "wizard_id", string="Problems", readonly=True
    )
    error_count = fields.Integer(compute="_compute_summary")
    created_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(readonly=True)
    unchanged_count = fields.Integer(readonly=True)
    rate_ids = fields.Many2many("freight.rate", string="Imported Rates", readonly=True)
    summary = fields.Char(compute="_compute_summary")
    download_file = fields.Binary(attachment=False, readonly=True)
    download_filename = fields.Char(readonly=True)

    @api.depends("state", "error_ids", "created_count", "updated_count")
    def _compute_summary(self):
        for wizard in self:
            wizard.error_count = len(wizard.error_ids)
            if wizard.state == "errors":
                wizard.summary = self.env._(
                    "%(count)s problems found in the sheet: nothing was imported. "
                    "Correct them and import the sheet again.",
                    count=wizard.error_count,
                )
            elif wizard.state == "done":
                wizard.summary = self.env._(
                    "%(created)s rates created, %(updated)s updated, "
                    "%(unchanged)s unchanged.",
                    created=wizard.created_count,
                    updated=wizard.updated_count,
                    unchanged=wizard.unchanged_count,
                )
            else:
                wizard.summary = False

    @api.onchange("file")
    def _onchange_file(self):
        # Another file: the problems of the previous one no longer apply.
        if self.state == "errors":
            self.error_ids = [Command.clear()]
            self.state = "upload"

    def write(self, vals):
        if "file" in vals:
            # As the onchange, for a client that writes the file directly.
            self.error_ids.unlink()
            vals = dict(vals, state="upload")
        return super().write(vals)

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the rate sheet to import."))
        self.error_ids.unlink()
        sheet = RateSheetImport(self.env)
        result = None
        try:
            with self.env.cr.savepoint():
                result = sheet.import_sheet(
                    base64.b64decode(self.file), activate=self.activate
                )
        except UserError as exc:
            if not sheet.columns:
                raise  # the file itself cannot be read
            # A rule the checks above do not know of refused a rate: the
            # savepoint has undone every write, report it as a problem.
            sheet.errors.append((0, -1, "", "", str(exc)))
        if sheet.errors:
            self.env["freight.rate.import.error"].create(
                [
                    {
                        "wizard_id": self.id,
                        "row": number,
                        "column": header,
                        "value": value,
                        "message": message,
                    }
                    for number, _pos, header, value, message in sheet.sorted_errors()
                ]
            )
            self.state = "errors"
        else:
            self.write(
                {
                    "state": "done",
                    "created_count": len(result["created"]),
                    "updated_count": len(result["updated"]),
                    "unchanged_count": len(result["unchanged"]),
                    "rate_ids": [
                        Command.set((result["created"] | result["updated"]).ids)
                    ],
                }
            )
        return self._reopen()

    def action_retry(self):
        self.ensure_one()
        self.error_ids.unlink()
        self.write({"state": "upload", "file": False, "filename": False})
        return self._reopen()

    def action_download_template(self):
        self.ensure_one()
        sheet = RateSheetExport(self.env)
        headers = sheet.template_headers()
        content = sheet.workbook(headers, sheet.template_rows(headers))
        return self._download(content, "rate-sheet-template.xlsx")

    def action_view_rates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_rates.freight_rate_action"
        )
        action.update(
            domain=[("id", "in", self.rate_ids.ids)],
            context={"active_test": False},
            target="current",
        )
        return action

    @api.model
    def action_export_rates(self, rates):
        """Download the rates as a rate sheet (the server action of the list)."""
        self.check_access("create")
        sheet = RateSheetExport(self.env)
        headers, rows = sheet.export_rows(rates.with_env(self.env))
        content = sheet.workbook(headers, rows)
        today = fields.Date.context_today(self)
        return self.create({})._download(
            content, f"rate-sheet-{today.isoformat()}.xlsx"
        )

    def _download(self, content, filename):
        self.write(
            {"download_file": base64.b64encode(content), "download_filename": filename}
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}"
            "&field=download_file&filename_field=download_filename&download=true",
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Rate Sheet"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
