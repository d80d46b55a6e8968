"""The world both journeys run in (tests/test_journey.py over JSON-RPC,
tests/test_journey_tour.py in the browser): four people, the salesperson's
team, the Cát Lái - Busan lane with its one valid buying rate, a routing rule
to the journey's pricing user, a consignee, and sea operations' responsible."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

BUY = 650.0  # the lane's buying rate per 40HC


def build_journey_world(
    cls, prefix, carrier="Journey Line", password=None, **user_values
):
    """Set the journey's records on CLS (a test class, in setUpClass). Logins
    are PREFIX_sales, PREFIX_manager, PREFIX_pricing, PREFIX_sea; CARRIER
    names the rate's shipping line (the tours look for it); PASSWORD
    (a function of the login) defaults to the login; USER_VALUES go to every
    user (e.g. lang)."""
    env = cls.env

    def user(role, group):
        login = f"{prefix}_{role}"
        return new_test_user(
            env,
            login=login,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
            password=password(login) if password else login,
            groups=f"base.group_user,freight_crm.{group}",
            **user_values,
        )

    cls.sales = user("sales", "group_freight_sales")
    cls.manager = user("manager", "group_freight_sales_manager")
    cls.pricing = user("pricing", "group_freight_pricing")
    cls.sea = user("sea", "group_freight_operations_sea")
    # The salesperson's team, led by the sales manager who approves their
    # margins.
    cls.team = env["crm.team"].create(
        {
            "name": f"Journey Team {prefix}",
            "user_id": cls.manager.id,
            "member_ids": [Command.set(cls.sales.ids)],
        }
    )
    Port = env["freight.port"]
    cls.cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
    cls.busan = Port.search([("code", "=", "KRPUS"), ("kind", "=", "seaport")])
    cls.c40hc = env.ref("freight_crm.container_40hc")
    cls.usd = env.ref("base.USD")
    cls.today = fields.Date.context_today(cls.sales)
    # The lane's buying rate, valid today: the only one of the lane, so the
    # finder's choice.
    cls.carrier = env["res.partner"].create(
        {
            "name": carrier,
            "is_company": True,
            "freight_carrier_kind": "shipping_line",
        }
    )
    env["freight.rate"].search(
        [
            ("mode", "=", "sea_fcl"),
            ("origin_id", "=", cls.cat_lai.id),
            ("destination_id", "=", cls.busan.id),
        ]
    ).write({"active": False})
    cls.rate = env["freight.rate"].create(
        {
            "mode": "sea_fcl",
            "carrier_id": cls.carrier.id,
            "origin_id": cls.cat_lai.id,
            "destination_id": cls.busan.id,
            "currency_id": cls.usd.id,
            "valid_from": cls.today - timedelta(days=1),
            "valid_to": cls.today + timedelta(days=30),
            "state": "active",
            "line_ids": [
                Command.create({"container_type_id": cls.c40hc.id, "amount": BUY})
            ],
        }
    )
    # Sea FCL exports go to the journey's pricing user first.
    env["freight.inquiry.routing.rule"].create(
        {
            "sequence": -1000,
            "mode": "sea_fcl",
            "direction": "export",
            "user_id": cls.pricing.id,
        }
    )
    cls.consignee = env["res.partner"].create(
        {"name": "Busan Tyre Works", "is_company": True}
    )
    # The sea department's responsible gets the request's activity.
    cls.sea_department = env.ref("freight_booking.department_sea")
    cls.sea_department.user_id = cls.sea
