# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Operations read the won quotations their department books: the record
rules of operations are noupdate data, which an upgrade keeps as they were.
Drop them here so that the upgrade creates them again from
freight_quotation_security.xml, with their new domains."""

CHANGED_RULES = (
    "freight_quotation_rule_operations",
    "freight_quotation_option_rule_operations",
    "freight_quotation_line_rule_operations",
    "freight_quotation_container_rule_operations",
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM ir_rule
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'freight_quotation' AND model = 'ir.rule'
                         AND name IN %s)
        """,
        (CHANGED_RULES,),
    )
    cr.execute(
        """
        DELETE FROM ir_model_data
         WHERE module = 'freight_quotation' AND model = 'ir.rule' AND name IN %s
        """,
        (CHANGED_RULES,),
    )
