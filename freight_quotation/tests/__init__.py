# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_quotation
from . import test_quotation_demo
from . import test_quotation_performance
from . import test_quotation_portal
from . import test_quotation_recheck
from . import test_quotation_report
from . import test_quotation_security
from . import test_quotation_workflow
from . import test_ui
from . import test_quotation_analysis
