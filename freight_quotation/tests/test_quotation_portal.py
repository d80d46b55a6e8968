# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import re
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.freight_crm.tests.common import FreightCommon
from odoo.addons.mail.tests.common import mail_new_test_user

# Every portal test runs on this day, never on the real one.
TODAY = "2026-03-10 03:00:00"
# A 1x1 PNG, as the signature pad sends it (base64, without the data: prefix).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
# A buying price no selling price, subtotal or total shares, in every way a
# page may print it; the cost of its two containers; the internal charge.
BUY_PRICE = 1357.91
BUY_PRINTS = ("1357.91", "1357,91", "1,357.91", "1.357,91", "2.715,82", "2,715.82")
INTERNAL = "Agent commission (internal)"
VI = {"Accept-Language": "vi-VN,vi;q=0.9"}


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationPortal(FreightCommon, HttpCase):
    """The customer's side of a quotation, over HTTP: an anonymous visitor
    with the e-mail's token, a wrong token, portal users of the customer and
    of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_users()
        cls._setup_freight_customers()
        env = cls.env
        env["res.lang"]._activate_lang("vi_VN")
        cls.usd = env.ref("base.USD")
        cls.vnd = env.ref("base.VND")
        cls.vnd.active = True
        assert env.company.currency_id == cls.usd, env.company.currency_id.name
        env["res.currency.rate"].search([("currency_id", "=", cls.vnd.id)]).unlink()
        env["res.currency.rate"].create(
            {
                "currency_id": cls.vnd.id,
                "rate": 25000.0,
                "name": date(2026, 1, 1),
                "company_id": env.company.id,
            }
        )
        Port = env["freight.port"]
        cls.cat_lai = Port.search([("code", "=", "VNCLI"), ("kind", "=", "seaport")])
        cls.los_angeles = Port.search(
            [("code", "=", "USLAX"), ("kind", "=", "seaport")]
        )
        cls.c40hc = env.ref("freight_crm.container_40hc")
        cls.carriers = env["res.partner"].create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "freight_carrier_kind": "shipping_line",
                }
                for name in ("Portal Line A", "Portal Line B")
            ]
        )
        cls.quotation = cls._sent_quotation(options=2)
        cls.single = cls._sent_quotation(options=1)
        cls.past = cls._sent_quotation(options=1, date=date(2026, 3, 1))
        # Sent while valid; the validity has passed since (the cron has not
        # expired it yet).
        cls.past.sudo().write({"validity_date": date(2026, 3, 9)})
        cls.draft = cls._quotation(options=1)
        cls.draft.sudo()._portal_ensure_token()
        cls.portal_a = mail_new_test_user(
            env,
            login="fr_portal_a",
            name="Portal A",
            email="portal_a@example.com",
            groups="base.group_portal",
        )
        cls.portal_a.partner_id.parent_id = cls.customer_a
        cls.portal_b = mail_new_test_user(
            env,
            login="fr_portal_b",
            name="Portal B",
            email="portal_b@example.com",
            groups="base.group_portal",
        )
        cls.portal_b.partner_id.parent_id = cls.customer_b

    @classmethod
    def _quotation(cls, options=1, **vals):
        """A quotation of customer A made by their salesperson: per option,
        an ocean freight (the distinctive buying price), a documentation fee
        and an internal commission, never printed."""
        Quotation = cls.env["freight.quotation"].with_user(cls.user_sales)
        quotation = Quotation.create(
            {
                "partner_id": cls.customer_a.id,
                "contact_id": cls.contact_a.id,
                "mode": "sea_fcl",
                "pol_id": cls.cat_lai.id,
                "pod_id": cls.los_angeles.id,
                "date": date(2026, 3, 10),
                "validity_date": date(2026, 3, 24),
                "container_ids": [
                    Command.create({"quantity": 2, "container_type_id": cls.c40hc.id})
                ],
                "option_ids": [
                    Command.create(
                        {
                            "sequence": index,
                            "name": f"Option {carrier.name}",
                            "carrier_id": carrier.id,
                        }
                    )
                    for index, carrier in enumerate(cls.carriers[:options])
                ],
            }
            | vals
        )
        values = []
        for index, option in enumerate(quotation.option_ids):
            common = {"quotation_id": quotation.id, "option_id": option.id}
            values += [
                common
                | {
                    "charge_type_id": cls.env.ref("freight_crm.charge_of").id,
                    "container_type_id": cls.c40hc.id,
                    "buy_price": BUY_PRICE,
                    "buy_currency_id": cls.usd.id,
                    "sell_price": 1600.0 + 100 * index,
                    "sell_currency_id": cls.usd.id,
                },
                common
                | {
                    "charge_type_id": cls.env.ref("freight_crm.charge_doc").id,
                    "sell_price": 45.0,
                    "sell_currency_id": cls.usd.id,
                },
                common
                | {
                    "charge_type_id": cls.env.ref("freight_crm.charge_hdl").id,
                    "name": INTERNAL,
                    "buy_price": 48.0,
                    "buy_currency_id": cls.usd.id,
                    "sell_price": 0.0,
                    "sell_currency_id": cls.usd.id,
                    "is_printed": False,
                },
            ]
        cls.env["freight.quotation.line"].with_user(cls.user_sales).create(values)
        return quotation

    @classmethod
    def _sent_quotation(cls, options=1, **vals):
        quotation = cls._quotation(options=options, **vals)
        quotation.action_send()  # returns the composer: not used here
        assert quotation.state == "sent", quotation.state
        return quotation

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _url(self, quotation, suffix="", token=None):
        token = quotation.sudo().access_token if token is None else token
        query = f"?access_token={token}" if token else ""
        return f"/my/freight_quotations/{quotation.id}{suffix}{query}"

    def _both(self, source):
        """SOURCE in English and in Vietnamese: the visitor's language is the
        server's default (Vietnamese once the translations are loaded)."""
        return {
            self.env(context=dict(self.env.context, lang=lang))._(source)
            for lang in ("en_US", "vi_VN")
        }

    def _decided_online(self, quotation):
        """Why QUOTATION cannot be decided online, in either language."""
        return {
            quotation.with_context(lang=lang)._can_be_decided_online()
            for lang in ("en_US", "vi_VN")
        }

    def _accept(self, quotation, option=None, token=None, name="Trần Thị Mai"):
        """POST the signature form as the portal's JSON-RPC client does."""
        params = {"name": name, "signature": SIGNATURE}
        if option is not None:
            params["option_id"] = option.id
        response = self.url_open(
            self._url(quotation, "/accept", token),
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response

    def _decline(self, quotation, reason, form_of=None):
        """Open the page, then POST its decline form (with its CSRF token).
        A page that offers no decision has no form: FORM_OF is a quotation
        whose page has one (the token is the session's)."""
        page = self.url_open(self._url(form_of or quotation))
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            self._url(quotation, "/decline"),
            data={"csrf_token": csrf, "decline_reason": reason},
            allow_redirects=False,
        )

    def _snapshot(self, quotation):
        self.env.invalidate_all()
        return {
            "state": quotation.state,
            "selected_option_id": quotation.selected_option_id,
            "signed_by": quotation.signed_by,
            "signature": quotation.signature,
            "lost_reason_id": quotation.lost_reason_id,
            "lost_note": quotation.lost_note,
            "decision_date": quotation.decision_date,
            "messages": quotation.message_ids,
        }

    def assertNoBuySide(self, text):
        for printed in BUY_PRINTS:
            self.assertNotIn(printed, text)
        self.assertNotIn(INTERNAL, text)

    def assertRefusedPage(self, response, quotation):
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        self.assertNotIn(quotation.name, response.text)

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------
    def test_messages_leave_the_customer_alone(self):
        """The portal is by invitation (set when the module is installed):
        a message on a quotation, e-mailed to its followers, does not write
        a sign-up token on the customer, as free sign-up does (two messages
        at once on one customer's documents would then collide)."""
        ICP = self.env["ir.config_parameter"].sudo()
        self.assertEqual(ICP.get_param("auth_signup.invitation_scope"), "b2b")
        customer = self.quotation.partner_id
        self.assertTrue(customer)
        self.user_manager.notification_type = "email"

        def post():
            self.quotation.with_user(self.user_sales).message_post(
                body="The vessel is confirmed.",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=self.user_manager.partner_id.ids,
            )
            self.env.flush_all()
            customer.invalidate_recordset(["signup_type"])
            # sudo: the sign-up fields are for administrators only.
            return customer.sudo().signup_type

        self.assertFalse(post())
        # With free sign-up, the same message writes the customer.
        ICP.set_param("auth_signup.invitation_scope", "b2c")
        self.assertEqual(post(), "signup")

    def test_page_with_token(self):
        """The e-mail's link opens the page to anyone holding it: every
        option with its printed charges and its total, in Vietnamese numbers
        for a Vietnamese visitor; no buying price, cost or internal charge."""
        response = self.url_open(self._url(self.quotation), headers=VI)
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertIn(self.quotation.name, html)
        option_a, option_b = self.quotation.option_ids
        self.assertEqual(
            (option_a.amount_total, option_b.amount_total), (3245.0, 3445.0)
        )
        self.assertIn("3.245,00", html)
        self.assertIn("3.445,00", html)
        # In VND too: 3,245 USD at 25,000.
        self.assertIn("81.125.000", html)
        self.assertIn('name="freight_option_id"', html)
        self.assertIn("o_portal_chatter", html)
        self.assertNoBuySide(html)

    def test_pdf_with_token(self):
        response = self.url_open(self._url(self.quotation) + "&report_type=pdf")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.quotation.name, response.text)
        self.assertNoBuySide(response.text)

    def test_wrong_or_no_token(self):
        url = f"/my/freight_quotations/{self.quotation.id}"
        for query in ("?access_token=wrong-token&", "?"):
            for report in ("", "report_type=pdf"):
                with self.subTest(query=query, report=report):
                    response = self.url_open(
                        url + query + report, allow_redirects=False
                    )
                    self.assertRefusedPage(response, self.quotation)

    def test_draft_not_reachable(self):
        """A draft has never been sent: its token opens nothing and decides
        nothing."""
        before = self._snapshot(self.draft)
        response = self.url_open(self._url(self.draft), allow_redirects=False)
        self.assertRefusedPage(response, self.draft)
        result = self._accept(self.draft).json()["result"]
        self.assertEqual(set(result), {"error"})
        self.assertIn(result["error"], self._both("This quotation cannot be opened."))
        self.assertEqual(self._snapshot(self.draft), before)

    def test_salesperson_preview(self):
        """The salesperson previews their customer's quotation, even a draft,
        with their own rights; another salesperson's customer is refused."""
        self.authenticate("fr_sales", "fr_sales")
        response = self.url_open(self._url(self.draft, token=""))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.draft.name, response.text)
        # Odoo's "back to edit mode" banner, to the form.
        self.assertIn(
            f"/odoo/action-freight_quotation.freight_quotation_action/{self.draft.id}",
            response.text,
        )
        self.authenticate("fr_sales_2", "fr_sales_2")
        response = self.url_open(self._url(self.draft, token=""), allow_redirects=False)
        self.assertRefusedPage(response, self.draft)

    # ------------------------------------------------------------------
    # Accepting
    # ------------------------------------------------------------------
    def test_accept_with_signature_and_option(self):
        """Accepting marks the quotation won with the option chosen and the
        signature, writes in its chatter and notifies the salesperson; a
        second acceptance is refused with the model's message."""
        option_b = self.quotation.option_ids[1]
        response = self._accept(self.quotation, option_b)
        self.assertNoBuySide(response.text)
        result = response.json()["result"]
        self.assertEqual(set(result), {"force_refresh", "redirect_url"})
        self.assertIn("message=accepted", result["redirect_url"])
        self.env.invalidate_all()
        quotation = self.quotation
        self.assertEqual(quotation.state, "won")
        self.assertEqual(quotation.selected_option_id, option_b)
        self.assertEqual(quotation.signed_by, "Trần Thị Mai")
        self.assertTrue(quotation.signature)
        self.assertEqual(quotation.decision_date, date(2026, 3, 10))
        self.assertEqual(quotation.amount_total, 3445.0)
        # Posted as the customer's comment (in the server's language).
        message = quotation.message_ids.filtered(
            lambda msg: "Trần Thị Mai" in str(msg.body)
            and msg.message_type == "comment"
        )
        self.assertEqual(
            message.author_id, quotation.contact_id or quotation.partner_id
        )
        self.assertEqual(len(message), 1)
        self.assertIn(option_b.display_name, str(message.body))
        salesperson = self.user_sales.partner_id
        self.assertIn(salesperson, message.partner_ids)
        self.assertTrue(
            self.env["mail.notification"].search(
                [
                    ("mail_message_id", "=", message.id),
                    ("res_partner_id", "=", salesperson.id),
                ]
            )
        )
        # The page says so, and offers no signature any more.
        html = self.url_open(result["redirect_url"]).text
        self.assertTrue("Thank you!" in html or "Xin cảm ơn Quý khách!" in html)
        self.assertNotIn("freight_modal_accept", html)

        before = self._snapshot(quotation)
        result = self._accept(quotation, quotation.option_ids[0], name="Someone Else")
        result = result.json()["result"]
        self.assertEqual(set(result), {"error"})
        self.assertIn(result["error"], self._decided_online(quotation))
        self.assertEqual(self._snapshot(quotation), before)

    def test_accept_needs_an_option_of_the_quotation(self):
        """With several options the customer says which; an option of
        another quotation is not one of them."""
        before = self._snapshot(self.quotation)
        for option in (None, self.single.option_ids):
            with self.subTest(option=option):
                result = self._accept(self.quotation, option).json()["result"]
                self.assertIn(
                    result["error"], self._both("Choose one of the options offered.")
                )
                self.assertEqual(self._snapshot(self.quotation), before)
        before = self._snapshot(self.single)
        result = self._accept(self.single, self.quotation.option_ids[0]).json()[
            "result"
        ]
        self.assertEqual(set(result), {"error"})
        self.assertIn(result["error"], self._both("Choose one of the options offered."))
        self.assertEqual(self._snapshot(self.single), before)

    def test_accept_needs_name_and_signature(self):
        before = self._snapshot(self.single)
        result = self._accept(self.single, name="  ").json()["result"]
        self.assertEqual(set(result), {"error"})
        self.assertIn(
            result["error"], self._both("Write your name to sign the quotation.")
        )
        self.assertEqual(self._snapshot(self.single), before)

    def test_accept_with_unreadable_signature(self):
        before = self._snapshot(self.single)
        response = self.url_open(
            self._url(self.single, "/accept"),
            data=json.dumps(
                {"params": {"name": "Trần Thị Mai", "signature": "bm90IGFuIGltYWdl"}}
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(set(response.json()["result"]), {"error"})
        self.assertEqual(self._snapshot(self.single), before)

    def test_accept_with_wrong_token(self):
        before = self._snapshot(self.single)
        result = self._accept(self.single, token="wrong-token").json()["result"]
        self.assertEqual(set(result), {"error"})
        self.assertIn(result["error"], self._both("This quotation cannot be opened."))
        self.assertEqual(self._snapshot(self.single), before)

    def test_single_option_accepts_it(self):
        result = self._accept(self.single).json()["result"]
        self.assertNotIn("error", result)
        self.env.invalidate_all()
        self.assertEqual(self.single.state, "won")
        self.assertEqual(self.single.selected_option_id, self.single.option_ids)

    def test_past_validity_decides_nothing(self):
        """Past its validity: the model's message, and nothing written."""
        before = self._snapshot(self.past)
        refusal = self.past._can_be_decided_online()
        self.assertIn("09/03/2026", refusal)
        result = self._accept(self.past).json()["result"]
        self.assertEqual(set(result), {"error"})
        self.assertIn(result["error"], self._decided_online(self.past))
        self.assertEqual(self._snapshot(self.past), before)
        response = self._decline(self.past, "Too late", form_of=self.single)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._snapshot(self.past), before)
        # The page shows why, and no button to decide.
        html = self.url_open(self._url(self.past)).text
        self.assertTrue(any(why in html for why in self._decided_online(self.past)))
        self.assertNotIn("freight_modal_accept", html)

    # ------------------------------------------------------------------
    # Declining
    # ------------------------------------------------------------------
    def test_decline_with_reason(self):
        response = self._decline(self.single, "The transit time is too long.")
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=declined", response.headers["Location"])
        self.env.invalidate_all()
        self.assertEqual(self.single.state, "lost")
        self.assertEqual(self.single.lost_note, "The transit time is too long.")
        self.assertEqual(
            self.single.lost_reason_id,
            self.env.ref("freight_quotation.lost_reason_declined_online"),
        )
        self.assertTrue(
            self.single.message_ids.filtered(
                lambda msg: "The transit time is too long." in str(msg.body)
                and self.user_sales.partner_id in msg.partner_ids
            )
        )

    def test_decline_needs_a_reason(self):
        before = self._snapshot(self.single)
        response = self._decline(self.single, "   ")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(
            any(
                why in response.text
                for why in self._both("Tell us why you decline the quotation.")
            )
        )
        self.assertEqual(self._snapshot(self.single), before)

    # ------------------------------------------------------------------
    # Portal users
    # ------------------------------------------------------------------
    def test_portal_user_of_the_customer(self):
        """The customer's portal user lists the quotations sent to their
        company (never the draft) and counts them in /my."""
        self.authenticate("fr_portal_a", "fr_portal_a")
        html = self.url_open("/my/freight_quotations").text
        for quotation in (self.quotation, self.single, self.past):
            self.assertIn(quotation.name, html)
        self.assertNotIn(self.draft.name, html)
        self.assertNoBuySide(html)
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {
                "counters": [
                    "freight_quotation_count",
                    "freight_quotation_to_answer_count",
                ]
            },
        )
        self.assertEqual(
            counters,
            {"freight_quotation_count": 3, "freight_quotation_to_answer_count": 3},
        )

    def test_portal_user_of_another_company(self):
        """A portal user of another customer neither lists nor opens it."""
        self.authenticate("fr_portal_b", "fr_portal_b")
        response = self.url_open(
            self._url(self.quotation, token=""), allow_redirects=False
        )
        self.assertRefusedPage(response, self.quotation)
        html = self.url_open("/my/freight_quotations").text
        self.assertNotIn(self.quotation.name, html)
        counters = self.make_jsonrpc_request(
            "/my/counters", {"counters": ["freight_quotation_count"]}
        )
        self.assertEqual(counters, {"freight_quotation_count": 0})
        before = self._snapshot(self.quotation)
        result = self._accept(self.quotation, self.quotation.option_ids[0], token="")
        self.assertIn(
            result.json()["result"]["error"],
            self._both("This quotation cannot be opened."),
        )
        self.assertEqual(self._snapshot(self.quotation), before)
