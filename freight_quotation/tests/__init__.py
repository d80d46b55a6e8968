from . import test_quotation_portal
