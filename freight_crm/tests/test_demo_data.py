# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo database tells only the forwarder's story: what Odoo's own
    demo data puts in front of the demo users is put away. Checks the demo
    data itself, so only where it is loaded (`make run`, `make test`)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lan = cls.env.ref("freight_crm.user_sales_demo", raise_if_not_found=False)
        cls.demo_users = cls.env["res.users"]
        for xmlid in (
            "user_sales_demo",
            "user_sales_manager_demo",
            "user_pricing_demo",
            "user_operations_sea_demo",
        ):
            cls.demo_users |= (
                cls.env.ref(f"freight_crm.{xmlid}", False) or cls.demo_users
            )

    def test_demo_is_loaded_here(self):
        """`make test` installs with demo data: without it the tests below
        would check nothing."""
        self.assertTrue(self.lan, "freight_crm demo data is not loaded")

    def test_no_odoo_demo_people_as_salespeople(self):
        if not self.lan:
            return
        self.assertFalse(self.env.ref("base.user_demo").active)
        # What a salesperson field offers: the active internal users.
        names = self.env["res.users"].with_user(self.lan).name_search("", limit=None)
        offered = {name for _id, name in names}
        self.assertNotIn("Marc Demo", offered)
        self.assertNotIn("Mitchell Admin", offered)
        self.assertIn(self.lan.name, offered)

    def test_general_channel_tells_our_story(self):
        if not self.lan:
            return
        general = self.env.ref("mail.channel_all_employees")
        messages = self.env["mail.message"].search(
            [("model", "=", "discuss.channel"), ("res_id", "=", general.id)]
        )
        self.assertEqual(
            messages.author_id,
            self.env.ref("freight_crm.user_sales_manager_demo").partner_id,
        )
        for xmlid in ("mail.channel_1", "mail.channel_2", "mail.channel_3"):
            self.assertFalse(self.env.ref(xmlid).active, xmlid)
        odoo_leads = self.env["crm.lead"].search(
            [("user_id", "in", (self.env.ref("base.user_demo").id,))]
        )
        self.assertFalse(odoo_leads)

    def test_no_lead_enrichment_and_vietnamese_users(self):
        if not self.lan:
            return
        param = self.env["ir.config_parameter"].sudo()
        self.assertEqual(param.get_param("crm.iap.lead.enrich.setting"), "manual")
        cron = self.env.ref(
            "crm_iap_enrich.ir_cron_lead_enrichment", raise_if_not_found=False
        )
        self.assertFalse(cron and cron.active)
        self.assertEqual(set(self.demo_users.mapped("lang")), {"vi_VN"})
        self.assertEqual(len(self.demo_users), 4)
