# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class FreightQuotationContainer(models.Model):
    _name = "freight.quotation.container"
    _inherit = "freight.container.line.mixin"
    _description = "Containers of a Quotation"
    _order = "quotation_id, sequence, id"

    quotation_id = fields.Many2one(
        "freight.quotation", required=True, ondelete="cascade", index=True
    )

    _sql_constraints = [
        (
            "type_once",
            "UNIQUE (quotation_id, container_type_id)",
            "Each container type is listed once: change its quantity.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        rows = super().create(vals_list)
        rows.quotation_id._check_unlocked({"container_ids": True})
        # Added on their own, not through the quotation: its mode rule too.
        rows.quotation_id._check_cargo_containers()
        return rows

    def write(self, vals):
        self.quotation_id._check_unlocked({"container_ids": True})
        if vals.get("quotation_id"):
            # Moved to another quotation: the rules are checked on the
            # records before a write, so on the new quotation here.
            target = self.env["freight.quotation"].browse(vals["quotation_id"])
            target.check_access("write")
            target._check_unlocked({"container_ids": True})
        result = super().write(vals)
        if "quotation_id" in vals:
            self.quotation_id._check_cargo_containers()
        return result

    def unlink(self):
        self.quotation_id._check_unlocked({"container_ids": True})
        return super().unlink()
