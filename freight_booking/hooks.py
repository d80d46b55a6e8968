# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Operations now read only the won quotations their department books:
    recompute who reads the quotations already there."""
    quotations = env["freight.quotation"].with_context(active_test=False).search([])
    env.add_to_compute(quotations._fields["operations_group_ids"], quotations)
    quotations.flush_model(["operations_group_ids"])
