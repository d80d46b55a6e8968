"""The rights matrix: for every freight model, every Freight group (and a
portal user, and a plain employee) and create/read/write/unlink, the answer
the access rights (ir.model.access) must give, written out here by hand and
checked against the running server over JSON-RPC, as each user.

The tables are the independent statement of who may do what: they are not
computed from the ir.model.access.csv files. A freight model without a row
(or a row for a model that is gone) fails the test, so a new model cannot
ship without someone deciding its rights.

Record rules are not part of these tables (has_access on an empty recordset
answers the access rights only); a smaller table at the end checks the main
record rule: a salesperson sees only their own customers' documents.
"""

from jsonrpc_client import JsonRpcCase

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

# The roles, in the order of the columns below; each is one test user.
ROLES = {
    "sales": "freight_crm.group_freight_sales",
    "manager": "freight_crm.group_freight_sales_manager",
    "pricing": "freight_crm.group_freight_pricing",
    "sea": "freight_crm.group_freight_operations_sea",
    "air": "freight_crm.group_freight_operations_air",
    "logistics": "freight_crm.group_freight_operations_logistics",
    "trucking": "freight_crm.group_freight_operations_trucking",
    "admin": "freight_crm.group_freight_admin",
    "portal": "base.group_portal",  # a customer's portal login
    "employee": "base.group_user",  # an employee in no Freight group
}
ACCESS_ERROR = "odoo.exceptions.AccessError"
OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}

# One line per model, one cell per role (ROLES' order): the letters of the
# operations allowed (c create, r read, w write, u unlink), "-" for none.
# fmt: off
# sales manager pricing sea air logistics trucking admin portal employee
MODELS = {
    # Master data: every employee reads it, the administrator keeps it.
    "freight.port":                    "r    r    r    r    r    r    r    crwu -    r",
    "freight.container.type":          "r    r    r    r    r    r    r    crwu -    r",
    "freight.charge.type":             "r    r    r    r    r    r    r    crwu -    r",
    "freight.operation.department":    "r    r    r    r    r    r    r    crwu -    r",
    # Sales' own lists, kept by the sales manager (not only the admin).
    "freight.classification":          "r    crwu r    r    r    r    r    crwu -    r",
    "freight.interaction.kind":        "r    crwu r    r    r    r    r    crwu -    r",
    # The customer file: sales only (rules: own customers).
    "freight.interaction":             "crwu crwu -    -    -    -    -    crwu -    -",
    "freight.customer.need":           "crwu crwu -    -    -    -    -    crwu -    -",
    "freight.booking.plan":            "crwu crwu -    -    -    -    -    crwu -    -",
    "freight.customer.financial":      "crwu crwu -    -    -    -    -    crwu -    -",
    "freight.customer.media":          "crwu crwu -    -    -    -    -    crwu -    -",
    # The reassignment history: written by the reassign wizard, never edited.
    "freight.customer.reassignment":   "r    cr   -    -    -    -    -    cr   -    -",
    # The monthly care report: the manager's.
    "freight.customer.care.report":    "-    r    -    -    -    -    -    r    -    -",
    # Buying rates: pricing keeps them, sales read them.
    "freight.rate":                    "r    r    crwu -    -    -    -    crwu -    -",
    "freight.rate.line":               "r    r    crwu -    -    -    -    crwu -    -",
    # Inquiries: sales ask, pricing answers (no create: pricing never asks).
    "freight.inquiry":                 "crwu crwu rw   -    -    -    -    crwu -    -",
    "freight.inquiry.container":       "crwu crwu r    -    -    -    -    crwu -    -",
    # Pricing's settings of the inquiry desk (kept by pricing, not the admin).
    "freight.inquiry.reject.reason":   "r    r    crwu r    r    r    r    crwu -    r",
    "freight.inquiry.routing.rule":    "r    r    crwu r    r    r    r    crwu -    r",
    "freight.inquiry.sla":             "r    r    crwu r    r    r    r    crwu -    r",
    # Quotations: sales own them; pricing prices the options and lines (no
    # write on the quotation itself); operations read them for the booking.
    "freight.quotation":               "crwu crwu r    r    r    r    r    crwu -    -",
    "freight.quotation.option":        "crwu crwu rw   r    r    r    r    crwu -    -",
    "freight.quotation.line":          "crwu crwu rw   r    r    r    r    crwu -    -",
    "freight.quotation.container":     "crwu crwu r    r    r    r    r    crwu -    -",
    "freight.quotation.template":      "r    crwu r    r    r    r    r    crwu -    -",
    "freight.quotation.template.line": "r    crwu r    r    r    r    r    crwu -    -",
    # The margin floor: the manager sets it; operations never see margins.
    "freight.quotation.margin.rule":   "r    crwu r    -    -    -    -    crwu -    -",
    "freight.quotation.analysis":      "r    r    r    -    -    -    -    r    -    -",
    # Booking requests: sales create, operations accept/reject (no create,
    # no delete). Surprising: sales may also write and delete the checklist
    # lines of their requests (crwu; the model stops them ticking a point or
    # removing the department's), operations only tick them (rw).
    "freight.booking.request":         "crwu crwu -    rw   rw   rw   rw   crwu -    -",
    "freight.booking.container":       "crwu crwu -    r    r    r    r    crwu -    -",
    "freight.booking.checklist":       "crwu crwu -    rw   rw   rw   rw   crwu -    -",
    # Operations' own settings, kept by the departments (each its own
    # checklist items, by record rule), not by the admin only; everyone
    # reads them.
    "freight.operation.checklist.item": "r   r    r    crwu crwu crwu crwu crwu -    r",
    "freight.booking.reject.reason":   "r    r    r    crwu crwu crwu crwu crwu -    r",
}

