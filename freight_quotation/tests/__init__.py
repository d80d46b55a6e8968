from . import test_quotation_portal
from . import test_ui
