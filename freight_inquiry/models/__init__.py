from . import freight_inquiry_selection
from . import freight_inquiry
from . import freight_inquiry_container
from . import freight_inquiry_reject_reason
from . import freight_quotation
from . import crm_lead
from . import res_partner
from . import freight_inquiry_demo
