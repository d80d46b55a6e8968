"""The whole journey of a customer over real HTTP, each step as the user who
does it in real life (JSON-RPC execute_kw; the customer on the portal page
with the e-mail's token): a lead customer visited, an opportunity, an
inquiry priced by pricing from the lane's buying rate, a margin under the
floor approved by the sales manager, the quotation sent and accepted online,
a booking request accepted by sea operations with its job number, and the
care report and win-rate analysis showing it. Every notification is
asserted where it lands; the dates are today's (the server's clock is not
frozen over HTTP)."""

import json
from datetime import timedelta

from journey_world import BUY, build_journey_world
from jsonrpc_client import JsonRpcCase

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

ACCESS_ERROR = "odoo.exceptions.AccessError"
USER_ERROR = "odoo.exceptions.UserError"
# A 1x1 PNG, as the signature pad sends it (base64, without the data: prefix).
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestJourney(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        build_journey_world(cls, "jr", password=lambda login: f"{login}_pw")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _call(self, login, model, method, args, kwargs=None):
        with mute_logger("odoo.http"):  # refusals are logged as warnings
            return self._client(login, lang="en_US")(model, method, args, kwargs)

    def _ok(self, login, model, method, args, kwargs=None):
        answer = self._call(login, model, method, args, kwargs)
        self.assertNotIn("error", answer, answer)
        self.env.invalidate_all()
        return answer["result"]

    def _refused(self, answer, exception, message=None):
        self.assertIn("error", answer, answer)
        self.assertEqual(answer["error"]["data"]["name"], exception, answer)
        if message:
            self.assertIn(message, answer["error"]["data"]["message"])
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

    def _portal_url(self, quotation, suffix=""):
        token = quotation.sudo().access_token
        return f"/my/freight_quotations/{quotation.id}{suffix}?access_token={token}"

    # ------------------------------------------------------------------
    # The journey
    # ------------------------------------------------------------------
    def test_journey(self):
        # 1. The salesperson creates a lead customer, its contact, a visit.
        customer_id = self._ok(
            "jr_sales",
            "res.partner",
            "create",
            [
                {
                    "name": "Journey Rubber Co.",
                    "is_company": True,
                    "freight_stage": "lead",
                    "email": "info@journey-rubber.example.com",
                }
            ],
        )
        customer = self.env["res.partner"].browse(customer_id)
        self.assertEqual(customer.freight_stage, "lead")
        self.assertEqual(customer.user_id, self.sales)
        contact_id = self._ok(
            "jr_sales",
            "res.partner",
            "create",
            [
                {
                    "name": "Trần Thị Mai",
                    "parent_id": customer_id,
                    "email": "mai@journey-rubber.example.com",
                }
            ],
        )
        contact = self.env["res.partner"].browse(contact_id)
        self.assertFalse(contact.user_ids, "the customer has no portal user")
        # Not a stage by hand: a lead becomes a customer by its bookings.
        self._refused(
            self._call(
                "jr_sales",
                "res.partner",
                "write",
                [[customer_id], {"freight_stage": "customer"}],
            ),
            ACCESS_ERROR,
            "Only a sales manager can set the customer stage",
        )
        self.assertEqual(customer.freight_stage, "lead")
        visit_start = fields.Datetime.now() - timedelta(hours=2)
        visit_id = self._ok(
            "jr_sales",
            "freight.interaction",
            "create",
            [
                {
                    "name": "First visit",
                    "partner_id": customer_id,
                    "contact_id": contact_id,
                    "kind_id": self.env.ref("freight_crm.interaction_kind_visit").id,
                    "date_start": fields.Datetime.to_string(visit_start),
                }
            ],
        )
        self.assertIs(
            self._ok("jr_sales", "freight.interaction", "action_done", [[visit_id]]),
            True,
        )
        visit = self.env["freight.interaction"].browse(visit_id)
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.user_id, self.sales)
        self.assertEqual(customer.last_interaction_date, visit.date)

        # 2. The salesperson opens an opportunity for it.
        lead_id = self._ok(
            "jr_sales",
            "crm.lead",
            "create",
            [
                {
                    "name": "Rubber to Busan",
                    "type": "opportunity",
                    "partner_id": customer_id,
                    "team_id": self.team.id,
                    "user_id": self.sales.id,
                    "transport_mode": "sea_fcl",
                    "freight_direction": "export",
                    "origin_port_id": self.cat_lai.id,
                    "destination_port_id": self.busan.id,
                }
            ],
        )
        lead = self.env["crm.lead"].browse(lead_id)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, customer)

        # 3. The salesperson asks pricing (the margin rule of the customer is
        # the administrator's: a markup of 15%, a floor of 10%).
        self.env["freight.quotation.margin.rule"].create(
            {
                "partner_id": customer_id,
                "mode": "sea_fcl",
                "markup_type": "percent",
                "markup_value": 15.0,
                "min_margin_percent": 10.0,
            }
        )
        inquiry_id = self._ok(
            "jr_sales",
            "freight.inquiry",
            "create",
            [
                {
                    "partner_id": customer_id,
                    "lead_id": lead_id,
                    "mode": "sea_fcl",
                    "direction": "export",
                    "pol_id": self.cat_lai.id,
                    "pod_id": self.busan.id,
                    "commodity": "Natural rubber",
                    "container_ids": [
                        [0, 0, {"container_type_id": self.c40hc.id, "quantity": 2}]
                    ],
                }
            ],
        )
        before = self._last_message_id()
        self.assertIs(
            self._ok("jr_sales", "freight.inquiry", "action_submit", [[inquiry_id]]),
            True,
        )
        inquiry = self.env["freight.inquiry"].browse(inquiry_id)
        self.assertEqual(inquiry.state, "submitted")
        self.assertEqual(inquiry.pricing_user_id, self.pricing)
        self.assertIn(self.pricing.partner_id, inquiry.message_partner_ids)
        self.assertTrue(self._messages_to(inquiry, self.pricing, before))
        answer = self._activities(
            inquiry, "freight_inquiry.mail_activity_inquiry_answer"
        )
        self.assertEqual(answer.user_id, self.pricing)
        # Sales do not accept their own inquiry.
        self._refused(
            self._call("jr_sales", "freight.inquiry", "action_accept", [[inquiry_id]]),
            ACCESS_ERROR,
            "Only pricing can accept an inquiry.",
        )
        self.assertEqual(inquiry.state, "submitted")
        self.assertFalse(inquiry.quotation_id)

        # 4. Pricing accepts: the quotation is prefilled from the finder.
        before = self._last_message_id()
        self.assertIs(
            self._ok("jr_pricing", "freight.inquiry", "action_accept", [[inquiry_id]]),
            True,
        )
        self.assertEqual(inquiry.state, "accepted")
        self.assertFalse(
            self._activities(inquiry, "freight_inquiry.mail_activity_inquiry_answer")
        )
        self.assertTrue(self._messages_to(inquiry, self.sales, before))
        (quotation_row,) = self._ok(
            "jr_sales",
            "freight.quotation",
            "search_read",
            [[("inquiry_id", "=", inquiry_id)]],
            {"fields": ["state", "partner_id", "lead_id", "user_id", "line_ids"]},
        )
        quotation = self.env["freight.quotation"].browse(quotation_row["id"])
        self.assertEqual(quotation_row["state"], "draft")
        self.assertEqual(quotation_row["partner_id"][0], customer_id)
        self.assertEqual(quotation_row["lead_id"][0], lead_id)
        self.assertEqual(quotation_row["user_id"][0], self.sales.id)
        self.assertEqual(quotation.option_ids.rate_id, self.rate)
        freight = quotation.line_ids.filtered("rate_line_id")
        self.assertEqual(
            (freight.buy_price, freight.quantity, freight.container_type_id),
            (BUY, 2, self.c40hc),
        )
        self.assertAlmostEqual(freight.sell_price, BUY * 1.15, places=2)

        # 5. Sales cut the margin under the floor and send: the sales manager
        # approves, then sales send it.
        lines = self._ok(
            "jr_sales",
            "freight.quotation.line",
            "search_read",
            [[("quotation_id", "=", quotation.id), ("buy_price", ">", 0)]],
            {"fields": ["buy_price"]},
        )
        for line in lines:
            self._ok(
                "jr_sales",
                "freight.quotation.line",
                "write",
                [[line["id"]], {"sell_price": round(line["buy_price"] * 1.05, 2)}],
            )
        # And address it to the contact met at the visit.
        self._ok(
            "jr_sales",
            "freight.quotation",
            "write",
            [[quotation.id], {"contact_id": contact_id}],
        )
        self.assertLess(quotation.lowest_margin_percent, 10.0)
        self.assertTrue(quotation.needs_approval)
        self._ok("jr_sales", "freight.quotation", "action_send", [[quotation.id]])
        self.assertEqual(quotation.state, "to_approve")
        approval = self._activities(
            quotation, "freight_quotation.mail_activity_margin_approval"
        )
        self.assertEqual(approval.user_id, self.manager)
        # The salesperson does not approve their own margin.
        self._refused(
            self._call(
                "jr_sales", "freight.quotation", "action_approve", [[quotation.id]]
            ),
            ACCESS_ERROR,
            "Only a sales manager",
        )
        self.assertEqual(quotation.state, "to_approve")
        self.assertFalse(quotation.approved_by_id)
        self.assertIs(
            self._ok(
                "jr_manager", "freight.quotation", "action_approve", [[quotation.id]]
            ),
            True,
        )
        self.assertEqual(quotation.state, "draft")
        self.assertEqual(quotation.approved_by_id, self.manager)
        self.assertFalse(approval.exists(), "the approval activity is done")
        self.assertTrue(
            quotation.message_ids.filtered(
                lambda msg: msg.mail_activity_type_id
                == self.env.ref("freight_quotation.mail_activity_margin_approval")
            ),
            "the approval is logged as done",
        )
        todo = self._activities(quotation, "mail.mail_activity_data_todo")
        self.assertEqual(todo.user_id, self.sales)
        composer = self._ok(
            "jr_sales", "freight.quotation", "action_send", [[quotation.id]]
        )
        self.assertEqual(quotation.state, "sent")
        self.assertEqual(quotation.sent_date, self.today)
        self.assertEqual(customer.freight_stage, "prospect")
        self.assertEqual(composer["res_model"], "mail.compose.message")
        # The composer posts the e-mail, as the web client does.
        before = self._last_message_id()
        wizard_id = self._ok(
            "jr_sales",
            "mail.compose.message",
            "create",
            [{}],
            {"context": composer["context"] | {"lang": "en_US"}},
        )
        self._ok(
            "jr_sales",
            "mail.compose.message",
            "action_send_mail",
            [[wizard_id]],
            {"context": composer["context"] | {"lang": "en_US"}},
        )
        sent = quotation.message_ids.filtered(
            lambda msg: msg.id > before and contact in msg.partner_ids
        )
        self.assertEqual(len(sent), 1, "the quotation was e-mailed to the contact")

        # 6. The customer accepts the option online with the e-mail's token.
        page = self.url_open(self._portal_url(quotation))
        self.assertEqual(page.status_code, 200)
        self.assertIn(quotation.name, page.text)
        # The selling prices, never the buying ones (650 a container, 1,300).
        self.assertIn("682", page.text)
        for printed in ("650.00", "650,00", "1,300.00", "1.300,00"):
            self.assertNotIn(printed, page.text)
        option = quotation.option_ids
        self.assertEqual(len(option), 1)
        before = self._last_message_id()
        response = self.url_open(
            self._portal_url(quotation, "/accept"),
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "name": "Trần Thị Mai",
                        "signature": SIGNATURE,
                        "option_id": option.id,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        result = response.json()["result"]
        self.assertIn("message=accepted", result.get("redirect_url", ""), result)
        self.env.invalidate_all()
        self.assertEqual(quotation.state, "won")
        self.assertEqual(quotation.selected_option_id, option)
        self.assertEqual(quotation.decision_date, self.today)
        self.assertTrue(lead.stage_id.is_won)
        self.assertEqual(customer.freight_stage, "prospect")
        told = self._messages_to(quotation, self.sales, before)
        self.assertEqual(len(told), 1)
        self.assertEqual(told.author_id, contact)
        self.assertTrue(
            self.env["mail.notification"].search(
                [
                    ("mail_message_id", "=", told.id),
                    ("res_partner_id", "=", self.sales.partner_id.id),
                ]
            )
        )

        # 7. Sales request the booking from the won quotation.
        action = self._ok(
            "jr_sales",
            "freight.quotation",
            "action_new_booking_request",
            [[quotation.id]],
        )
        self.assertEqual(action["res_model"], "freight.booking.request")
        etd = self.today + timedelta(days=10)
        request_id = self._ok(
            "jr_sales",
            "freight.booking.request",
            "create",
            [
                {
                    "etd": fields.Date.to_string(etd),
                    "consignee_id": self.consignee.id,
                    "gross_weight": 40000.0,
                }
            ],
            {"context": action["context"] | {"lang": "en_US"}},
        )
        request = self.env["freight.booking.request"].browse(request_id)
        self.assertEqual(request.quotation_id, quotation)
        self.assertEqual(request.partner_id, customer)
        self.assertEqual(request.shipper_id, customer)
        self.assertEqual(request.option_id, option)
        self.assertEqual(request.department_id, self.sea_department)
        before = self._last_message_id()
        self.assertIs(
            self._ok(
                "jr_sales", "freight.booking.request", "action_request", [[request_id]]
            ),
            True,
        )
        self.assertEqual(request.state, "requested")
        self.assertIn(self.sea.partner_id, request.message_partner_ids)
        self.assertTrue(self._messages_to(request, self.sea, before))
        accept = self._activities(
            request, "freight_booking.mail_activity_booking_accept"
        )
        self.assertEqual(accept.user_id, self.sea)
        # The salesperson does not accept their own request.
        self._refused(
            self._call(
                "jr_sales", "freight.booking.request", "action_accept", [[request_id]]
            ),
            ACCESS_ERROR,
            "Only Sea Operations can accept",
        )
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)
        # Nor does sea operations before the checklist is complete.
        self._refused(
            self._call(
                "jr_sea", "freight.booking.request", "action_accept", [[request_id]]
            ),
            USER_ERROR,
            "Complete the checklist",
        )
        self.assertEqual(request.state, "requested")
        self.assertFalse(request.job_number)

        # 8. Sea operations tick the checklist and accept: the job number.
        (row,) = self._ok(
            "jr_sea",
            "freight.booking.request",
            "read",
            [[request_id], ["checklist_ids"]],
        )
        self.assertTrue(row["checklist_ids"])
        self._ok(
            "jr_sea",
            "freight.booking.checklist",
            "write",
            [row["checklist_ids"], {"done": True}],
        )
        before = self._last_message_id()
        self.assertIs(
            self._ok(
                "jr_sea", "freight.booking.request", "action_accept", [[request_id]]
            ),
            True,
        )
        self.assertEqual(request.state, "accepted")
        self.assertRegex(request.job_number, rf"^SEA/EXP/{etd.year % 100:02d}/\d{{5}}$")
        self.assertEqual(request.operations_user_id, self.sea)
        self.assertFalse(
            self._activities(request, "freight_booking.mail_activity_booking_accept")
        )
        self.assertEqual(customer.freight_stage, "customer")
        told = self._messages_to(request, self.sales, before)
        self.assertEqual(len(told), 1)
        self.assertIn(request.job_number, str(told.body))

        # 9. The sales manager sees it in the care report and the win rate.
        (care,) = self._ok(
            "jr_manager",
            "freight.customer.care.report",
            "search_read",
            [[("partner_id", "=", customer_id)]],
            {
                "fields": [
                    "freight_stage",
                    "user_id",
                    "last_interaction_date",
                    "interaction_count",
                    "is_neglected",
                ]
            },
        )
        self.assertEqual(care["freight_stage"], "customer")
        self.assertEqual(care["user_id"][0], self.sales.id)
        self.assertEqual(
            care["last_interaction_date"], fields.Date.to_string(visit.date)
        )
        self.assertEqual(care["interaction_count"], 1)
        self.assertFalse(care["is_neglected"])
        (analysis,) = self._ok(
            "jr_manager",
            "freight.quotation.analysis",
            "search_read",
            [[("quotation_id", "=", quotation.id)]],
            {"fields": ["state", "won_count", "decided_count", "user_id", "lead_id"]},
        )
        self.assertEqual(analysis["state"], "won")
        self.assertEqual((analysis["won_count"], analysis["decided_count"]), (1, 1))
        self.assertEqual(analysis["user_id"][0], self.sales.id)
        (group,) = self._ok(
            "jr_manager",
            "freight.quotation.analysis",
            "read_group",
            [
                [("partner_id", "=", customer_id)],
                ["won_count:sum", "win_rate"],
                ["partner_id"],
            ],
        )
        self.assertEqual(group["won_count"], 1)
        self.assertEqual(group["win_rate"], 100.0)
