# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import TransactionCase, tagged, users

from .common import TODAY, FreightQuotationCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestQuotationPerformance(FreightQuotationCommon, TransactionCase):
    """Item 14: a quotation of 200 charges opens in as many queries as one
    of 5 (the form's web_read, as the web client sends it)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_freight_quotations()
        cls.rate = cls._fcl_rate(
            cls.line_a,
            {cls.c40hc: 2000.0},
            surcharges=[{"charge_type_id": cls.charge_baf.id, "amount": 300.0}],
        )
        cls.tax = cls.env["account.tax"].create(
            {"name": "VAT 8% (test)", "amount": 8.0, "type_tax_use": "sale"}
        )

    def _lines(self, count):
        charges = [self.charge_doc, self.charge_baf, self.charge_thco, self.charge_thcd]
        prices = self.rate.line_ids
        return [
            self._line(
                charges[index % len(charges)],
                sell=100.0 + index,
                buy=80.0,
                name=f"Charge {index}",
                rate_line_id=prices[index % len(prices)].id,
                tax_ids=[Command.set(self.tax.ids)] if index % 2 else [],
                sell_currency_id=(self.vnd if index % 3 else self.usd).id,
                is_printed=bool(index % 5),
            )
            for index in range(count)
        ]

    def _spec(self, node, model):
        """The fields spec the web client builds from a view's arch: the
        fields of this level, the subviews of its x2many fields, and the
        display name of the records it links to."""
        spec = {}
        for field in node.iter("field"):
            parent = field.getparent()
            while parent is not node and parent.tag != "field":
                parent = parent.getparent()
            if parent is not node:
                continue  # a field of a subview
            name = field.get("name")
            definition = self.env[model]._fields[name]
            subview = next(iter(field.iterchildren("list", "form", "kanban")), None)
            if definition.type in ("one2many", "many2many") and subview is not None:
                spec[name] = {"fields": self._spec(subview, definition.comodel_name)}
            elif definition.relational:
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _open(self, quotation, spec):
        """Queries to open QUOTATION's form, from a cold cache."""
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        before = self.env.cr.sql_log_count
        records = self.env["freight.quotation"].browse(quotation.id)
        result = records.web_read(spec)
        count = self.env.cr.sql_log_count - before
        return count, result

    @users("fr_sales")
    def test_form_queries_do_not_grow_with_lines(self):
        Quotation = self.env["freight.quotation"]
        views = Quotation.get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        spec = self._spec(arch, "freight.quotation")
        self.assertIn("buy_price", spec["line_ids"]["fields"])
        warm = self._quotation(lines=self._lines(3))
        small = self._quotation(lines=self._lines(5))
        large = self._quotation(lines=self._lines(200))
        self.env.flush_all()
        self._open(warm, spec)
        small_count, small_data = self._open(small, spec)
        large_count, large_data = self._open(large, spec)
        self.assertEqual(len(small_data[0]["line_ids"]), 5)
        self.assertEqual(len(large_data[0]["line_ids"]), 200)
        self.assertEqual(
            {line["rate_line_id"]["id"] for line in large_data[0]["line_ids"]},
            set(self.rate.line_ids.ids),
        )
        _logger.info(
            "Quotation form read: %s queries with 5 lines, %s with 200",
            small_count,
            large_count,
        )
        self.assertEqual(large_count, small_count)
