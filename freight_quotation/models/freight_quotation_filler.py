# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.freight_rates.models.freight_rate import RATE_MODES


class FreightQuotationFiller(models.AbstractModel):
    """Prices a quotation from buying rates through the rate finder's engine:
    the same prices, minimums, weight breaks and exchange rates the finder
    shows, each charge linked to the price it came from."""

    _name = "freight.quotation.filler"
    _description = "Quotation Filler from Buying Rates"

    @api.model
    def _fill(self, quotation, rates=None):
        """Fill the draft's options from their rates. ``rates`` (freight.rate)
        makes one option per rate; without, options keep their rates, and a
        quotation without any takes the cheapest valid rate of its lane."""
        quotation.ensure_one()
        self._check_lane(quotation)
        if rates:
            self._options_for(quotation, rates)
        elif quotation.kind == "rate_offer":
            # Each lane without a rate takes the cheapest of its lane.
            for option in quotation.option_ids.filtered(lambda o: not o.rate_id):
                cheapest = self._results(quotation, option=option)
                if not cheapest:
                    raise UserError(self._no_rate_message(quotation, option))
                option.rate_id = cheapest[0]["rate"]
        elif not quotation.option_ids.rate_id:
            cheapest = self._results(quotation)
            if not cheapest:
                raise UserError(self._no_rate_message(quotation))
            quotation.option_ids[:1].rate_id = cheapest[0]["rate"]
        Line = self.env["freight.quotation.line"]
        values = []
        for option in quotation.option_ids.filtered("rate_id"):
            results = self._results(quotation, option.rate_id, option)
            if not results:
                raise UserError(
                    self.env._(
                        "%(rate)s no longer prices this shipment (expired, or no "
                        "price for its equipment): choose another rate.",
                        rate=option.rate_id.name,
                    )
                )
            # Charges from rates are replaced; standard and hand-made ones kept.
            option.line_ids.filtered("rate_line_id").unlink()
            rate = option.rate_id
            option.write(
                {
                    "carrier_id": rate.carrier_id.id,
                    "via_id": rate.transshipment_id.id,
                    "transit_days": rate.transit_days,
                    "frequency": rate.frequency
                    and dict(
                        rate._fields["frequency"]._description_selection(self.env)
                    )[rate.frequency],
                }
            )
            values += self._line_values(option, results)
        lines = Line.create(values)
        lines._apply_markup()
        # A charge the rate prices replaces the template's standard one.
        for option in lines.option_id:
            from_rate = option.line_ids.filtered("rate_line_id").charge_type_id
            option.line_ids.filtered(
                lambda line, charges=from_rate: not line.rate_line_id
                and line.charge_type_id in charges
            ).unlink()
        first = quotation.option_ids.rate_id[:1]
        updates = {}
        for fname, rate_fname in (
            ("transit_days", "transit_days"),
            ("free_dem_days", "free_dem_days"),
            ("free_det_days", "free_det_days"),
        ):
            if not quotation[fname] and first[rate_fname]:
                updates[fname] = first[rate_fname]
        if updates:
            quotation.write(updates)
        return lines

    @api.model
    def _check_lane(self, quotation):
        if quotation.kind == "rate_offer":
            # A rate offer's lanes are its options' (the quotation's by default).
            lanes = [
                (option.pol_id or quotation.pol_id, option.pod_id or quotation.pod_id)
                for option in quotation.option_ids
            ]
            if not lanes or not all(pol and pod for pol, pod in lanes):
                raise UserError(
                    self.env._("Give each lane of the rate offer its two ports.")
                )
        if quotation.mode not in dict(RATE_MODES):
            raise UserError(
                self.env._(
                    "Logistics services have no buying rate: price them by hand "
                    "or from a template."
                )
            )
        elif not (quotation.pol_id and quotation.pod_id):
            raise UserError(
                self.env._("Give the ports of loading and discharge to find rates.")
            )
        if quotation.mode == "sea_fcl" and not quotation.container_ids:
            raise UserError(self.env._("Give the containers of an FCL shipment."))
        if quotation.mode in ("air", "sea_lcl") and not (
            quotation.gross_weight or quotation.volume
        ):
            raise UserError(
                self.env._("Give the gross weight or the volume of the cargo.")
            )

    @api.model
    def _no_rate_message(self, quotation, option=None):
        lane = quotation.lane
        if option and option.pol_id and option.pod_id:
            lane = f"{option.pol_id.code} → {option.pod_id.code}"
        return self.env._(
            "No valid buying rate for %(lane)s on %(date)s: ask pricing "
            "(service inquiry) or enter the buying prices by hand.",
            lane=lane,
            date=format_date(self.env, quotation.date),
        )

    @api.model
    def _options_for(self, quotation, rates):
        """One option per rate: the empty first option takes the first rate."""
        options = quotation.option_ids
        reusable = options.filtered(
            lambda option: not option.line_ids and not option.rate_id
        )
        commands = []
        for index, rate in enumerate(rates):
            values = {"rate_id": rate.id}
            if quotation.kind == "rate_offer":
                values.update(pol_id=rate.origin_id.id, pod_id=rate.destination_id.id)
            if index < len(reusable):
                reusable[index].write(values)
            else:
                values["sequence"] = len(options) + index + 1
                commands.append(Command.create(values))
        if commands:
            quotation.write({"option_ids": commands})

    @api.model
    def _requests(self, quotation, option=None):
        """The finder requests of the shipment: one per container type (FCL,
        trucking), else one for the cargo; on the option's lane (rate
        offers), else the quotation's."""
        engine = self.env["freight.rate.finder.engine"]
        option = option or self.env["freight.quotation.option"]
        common = {
            "mode": quotation.mode,
            "origin": (option.pol_id or quotation.pol_id).id,
            "destination": (option.pod_id or quotation.pod_id).id,
            "date": quotation.date,
            "gross_weight": quotation.gross_weight,
            "volume": quotation.volume,
            "currency": quotation.currency_id.id,
            "customer": quotation.partner_id.commercial_partner_id.id,
            "limit": 500,
        }
        rows = (
            quotation.container_ids if quotation.mode in ("sea_fcl", "trucking") else []
        )
        if not rows:
            return [engine._request(**common)]
        return [
            engine._request(
                container_type=row.container_type_id.id,
                container_qty=row.quantity,
                **common,
            )
            for row in rows
        ]

    @api.model
    def _results(self, quotation, rate=None, option=None):
        """The priced results per request, cheapest first ([] when a request
        finds nothing): [{"rate", "items": [...], "request"}]."""
        engine = self.env["freight.rate.finder.engine"]
        merged = {}
        for request in self._requests(quotation, option):
            found = engine._find(request, rate_ids=rate.ids if rate else None)
            if not found:
                return []
            for result in found:
                entry = merged.setdefault(
                    result["rate_id"],
                    {"rate": result["rate"], "items": [], "total": 0.0, "seen": set()},
                )
                entry["total"] += result["all_in_amount"]
                for item in result["items"]:
                    # A per-shipment charge comes with each container type:
                    # once is enough.
                    key = (item["rate_line_id"], request.container.id)
                    if item["unit"] != "per_container":
                        key = (item["rate_line_id"], None)
                    if key in entry["seen"]:
                        continue
                    entry["seen"].add(key)
                    entry["items"].append(dict(item, container=request.container))
        results = sorted(
            merged.values(), key=lambda entry: (entry["total"], entry["rate"].id)
        )
        return results

    @api.model
    def _line_values(self, option, results):
        quotation = option.quotation_id
        container_mode = quotation.mode in ("sea_fcl", "trucking", "logistics")
        values = []
        for sequence, item in enumerate(results[0]["items"], start=1):
            vals = {
                "quotation_id": quotation.id,
                "option_id": option.id,
                "sequence": sequence,
                "charge_type_id": item["charge_type_id"],
                "rate_line_id": item["rate_line_id"],
                "buy_currency_id": item["currency_id"],
                "sell_currency_id": item["currency_id"],
            }
            if quotation.kind == "rate_offer":
                # A rate offer quotes prices per unit, for any quantity.
                vals.update(
                    unit=item["unit"], quantity=1.0, buy_price=item["unit_price"]
                )
                if item["unit"] == "per_container" and container_mode:
                    vals["container_type_id"] = item["container"].id
            elif item["minimum_applied"]:
                # The minimum charge: one flat price for the shipment.
                vals.update(unit="per_shipment", quantity=1.0, buy_price=item["amount"])
            else:
                vals.update(
                    unit=item["unit"],
                    quantity=item["quantity"],
                    buy_price=item["unit_price"],
                )
                if item["unit"] == "per_container" and container_mode:
                    vals["container_type_id"] = item["container"].id
            values.append(vals)
        return values
