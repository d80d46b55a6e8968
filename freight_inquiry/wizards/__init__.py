from . import freight_inquiry_reject
from . import freight_inquiry_accept
