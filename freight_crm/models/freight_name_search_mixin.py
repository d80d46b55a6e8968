# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL, Query


class FreightNameSearchMixin(models.AbstractModel):
    """Name search the way Vietnamese users type.

    With or without diacritics comes from Odoo itself: with the ``unaccent``
    option on and the extension in the database, every ``ilike`` compares
    ``unaccent(column)`` with ``unaccent(value)`` ("cat lai" finds "Cát Lái").
    This mixin adds the form typed without spaces, as on a code: a value with
    no space also matches the names listed in ``_freight_compact_search_fields``
    with their spaces removed ("CATLAI" finds "Cát Lái"), still through
    unaccent. The models that use it list it after their own ``_inherit``.
    """

    _name = "freight.name.search.mixin"
    _description = "Name Search Without Diacritics or Spaces"

    # Char columns compared with their spaces removed.
    _freight_compact_search_fields = ("name",)

    @api.model
    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator != "ilike" or not isinstance(value, str):
            return domain
        compact = "".join(value.split())
        if len(compact) < 3 or compact != value.strip():
            # Short or spaced values: the plain unaccented ilike covers them.
            return domain
        fnames = list(self._freight_compact_search_fields)
        # The query below reads the columns: write pending changes first, as
        # the ORM does for the fields of a domain.
        self.flush_model(fnames)
        unaccent = self.env.registry.unaccent
        query = Query(self.env, self._table, self._table_sql)
        pattern = unaccent(SQL("%s", f"%{compact}%"))
        query.add_where(
            SQL(" OR ").join(
                SQL(
                    "replace(%s, ' ', '') ILIKE %s",
                    unaccent(SQL.identifier(self._table, fname)),
                    pattern,
                )
                for fname in fnames
            )
        )
        return expression.OR([domain, [("id", "in", query)]])