# The wizards (transient models): the same check, a separate table. No
# unlink where the wizard only lives until the vacuum.
WIZARDS = {
    "freight.customer.reassign":       "-    crwu -    -    -    -    -    crwu -    -",
    "freight.rate.import":             "-    -    crwu -    -    -    -    crwu -    -",
    "freight.rate.import.error":       "-    -    crwu -    -    -    -    crwu -    -",
    "freight.rate.finder":             "crwu crwu crwu -    -    -    -    crwu -    -",
    "freight.rate.finder.result":      "crwu crwu crwu -    -    -    -    crwu -    -",
    "freight.inquiry.accept":          "-    -    crw  -    -    -    -    crw  -    -",
    "freight.inquiry.accept.result":   "-    -    crw  -    -    -    -    crw  -    -",
    "freight.inquiry.reject":          "-    -    crw  -    -    -    -    crw  -    -",
    "freight.quotation.lost":          "crw  crw  -    -    -    -    -    crw  -    -",
    # Refusing a quotation under the floor is the manager's.
    "freight.quotation.refuse":        "-    crw  -    -    -    -    -    crw  -    -",
    "freight.booking.reject":          "-    -    -    crw  crw  crw  crw  crw  -    -",
}

# Record rules on the main documents: one demo record each, of a customer of
# another salesperson (the "owner", a demo user; none of the test users owns
# a customer). One cell per role, "owner" first then ROLES' order: "r" read,
# "w" write, "-" neither. The access rights above still apply (pricing never
# writes a quotation). The portal reaches its quotations through the portal
# pages (token, sudo), never through the models.
# owner sales manager pricing sea air logistics trucking admin portal employee
RECORDS = {
    # lan.sales's coffee exporter: its visits and needs are hers alone.
    "freight_crm.interaction_ca_phe_ban_me_1_demo":   "rw -  rw -  -  -  -  -  rw -  -",
    "freight_crm.need_ca_phe_ban_me_1_demo":          "rw -  rw -  -  -  -  -  rw -  -",
    # A submitted inquiry: pricing sees and answers every inquiry.
    "freight_inquiry.inquiry_choxanh_lax_demo":       "rw -  rw rw -  -  -  -  rw -  -",
    # A sent quotation: pricing reads it, no operations department does.
    "freight_quotation.quotation_choxanh_lcl_demo":   "rw -  rw r  -  -  -  -  rw -  -",
    # A won sea quotation: the sea department reads it, the others do not.
    "freight_quotation.quotation_chaudoc_mnl_demo":   "rw -  rw r  r  -  -  -  rw -  -",
    # Booking requests: their own department only (sea, then air).
    "freight_booking.booking_chaudoc_mnl_demo":       "rw -  rw -  rw -  -  -  rw -  -",
    "freight_booking.booking_hbx_air_lax_demo":       "rw -  rw -  -  rw -  -  rw -  -",
}
# fmt: on


def _expected(table):
    """{(model, role, operation): allowed} from a table above."""
    answers = {}
    for model, line in table.items():
        cells = line.split()
        assert len(cells) == len(ROLES), f"{model}: {len(cells)} cells"
        for role, cell in zip(ROLES, cells, strict=True):
            assert cell == "-" or set(cell) <= set(OPERATIONS), (model, cell)
            for letter, operation in OPERATIONS.items():
                answers[model, role, operation] = letter in cell
    return answers


