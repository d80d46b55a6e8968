# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import freight_quotation
from . import freight_quotation_analysis
from . import freight_customer_care_report
