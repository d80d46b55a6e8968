# Copyright 2026 Freight CRM contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_inquiry_clock
from . import test_inquiry_concurrency
from . import test_inquiry_security
from . import test_inquiry_workflow
from . import test_inquiry_demo
from . import test_inquiry_duplicates
from . import test_inquiry_ui
