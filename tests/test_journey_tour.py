"""The journey of tests/test_journey.py in the browser (Chromium, headless),
in Vietnamese: the salesperson on a phone (390x844, touch), pricing, the
sales manager and sea operations at their desks, the customer on the portal
page on a phone. One test, in order, so that the chain is proven; the
database is checked between the tours, which each end on a visible state."""

from contextlib import contextmanager
from datetime import date, timedelta

from journey_world import BUY, build_journey_world

from odoo.tests import HttpCase, tagged

PHONE = "390x844"
DESKTOP = "1366x768"


@tagged("post_install", "-at_install")
class TestJourneyTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # make test loads vi_VN (--load-language); active for the users' lang.
        cls.env["res.lang"]._activate_lang("vi_VN")
        # No time zone: the server's dates are UTC's, as the portal's and the
        # headless browser's on a UTC machine.
        build_journey_world(cls, "jt", carrier="Journey Tour Line", lang="vi_VN")

    @contextmanager
    def _screen(self, size, touch=False):
        """The next tours on SIZE (HttpCase reads browser_size per tour)."""
        self.browser_size, self.touch_enabled = size, touch
        try:
            yield
        finally:
            self.browser_size, self.touch_enabled = DESKTOP, False

    def _tour(self, url, name, login, size=DESKTOP):
        with self._screen(size, touch=size == PHONE):
            self.start_tour(url, name, login=login)
        self.env.invalidate_all()

    def _messages_to(self, record, user, since=None):
        """The chatter messages of RECORD that notify USER's partner."""
        messages = record.message_ids.filtered(
            lambda msg: user.partner_id in msg.partner_ids
        )
        if since:
            messages = messages.filtered(lambda msg: msg.id > since)
        return messages

    def _last_message_id(self):
        return self.env["mail.message"].search([], order="id desc", limit=1).id

    def _activities(self, record, xmlid):
        return record.activity_ids.filtered(
            lambda act: act.activity_type_id == self.env.ref(xmlid)
        )

    def test_journey_in_the_browser(self):
        # In Vietnamese: the users' language, with its translations loaded.
        self.assertEqual(self.sales.lang, "vi_VN")
        stages = dict(
            self.env["res.partner"]
            ._fields["freight_stage"]
            ._description_selection(self.env(context={"lang": "vi_VN"}))
        )
        self.assertEqual(stages["customer"], "Khách hàng")
        Partner = self.env["res.partner"]
        # 1. The salesperson, on a phone: a lead customer, its contact, a visit.
        self._tour(
            "/odoo/action-freight_crm.res_partner_action_customer/new",
            "freight_journey_sales_customer_tour",
            "jt_sales",
            PHONE,
        )
        customer = Partner.search([("name", "=", "Journey Rubber Co.")])
        self.assertEqual(len(customer), 1)
        self.assertTrue(customer.is_company)
        self.assertEqual(customer.freight_stage, "lead")
        self.assertEqual(customer.user_id, self.sales)
        contact = customer.child_ids
        self.assertEqual(contact.name, "Trần Thị Mai")
        self.assertFalse(contact.is_company)
        self.assertEqual(contact.email, "mai@journey-rubber.example.com")
        visit = self.env["freight.interaction"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertEqual(len(visit), 1)
        self.assertEqual(
            (visit.name, visit.state, visit.user_id, visit.contact_id, visit.kind_id),
            (
                "First visit",
                "done",
                self.sales,
                contact,
                self.env.ref("freight_crm.interaction_kind_visit"),
            ),
        )
        self.assertEqual(customer.last_interaction_date, visit.date)

        # 2. The salesperson, on a phone, opens an opportunity for it.
        self._tour(
            "/odoo/action-crm.crm_lead_action_pipeline/new",
            "freight_journey_sales_opportunity_tour",
            "jt_sales",
            PHONE,
        )
        lead = self.env["crm.lead"].search([("partner_id", "=", customer.id)])
        self.assertEqual(len(lead), 1)
        self.assertEqual(
            (lead.name, lead.type, lead.user_id, lead.team_id),
            ("Rubber to Busan", "opportunity", self.sales, self.team),
        )
        self.assertEqual(
            (
                lead.transport_mode,
                lead.freight_direction,
                lead.origin_port_id,
                lead.destination_port_id,
            ),
            ("sea_fcl", "export", self.cat_lai, self.busan),
        )

        # 3. The salesperson asks pricing (the margin rule of the customer is
        # the administrator's: a markup of 15%, a floor of 10%).
        self.env["freight.quotation.margin.rule"].create(
            {
                "partner_id": customer.id,
                "mode": "sea_fcl",
                "markup_type": "percent",
                "markup_value": 15.0,
                "min_margin_percent": 10.0,
            }
        )
        before = self._last_message_id()
        self._tour(
            f"/odoo/action-crm.crm_lead_action_pipeline/{lead.id}",
            "freight_journey_sales_inquiry_tour",
            "jt_sales",
            PHONE,
        )
        inquiry = self.env["freight.inquiry"].search([("lead_id", "=", lead.id)])
        self.assertEqual(len(inquiry), 1)
        self.assertEqual(inquiry.state, "submitted")
        self.assertEqual(
            (inquiry.partner_id, inquiry.user_id, inquiry.pol_id, inquiry.pod_id),
            (customer, self.sales, self.cat_lai, self.busan),
        )
        self.assertEqual(inquiry.commodity, "Cao su thiên nhiên")
        self.assertEqual(
            [(c.quantity, c.container_type_id) for c in inquiry.container_ids],
            [(2, self.c40hc)],
        )
        self.assertEqual(inquiry.pricing_user_id, self.pricing)
        self.assertIn(self.pricing.partner_id, inquiry.message_partner_ids)
        self.assertTrue(self._messages_to(inquiry, self.pricing, before))
        answer = self._activities(
            inquiry, "freight_inquiry.mail_activity_inquiry_answer"
        )
        self.assertEqual(answer.user_id, self.pricing)

        # 4. Pricing accepts it from its inbox: the quotation is prefilled
        # from the finder's rate.
        before = self._last_message_id()
        self._tour(
            "/odoo/action-freight_inquiry.freight_inquiry_action",
            "freight_journey_pricing_accept_tour",
            "jt_pricing",
        )
        self.assertEqual(inquiry.state, "accepted")
        self.assertFalse(
            self._activities(inquiry, "freight_inquiry.mail_activity_inquiry_answer")
        )
        self.assertTrue(self._messages_to(inquiry, self.sales, before))
        quotation = inquiry.quotation_id
        self.assertEqual(quotation.state, "draft")
        self.assertEqual(
            (quotation.partner_id, quotation.lead_id, quotation.user_id),
            (customer, lead, self.sales),
        )
        self.assertEqual(quotation.option_ids.rate_id, self.rate)
        freight = quotation.line_ids.filtered("rate_line_id")
        self.assertEqual(
            (freight.buy_price, freight.quantity, freight.container_type_id),
            (BUY, 2, self.c40hc),
        )
        self.assertAlmostEqual(freight.sell_price, BUY * 1.15, places=2)

        # 5. The salesperson, on a phone, cuts the margin under the floor and
        # sends: the sales manager approves at a desk, then the salesperson
        # sends it.
        self._tour(
            f"/odoo/action-freight_quotation.freight_quotation_action/{quotation.id}",
            "freight_journey_sales_margin_tour",
            "jt_sales",
            PHONE,
        )
        self.assertEqual(quotation.state, "to_approve")
        self.assertAlmostEqual(freight.sell_price, 682.5, places=2)
        self.assertEqual(quotation.contact_id, contact)
        self.assertLess(quotation.lowest_margin_percent, 10.0)
        approval = self._activities(
            quotation, "freight_quotation.mail_activity_margin_approval"
        )
        self.assertEqual(approval.user_id, self.manager)
        self._tour(
            "/odoo/action-freight_quotation.freight_quotation_action_to_approve",
            "freight_journey_manager_approve_tour",
            "jt_manager",
        )
        self.assertEqual(quotation.state, "draft")
        self.assertEqual(quotation.approved_by_id, self.manager)
        self.assertFalse(approval.exists(), "the approval activity is done")
        todo = self._activities(quotation, "mail.mail_activity_data_todo")
        self.assertEqual(todo.user_id, self.sales)
        before = self._last_message_id()
        self._tour(
            f"/odoo/action-freight_quotation.freight_quotation_action/{quotation.id}",
            "freight_journey_sales_send_tour",
            "jt_sales",
            PHONE,
        )
        self.assertEqual(quotation.state, "sent")
        self.assertEqual(quotation.sent_date, self.today)
        self.assertEqual(customer.freight_stage, "prospect")
        sent = quotation.message_ids.filtered(
            lambda msg: msg.id > before and contact in msg.partner_ids
        )
        self.assertEqual(len(sent), 1, "the quotation was e-mailed to the contact")
        self.assertTrue(sent.attachment_ids, "with its PDF")

        # 6. The customer accepts on the portal page, on a phone, with the
        # e-mail's token.
        before = self._last_message_id()
        self._tour(
            f"/my/freight_quotations/{quotation.id}"
            f"?access_token={quotation.sudo().access_token}",
            "freight_journey_portal_accept_tour",
            None,
            PHONE,
        )
        self.assertEqual(quotation.state, "won")
        self.assertEqual(quotation.selected_option_id, quotation.option_ids)
        self.assertEqual(quotation.decision_date, self.today)
        self.assertEqual(quotation.signed_by, "Trần Thị Mai")
        self.assertTrue(quotation.signature)
        self.assertTrue(lead.stage_id.is_won)
        self.assertEqual(customer.freight_stage, "prospect")
        told = self._messages_to(quotation, self.sales, before)
        self.assertEqual(len(told), 1)
        self.assertEqual(told.author_id, contact)

        # 7. The salesperson, on a phone, requests the booking of the won
        # quotation.
        before = self._last_message_id()
        self._tour(
            f"/odoo/action-freight_quotation.freight_quotation_action/{quotation.id}",
            "freight_journey_sales_booking_tour",
            "jt_sales",
            PHONE,
        )
        request = self.env["freight.booking.request"].search(
            [("quotation_id", "=", quotation.id)]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "requested")
        # The browser's today: the machine's local date (Chrome runs on its
        # time zone), not the salesperson's.
        etd = date.today() + timedelta(days=10)
        self.assertEqual(
            (request.partner_id, request.shipper_id, request.consignee_id),
            (customer, customer, self.consignee),
        )
        self.assertEqual(
            (request.etd, request.gross_weight, request.option_id),
            (etd, 40000.0, quotation.option_ids),
        )
        self.assertEqual(request.department_id, self.sea_department)
        self.assertEqual(request.container_summary, "2 x 40HC")
        self.assertIn(self.sea.partner_id, request.message_partner_ids)
        self.assertTrue(self._messages_to(request, self.sea, before))
        accept = self._activities(
            request, "freight_booking.mail_activity_booking_accept"
        )
        self.assertEqual(accept.user_id, self.sea)
        self.assertFalse(request.job_number)

        # 8. Sea operations, at a desk, tick the checklist and accept: the job
        # number; the lead customer is now a customer.
        before = self._last_message_id()
        self._tour(
            "/odoo/action-freight_booking.freight_booking_request_action_to_accept",
            "freight_journey_ops_accept_tour",
            "jt_sea",
        )
        self.assertEqual(request.state, "accepted")
        self.assertTrue(request.checklist_done)
        self.assertEqual(request.checklist_ids.done_by_id, self.sea)
        self.assertRegex(request.job_number, rf"^SEA/EXP/{etd.year % 100:02d}/\d{{5}}$")
        self.assertEqual(request.operations_user_id, self.sea)
        self.assertFalse(
            self._activities(request, "freight_booking.mail_activity_booking_accept")
        )
        self.assertEqual(customer.freight_stage, "customer")
        told = self._messages_to(request, self.sales, before)
        self.assertEqual(len(told), 1)
        self.assertIn(request.job_number, str(told.body))

        # 9. The sales manager, at a desk, sees it in the care report and the
        # win-rate analysis.
        self._tour(
            "/odoo/action-freight_crm.freight_customer_care_report_action",
            "freight_journey_manager_care_tour",
            "jt_manager",
        )
        self._tour(
            "/odoo/action-freight_quotation.freight_quotation_analysis_action",
            "freight_journey_manager_winrate_tour",
            "jt_manager",
        )
        care = self.env["freight.customer.care.report"].search(
            [("partner_id", "=", customer.id)]
        )
        self.assertEqual(
            (care.freight_stage, care.user_id, care.last_interaction_date),
            ("customer", self.sales, visit.date),
        )
        self.assertEqual(care.interaction_count, 1)
        self.assertFalse(care.is_neglected)
        analysis = self.env["freight.quotation.analysis"].search(
            [("quotation_id", "=", quotation.id)]
        )
        self.assertEqual(
            (analysis.state, analysis.won_count, analysis.decided_count),
            ("won", 1, 1),
        )
        self.assertEqual((analysis.user_id, analysis.lead_id), (self.sales, lead))
        (group,) = self.env["freight.quotation.analysis"].read_group(
            [("partner_id", "=", customer.id)],
            ["won_count:sum", "win_rate"],
            ["partner_id"],
        )
        self.assertEqual((group["won_count"], group["win_rate"]), (1, 100.0))
