# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestVietnamese(TransactionCase):
    def test_contact_card_job_title_at_company(self):
        """Core's Vietnamese reads "Giám đốc giá Công ty ABC" (a price); ours
        "Giám đốc tại Công ty ABC"."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"].search(
            [("name", "=", "freight_crm")]
        )._update_translations(["vi_VN"])
        Partner = self.env["res.partner"].with_context(lang="vi_VN")
        arch = Partner.get_views([(False, "kanban")])["views"]["kanban"]["arch"]
        self.assertRegex(arch, r'name="function"[^>]*/>\s*tại\s*<field name="parent')
        self.assertNotRegex(arch, r'name="function"[^>]*/>\s*giá\s*<field')
