from . import freight_quotation_analysis
from . import freight_customer_care_report
