from . import freight_inquiry_selection
from . import freight_inquiry
from . import freight_inquiry_container
from . import freight_inquiry_reject_reason
from . import freight_quotation
from . import freight_inquiry_routing_rule
from . import freight_inquiry_sla
