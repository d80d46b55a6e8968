# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's side of a quotation: the list in /my, the page the e-mail
links to (with its access token), accept with name and signature, decline
with a reason, the PDF and the chatter.

The rules (who may decide, when, what it writes) live in the model:
``_can_be_decided_online``, ``_accept_online`` and ``_decline_online``. This
controller checks the token, calls them and prints only what the customer
may read: the printed charges and the selling side, never a buying price,
a cost, a margin or a rate reference.
"""

from collections import defaultdict

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers import portal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.freight_quotation_selection import DECIDED_STATES

# What the customer's list shows: every quotation sent to them, decided or
# not. Drafts and quotations waiting for a margin approval were never sent.
LISTED_STATES = ("sent", *DECIDED_STATES)
UNSENT_STATES = ("draft", "to_approve")
REPORT_REF = "freight_quotation.action_report_freight_quotation"


class FreightQuotationPortal(portal.CustomerPortal):
    # ------------------------------------------------------------------
    # /my: the counter and the list
    # ------------------------------------------------------------------
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Quotation = self._freight_quotations_sudo()
        domain = self._freight_quotations_domain()
        if "freight_quotation_count" in counters:
            values["freight_quotation_count"] = Quotation.search_count(domain)
        if "freight_quotation_to_answer_count" in counters:
            values["freight_quotation_to_answer_count"] = Quotation.search_count(
                domain + [("state", "=", "sent")]
            )
        return values

    def _freight_quotations_sudo(self):
        # sudo: customers have no access right on quotations; a portal user
        # sees those of their own company only, through the domain below,
        # and opens each with its access token (as the e-mail does).
        return request.env["freight.quotation"].sudo()

    def _freight_quotations_domain(self):
        commercial = request.env.user.partner_id.commercial_partner_id
        if request.env.user._is_public() or not commercial:
            return [(0, "=", 1)]
        return [
            ("partner_id.commercial_partner_id", "=", commercial.id),
            ("state", "in", LISTED_STATES),
        ]

    def _freight_quotation_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date desc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc"},
            "validity": {
                "label": request.env._("Valid Until"),
                "order": "validity_date desc, id desc",
            },
        }

    def _freight_quotation_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "to_answer": {
                "label": request.env._("Waiting for your answer"),
                "domain": [("state", "=", "sent")],
            },
            "accepted": {
                "label": request.env._("Accepted"),
                "domain": [("state", "=", "won")],
            },
        }

    @http.route(
        ["/my/freight_quotations", "/my/freight_quotations/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_freight_quotations(
        self, page=1, sortby="date", filterby="all", **kwargs
    ):
        Quotation = self._freight_quotations_sudo()
        sortings = self._freight_quotation_sortings()
        filters = self._freight_quotation_filters()
        if sortby not in sortings:
            sortby = "date"
        if filterby not in filters:
            filterby = "all"
        domain = self._freight_quotations_domain() + filters[filterby]["domain"]
        pager = portal_pager(
            url="/my/freight_quotations",
            total=Quotation.search_count(domain),
            page=page,
            step=self._items_per_page,
            url_args={"sortby": sortby, "filterby": filterby},
        )
        quotations = Quotation.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_freight_quotations_history"] = quotations.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "quotations": quotations,
                "page_name": "freight_quotation",
                "pager": pager,
                "default_url": "/my/freight_quotations",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return request.render("freight_quotation.portal_my_freight_quotations", values)

    # ------------------------------------------------------------------
    # One quotation
    # ------------------------------------------------------------------
    def _freight_quotation_check_access(self, quotation_id, access_token):
        """The quotation, sudo, for the visitor that may open it: with its
        token, or with their own rights (the salesperson's preview). A
        customer never reaches a quotation that was not sent, token or not.

        :raise AccessError, MissingError: as ``_document_check_access``
        """
        quotation_sudo = self._document_check_access(
            "freight.quotation", quotation_id, access_token=access_token
        )
        if quotation_sudo.state in UNSENT_STATES:
            quotation = request.env["freight.quotation"].browse(quotation_sudo.id)
            if not quotation.has_access("read"):
                raise AccessError(request.env._("This quotation was not sent yet."))
        return quotation_sudo

    @http.route(
        ["/my/freight_quotations/<int:quotation_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_freight_quotation_page(
        self,
        quotation_id,
        access_token=None,
        report_type=None,
        download=False,
        message=False,
        **kwargs,
    ):
        try:
            quotation_sudo = self._freight_quotation_check_access(
                quotation_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=quotation_sudo,
                report_type=report_type,
                report_ref=REPORT_REF,
                download=download,
            )
        return self._freight_quotation_render(
            quotation_sudo, access_token, message=message
        )

    def _freight_quotation_render(
        self, quotation_sudo, access_token, message=False, error=False
    ):
        values = {
            "quotation": quotation_sudo,
            "message": message,
            "error": error,
            "refusal": quotation_sudo._can_be_decided_online(),
            "options": self._freight_quotation_options(quotation_sudo),
            "page_name": "freight_quotation",
            "report_type": "html",
            "res_company": quotation_sudo.company_id,
        }
        if not request.env.user.share:
            values["backend_url"] = (
                f"/odoo/action-freight_quotation.freight_quotation_action/{quotation_sudo.id}"
            )
        values = self._get_page_view_values(
            quotation_sudo, access_token, values, "my_freight_quotations_history", False
        )
        return request.render("freight_quotation.freight_quotation_portal_page", values)

    def _freight_quotation_options(self, quotation_sudo):
        """What the page prints of each option: its printed charges grouped
        (origin, freight, destination, other) with their subtotals, and its
        total in VND and USD. Internal charges are left out here, once."""
        Line = request.env["freight.quotation.line"]
        group_labels = dict(
            Line._fields["charge_group"]._description_selection(request.env)
        )
        vnd, usd = quotation_sudo._vnd_usd()
        currency = quotation_sudo.currency_id
        company = quotation_sudo.company_id
        date = quotation_sudo.date or fields.Date.context_today(quotation_sudo)
        options = []
        for option in quotation_sudo.option_ids:
            by_group = defaultdict(lambda: Line.sudo())
            for line in option.line_ids.filtered("is_printed"):
                by_group[line.charge_group] |= line
            groups = [
                {
                    "label": group_labels[key],
                    "lines": lines,
                    "subtotal": sum(lines.mapped("amount")),
                }
                for key, lines in sorted(
                    by_group.items(), key=lambda item: item[1][:1].group_sequence
                )
            ]
            total = option.amount_total
            options.append(
                {
                    "option": option,
                    "groups": groups,
                    "total_vnd": currency._convert(total, vnd, company, date)
                    if vnd and currency
                    else 0.0,
                    "total_usd": currency._convert(total, usd, company, date)
                    if usd and currency
                    else 0.0,
                }
            )
        return options

    # ------------------------------------------------------------------
    # Decide
    # ------------------------------------------------------------------
    @http.route(
        ["/my/freight_quotations/<int:quotation_id>/accept"],
        type="json",
        auth="public",
        website=True,
    )
    def portal_freight_quotation_accept(
        self, quotation_id, access_token=None, name=None, signature=None, option_id=None
    ):
        # The signature form posts to a URL with the token in its query string.
        access_token = access_token or request.httprequest.args.get("access_token")
        option_id = option_id or request.httprequest.args.get("option_id")
        try:
            quotation_sudo = self._freight_quotation_check_access(
                quotation_id, access_token
            )
        except (AccessError, MissingError):
            return {"error": request.env._("This quotation cannot be opened.")}
        Option = request.env["freight.quotation.option"].sudo()
        try:
            option = Option.browse(int(option_id)) if option_id else Option
        except (TypeError, ValueError):
            return {"error": request.env._("Choose one of the options offered.")}
        try:
            # A refusal must leave nothing behind: the request is committed
            # even when it answers with an error.
            with request.env.cr.savepoint():
                quotation_sudo._accept_online(option, name, signature)
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        except (TypeError, ValueError):
            return {"error": request.env._("The signature could not be read.")}
        return {
            "force_refresh": True,
            "redirect_url": quotation_sudo.get_portal_url(
                query_string="&message=accepted"
            ),
        }

    @http.route(
        ["/my/freight_quotations/<int:quotation_id>/decline"],
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_freight_quotation_decline(
        self, quotation_id, access_token=None, decline_reason=None, **kwargs
    ):
        try:
            quotation_sudo = self._freight_quotation_check_access(
                quotation_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                quotation_sudo._decline_online(decline_reason)
        except (UserError, ValidationError) as error:
            return self._freight_quotation_render(
                quotation_sudo, access_token, error=error.args[0]
            )
        return request.redirect(
            quotation_sudo.get_portal_url(query_string="&message=declined")
        )
