from . import test_quotation_demo
