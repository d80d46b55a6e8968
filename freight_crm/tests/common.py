# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.mail.tests.common import mail_new_test_user


class FreightCommon:
    """One user per Freight role, made once per class (see crm's common.py)."""

    @classmethod
    def _setup_freight_users(cls):
        def user(login, groups, name):
            return mail_new_test_user(
                cls.env,
                login=login,
                name=name,
                email=f"{login}@example.com",
                groups=groups,
                tz="Asia/Ho_Chi_Minh",
            )

        cls.user_sales = user(
            "fr_sales", "base.group_user,freight_crm.group_freight_sales", "Sales A"
        )
        cls.user_sales_2 = user(
            "fr_sales_2", "base.group_user,freight_crm.group_freight_sales", "Sales B"
        )
        cls.user_manager = user(
            "fr_manager",
            "base.group_user,freight_crm.group_freight_sales_manager",
            "Sales Manager",
        )
        cls.user_pricing = user(
            "fr_pricing", "base.group_user,freight_crm.group_freight_pricing", "Pricing"
        )
        cls.user_ops_sea = user(
            "fr_ops_sea",
            "base.group_user,freight_crm.group_freight_operations_sea",
            "Sea Operations",
        )
        cls.user_admin = user(
            "fr_admin",
            "base.group_user,freight_crm.group_freight_admin",
            "Freight Admin",
        )
        cls.user_employee = user("fr_employee", "base.group_user", "Other Employee")
