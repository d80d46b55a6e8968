from . import freight_customer_care_report