@tagged("post_install", "-at_install")
class TestRightsMatrix(JsonRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {}
        for role, group in ROLES.items():
            groups = group if group.startswith("base.") else f"base.group_user,{group}"
            login = f"rm_{role}"
            cls.users[role] = new_test_user(
                cls.env, login=login, password=f"{login}_pw", groups=groups
            )

    def _discovered(self, transient):
        """The freight models of the registry: concrete, TRANSIENT or not."""
        models = self.env["ir.model"].search(
            [("model", "=like", "freight.%"), ("transient", "=", transient)]
        )
        return {
            name
            for name in models.mapped("model")
            if name in self.env and not self.env[name]._abstract
        }

    def test_every_model_has_a_row(self):
        for table, transient in ((MODELS, False), (WIZARDS, True)):
            discovered = self._discovered(transient)
            self.assertTrue(discovered)
            self.assertFalse(
                discovered - set(table),
                "freight models without a row in the rights matrix: decide "
                "their rights and add a row",
            )
            self.assertFalse(
                set(table) - discovered,
                "rows of the rights matrix for models that are gone (or no "
                "longer of this kind)",
            )

    def test_the_users_have_exactly_their_group(self):
        """The portal user and the employee are in no Freight group, each
        department user in their own department only: the columns mean what
        they say."""
        category = self.env.ref("freight_crm.module_category_freight")
        freight = self.env["res.groups"].search([("category_id", "=", category.id)])
        self.assertFalse(self.users["portal"].groups_id & freight)
        self.assertFalse(self.users["employee"].groups_id & freight)
        self.assertTrue(self.users["portal"].share)
        self.assertFalse(self.users["employee"].share)
        for role in ("sea", "air", "logistics", "trucking"):
            departments = self.users[role].groups_id & freight.filtered(
                lambda g: g.get_external_id()[g.id].startswith(
                    "freight_crm.group_freight_operations_"
                )
            )
            self.assertEqual(departments, self.env.ref(ROLES[role]))

    def _allowed(self, call, model, operation):
        """Whether the server lets the user do OPERATION on MODEL. Reading is
        really tried (a search_count: an AccessError or a number); the other
        operations are asked with has_access on no record, which answers the
        access rights without writing anything."""
        if operation == "read":
            with mute_logger("odoo.http"):  # a refusal is logged as a warning
                answer = call(model, "search_count", [[]])
            if "error" in answer:
                self.assertEqual(
                    answer["error"]["data"]["name"], ACCESS_ERROR, (model, answer)
                )
                return False
            self.assertIsInstance(answer["result"], int)
            return True
        answer = call(model, "has_access", [[], operation])
        self.assertNotIn("error", answer, (model, operation))
        return answer["result"]

    def _check(self, table):
        expected = _expected(table)
        answers = {}
        for role in ROLES:
            call = self._client(f"rm_{role}")
            for model in table:
                for operation in OPERATIONS.values():
                    answers[model, role, operation] = self._allowed(
                        call, model, operation
                    )
        wrong = sorted(
            f"{model} {role} {operation}: expected {expected[key]}, got {answers[key]}"
            for key in expected
            for model, role, operation in [key]
            if answers[key] is not expected[key]
        )
        self.assertEqual(wrong, [], "the server disagrees with the rights matrix")
        return answers

    def test_acl_matrix(self):
        answers = self._check(MODELS)
        self.assertEqual(len(answers), len(MODELS) * len(ROLES) * len(OPERATIONS))

    def test_acl_matrix_wizards(self):
        self._check(WIZARDS)

    def test_record_rules(self):
        wrong = []
        clients = {role: self._client(f"rm_{role}") for role in ROLES}
        for xmlid, line in RECORDS.items():
            record = self.env.ref(xmlid)
            owner = record.partner_id.commercial_partner_id.user_id
            self.assertTrue(owner, xmlid)
            self.assertNotIn(owner, self.users.values())
            # The demo users' password is their login.
            clients["owner"] = self._client(owner.login, password=owner.login)
            cells = line.split()
            self.assertEqual(len(cells), len(ROLES) + 1, xmlid)
            for role, cell in zip(["owner", *ROLES], cells, strict=True):
                for letter, operation in (("r", "read"), ("w", "write")):
                    answer = clients[role](
                        record._name, "has_access", [record.ids, operation]
                    )
                    self.assertNotIn("error", answer, (xmlid, role, operation))
                    if answer["result"] is not (letter in cell):
                        wrong.append(f"{xmlid} {role} {operation}: {answer['result']}")
        self.assertEqual(wrong, [], "the server disagrees with the record rules")
