from . import freight_customer_reassign
