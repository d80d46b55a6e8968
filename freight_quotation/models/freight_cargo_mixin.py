# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The cargo of a shipment, as every document that carries one describes it
(quotation, inquiry, booking request): its fields, what is computed from them
and what they must respect, defined once."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.models.freight_selection import TRANSPORT_MODES
from odoo.addons.freight_rates.models.freight_rate import SEA_KG_PER_CBM
from odoo.addons.freight_rates.models.freight_rate_finder_engine import (
    chargeable_weight,
)

from .freight_quotation_selection import CONTAINER_MODES, DG_CLASSES


def _container_depends(model):
    # The containers are the concrete model's own One2many (of a model that
    # inherits freight.container.line.mixin): the abstract mixin has none.
    if "container_ids" not in model._fields:
        return ()
    return (
        "container_ids",
        "container_ids.quantity",
        "container_ids.container_type_id",
    )


class FreightCargoMixin(models.AbstractModel):
    _name = "freight.cargo.mixin"
    _description = "Cargo of a Shipment"

    # The concrete documents define the mode their own way (default, tracking).
    mode = fields.Selection(TRANSPORT_MODES, required=True, default="sea_fcl")
    commodity = fields.Char()
    commodity_id = fields.Many2one(
        "freight.classification",
        string="Commodity Group",
        domain="[('kind', '=', 'commodity')]",
    )
    packages = fields.Integer()
    package_kind = fields.Char(
        string="Package Type", help="Cartons, pallets, crates..."
    )
    gross_weight = fields.Float(string="Gross Weight (kg)", digits=(16, 2))
    volume = fields.Float(string="Volume (CBM)", digits=(16, 3))
    chargeable_weight = fields.Float(
        string="Chargeable Weight (kg)",
        digits=(16, 2),
        compute="_compute_chargeable",
        store=True,
        help="Air: the greater of the gross weight and 167 kg per CBM; sea: "
        "1,000 kg per CBM.",
    )
    revenue_tons = fields.Float(
        string="W/M",
        digits=(16, 3),
        compute="_compute_chargeable",
        store=True,
        help="Weight or measure: the greater of the CBM and the tonnes "
        "(1 CBM = 1,000 kg).",
    )
    dangerous_goods = fields.Boolean()
    dg_class = fields.Selection(DG_CLASSES, string="DG Class")
    un_number = fields.Char(string="UN Number")
    reefer = fields.Boolean()
    reefer_temperature = fields.Float(string="Temperature (°C)", digits=(4, 1))
    container_summary = fields.Char(
        string="Equipment", compute="_compute_container_summary", store=True
    )
    teu = fields.Float(string="TEU", compute="_compute_container_summary", store=True)

    @api.depends("mode", "gross_weight", "volume")
    def _compute_chargeable(self):
        for record in self:
            record.chargeable_weight = chargeable_weight(
                record.mode, record.gross_weight, record.volume
            )
            record.revenue_tons = max(
                record.volume, record.gross_weight / SEA_KG_PER_CBM
            )

    @api.depends(_container_depends)
    def _compute_container_summary(self):
        for record in self:
            rows = record["container_ids"] if "container_ids" in record else []
            record.container_summary = ", ".join(
                f"{row.quantity} x {row.container_type_id.code}" for row in rows
            )
            record.teu = sum(row.quantity * row.container_type_id.teu for row in rows)

    def _cargo_sign_fields(self):
        """The numbers of the document that cannot be negative."""
        return ["gross_weight", "volume", "packages"]

    @api.constrains("gross_weight", "volume", "packages")
    def _check_cargo_sign(self):
        names = self._cargo_sign_fields()
        for record in self:
            negative = [name for name in names if (record[name] or 0) < 0]
            if negative:
                raise ValidationError(
                    self.env._(
                        "%(fields)s cannot be negative: enter zero or more.",
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in negative
                        ),
                    )
                )

    @api.constrains("un_number")
    def _check_un_number(self):
        for record in self:
            number = (record.un_number or "").upper().removeprefix("UN").strip()
            if record.un_number and not (len(number) == 4 and number.isdigit()):
                raise ValidationError(
                    self.env._(
                        "%s is not a UN number: write its four digits, e.g. UN1263.",
                        record.un_number,
                    )
                )

    def _container_rows(self):
        """What the document carries in containers."""
        return self["container_ids"] if "container_ids" in self else []

    @api.constrains(lambda self: ("mode", *_container_depends(self)[:1]))
    def _check_cargo_containers(self):
        for record in self:
            if record._container_rows() and record.mode not in CONTAINER_MODES:
                raise ValidationError(
                    self.env._(
                        "A %(mode)s shipment carries no container: remove the "
                        "containers or change the mode.",
                        mode=dict(
                            self._fields["mode"]._description_selection(self.env)
                        )[record.mode],
                    )
                )

    def _cargo_values(self):
        """The cargo, as values to create another document of the same
        shipment with (an inquiry's quotation, a quotation's booking)."""
        self.ensure_one()
        values = {
            name: self[name]
            for name in (
                "commodity",
                "packages",
                "package_kind",
                "gross_weight",
                "volume",
                "dangerous_goods",
                "dg_class",
                "un_number",
                "reefer",
                "reefer_temperature",
            )
        }
        values["commodity_id"] = self.commodity_id.id
        if "container_ids" in self:
            values["container_ids"] = [
                fields.Command.create(
                    {
                        "container_type_id": row.container_type_id.id,
                        "quantity": row.quantity,
                    }
                )
                for row in self["container_ids"]
            ]
        return values


class FreightContainerLineMixin(models.AbstractModel):
    """A quantity of a container type, as a shipment's document lists them."""

    _name = "freight.container.line.mixin"
    _description = "Containers of a Shipment"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    quantity = fields.Integer(required=True, default=1)
    container_type_id = fields.Many2one("freight.container.type", required=True)

    @api.constrains("quantity")
    def _check_quantity(self):
        for row in self:
            if row.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "Ask for at least one %s container.",
                        row.container_type_id.code,
                    )
                )
