# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.mail.tests.common import mail_new_test_user


class FreightCommon:
    """One user per Freight role, made once per class (see crm's common.py)."""

    def _visible_menus(self, user, xmlids):
        """Which of the menus XMLIDS the user sees: visible, and so are all
        their parents."""
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

        def seen(menu):
            return not menu or (menu.id in visible and seen(menu.parent_id))

        return {xmlid for xmlid in xmlids if seen(self.env.ref(xmlid))}

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

    @classmethod
    def _setup_freight_customers(cls):
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {
                "name": "Công ty TNHH Gỗ Minh Phát",
                "is_company": True,
                "user_id": cls.user_sales.id,
                "country_id": cls.env.ref("base.vn").id,
            }
        )
        cls.customer_b = Partner.create(
            {
                "name": "Công ty CP Thủy sản Cà Mau",
                "is_company": True,
                "user_id": cls.user_sales_2.id,
                "country_id": cls.env.ref("base.vn").id,
            }
        )
        cls.contact_a = Partner.create(
            {"name": "Trần Thị Mai", "parent_id": cls.customer_a.id, "type": "contact"}
        )
        cls.contact_b = Partner.create(
            {"name": "Lê Văn Tâm", "parent_id": cls.customer_b.id, "type": "contact"}
        )
        cls.kind_visit = cls.env.ref("freight_crm.interaction_kind_visit")
        cls.kind_call = cls.env.ref("freight_crm.interaction_kind_call")
