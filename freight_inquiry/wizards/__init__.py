from . import freight_inquiry_reject
