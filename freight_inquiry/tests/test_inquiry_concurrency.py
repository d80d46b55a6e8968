# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestInquiryConcurrency(TransactionCase):
    """Item 8: two pricing users accept the same inquiry at the same moment,
    each in a transaction of their own: one wins, the other hears so at once
    and, once the first committed, that it is accepted; one quotation.

    The data is committed (the two transactions must see it): the test
    removes all it committed."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            pricing = "base.group_user,freight_crm.group_freight_pricing"
            self.pricing_1 = new_test_user(
                env, login="fr_conc_pricing_1", groups=pricing, name="Pricing One"
            )
            self.pricing_2 = new_test_user(
                env, login="fr_conc_pricing_2", groups=pricing, name="Pricing Two"
            )
            self.sales = new_test_user(
                env,
                login="fr_conc_sales",
                groups="base.group_user,freight_crm.group_freight_sales",
                name="Concurrent Sales",
            )
            self.customer = env["res.partner"].create(
                {
                    "name": "Concurrency Test Co.",
                    "is_company": True,
                    "user_id": self.sales.id,
                }
            )
            inquiry = (
                env["freight.inquiry"]
                .with_user(self.sales)
                .create(
                    {
                        "partner_id": self.customer.id,
                        "mode": "sea_fcl",
                        "pol_id": env.ref("freight_crm.port_vncli").id,
                        "pod_id": env.ref("freight_crm.port_nlrtm").id,
                        "container_ids": [
                            Command.create(
                                {
                                    "container_type_id": env.ref(
                                        "freight_crm.container_40hc"
                                    ).id
                                }
                            )
                        ],
                    }
                )
            )
            inquiry.action_submit()
            self.inquiry_id = inquiry.id
        self.addCleanup(self._remove_committed)

    def _remove_committed(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            quotation_ids = [
                row[0]
                for row in env.execute_query(
                    SQL(
                        "SELECT id FROM freight_quotation WHERE inquiry_id = %s",
                        self.inquiry_id,
                    )
                )
            ]
            # In SQL: the records' own rules (nothing submitted is deleted)
            # are not what is tested here. Their charges, options and
            # containers go with them (ON DELETE CASCADE).
            for model, ids in (
                ("freight.quotation", quotation_ids),
                ("freight.inquiry", [self.inquiry_id]),
            ):
                if not ids:
                    continue
                for table, column in (
                    ("mail_message", "model"),
                    ("mail_followers", "res_model"),
                    ("mail_activity", "res_model"),
                ):
                    env.execute_query(
                        SQL(
                            "DELETE FROM %s WHERE %s = %s AND res_id IN %s",
                            SQL.identifier(table),
                            SQL.identifier(column),
                            model,
                            tuple(ids),
                        )
                    )
                env.execute_query(
                    SQL(
                        "DELETE FROM %s WHERE id IN %s",
                        SQL.identifier(env[model]._table),
                        tuple(ids),
                    )
                )
            env.invalidate_all()
            users = (self.pricing_1 | self.pricing_2 | self.sales).with_env(env)
            partners = users.partner_id | self.customer.with_env(env)
            env["mail.mail"].search([("recipient_ids", "in", partners.ids)]).unlink()
            users.unlink()
            partners.unlink()

    def test_two_pricing_users_accept_at_once(self):
        cr_1 = self.registry.cursor()
        cr_2 = self.registry.cursor()
        self.addCleanup(cr_1.close)
        self.addCleanup(cr_2.close)
        env_1 = api.Environment(cr_1, self.pricing_1.id, {})
        env_2 = api.Environment(cr_2, self.pricing_2.id, {})
        inquiry_1 = env_1["freight.inquiry"].browse(self.inquiry_id)
        inquiry_2 = env_2["freight.inquiry"].browse(self.inquiry_id)
        # Both opened the inquiry: submitted.
        self.assertEqual(inquiry_1.state, "submitted")
        self.assertEqual(inquiry_2.state, "submitted")
        # The first accepts (not committed yet: the row is locked).
        inquiry_1.action_accept()
        self.assertEqual(inquiry_1.state, "accepted")
        # The second hears at once another pricing user is on it.
        with self.assertRaisesRegex(UserError, "Another pricing user is answering"):
            inquiry_2.action_accept()
        cr_2.rollback()
        cr_1.commit()
        # Once the first committed, a retry hears the inquiry is accepted.
        with self.assertRaisesRegex(UserError, "is Accepted: it cannot be accepted"):
            inquiry_2.action_accept()
        cr_2.rollback()
        quotations = (
            env_2["freight.quotation"]
            .sudo()
            .search([("inquiry_id", "=", self.inquiry_id)])
        )
        self.assertEqual(len(quotations), 1)
        self.assertEqual(inquiry_2.quotation_id, quotations)
        self.assertEqual(inquiry_2.pricing_user_id, self.pricing_1)
