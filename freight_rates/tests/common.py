# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager
from datetime import date

from odoo import Command

from odoo.addons.freight_crm.tests.common import FreightCommon

# Every rate test runs on this day (freezegun), never on the real one.
TODAY = "2026-03-10 03:00:00"


class FreightRateCommon(FreightCommon):
    """The world of the rate tests: users, ports, carriers, currencies."""

    @classmethod
    def _setup_freight_rates(cls):
        cls._setup_freight_users()
        env = cls.env
        Port = env["freight.port"]

        def port(code, kind="seaport"):
            return Port.search([("code", "=", code), ("kind", "=", kind)])

        cls.cat_lai = port("VNCLI")
        cls.hai_phong = port("VNHPH")
        cls.los_angeles = port("USLAX")
        cls.rotterdam = port("NLRTM")
        cls.singapore = port("SGSIN")
        cls.sgn = port("VNSGN", "airport")
        cls.fra = port("DEFRA", "airport")
        Partner = env["res.partner"]

        def carrier(name, kind):
            return Partner.create(
                {"name": name, "is_company": True, "freight_carrier_kind": kind}
            )

        cls.line_a = carrier("Test Line A", "shipping_line")
        cls.line_b = carrier("Test Line B", "shipping_line")
        cls.line_c = carrier("Test Line C", "shipping_line")
        cls.airline_a = carrier("Test Airline A", "airline")
        cls.airline_b = carrier("Test Airline B", "airline")
        cls.coloader = carrier("Test Co-loader", "coloader")
        cls.c20 = env.ref("freight_crm.container_20gp")
        cls.c40 = env.ref("freight_crm.container_40gp")
        cls.c40hc = env.ref("freight_crm.container_40hc")
        cls.charge_baf = env.ref("freight_crm.charge_baf")
        cls.charge_thco = env.ref("freight_crm.charge_thco")
        cls.charge_thcd = env.ref("freight_crm.charge_thcd")
        cls.charge_doc = env.ref("freight_crm.charge_doc")
        cls.charge_fsc = env.ref("freight_crm.charge_fsc")
        cls.charge_awb = env.ref("freight_crm.charge_awb")
        cls.charge_cfs = env.ref("freight_crm.charge_cfs")
        cls.usd = env.ref("base.USD")
        cls.vnd = env.ref("base.VND")
        cls.eur = env.ref("base.EUR")
        (cls.vnd | cls.eur).active = True
        company = env.company
        # The finder converts into the company currency by default: USD here.
        assert company.currency_id == cls.usd, company.currency_id.name
        env["res.currency.rate"].search([]).unlink()
        env["res.currency.rate"].create(
            [
                {
                    "currency_id": cls.vnd.id,
                    "rate": 25000.0,
                    "name": date(2026, 1, 1),
                    "company_id": company.id,
                },
                {
                    "currency_id": cls.eur.id,
                    "rate": 0.8,
                    "name": date(2026, 1, 1),
                    "company_id": company.id,
                },
            ]
        )
        cls.Rate = env["freight.rate"]

    @classmethod
    def _fcl_rate(cls, carrier, prices, surcharges=(), **vals):
        """An FCL rate Cat Lai - Los Angeles, valid in March 2026.

        prices: {container type: amount}; surcharges: line values.
        """
        lines = [
            Command.create({"container_type_id": container.id, "amount": amount})
            for container, amount in prices.items()
        ] + [Command.create(dict(line, line_type="surcharge")) for line in surcharges]
        return cls.Rate.create(
            {
                "mode": "sea_fcl",
                "carrier_id": carrier.id,
                "origin_id": cls.cat_lai.id,
                "destination_id": cls.los_angeles.id,
                "valid_from": date(2026, 3, 1),
                "valid_to": date(2026, 3, 31),
                "transit_days": 22,
                "state": "active",
                "line_ids": lines,
            }
            | vals
        )

    @classmethod
    def _air_rate(cls, carrier, breaks, minimum=0.0, surcharges=(), **vals):
        lines = [
            Command.create({"weight_break": key, "amount": amount})
            for key, amount in breaks.items()
        ]
        if minimum:
            lines.append(Command.create({"weight_break": "min", "amount": minimum}))
        lines += [
            Command.create(dict(line, line_type="surcharge")) for line in surcharges
        ]
        return cls.Rate.create(
            {
                "mode": "air",
                "carrier_id": carrier.id,
                "origin_id": cls.sgn.id,
                "destination_id": cls.fra.id,
                "valid_from": date(2026, 3, 1),
                "valid_to": date(2026, 3, 31),
                "transit_days": 2,
                "state": "active",
                "line_ids": lines,
            }
            | vals
        )

    @contextmanager
    def assertRefused(self, exception, regex):
        """Like assertRaisesRegex, inside the savepoint Odoo's assertRaises
        opens, so that nothing the refused call wrote is left behind."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    @classmethod
    def _extend_model(cls, model_class):
        """Add MODEL_CLASS, a class of the test (``_inherit`` one of our
        models, ``_module = None``), to the registry for the tests of the
        class, its columns made in the test's transaction: what a module
        inheriting ours would do, the way Odoo's own tests extend a model
        (test_new_api's selection tests). Undone when the class is done."""
        registry, cr = cls.registry, cls.env.cr
        inherit = model_class._inherit
        name = inherit if isinstance(inherit, str) else inherit[0]
        model = registry[name]
        cls.addClassCleanup(registry.setup_models, cr)
        cls.addClassCleanup(
            setattr, model, "_BaseModel__base_classes", model._BaseModel__base_classes
        )
        model_class._build_model(registry, cr)
        registry.setup_models(cr)
        registry.init_models(cr, [name], {"module": "freight_rates"})
        cls.env.invalidate_all()
