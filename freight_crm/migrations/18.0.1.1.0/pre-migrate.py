# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A customer belongs to its salesperson: the record rules that let "our
staff" or a customer without salesperson through are noupdate data, which an
upgrade keeps as they were. Drop them here so that the upgrade creates them
again from freight_crm_security.xml, with their new domains."""

CHANGED_RULES = (
    "freight_interaction_rule_own",
    "freight_customer_need_rule_own",
    "freight_booking_plan_rule_own",
    "freight_customer_financial_rule_own",
    "freight_customer_media_rule_own",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM ir_rule
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'freight_crm' AND model = 'ir.rule'
                         AND name IN %s)
        """,
        (CHANGED_RULES,),
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'freight_crm' AND model = 'ir.rule' AND name IN %s
        """,
        (CHANGED_RULES,),
    )
