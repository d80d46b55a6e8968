# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import FreightCommon


@tagged("post_install", "-at_install")
class TestFreightSecurity(FreightCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls.category = cls.env.ref("freight_crm.module_category_freight")

    def test_group_ladder(self):
        ref = self.env.ref
        sales = ref("freight_crm.group_freight_sales")
        manager = ref("freight_crm.group_freight_sales_manager")
        pricing = ref("freight_crm.group_freight_pricing")
        operations = ref("freight_crm.group_freight_operations")
        departments = (
            ref("freight_crm.group_freight_operations_sea")
            | ref("freight_crm.group_freight_operations_air")
            | ref("freight_crm.group_freight_operations_logistics")
            | ref("freight_crm.group_freight_operations_trucking")
        )
        admin = ref("freight_crm.group_freight_admin")
        groups = sales | manager | pricing | operations | departments | admin
        self.assertEqual(groups.category_id, self.category)
        self.assertIn(sales, manager.trans_implied_ids)
        self.assertIn(
            ref("sales_team.group_sale_salesman_all_leads"), manager.trans_implied_ids
        )
        self.assertNotIn(
            ref("sales_team.group_sale_salesman_all_leads"), sales.trans_implied_ids
        )
        for department in departments:
            self.assertIn(operations, department.trans_implied_ids)
            self.assertNotIn(sales, department.trans_implied_ids)
        self.assertNotIn(pricing, manager.trans_implied_ids)
        self.assertLessEqual(groups - admin, admin.trans_implied_ids)
        self.assertIn(admin, self.env.ref("base.user_admin").groups_id)

    def test_master_data_read_by_all_written_by_admin_only(self):
        vals = {
            "name": "Test Port",
            "code": "VNZZZ",
            "country_id": self.env.ref("base.vn").id,
        }
        cat_lai = self.env.ref("freight_crm.port_vncli")
        for user in (
            self.user_sales,
            self.user_manager,
            self.user_pricing,
            self.user_ops_sea,
        ):
            Port = self.env["freight.port"].with_user(user)
            self.assertEqual(Port.browse(cat_lai.id).code, "VNCLI")
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Port.create(vals)
            with self.assertRaises(AccessError):
                cat_lai.with_user(user).write({"name": "Renamed"})
            with self.assertRaises(AccessError):
                self.env["freight.charge.type"].with_user(user).create(
                    {"code": "ZZ", "name": "Test", "default_unit": "per_bill"}
                )
            with self.assertRaises(AccessError):
                self.env["freight.container.type"].with_user(user).create(
                    {"code": "ZZ", "name": "Test", "iso_code": "22G1", "size": "20"}
                )
        self.assertEqual(cat_lai.name, cat_lai.with_user(self.user_admin).name)
        port = self.env["freight.port"].with_user(self.user_admin).create(vals)
        port.write({"name": "Renamed"})
        port.unlink()

    def test_menus_per_role(self):
        master_data = {
            "freight_root_menu",
            "freight_master_data_menu",
            "freight_port_menu",
            "freight_carrier_menu",
        }
        customers = {
            "freight_customer_root_menu",
            "freight_customer_menu",
            "freight_opportunity_menu",
        }
        expected = {
            self.user_sales: master_data | customers,
            self.user_manager: master_data | customers | {"freight_config_menu"},
            self.user_pricing: master_data,
            self.user_ops_sea: master_data,
            self.user_admin: master_data | customers | {"freight_config_menu"},
            self.user_employee: set(),
        }
        menus = {
            f"freight_crm.{xmlid}"
            for xmlid in (
                "freight_root_menu",
                "freight_customer_root_menu",
                "freight_customer_menu",
                "freight_opportunity_menu",
                "freight_master_data_menu",
                "freight_port_menu",
                "freight_carrier_menu",
                "freight_config_menu",
            )
        }
        for user, seen in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(
                    self._visible_menus(user, menus),
                    {f"freight_crm.{xmlid}" for xmlid in seen},
                )
