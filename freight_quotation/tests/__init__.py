from . import test_quotation_analysis
